/**
 * What the picture and embed routes publish, in the reader's language: each chart as a picture
 * (src/charts/chartImage.ts), each place's social card (src/charts/socialImage.ts) and each chart's
 * embed page (EmbedView.astro). The live routes and each edition's routes call the same functions
 * with their own Site, so an edition's pictures and embeds are made from its frozen data alone and
 * name nothing but that edition: they never change once it is released.
 */
import type { Site } from '../derive/buildSite.ts';
import type { Place } from '../derive/aggregate.ts';
import { englishName } from '../format/placeName.ts';
import { hasValues, type ChartDataset } from '../derive/chartData.ts';
import { codeOfPath, placePath } from '../derive/placePath.ts';
import { editionRoot } from '../derive/views/frozenPages.ts';
import { CHART_IMAGE, chartImagePath, embedPath, socialImagePath } from '../derive/imagePaths.ts';
import { composeChartImage } from '../charts/chartImage.ts';
import { CHART_SPECS, chartHeight, drawDataset, type ChartWords, type DrawnDataset } from '../charts/datasetChart.ts';
import { composeSocialCard } from '../charts/socialImage.ts';
import { formatCount, formatDate, formatYuan } from '../format/formatNumber.ts';
import { chartWords } from '../i18n/chartWords.ts';
import { childrenWord, fill, localizePath, localName, placeText, t, type Locale } from '../i18n/index.ts';
import { anyIllustrative } from '../derive/provenance.ts';
import { pageUrl, SITE_LANGUAGES } from './siteAddress.ts';
import { hasPictures } from '../derive/regionSize.ts';
import type { PageFrame } from '../derive/views/pageFrame.ts';

/** The charts a place's pictures and embeds are made of: those with anything to draw, none below the region's picture level. */
const drawable = (site: Site, code: string): ChartDataset[] => (hasPictures(code, site.pictureLevel) ? site.datasets(code).filter(hasValues) : []);

/**
 * The root of the edition a Site's pictures point to: the edition's own pages for released data
 * (live or frozen), so a picture's address shows the same numbers forever; the live site for data not
 * yet released. Live pictures of released data are then byte for byte the latest edition's.
 */
const pictureRoot = (site: Site): string => (site.standing.kind === 'unreleased' ? '' : editionRoot(site.edition));

/** An address on the site, absolute. */
const absolute = (path: string, origin: URL | undefined): string => pageUrl(path, origin);

/** A place's name with the places it lies in, e.g. "高勒庙村 · 札萨克镇 · 伊金霍洛旗". */
function placeLine(site: Site, code: string, locale: Locale): string {
  const place = site.place(code);
  const above = place.ancestorCodes.filter((ancestor) => site.tree.places.has(ancestor) && ancestor.length >= site.region.code.length);
  const name = (ancestor: Place) => (locale === 'en' ? englishName({ name: ancestor.name, name_en: ancestor.nameEn }) : ancestor.name);
  return [placeText(place, locale), ...above.reverse().map((ancestor) => name(site.place(ancestor)))].join(' · ');
}

/** A chart's words, its notes led by the illustrative note as the page shows them. */
function wordsOf(site: Site, code: string, dataset: ChartDataset, locale: Locale): ChartWords {
  const text = t(locale);
  const words = chartWords(text, dataset.id, childrenWord(text, site.place(code).childCodes[0]));
  return dataset.illustrative ? { ...words, notes: [text.illustrativeNote, ...words.notes] } : words;
}

function sourceLine(site: Site, dataset: ChartDataset, locale: Locale): string {
  return fill(t(locale).chartSource, { files: dataset.files.join(locale === 'en' ? ', ' : '、'), edition: site.edition });
}

/** Every chart picture of every place, as the params of /data/charts/<code>/[image].svg. */
export function chartImageParams(site: Site): { code: string; image: string }[] {
  return site.places.flatMap((place) =>
    drawable(site, place.code).flatMap((dataset) => SITE_LANGUAGES.map((locale) => ({ code: place.code, image: `${dataset.id}.${locale}` }))),
  );
}

const IMAGE_NAME = /^([a-z-]+)\.(zh-CN|en)$/;

/** One chart's picture as SVG, from its name (`funds-by-source.zh-CN`); undefined when there is none. */
export function chartImageSvg(site: Site, code: string, image: string, origin: URL | undefined): string | undefined {
  const [, chart, locale] = IMAGE_NAME.exec(image) ?? [];
  const dataset = drawable(site, code).find((d) => d.id === chart);
  if (dataset === undefined || (locale !== 'zh-CN' && locale !== 'en')) return undefined;
  return composeChartImage({
    dataset,
    words: wordsOf(site, code, dataset, locale),
    locale,
    place: placeLine(site, code, locale),
    source: sourceLine(site, dataset, locale),
    asOf: fill(t(locale).imageAsOf, { date: formatDate(site.asOf, locale) }),
    url: absolute(localizePath(pictureRoot(site) + placePath(code), locale), origin),
  }).svg;
}

/** Every place's social card, as the params of /og/[image].svg. */
export function socialImageParams(site: Site): { image: string }[] {
  return site.places
    .filter((place) => hasPictures(place.code, site.pictureLevel))
    .flatMap((place) => SITE_LANGUAGES.map((locale) => ({ image: `${place.code}.${locale}` })));
}

/** A place's social card as SVG, from its name (`150627101225.en`); undefined when there is none. */
export function socialImageSvg(site: Site, image: string): string | undefined {
  const [, code = '', locale] = /^(\d+)\.(zh-CN|en)$/.exec(image) ?? [];
  if (!site.tree.places.has(code) || !hasPictures(code, site.pictureLevel) || (locale !== 'zh-CN' && locale !== 'en')) return undefined;
  const text = t(locale);
  const place = site.place(code);
  const summary = site.summary(code);
  const figures = [
    ...(place.level === 'village' ? [] : [{ label: text.placeVillages, value: formatCount(summary.villages, locale) }]),
    { label: text.placeProjects, value: formatCount(summary.projects.length, locale) },
    { label: text.placeFunds, value: formatYuan(summary.fundsTotal, locale) },
  ];
  const illustrative = anyIllustrative(summary.projects) || anyIllustrative(summary.funds);
  const [name = '', ...rest] = placeLine(site, code, locale).split(' · ');
  return composeSocialCard({
    locale,
    siteName: fill(text.siteName, { region: localName(site.region, locale) }),
    name: locale === 'en' ? localName(place, locale) : name,
    subtitle: locale === 'en' ? [place.name, ...rest].join(' · ') : rest.join(' · ') || name,
    figures,
    edition: fill(text.imageEdition, { date: formatDate(site.asOf, locale), edition: site.edition }),
    illustrative: illustrative ? text.imageIllustrative : undefined,
  });
}

/**
 * The social card of a page, from the root of its edition: its place's, or the region's for any other
 * page and for a place below the region's picture level, which has none of its own.
 */
export function socialImageOf(frame: Pick<PageFrame, 'region' | 'pictureLevel'>, path: string, locale: Locale, root: string, origin: URL | undefined): string {
  const code = codeOfPath(path);
  const card = code !== undefined && hasPictures(code, frame.pictureLevel) ? code : frame.region.code;
  return absolute(root + socialImagePath(card, locale, 'png'), origin);
}

/** Every chart's embed page, as the params of /embed/[code]/[chart]/. */
export function embedParams(site: Site): { code: string; chart: string }[] {
  return site.places.flatMap((place) => drawable(site, place.code).map((dataset) => ({ code: place.code, chart: dataset.id })));
}

export type EmbedModel = {
  csp: string;
  title: string;
  /** The place with the places it lies in, and its name alone. */
  place: string;
  name: string;
  dataset: ChartDataset;
  drawn: DrawnDataset;
  source: string;
  notes: readonly string[];
  /** Live paths: an edition's pages are moved into the edition by src/middleware.ts. */
  sourceHref: string;
  csvHref: string;
  backHref: string;
};

/** Drawn at the width the pages draw charts at; the embed scales it to the frame. */
const EMBED_CHART_WIDTH = 420;

/** What one chart's embed page shows; undefined when the place has no such chart. */
export function embedModel(site: Site, code: string, chart: string, locale: Locale): EmbedModel | undefined {
  const dataset = drawable(site, code).find((d) => d.id === chart);
  if (dataset === undefined) return undefined;
  const words = wordsOf(site, code, dataset, locale);
  return {
    csp: site.csp,
    title: words.title,
    place: placeLine(site, code, locale),
    name: placeText(site.place(code), locale),
    dataset,
    drawn: drawDataset(dataset, words, locale, { id: `embed-${dataset.id}`, width: EMBED_CHART_WIDTH }),
    source: `${sourceLine(site, dataset, locale)} · ${fill(t(locale).imageAsOf, { date: formatDate(site.asOf, locale) })}`,
    notes: words.notes,
    sourceHref: `${localizePath('/data/', locale)}#downloads`,
    csvHref: `/data/charts/${code}/${dataset.id}.csv`,
    backHref: localizePath(placePath(code), locale),
  };
}

/**
 * The height of an embed's frame: the chart scaled to the frame's widest (640 px, as the code sets it)
 * and room for its title, legend, notes, source and link. A narrower frame leaves space below.
 */
function frameHeight(dataset: ChartDataset): number {
  const legendRows = CHART_SPECS[dataset.id].type === 'stacked' ? Math.ceil(dataset.series.length / 3) : 0;
  return Math.ceil((chartHeight(dataset) * 640) / EMBED_CHART_WIDTH + legendRows * 24 + 220);
}

/** The addresses and sizes a chart's links and embed codes name, from the root of the page's edition. */
export function chartImageLinks(code: string, dataset: ChartDataset, locale: Locale, root: string, origin: URL | undefined) {
  const chart = dataset.id;
  return {
    svg: chartImagePath(code, chart, locale, 'svg'),
    png: chartImagePath(code, chart, locale, 'png'),
    embed: localizePath(embedPath(code, chart), locale),
    absolutePng: absolute(root + chartImagePath(code, chart, locale, 'png'), origin),
    absoluteEmbed: absolute(localizePath(root + embedPath(code, chart), locale), origin),
    width: CHART_IMAGE.width,
    pngWidth: CHART_IMAGE.width * CHART_IMAGE.density,
    frameHeight: frameHeight(dataset),
  };
}
