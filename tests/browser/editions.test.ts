import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listEditions } from '../../src/load/editions.ts';
import { siteUnderTest, useBrowser, visit } from './browser.ts';

const { siteUrl } = siteUnderTest();
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
});
