/**
 * The site under a portal's folder: tests/fixtures/small built with region.json's base path
 * /xczx/sub/ and address https://www.example.gov.cn, served under that prefix only
 * (tests/browser/basePathSite.ts). Every page kind, in both languages: every link, source, form
 * action and download on it answers 200 under the prefix and none leaves it; every address of the
 * site written out in full (canonical, Open Graph, citations, embed code, pictures, sitemap, feed)
 * names the folder; the styles and scripts load, the map draws, search finds and its link works,
 * the checker checks, with no console error.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { choosePlaces, inBothLocales, inLocale, LOCALES, useBrowser, visit, visitDrawn } from './browser.ts';
import { placePath } from '../../src/derive/placePath.ts';

const siteUrl = inject('baseSiteUrl');
const base = inject('basePath');
const address = inject('baseSiteAddress');
const dataDir = inject('baseDataDir');
const places = choosePlaces(dataDir);
const origin = new URL(siteUrl).origin;
const edition = places.firstEdition;
if (edition === undefined) throw new Error('The base-path site has no released edition');

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'county', path: placePath(places.regionCode) },
  { name: 'town', path: `/towns/${places.townCode}/` },
  { name: 'village', path: `/villages/${places.village.village_code}/` },
  { name: 'map', path: '/map/' },
  { name: 'data', path: '/data/' },
  { name: 'search page', path: '/villages/' },
  { name: 'checker', path: '/check/' },
  { name: 'topic', path: '/funds/' },
  { name: 'editions', path: '/editions/' },
  { name: 'edition', path: `/editions/${edition}/` },
  { name: 'village in the edition', path: `/editions/${edition}/villages/${places.village.village_code}/` },
  { name: 'edition changes', path: `/editions/${edition}/changes/` },
  { name: 'chart embed', path: `/embed/${places.regionCode}/funds-by-source/` },
];

/** A path of the site as the reader reaches it, under the prefix. */
const under = (path: string): string => `${siteUrl}${path.replace(/^\//, '')}`;

/** Files no page links to but that the site publishes for machines, checked with the rest. */
const MACHINE_FILES = ['/sitemap.xml', '/robots.txt', '/editions/feed.xml', '/search-index.json'].map(under);

/** Every address found on the pages, the first page that named it, checked once at the end. */
const found = new Map<string, string>();
/** What left the prefix, or the site's address without its folder, with where it was seen. */
const escapes: string[] = [];

/** The site's own addresses written out in full, anywhere in a text, must name its folder. */
function checkFullAddresses(text: string, where: string): void {
  const full = new RegExp(`${address.replace(/[.]/g, '\\.')}[^\\s"'<>&)\\]]*`, 'g');
  for (const match of text.match(full) ?? []) if (!match.startsWith(`${address}${base}`)) escapes.push(`${where}: ${match}`);
}

function note(url: string, where: string): void {
  const parsed = new URL(url);
  if (parsed.origin !== origin) return;
  if (!parsed.pathname.startsWith(base)) escapes.push(`${where}: ${parsed.pathname}`);
  parsed.hash = '';
  if (!found.has(parsed.href)) found.set(parsed.href, where);
}

const session = useBrowser();

describe(`the site under the base path ${base}`, () => {
  afterAll(() => {
    // Nothing seen on any page left the folder (checked again here, should a test have stopped early).
    expect(escapes).toEqual([]);
  });

  it.each(inBothLocales(PAGES))('$name: every link, source and action stays under the prefix, with no error', async ({ name, url }) => {
    const { page, watched } = session;
    watched.errors.length = 0;
    watched.requests.length = 0;
    const target = under(url);
    await (url.endsWith('/map/') ? visitDrawn(page, target) : visit(page, target));
    const addresses = await page.$$eval('[href], [src], [action], [data-index]', (elements) =>
      elements.flatMap((element) =>
        ['href', 'src', 'action', 'data-index']
          .map((attribute) => element.getAttribute(attribute))
          .filter((value): value is string => value !== null && value !== '')
          .map((value) => new URL(value, document.baseURI).href),
      ),
    );
    expect(addresses.length).toBeGreaterThan(0);
    for (const named of addresses) note(named, name);
    for (const request of watched.requests) note(request, `${name} (request)`);
    checkFullAddresses(await page.content(), name);
    // The styles loaded: the header is laid out by the site's CSS, not the browser's defaults.
    expect(await page.$$eval('link[rel="stylesheet"]', (links) => links.length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => [...document.styleSheets].every((sheet) => sheet.cssRules.length > 0))).toBe(true);
    expect(escapes, name).toEqual([]);
    expect(watched.errors, name).toEqual([]);
  });

  it('answers 200 under the prefix for every address the pages name, and for the files for machines', async () => {
    for (const file of MACHINE_FILES) if (!found.has(file)) found.set(file, 'machine files');
    expect(found.size).toBeGreaterThan(100);
    const failures: string[] = [];
    const entries = [...found];
    // A few at a time: the preview server reads each file from disk.
    for (let i = 0; i < entries.length; i += 8) {
      await Promise.all(
        entries.slice(i, i + 8).map(async ([url, where]) => {
          const response = await fetch(url, { redirect: 'manual' });
          if (response.status !== 200) failures.push(`${response.status} ${url} (on ${where})`);
          const type = response.headers.get('content-type') ?? '';
          // Text files (CSV, JSON, SVG pictures, XML, the dataset's zip, whose entries are stored) name the site in full.
          if (!type.startsWith('image/png')) checkFullAddresses(await response.text(), url);
        }),
      );
    }
    expect(failures).toEqual([]);
    expect(escapes).toEqual([]);
  });

  it('finds nothing outside the prefix: the same page at the root is not found', async () => {
    for (const path of ['/', '/villages/', `/villages/${places.village.village_code}/`, '/search-index.json']) {
      expect((await fetch(`${origin}${path}`, { redirect: 'manual' })).status, path).toBe(404);
    }
  });

  it('the 404 page, sent for any address, links only under the prefix', async () => {
    const response = await fetch(under('/no-such-page/'));
    expect(response.status).toBe(404);
    const html = await response.text();
    const named = [...html.matchAll(/\s(?:href|src|action|data-index)="(\/[^"]*)"/g)].map((match) => match[1]!);
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((path) => !path.startsWith(base))).toEqual([]);
  });

  it.each(LOCALES)('search (%s): a query finds the village, and its link opens the page under the prefix', async (locale) => {
    const { page, watched } = session;
    watched.errors.length = 0;
    const { village_code: code, name } = places.village;
    await visit(page, under(inLocale('/', locale)));
    await page.locator('#site-search-input').fill(name);
    const result = page.locator(`.search-results a[href$="/villages/${code}/"]`);
    await result.first().waitFor({ state: 'visible' });
    expect(await result.first().getAttribute('href')).toBe(`${base}${inLocale(`/villages/${code}/`, locale).slice(1)}`);
    await result.first().click();
    await page.waitForURL((url) => url.pathname === `${base}${inLocale(`/villages/${code}/`, locale).slice(1)}`);
    expect(await page.locator('h1').innerText()).toContain(name);
    expect(watched.errors).toEqual([]);
  });

  it.each(LOCALES)("map (%s): a marker's popup links to the village under the prefix", async (locale) => {
    const { page, watched } = session;
    watched.errors.length = 0;
    const { village_code: code } = places.village;
    await visitDrawn(page, under(inLocale('/map/', locale)));
    await page.locator(`#progress-map .village-marker[data-code="${code}"]`).click();
    const link = page.locator('.leaflet-popup a.map-popup-link');
    await link.waitFor({ state: 'visible' });
    expect(await link.getAttribute('href')).toBe(`${base}${inLocale(`/villages/${code}/`, locale).slice(1)}`);
    expect(watched.errors).toEqual([]);
  });

  it('the checker loads its validator under the prefix and checks dropped files', async () => {
    const { page, watched } = session;
    watched.errors.length = 0;
    watched.requests.length = 0;
    await visit(page, under('/check/'));
    const files = readdirSync(dataDir)
      .filter((file) => file.endsWith('.csv') || file === 'region.json')
      .map((file) => ({ name: file, mimeType: 'application/octet-stream', buffer: readFileSync(join(dataDir, file)) }));
    await page.setInputFiles('#check-files', files);
    await page.waitForSelector('[data-checker][data-runs="1"]');
    expect(await page.locator('.check-result .check-passed').count()).toBe(1);
    for (const request of watched.requests) note(request, 'checker (request)');
    expect(escapes).toEqual([]);
    expect(watched.errors).toEqual([]);
  });
});
