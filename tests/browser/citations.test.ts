/**
 * The cite and download panels: of every headline figure on the home page, and of every chart, table
 * and fact box of a village's page and a topic page. Each opens from the keyboard, its citations name
 * the edition and a URL that exists in the build (and the anchor on that page), the access date is the
 * reader's day, its downloads are there and of the size it says, and axe finds nothing wrong.
 */
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { join } from 'node:path';
import { listEditions } from '../../src/load/editions.ts';
import { accessedText, CITATION_STYLES } from '../../src/format/citation.ts';
import { AXE_PATH, inLocale, LOCALES, siteUnderTest, useBrowser, visit } from './browser.ts';

const { siteUrl, places } = siteUnderTest();
const session = useBrowser({ bypassCSP: true, permissions: ['clipboard-read', 'clipboard-write'] });
const latest = listEditions(join(inject('siteDataDir'), 'editions')).at(-1)!.id;

type AxeWindow = { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string }[] }> } };

describe.each([
  ['zh-CN', ''],
  ['en', '/en'],
])('the cite panels (%s)', (_locale, prefix) => {
  it('open from the keyboard and cite the latest edition at a URL that exists, with the reader’s access date', async () => {
    const { page } = session;
    await visit(page, `${siteUrl}${prefix}/`);
    const panels = page.locator('.cite-panel');
    expect(await panels.count()).toBeGreaterThan(0);
    const panel = panels.first();
    await panel.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await panel.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);

    const texts = await panel.locator('pre[data-cite-style]').allInnerTexts();
    expect(texts).toHaveLength(CITATION_STYLES.length);
    // The reader's day, in the browser's own time zone.
    const today = await page.evaluate(() => new Intl.DateTimeFormat('sv-SE').format(Date.now()));
    for (const [index, text] of texts.entries()) {
      expect(text).toContain(latest);
      expect(text).toContain(accessedText(CITATION_STYLES[index]!, today));
      const url = new URL(/https?:\/\/[^\s}]+/.exec(text)![0].replace(/[.,]$/, ''));
      expect(url.pathname).toContain(`/editions/${latest}/`);
      // The cited page exists in this build, and holds the figure's anchor.
      await visit(page, `${siteUrl}${url.pathname}`);
      expect(await page.locator(url.hash).count(), url.href).toBe(1);
      await visit(page, `${siteUrl}${prefix}/`);
    }
  });

  it('offer the rows behind the figure as CSV and JSON, of the size they say', async () => {
    const { page } = session;
    await visit(page, `${siteUrl}${prefix}/`);
    const links = page.locator('.cite-panel').first().locator('a[download]');
    expect(await links.count()).toBe(2);
    const said = await links.first().locator('xpath=..').textContent();
    const sizes = said!.match(/\d[\d,]*/g)!.map((n) => Number(n.replace(/,/g, '')));
    expect(sizes).toHaveLength(2);
    for (let i = 0; i < 2; i += 1) {
      const response = await page.request.get(`${siteUrl}${await links.nth(i).getAttribute('href')}`);
      expect(response.status()).toBe(200);
      expect((await response.body()).length).toBe(sizes[i]);
    }
  });

  it('copy a citation to the clipboard', async () => {
    const { page } = session;
    await visit(page, `${siteUrl}${prefix}/`);
    const panel = page.locator('.cite-panel').first();
    await panel.locator('summary').click();
    const button = panel.locator('button.copy-button').first();
    expect(await button.isVisible()).toBe(true);
    await button.click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await panel.locator('pre[data-cite-style]').first().innerText());
  });

  it('have no accessibility violation when open (axe)', async () => {
    const { page } = session;
    await visit(page, `${siteUrl}${prefix}/`);
    await page.evaluate(() => document.querySelectorAll('details.cite-panel').forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await page.addScriptTag({ path: AXE_PATH });
    const violations = await page.evaluate(async () =>
      (await (window as unknown as AxeWindow).axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => v.id),
    );
    expect(violations).toEqual([]);
  });
});

/** A village's page and a topic page: charts, tables, facts and figures, each with its panel. */
const PAGES = [
  { name: 'village', path: `/villages/${places.village.village_code}/`, within: ['.chart-tools', '#figures', '#location', '#projects', '#compare'] },
  { name: 'funds', path: '/funds/', within: ['.chart-tools', '#by-village', '.figure-card'] },
];

describe.each(LOCALES)('every panel of a village page and a topic page (%s)', (locale) => {
  describe.each(PAGES)('$name', ({ path, within }) => {
    const url = `${siteUrl}${inLocale(path, locale)}`;

    it('each chart, table and fact has a panel that opens from the keyboard, under an anchor the page holds once', async () => {
      const { page } = session;
      await visit(page, url);
      for (const selector of within) expect(await page.locator(`${selector} details.cite-panel`).count(), selector).toBeGreaterThan(0);
      const panels = page.locator('details.cite-panel');
      const count = await panels.count();
      for (let i = 0; i < count; i += 1) {
        const panel = panels.nth(i);
        await panel.locator('summary').focus();
        await page.keyboard.press('Enter');
        expect(await panel.evaluate((el) => (el as HTMLDetailsElement).open), `panel ${i}`).toBe(true);
        const here = await panel.locator('dd a').first().getAttribute('href');
        expect(here).toMatch(/^#/);
        expect(await page.locator(here!).count(), here!).toBe(1);
      }
      const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((el) => el.id));
      expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    });

    it('each panel cites the latest edition at a URL that exists, with the anchor there, and the reader’s access date', async () => {
      const { page } = session;
      await visit(page, url);
      const today = await page.evaluate(() => new Intl.DateTimeFormat('sv-SE').format(Date.now()));
      const texts = await page.locator('details.cite-panel pre[data-cite-style]').allTextContents();
      const styles = await page
        .locator('details.cite-panel pre[data-cite-style]')
        .evaluateAll((pres) => pres.map((pre) => pre.getAttribute('data-cite-style')));
      expect(texts.length).toBeGreaterThan(CITATION_STYLES.length * 3);
      const cited = new Map<string, Set<string>>();
      for (const [index, text] of texts.entries()) {
        expect(text).toContain(latest);
        expect(text).toContain(accessedText(styles[index] as (typeof CITATION_STYLES)[number], today));
        const address = new URL(/https?:\/\/[^\s}]+/.exec(text)![0].replace(/[.,]$/, ''));
        expect(address.pathname).toContain(`/editions/${latest}/`);
        expect(address.hash).not.toBe('');
        cited.set(address.pathname, (cited.get(address.pathname) ?? new Set()).add(address.hash));
      }
      // Both languages' copies of the page in the edition, each holding every anchor cited.
      expect(cited.size).toBe(2);
      for (const [pathname, anchors] of cited) {
        await visit(page, `${siteUrl}${pathname}`);
        for (const anchor of anchors) expect(await page.locator(anchor).count(), `${pathname}${anchor}`).toBe(1);
      }
    });

    it('each panel’s downloads are served, CSV and JSON, of the size it says', async () => {
      const { page } = session;
      await visit(page, url);
      const lines = await page.locator('details.cite-panel dd:has(a[download])').evaluateAll((dds) =>
        dds.map((dd) => ({
          text: dd.textContent ?? '',
          links: [...dd.querySelectorAll('a[download]')].map((a) => [a.getAttribute('href'), a.getAttribute('download')]),
        })),
      );
      expect(lines.length).toBeGreaterThan(3);
      const checked = new Map<string, number>();
      for (const { text, links } of lines) {
        const sizes = text.match(/\d[\d,]*(?= (?:bytes|字节))/g)!.map((n) => Number(n.replace(/,/g, '')));
        expect(links.map(([href]) => href!.split('.').at(-1))).toEqual(['csv', 'json']);
        for (const [index, [href, name]] of links.entries()) {
          // Saved under the name of what is cited and its edition.
          expect(name).toContain(latest);
          const known = checked.get(href!);
          if (known === undefined) {
            const response = await page.request.get(`${siteUrl}${href!}`);
            expect(response.status(), href!).toBe(200);
            checked.set(href!, (await response.body()).length);
          }
          expect(checked.get(href!), href!).toBe(sizes[index]);
        }
      }
      // A place's rows are shared: fewer files than links.
      expect(checked.size).toBeLessThan(lines.length * 2);
    });

    it('has no accessibility violation with every panel open (axe)', async () => {
      const { page } = session;
      await visit(page, url);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      await page.addScriptTag({ path: AXE_PATH });
      const violations = await page.evaluate(async () =>
        (await (window as unknown as AxeWindow).axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => v.id),
      );
      expect(violations).toEqual([]);
    });
  });
});
