/**
 * The whole dataset as the built site serves it: each edition's zip holds exactly its frozen files and
 * a README, byte for byte, and is the zip this test makes again on its own; the data page shows the
 * size and sha256 of the bytes served; its schema.org Dataset parses, has every field and names only
 * addresses that answer; sitemap.xml lists every live page in both languages, and robots.txt names it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { inLocale, LOCALES, siteUnderTest, useBrowser, visit } from './browser.ts';
import { readZip } from '../support/readZip.ts';
import { listEditions } from '../../src/load/editions.ts';
import { editionDatasetZip } from '../../src/load/datasetZip.ts';
import { MANIFEST_FILE } from '../../src/model/editionManifest.ts';
import { TABLES } from '../../src/read/tables.ts';
import type { DatasetJsonLd } from '../../src/publish/datasetJsonLd.ts';
import type { Locale } from '../../src/i18n/locale.ts';

const { siteUrl } = siteUnderTest();
const hostileUrl = inject('hostileUrl');
const dataDir = inject('siteDataDir');
const editionsDir = join(dataDir, 'editions');
const editions = listEditions(editionsDir);
const latest = editions.at(-1)!;
const session = useBrowser();

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function get(url: string): Promise<Buffer> {
  const response = await session.page.request.get(url);
  expect(response.status(), url).toBe(200);
  return response.body();
}

/** What a data page shows of its zip, its schema.org Dataset, and the site's own address (from its canonical link). */
async function readDataPage(origin: string, path: string) {
  await visit(session.page, `${origin}${path}`);
  const page = session.page;
  const scripts = await page.$$eval('script[type="application/ld+json"]', (elements) => elements.map((e) => e.textContent));
  return {
    href: await page.getAttribute('#dataset-zip a[data-zip]', 'href'),
    bytes: Number(await page.getAttribute('#dataset-zip [data-zip-bytes]', 'data-zip-bytes')),
    shownSize: await page.locator('#dataset-zip [data-zip-bytes]').innerText(),
    sha256: await page.locator('#dataset-zip [data-zip-sha256]').innerText(),
    scripts,
    jsonLd: JSON.parse(scripts[0] ?? 'null') as DatasetJsonLd,
    built: new URL((await page.getAttribute('link[rel="canonical"]', 'href'))!).origin,
  };
}

/** An address on the built site (its configured origin) as the test server serves it. */
const served = (origin: string, url: string, built: string) => {
  expect(url.startsWith(`${built}/`), url).toBe(true);
  return `${origin}${url.slice(built.length)}`;
};

describe("each edition's zip", () => {
  it.each(editions.map((e) => [e.id, e] as const))('%s holds exactly its frozen files and a README, and is the zip made again here', async (id, manifest) => {
    const name = `${manifest.regionCode}-${id}.zip`;
    const zip = await get(`${siteUrl}/editions/${id}/data/${name}`);
    const entries = readZip(zip);
    const files = [...Object.keys(manifest.files), MANIFEST_FILE];
    expect(entries.map((e) => e.name)).toEqual([`${manifest.regionCode}-${id}/README.md`, ...files.map((f) => `${manifest.regionCode}-${id}/${f}`)]);
    for (const [i, file] of files.entries()) {
      expect(Buffer.from(entries[i + 1]!.bytes).equals(readFileSync(join(editionsDir, id, file))), file).toBe(true);
    }
    expect(new TextDecoder().decode(entries[0]!.bytes)).toContain(`/editions/${id}/`);
    // The edition's own page lists it with the sha256 of the bytes served.
    await visit(session.page, `${siteUrl}/editions/${id}/`);
    const row = session.page.locator('tr', { has: session.page.locator(`a[href="/editions/${id}/data/${name}"]`) });
    expect(await row.locator('code.sha256').innerText()).toBe(sha256(zip));
    // Made again in this process, from the frozen files, as a later build would: the same bytes.
    const { built } = await readDataPage(siteUrl, `/editions/${id}/data/`);
    expect(zip.equals(Buffer.from(editionDatasetZip(manifest, built, editionsDir).bytes))).toBe(true);
  });

  it('is also the live data’s zip, the same bytes, when the live data is released', async () => {
    const name = `${latest.regionCode}-${latest.id}.zip`;
    expect((await get(`${siteUrl}/data/${name}`)).equals(await get(`${siteUrl}/editions/${latest.id}/data/${name}`))).toBe(true);
  });
});

const dataPages = [
  ...LOCALES.map((locale) => ({ name: `live (${locale})`, origin: siteUrl, path: inLocale('/data/', locale), locale, root: '/data/' })),
  ...LOCALES.map((locale) => ({
    name: `the first edition (${locale})`,
    origin: siteUrl,
    path: inLocale(`/editions/${editions[0]!.id}/data/`, locale),
    locale,
    root: `/editions/${editions[0]!.id}/data/`,
  })),
  ...LOCALES.map((locale) => ({ name: `hostile, a preview (${locale})`, origin: hostileUrl, path: inLocale('/data/', locale), locale, root: '/data/' })),
] satisfies { name: string; origin: string; path: string; locale: Locale; root: string }[];

describe.each(dataPages)('the data page, $name', ({ origin, path, locale, root }) => {
  it('shows the size and sha256 of the zip it links to, as served', async () => {
    const shown = await readDataPage(origin, path);
    expect(shown.href).toMatch(new RegExp(`^${root}150627-[^/]+\\.zip$`));
    const zip = await get(`${origin}${shown.href!}`);
    expect(shown.bytes).toBe(zip.length);
    expect(shown.shownSize.replace(/\D/g, '')).toBe(String(zip.length));
    expect(shown.sha256).toBe(sha256(zip));
  });

  it('describes the dataset as one schema.org Dataset with every field, whose every address answers', async () => {
    const shown = await readDataPage(origin, path);
    expect(shown.scripts).toHaveLength(1);
    const ld = shown.jsonLd;
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('Dataset');
    for (const field of ['name', 'description', 'version', 'temporalCoverage'] as const) expect(ld[field], field).toMatch(/\S/);
    expect(ld.version).toMatch(/^\d{4}-\d{2}-\d{2}-[0-9a-f]+$/);
    expect(ld.inLanguage).toBe(locale);
    expect(ld.temporalCoverage).toMatch(/^\d{4}-\d{2}(-\d{2})?\/\d{4}-\d{2}-\d{2}$/);
    expect(ld.license.map((l) => l.url)).toContain('https://creativecommons.org/publicdomain/zero/1.0/');
    expect(ld.spatialCoverage).toMatchObject({ '@type': 'Place', identifier: '150627' });
    expect(ld.url).toBe(`${shown.built}${path}`);
    expect(ld.distribution.map((d) => d.name)).toEqual([...TABLES.map((t) => t.file), 'datapackage.json', shown.href!.split('/').pop()]);
    for (const file of ld.distribution) {
      expect(file.contentUrl, file.name).toBe(`${shown.built}${root}${file.name}`);
      expect(file.encodingFormat).toBe({ csv: 'text/csv', json: 'application/json', zip: 'application/zip' }[file.name.split('.').pop()!]);
      await get(served(origin, file.contentUrl, shown.built));
    }
    const zip = ld.distribution.at(-1)!;
    expect([zip.sha256, zip.contentSize]).toEqual([shown.sha256, `${shown.bytes} B`]);
    await get(served(origin, ld.url, shown.built));
  });
});

describe('sitemap.xml and robots.txt', () => {
  /**
   * Every page of the built site a search engine should find: all but an edition's copies of live pages,
   * its changelog, 404 and the charts' embed pages (made to be framed elsewhere, marked noindex).
   */
  function listedPages(dist: string): string[] {
    return readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('index.html'))
      .map((file) => `/${file.slice(0, -'index.html'.length)}`)
      .filter((path) => !/^(\/en)?\/editions\/[^/]+\/./.test(path) && !/^(\/en)?\/(404|embed)\//.test(path));
  }

  it('lists every live page and each edition’s own page, in both languages, and nothing else', async () => {
    const xml = (await get(`${siteUrl}/sitemap.xml`)).toString('utf8');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!));
    const expected = listedPages(inject('siteDistDir'));
    expect(locs.map((url) => url.pathname).sort()).toEqual(expected.sort());
    for (const path of ['/', '/en/', '/data/', '/en/data/', '/editions/', `/en/editions/${latest.id}/`]) expect(expected).toContain(path);
    expect(expected.filter((p) => p.startsWith('/en/')).length * 2).toBe(expected.length);
  });

  it('robots.txt names the sitemap at its absolute address on the configured site', async () => {
    const robots = (await get(`${siteUrl}/robots.txt`)).toString('utf8');
    const { built } = await readDataPage(siteUrl, '/data/');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toContain(`\nSitemap: ${built}/sitemap.xml\n`);
  });
});
