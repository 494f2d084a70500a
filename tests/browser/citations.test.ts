/**
 * The cite and download panel of every headline figure: it opens from the keyboard, its citations
 * name the edition and a URL that exists in the build (and the figure's anchor on that page), the
 * access date is the reader's day, the download is the CSV the panel says, and axe finds nothing wrong.
 */
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { join } from 'node:path';
import { listEditions } from '../../src/load/editions.ts';
import { accessedText, CITATION_STYLES } from '../../src/format/citation.ts';
import { AXE_PATH, siteUnderTest, useBrowser, visit } from './browser.ts';

const { siteUrl } = siteUnderTest();
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
    const button = panel.locator('button[data-copy]').first();
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
