/**
 * Chart pictures, embed pages and social cards in the built site: each chart's links lead to an SVG
 * that names the chart and its edition's date and to a PNG of the chart's size, its embed page shows
 * the chart and links back to its place, a village page's og:image is a 1200 × 630 PNG that exists,
 * and an edition's pages offer that edition's own pictures and embeds.
 */
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/format/formatNumber.ts';
import { siteUnderTest, useBrowser, visit } from './browser.ts';
import { pngSize } from '../support/png.ts';

const { siteUrl, places } = siteUnderTest();
const village = places.village.village_code;
const session = useBrowser();
const asOf = places.data.records.edition[0]!.as_of;

/** A path of the site under test, from an absolute address on the configured site or a path. */
const onTestServer = (address: string): string => `${siteUrl}${new URL(address, 'http://site.invalid').pathname}`;

async function fetchBytes(address: string): Promise<{ type: string; body: Buffer }> {
  const response = await session.page.request.get(onTestServer(address));
  expect(response.status(), address).toBe(200);
  return { type: response.headers()['content-type'] ?? '', body: Buffer.from(await response.body()) };
}

describe.each([
  ['zh-CN', ''],
  ['en', '/en'],
] as const)('chart pictures and embeds (%s)', (locale, prefix) => {
  it('each chart links to its SVG, which names it and its edition’s date, and to a PNG of its size', async () => {
    await visit(session.page, `${siteUrl}${prefix}/villages/${village}/`);
    const panels = session.page.locator('details.chart-images');
    const count = await panels.count();
    expect(count).toBeGreaterThan(0);
    for (let index = 0; index < count; index += 1) {
      const panel = panels.nth(index);
      // The chart the panel belongs to is the figure just before the chart's tools (its cite panel and this one).
      const title = await panel.evaluate(
        (element) => element.closest('.chart-tools')?.previousElementSibling?.querySelector('.chart-title')?.textContent ?? '',
      );
      const svgHref = await panel.locator('a[href$=".svg"]').getAttribute('href');
      const pngHref = await panel.locator('a[href$=".png"]').getAttribute('href');
      expect(svgHref).toMatch(new RegExp(`^/data/charts/${village}/[a-z-]+\\.${locale}\\.svg$`));
      const svg = await fetchBytes(svgHref!);
      expect(svg.type).toContain('image/svg+xml');
      const text = svg.body.toString('utf8');
      expect(title).not.toBe('');
      expect(text).toContain(`<title>${title} · `);
      expect(text).toContain(formatDate(asOf, locale));
      const width = Number(/<svg[^>]* width="(\d+)"/.exec(text)?.[1]);
      const height = Number(/<svg[^>]* height="(\d+)"/.exec(text)?.[1]);
      expect(width).toBe(1080);
      const png = await fetchBytes(pngHref!);
      expect(png.type).toContain('image/png');
      expect(pngSize(png.body)).toEqual({ width: width * 2, height: height * 2 });
    }
  });

  it('each chart’s embed page shows the chart, its source and a link back to its place', async () => {
    await visit(session.page, `${siteUrl}${prefix}/villages/${village}/`);
    const embed = await session.page.locator('details.chart-images a[href*="/embed/"]').first().getAttribute('href');
    expect(embed).toMatch(new RegExp(`^${prefix}/embed/${village}/[a-z-]+/$`));
    const code = await session.page.locator('details.chart-images textarea').first().inputValue();
    expect(code).toContain(`<iframe src="`);
    expect(code).toContain(`${prefix}/embed/${village}/`);
    await visit(session.page, `${siteUrl}${embed}`);
    expect(await session.page.locator('svg.chart-svg').count()).toBe(1);
    expect(await session.page.locator('.chart-source').innerText()).toContain('.csv');
    const back = session.page.locator(`.embed-back a[href="${prefix}/villages/${village}/"]`);
    expect(await back.count()).toBe(1);
    expect((await session.page.request.get(`${siteUrl}${prefix}/villages/${village}/`)).status()).toBe(200);
  });

  it('a village page’s og:image is a PNG of 1200 × 630 that exists, with the Open Graph and Twitter tags', async () => {
    await visit(session.page, `${siteUrl}${prefix}/villages/${village}/`);
    const meta = (property: string) => session.page.locator(`meta[property="${property}"], meta[name="${property}"]`).getAttribute('content');
    const image = await meta('og:image');
    expect(image).toMatch(new RegExp(`^https?://[^/]+/og/${village}\\.${locale}\\.png$`));
    expect(await meta('og:title')).not.toBe('');
    expect(await meta('og:description')).not.toBe('');
    expect(await meta('twitter:card')).toBe('summary_large_image');
    const png = await fetchBytes(image!);
    expect(png.type).toContain('image/png');
    expect(pngSize(png.body)).toEqual({ width: 1200, height: 630 });
  });
});

describe('an edition’s pictures and embeds', () => {
  it('are the edition’s own: its village page offers them, its embed links back into the edition', async () => {
    const edition = places.firstEdition;
    expect(edition).toBeDefined();
    const root = `/editions/${edition!}`;
    await visit(session.page, `${siteUrl}${root}/villages/${village}/`);
    const png = await session.page.locator('details.chart-images a[href$=".png"]').first().getAttribute('href');
    expect(png).toMatch(new RegExp(`^${root}/data/charts/${village}/`));
    expect(pngSize((await fetchBytes(png!)).body).width).toBe(2160);
    expect(await session.page.locator('details.chart-images textarea').first().inputValue()).toContain(`${root}/embed/${village}/`);
    const og = await session.page.locator('meta[property="og:image"]').getAttribute('content');
    expect(og).toContain(`${root}/og/${village}.zh-CN.png`);
    expect(pngSize((await fetchBytes(og!)).body)).toEqual({ width: 1200, height: 630 });
    const embed = await session.page.locator('details.chart-images a[href*="/embed/"]').first().getAttribute('href');
    expect(embed).toMatch(new RegExp(`^${root}/embed/${village}/`));
    await visit(session.page, `${siteUrl}${embed}`);
    expect(await session.page.locator(`.embed-back a[href="${root}/villages/${village}/"]`).count()).toBe(1);
    expect(await session.page.locator('.edition-banner').count()).toBe(0);
  });
});
