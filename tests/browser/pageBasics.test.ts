import { describe, expect, it } from 'vitest';
import { toPinyinName } from '../../src/format/placeName.ts';
import { inBothLocales, keyPages, newContext, otherPages, siteUnderTest, useBrowser, visit } from './browser.ts';

const { siteUrl, places } = siteUnderTest();
const pages = [...keyPages(places), ...otherPages(places)];
const session = useBrowser();

describe('every page', () => {
  it.each(inBothLocales(pages))('$name has a title, a description, a canonical link and the favicon', async ({ url }) => {
    await visit(session.page, `${siteUrl}${url}`);
    expect((await session.page.title()).trim().length).toBeGreaterThan(3);
    const description = await session.page.locator('meta[name="description"]').getAttribute('content');
    expect(description?.trim().length ?? 0).toBeGreaterThan(10);
    const canonical = await session.page.locator('link[rel="canonical"]').getAttribute('href');
    expect(new URL(canonical ?? '').pathname).toBe(url);
    const icon = await session.page.locator('link[rel="icon"]').getAttribute('href');
    const response = await session.page.request.get(new URL(icon ?? '', session.page.url()).href);
    expect(response.status()).toBe(200);
  });
});

describe('the 404 page', () => {
  it('answers an unknown address with status 404 and a way back, in both languages', async () => {
    const response = await session.page.goto(`${siteUrl}/villages/000000000000/`);
    expect(response?.status()).toBe(404);
    const text = await session.page.locator('main').innerText();
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(await session.page.locator('main a[href="/"]').count()).toBeGreaterThan(0);
  });

  // The Chinese 404 page is /404.html and the English /en/404/: each switches to the other language's home.
  it.each(['/404.html', '/en/404/'])('%s switches language to a page that exists', async (path) => {
    await session.page.goto(`${siteUrl}${path}`);
    const href = await session.page.locator('a.language-switch').getAttribute('href');
    expect(href).toBe(path === '/404.html' ? '/en/' : '/');
    expect((await session.page.request.get(`${siteUrl}${href}`)).status()).toBe(200);
  });

  // The site is built outside the project (a temporary DIST_DIR), where Astro 5 would leave its own files.
  it.each(['content-assets.mjs', 'content-modules.mjs', 'data-store.json'])(
    'answers 404 for Astro’s own %s: the build publishes none of its files',
    async (file) => {
      const response = await session.page.request.get(`${siteUrl}/${file}`);
      expect(response.status()).toBe(404);
    },
  );
});

describe('search', () => {
  const village = places.village;

  it.each([
    ['its Chinese name', village.name],
    ['its pinyin', toPinyinName(village.name).split(' ')[0]!.toLowerCase()],
    ['its code', village.village_code],
  ])('finds a village by %s from the header of any page', async (_how, query) => {
    await visit(session.page, `${siteUrl}/funds/`);
    await session.page.locator('#site-search-input').fill(query);
    const result = session.page.locator(`.search-results a[href$="/villages/${village.village_code}/"]`);
    await result.first().waitFor({ state: 'visible' });
    await result.first().click();
    await session.page.waitForURL((url) => url.pathname === `/villages/${village.village_code}/`);
    expect(await session.page.locator('h1').innerText()).toContain(village.name);
  });

  it('without JavaScript, submits to the list of all villages', async () => {
    const context = await newContext(session.browser, { javaScriptEnabled: false });
    const noScript = await context.newPage();
    await visit(noScript, `${siteUrl}/`);
    await noScript.locator('#site-search-input').fill(village.name);
    await noScript.locator('#site-search-input').press('Enter');
    await noScript.waitForURL((url) => url.pathname === '/villages/');
    const links = noScript.locator('main a[href*="/villages/"]');
    expect(await links.count()).toBeGreaterThanOrEqual(places.data.records.villages.length);
    await context.close();
  });
});

describe('printing', () => {
  it('keeps the figures and the sources and leaves out navigation and search', async () => {
    await visit(session.page, `${siteUrl}/`);
    await session.page.emulateMedia({ media: 'print' });
    expect(await session.page.locator('.site-nav').isVisible()).toBe(false);
    expect(await session.page.locator('.site-search').isVisible()).toBe(false);
    const figures = session.page.locator('data[data-figure]');
    expect(await figures.count()).toBeGreaterThan(0);
    expect(await figures.first().isVisible()).toBe(true);
    expect(await session.page.locator('.illustrative-banner').isVisible()).toBe(true);
    await visit(session.page, `${siteUrl}/villages/${places.village.village_code}/`);
    await session.page.emulateMedia({ media: 'print' });
    const sources = session.page.locator('figure.chart .chart-source');
    expect(await sources.count()).toBeGreaterThan(0);
    expect(await sources.first().isVisible()).toBe(true);
    await session.page.emulateMedia({ media: 'screen' });
  });
});

describe('without JavaScript', () => {
  it('shows the charts and the static map on the home page as SVG', async () => {
    const context = await newContext(session.browser, { javaScriptEnabled: false });
    const noScript = await context.newPage();
    await visit(noScript, `${siteUrl}/`);
    expect(await noScript.locator('figure.chart svg').count()).toBeGreaterThan(0);
    const markers = noScript.locator('svg [data-code]');
    expect(await markers.count()).toBe(places.data.records.villages.length);
    await context.close();
  });
});
