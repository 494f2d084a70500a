/**
 * Where each picture and embed the site publishes lives, and how large it is: one home for the
 * addresses the routes (src/pages/), the pages' links and the PNG renderer (scripts/lib/rasterize.ts)
 * all use. Each picture is an SVG the site builds, and a PNG rendered from it after the build.
 *
 * - a chart as a picture: /data/charts/<code>/<chart>.<locale>.svg and .png (beside its CSV)
 * - a page's social card (Open Graph): /og/<code>.<locale>.svg and .png
 * - a chart to embed: /embed/<code>/<chart>/ (and /en/embed/…)
 * Each released edition has the same under /editions/<id>/.
 */
import type { Locale } from '../i18n/locale.ts';

export type ImageFormat = 'svg' | 'png';

/** A chart picture: 1080 CSS pixels wide (what WeChat articles are laid out for), its PNG at twice that. */
export const CHART_IMAGE = { width: 1080, density: 2 } as const;
/** A social card: the 1200 × 630 pixels Open Graph and Twitter cards are shown at, its PNG at that size. */
export const SOCIAL_IMAGE = { width: 1200, height: 630, density: 1 } as const;

export function chartImagePath(code: string, chart: string, locale: Locale, format: ImageFormat): string {
  return `/data/charts/${code}/${chart}.${locale}.${format}`;
}

export function socialImagePath(code: string, locale: Locale, format: ImageFormat): string {
  return `/og/${code}.${locale}.${format}`;
}

/** The embed page of a chart, locale-neutral (`localizePath` adds `/en`). */
export function embedPath(code: string, chart: string): string {
  return `/embed/${code}/${chart}/`;
}

const CHART_SVG = /(?:^|\/)data\/charts\/\d+\/[a-z-]+\.(?:zh-CN|en)\.svg$/;
const SOCIAL_SVG = /(?:^|\/)og\/\d+\.(?:zh-CN|en)\.svg$/;

/**
 * The density a built SVG's PNG twin is rendered at, from the SVG's path in the built site (with or
 * without an edition's folder before it); undefined for an SVG that gets no PNG.
 */
export function pngDensity(path: string): number | undefined {
  if (CHART_SVG.test(path)) return CHART_IMAGE.density;
  if (SOCIAL_SVG.test(path)) return SOCIAL_IMAGE.density;
  return undefined;
}
