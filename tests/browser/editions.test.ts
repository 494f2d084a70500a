import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listEditions } from '../../src/load/editions.ts';
import Papa from 'papaparse';
import { siteUnderTest, useBrowser, visit } from './browser.ts';
import { sumExactly } from '../../src/read/sumExactly.ts';
import { parseHundredthsText } from '../../src/format/money.ts';

const { siteUrl, places } = siteUnderTest();
const village = places.village.village_code;
const session = useBrowser();
const editions = listEditions(join(inject('siteDataDir'), 'editions'));

describe('the editions', () => {
  it('are released in the site under test (the default data’s first edition)', () => {
    expect(editions.length).toBeGreaterThan(0);
  });

  it.each([
    ['zh-CN', ''],
    ['en', '/en'],
  ])('are listed newest first with date, note and a link to each changelog (%s)', async (_locale, prefix) => {
    await visit(session.page, `${siteUrl}${prefix}/editions/`);
    const rows = session.page.locator('table.editions tbody tr');
    expect(await rows.count()).toBe(editions.length);
    const newest = editions.at(-1)!;
    expect(await rows.first().locator('code.edition-id').innerText()).toBe(newest.id);
    const link = rows.first().locator(`a[href="${prefix}/editions/${newest.id}/changes/"]`);
    expect(await link.count()).toBe(1);
    await link.click();
    await session.page.waitForURL(`**${prefix}/editions/${newest.id}/changes/`);
    expect(await session.page.locator('h1').innerText()).toContain(newest.id);
  });

  it('each have their own page with every headline figure and their frozen files, byte for byte as released', async () => {
    for (const edition of editions) {
      await visit(session.page, `${siteUrl}/editions/${edition.id}/`);
      expect(await session.page.locator('h1').innerText()).toContain(edition.id);
      expect(await session.page.locator('table.edition-figures tbody tr').count()).toBeGreaterThan(0);
      // The latest edition carries no "this is an old edition" banner.
      expect(await session.page.locator('.edition-banner').count()).toBe(edition.id === editions.at(-1)!.id ? 0 : 1);
      for (const name of Object.keys(edition.files)) {
        const response = await session.page.request.get(`${siteUrl}/editions/${edition.id}/data/${name}`);
        expect(response.status(), name).toBe(200);
        const frozen = readFileSync(join(inject('siteDataDir'), 'editions', edition.id, name));
        expect(Buffer.from(await response.body()).equals(frozen), name).toBe(true);
      }
    }
  });

  it('link from every page’s footer edition id', async () => {
    await visit(session.page, `${siteUrl}/`);
    expect(await session.page.locator('footer a[href="/editions/"] code.edition-id').count()).toBe(1);
  });

  it('are in an Atom feed, an entry in Chinese and one in English each, linking to pages that exist', async () => {
    const response = await session.page.request.get(`${siteUrl}/editions/feed.xml`);
    expect(response.status()).toBe(200);
    // A static host serves .xml by its extension (text/xml or application/xml); feed readers read the Atom inside.
    expect(response.headers()['content-type']).toMatch(/xml/);
    const xml = await response.text();
    await visit(session.page, `${siteUrl}/`);
    const entries = await session.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.querySelector('parsererror') !== null) return undefined;
      return [...doc.getElementsByTagName('entry')].map((entry) => ({
        lang: entry.getAttribute('xml:lang'),
        href: entry.getElementsByTagName('link')[0]?.getAttribute('href') ?? '',
      }));
    }, xml);
    expect(entries).toHaveLength(editions.length * 2);
    expect(new Set(entries!.map((e) => e.lang))).toEqual(new Set(['zh-CN', 'en']));
    for (const entry of entries!) {
      const page = await session.page.request.get(`${siteUrl}${new URL(entry.href).pathname}`);
      expect(page.status(), entry.href).toBe(200);
    }
  });

  it('each have their own copy of the live pages, whose every link stays in the edition and works (both languages)', async () => {
    for (const edition of editions) {
      for (const prefix of ['', '/en']) {
        const root = `${prefix}/editions/${edition.id}`;
        const checked = new Set<string>();
        for (const path of ['/', `/villages/${village}/`, `/towns/${places.townCode}/`, '/funds/', '/data/']) {
          await visit(session.page, `${siteUrl}${root}${path}`);
          const links = await session.page.evaluate(() =>
            // Links in the charts' inline SVG too: their href is an attribute, not a URL property.
            [...document.querySelectorAll('a[href], link[href], form[action]')].map((el) => ({
              url: new URL(el.getAttribute('href') ?? el.getAttribute('action') ?? '', document.baseURI).href,
              live: el.hasAttribute('data-live'),
            })),
          );
          for (const link of links) {
            const url = new URL(link.url);
            // The canonical and hreflang links name the configured site; every other link, this server.
            const ownSite = url.origin === siteUrl || url.origin === 'http://localhost:4321';
            const shared = ['/editions/', '/en/editions/', '/favicon.svg'].includes(url.pathname) || url.pathname.startsWith('/_astro/');
            const aboutEditions = /^(\/en)?\/editions\/[^/]+\/changes\/$/.test(url.pathname);
            if (!ownSite || shared || aboutEditions || link.live) continue;
            expect(url.pathname, `${root}${path} → ${link.url}`).toMatch(new RegExp(`^(/en)?/editions/${edition.id}/`));
            if (url.origin === siteUrl && !checked.has(url.pathname)) {
              checked.add(url.pathname);
              expect((await session.page.request.get(`${siteUrl}${url.pathname}`)).status(), `${root}${path} → ${url.pathname}`).toBe(200);
            }
          }
        }
        expect(checked.size).toBeGreaterThan(20);
      }
    }
  });

  it('show what their frozen data holds, not the live data: each village’s funds by source add up to its frozen rows', async () => {
    for (const edition of editions) {
      const frozen = Papa.parse<Record<string, string>>(
        readFileSync(join(inject('siteDataDir'), 'editions', edition.id, 'funds.csv'), 'utf8').replace(/^\uFEFF/, ''),
        {
          header: true,
          skipEmptyLines: true,
        },
      ).data;
      const codes = [...new Set(frozen.map((row) => row.village_code!))];
      expect(codes.length).toBeGreaterThan(0);
      for (const code of codes) {
        const response = await session.page.request.get(`${siteUrl}/editions/${edition.id}/data/charts/${code}/funds-by-source.csv`);
        expect(response.status(), code).toBe(200);
        const rows = Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
        const shown = sumExactly(rows.map((row) => parseHundredthsText(row[3]!)));
        const expected = sumExactly(frozen.filter((row) => row.village_code === code).map((row) => parseHundredthsText(row.amount_yuan!)));
        expect(shown, `${edition.id} ${code}`).toBe(expected);
      }
    }
  });

  it.each([
    ['zh-CN', ''],
    ['en', '/en'],
  ])('an old edition’s pages say so and link to the same page on the live site; the latest’s do not (%s)', async (_locale, prefix) => {
    // The default data (and its copy in tests/fixtures/region) has a second, illustrative edition.
    expect(editions.length).toBeGreaterThanOrEqual(2);
    const [old, latest] = [editions[0]!, editions.at(-1)!];
    for (const path of [`/villages/${village}/`, '/funds/']) {
      await visit(session.page, `${siteUrl}${prefix}/editions/${old.id}${path}`);
      const banner = session.page.locator('.edition-banner');
      expect(await banner.count()).toBe(1);
      const said = await banner.innerText();
      expect(said).toContain(old.id);
      expect(said).toContain(latest.id);
      const link = banner.locator('a[data-live]');
      expect(await link.getAttribute('href')).toBe(`${prefix}${path}`);
      await link.click();
      await session.page.waitForURL(`${siteUrl}${prefix}${path}`);
      expect(await session.page.locator('.edition-banner').count()).toBe(0);

      await visit(session.page, `${siteUrl}${prefix}/editions/${latest.id}${path}`);
      expect(await session.page.locator('.edition-banner').count()).toBe(0);
    }
  });

  it('the live pages are the latest edition’s: the footer names it and no banner says otherwise', async () => {
    for (const path of ['/', `/villages/${village}/`, '/en/data/']) {
      await visit(session.page, `${siteUrl}${path}`);
      expect(await session.page.locator('footer code.edition-id').innerText()).toBe(editions.at(-1)!.id);
      expect(await session.page.locator('.edition-banner').count()).toBe(0);
    }
  });

  it('a site built from data never released says on every page that it is a preview (both languages)', async () => {
    for (const path of ['/', '/en/', '/en/villages/']) {
      await visit(session.page, `${inject('hostileUrl')}${path}`);
      const banner = session.page.locator('.preview-banner');
      expect(await banner.count(), path).toBe(1);
      expect(await banner.innerText()).toMatch(path.startsWith('/en') ? /Preview/ : /预览/);
    }
  });
});
