/**
 * Chart pictures, social cards and embeds, from the small fixture: what each SVG holds (title, place,
 * source, edition and its date, the page's address), its size, that text from the data is escaped,
 * and that an edition's pictures and embed pages name nothing but that edition, so they do not change
 * when a later edition is released.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { describe, expect, test } from 'vitest';
import { buildSite, type Site } from '../../src/derive/buildSite.ts';
import { CHART_IMAGE, chartImagePath, embedPath, pngDensity, SOCIAL_IMAGE, socialImagePath } from '../../src/derive/imagePaths.ts';
import { CHART_SPECS } from '../../src/charts/datasetChart.ts';
import { CHART_IDS } from '../../src/derive/chartData.ts';
import {
  chartImageLinks,
  chartImageParams,
  chartImageSvg,
  embedModel,
  embedParams,
  socialImageOf,
  socialImageParams,
  socialImageSvg,
} from '../../src/views/imageFiles.ts';
import { buildPageFrame } from '../../src/derive/views/pageFrame.ts';
import { t } from '../../src/i18n/index.ts';
import { resolveTileConfig } from '../../src/config/tileConfig.ts';
import { smallSite } from './views/siteFixture.ts';
import { placePath } from '../../src/derive/placePath.ts';

const ORIGIN = new URL('https://example.org');
const live = smallSite();
const VILLAGE = '150627101225';

/** The same data as an edition's frozen Site: the latest, or replaced by a later one. */
function frozen(latest: string | undefined): Site {
  return buildSite({
    records: live.records,
    report: live.report,
    edition: live.edition,
    tiles: resolveTileConfig({}),
    outline: undefined,
    standing: { kind: 'frozen', latest, livePath: (path) => path },
  });
}

const attribute = (svg: string, name: string): string | undefined => new RegExp(`<svg[^>]* ${name}="([^"]*)"`).exec(svg)?.[1];

describe('chart pictures', () => {
  test('every chart with values has a picture in both languages, and only those', () => {
    const params = chartImageParams(live);
    const village = params.filter((p) => p.code === VILLAGE).map((p) => p.image);
    const charts = live.datasets(VILLAGE).filter((d) => d.values.some((row) => row.some((v) => v !== 0 && v !== 0n)));
    expect(village.sort()).toEqual(charts.flatMap((d) => [`${d.id}.en`, `${d.id}.zh-CN`]).sort());
    expect(chartImageSvg(live, VILLAGE, 'no-such-chart.zh-CN', ORIGIN)).toBeUndefined();
    expect(chartImageSvg(live, VILLAGE, 'funds-by-source.fr', ORIGIN)).toBeUndefined();
  });

  test('a picture holds its title, place, source, edition and its date, and its page’s address, 1080 px wide', () => {
    const svg = chartImageSvg(live, VILLAGE, 'funds-by-source.zh-CN', ORIGIN)!;
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(attribute(svg, 'width')).toBe(String(CHART_IMAGE.width));
    expect(Number(attribute(svg, 'height'))).toBeGreaterThan(300);
    expect(attribute(svg, 'viewBox')).toBe(`0 0 ${CHART_IMAGE.width} ${attribute(svg, 'height')}`);
    expect(svg).toContain('帮扶资金来源');
    expect(svg).toContain(live.place(VILLAGE).name);
    expect(svg).toContain(`来源：funds.csv（数据版本 ${live.edition}）`);
    expect(svg).toContain('数据截至2021年10月14日');
    // Released data: the address of the page in its own edition, which shows these numbers forever.
    expect(svg).toContain(`https://example.org/editions/${live.edition}/`);
    expect(svg).toContain(`villages/${VILLAGE}/`);
    const english = chartImageSvg(live, VILLAGE, 'funds-by-source.en', ORIGIN)!;
    expect(english).toContain('Data as of 14 Oct 2021');
    expect(english).toContain('Gaolemiao Village (高勒庙村) · Zhasake Town · Ejin Horo Banner');
    expect(english).toContain(`https://example.org/en/editions/${live.edition}/`);
  });

  test('text from the data is escaped', () => {
    const hostile = smallSite();
    const place = hostile.place(VILLAGE) as { name: string };
    place.name = '<img src=x onerror=alert(1)>&"村';
    const svg = chartImageSvg(hostile, VILLAGE, 'funds-by-source.zh-CN', ORIGIN)!;
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;&amp;&quot;村');
  });

  test('the pictures of data not yet released name the live page', () => {
    const preview = buildSite({ ...live, tiles: resolveTileConfig({}), outline: undefined, standing: { kind: 'unreleased', last: undefined } });
    expect(chartImageSvg(preview, VILLAGE, 'funds-by-source.zh-CN', ORIGIN)).toContain(`https://example.org/villages/${VILLAGE}/`);
  });

  test('every chart has a kind of chart and words in both languages', () => {
    expect(Object.keys(CHART_SPECS).sort()).toEqual([...CHART_IDS].sort());
  });
});

describe('addresses', () => {
  test('pictures, cards and embeds live where the routes put them, and the renderer knows which get a PNG at what density', () => {
    expect(chartImagePath('1', 'funds-by-source', 'en', 'png')).toBe('/data/charts/1/funds-by-source.en.png');
    expect(socialImagePath('1', 'zh-CN', 'svg')).toBe('/og/1.zh-CN.svg');
    expect(embedPath('1', 'funds-by-source')).toBe('/embed/1/funds-by-source/');
    expect(pngDensity('data/charts/150627101225/funds-by-source.zh-CN.svg')).toBe(2);
    expect(pngDensity('editions/2021-10-14-e0662d8d/data/charts/150627/stages-by-month.en.svg')).toBe(2);
    expect(pngDensity('og/150627.en.svg')).toBe(1);
    expect(pngDensity('editions/x/og/150627101.zh-CN.svg')).toBe(1);
    expect(pngDensity('favicon.svg')).toBeUndefined();
    expect(pngDensity('data/charts/1/funds-by-source.csv')).toBeUndefined();
  });

  test('the links beside a chart point into the page’s edition, the embed code at absolute addresses', () => {
    const dataset = live.dataset(VILLAGE, 'funds-by-source')!;
    const links = chartImageLinks(VILLAGE, dataset, 'en', '/editions/e1', ORIGIN);
    expect(links.png).toBe(`/data/charts/${VILLAGE}/funds-by-source.en.png`);
    expect(links.embed).toBe(`/en/embed/${VILLAGE}/funds-by-source/`);
    expect(links.absolutePng).toBe(`https://example.org/editions/e1/data/charts/${VILLAGE}/funds-by-source.en.png`);
    expect(links.absoluteEmbed).toBe(`https://example.org/en/editions/e1/embed/${VILLAGE}/funds-by-source/`);
    expect(links.pngWidth).toBe(2160);
  });
});

describe('social cards', () => {
  test('every place has one in both languages, 1200 × 630, with its name, a figure or two and the edition’s date', () => {
    expect(socialImageParams(live)).toHaveLength(live.places.length * 2);
    const svg = socialImageSvg(live, `${VILLAGE}.zh-CN`)!;
    expect(attribute(svg, 'width')).toBe(String(SOCIAL_IMAGE.width));
    expect(attribute(svg, 'height')).toBe(String(SOCIAL_IMAGE.height));
    expect(svg).toContain(live.place(VILLAGE).name);
    expect(svg).toContain('落实帮扶资金');
    expect(svg).toContain(`数据截至2021年10月14日 · 版本 ${live.edition}`);
    expect(socialImageSvg(live, `${live.region.code}.en`)).toContain('Villages');
    expect(socialImageSvg(live, '999.en')).toBeUndefined();
  });
});

describe('an edition’s pictures and embeds', () => {
  test('are the same whether the edition is the latest or a later one replaced it', async () => {
    const latest = frozen(undefined);
    const replaced = frozen('2099-01-01-later');
    for (const { code, image } of chartImageParams(latest).slice(0, 12)) {
      expect(chartImageSvg(replaced, code, image, ORIGIN)).toBe(chartImageSvg(latest, code, image, ORIGIN));
    }
    expect(socialImageSvg(replaced, `${VILLAGE}.en`)).toBe(socialImageSvg(latest, `${VILLAGE}.en`));

    const container = await AstroContainer.create();
    // Imported by path at run time: plain `tsc` has no type declarations for .astro modules.
    const name = 'EmbedView';
    const view = ((await import(`../../src/views/${name}.astro`)) as { default: AstroComponentFactory }).default;
    const render = (site: Site, code: string, chart: string) =>
      container.renderToString(view, { props: { locale: 'zh-CN', model: embedModel(site, code, chart, 'zh-CN') } });
    expect(embedParams(latest).length).toBeGreaterThan(0);
    for (const { code, chart } of embedParams(latest).slice(0, 6)) {
      const html = await render(latest, code, chart);
      expect(html).toContain('<svg');
      expect(html).toContain(`href="${placePath(code)}"`);
      expect(await render(replaced, code, chart)).toBe(html);
    }
  });
});

describe('pictures down to the counties (a city or province, src/derive/regionSize.ts)', () => {
  // The small fixture (a county) pictured as a city or province pictures its places.
  const large = buildSite({
    records: live.records,
    report: live.report,
    edition: live.edition,
    tiles: resolveTileConfig({}),
    outline: undefined,
    pictureLevel: 'county',
  });
  const above = (code: string) => code.length <= 6;

  test('publishes pictures, embeds and social cards for counties and above only', () => {
    expect(live.pictureLevel).toBe('village');
    expect(large.pictureLevel).toBe('county');
    expect(chartImageParams(large).length).toBeGreaterThan(0);
    expect(chartImageParams(large)).toEqual(chartImageParams(live).filter(({ code }) => above(code)));
    expect(embedParams(large)).toEqual(embedParams(live).filter(({ code }) => above(code)));
    expect(socialImageParams(large)).toEqual(socialImageParams(live).filter(({ image }) => above(image.split('.')[0]!)));
    expect(chartImageParams(live).some(({ code }) => !above(code))).toBe(true);
    expect(chartImageSvg(large, VILLAGE, 'funds-by-source.zh-CN', ORIGIN)).toBeUndefined();
    expect(embedModel(large, VILLAGE, 'funds-by-source', 'en')).toBeUndefined();
    expect(socialImageSvg(large, `${VILLAGE}.zh-CN`)).toBeUndefined();
    expect(socialImageSvg(large, `${large.region.code}.zh-CN`)).toContain(large.region.name);
  });

  test('a page below the picture level shares the region’s social card; one at it, its own', () => {
    const region = large.region.code;
    const town = live.place(VILLAGE).parentCode!;
    expect(socialImageOf(buildPageFrame(large), placePath(VILLAGE), 'en', '', ORIGIN)).toBe(`https://example.org${socialImagePath(region, 'en', 'png')}`);
    expect(socialImageOf(buildPageFrame(large), placePath(town), 'zh-CN', '', ORIGIN)).toBe(`https://example.org${socialImagePath(region, 'zh-CN', 'png')}`);
    expect(socialImageOf(buildPageFrame(live), placePath(VILLAGE), 'en', '', ORIGIN)).toBe(`https://example.org${socialImagePath(VILLAGE, 'en', 'png')}`);
  });

  test.each(['zh-CN', 'en'] as const)('a chart below the picture level says where its numbers are instead of linking pictures (%s)', async (locale) => {
    const container = await AstroContainer.create();
    const name = 'ChartImageLinks';
    const links = ((await import(`../../src/components/${name}.astro`)) as { default: AstroComponentFactory }).default;
    const dataset = live.dataset(VILLAGE, 'funds-by-source')!;
    const render = (pictureLevel: 'village' | 'county') =>
      container.renderToString(links, { props: { locale, code: VILLAGE, dataset, title: 'T', pictureLevel } });
    const below = await render('county');
    expect(below).toContain(t(locale).chartImagesAtScale.slice(0, 12));
    expect(below).not.toContain('.png');
    expect(below).not.toContain('/embed/');
    const at = await render('village');
    expect(at).toContain(`/data/charts/${VILLAGE}/funds-by-source.${locale}.png`);
    expect(at).not.toContain(t(locale).chartImagesAtScale.slice(0, 12));
  });
});
