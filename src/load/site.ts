/// <reference types="astro/client" />
/**
 * Everything the pages show, loaded once per build (and again in `astro dev` when data/ changes): the records from data/ (DATA_DIR), the tree of
 * places, and per place its summary and chart data, computed on first use and kept. Pages only lay
 * this out; every computation lives in src/pipeline.
 */
import { buildPlaceTree, placesInRegion, summarizePlace, type Place, type PlaceSummary, type PlaceTree } from '../derive/aggregate.ts';
import { chartDatasets, type ChartDataset, type ChartId } from '../derive/chartData.ts';
import type { Report } from '../read/loadDataset.ts';
import { summaryIllustrative } from '../derive/provenance.ts';
import type { Records } from '../read/tables.ts';
import { contentSecurityPolicy } from '../config/contentSecurityPolicy.ts';
import { resolveTileConfig, type TileConfig } from '../config/tileConfig.ts';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../i18n/locale.ts';
import { buildMapPayload, type MapPayload } from '../derive/map/buildMapPayload.ts';
import { DATA_DIR, loadDataDir } from './readDataDir.ts';

export type Site = {
  /** As-of date plus digest of the files: names exactly the data a page was built from. */
  edition: string;
  asOf: string;
  records: Records;
  report: Report;
  tree: PlaceTree;
  region: Place;
  /** The region and every place under it, by code (towns before their villages). */
  places: Place[];
  villages: Place[];
  /** The codes of the places villages belong to (towns, or the region itself), in code order. */
  towns: string[];
  place: (code: string) => Place;
  summary: (code: string) => PlaceSummary;
  datasets: (code: string) => ChartDataset[];
  dataset: (code: string, id: ChartId) => ChartDataset | undefined;
  /** Whether the place's page shows any illustrative value. */
  illustrative: (code: string) => boolean;
  /** Map tiles from MAP_TILES (none by default); the CSP allows their host on every page. */
  tiles: TileConfig;
  /** One policy for every page: the static server sends the home page's as a header for all. */
  csp: string;
  /** What the static and interactive maps draw, in the page's language. */
  mapPayload: (locale: Locale) => MapPayload;
};

/** data/geo/<region>-boundary.{wgs84,gcj02}.geojson, when the data folder has them. */
function readOutline(regionCode: string): { wgs84: unknown; gcj02?: unknown } | undefined {
  const file = (crs: string) => join(DATA_DIR, 'geo', `${regionCode}-boundary.${crs}.geojson`);
  if (!existsSync(file('wgs84'))) return undefined;
  const wgs84: unknown = JSON.parse(readFileSync(file('wgs84'), 'utf8'));
  return existsSync(file('gcj02')) ? { wgs84, gcj02: JSON.parse(readFileSync(file('gcj02'), 'utf8')) as unknown } : { wgs84 };
}

let cached: { site: Site; stamp: string | undefined } | undefined;

function loadSite(): Site {
  const { records, report, edition } = loadDataDir();
  if (!report.ok) {
    throw new Error(
      `数据未通过校验（${report.errors} 个错误），请先运行 npm run validate。 The data does not validate (${report.errors} errors); run npm run validate.`,
    );
  }
  const tiles = resolveTileConfig({ MAP_TILES: process.env.MAP_TILES, TIANDITU_KEY: process.env.TIANDITU_KEY });
  const tree = buildPlaceTree(records);
  const region = tree.places.get(tree.regionCode);
  if (region === undefined) throw new Error(`The region ${tree.regionCode} is not in divisions.csv`);
  const places = placesInRegion(tree).sort((a, b) => a.code.localeCompare(b.code));
  const summaries = new Map<string, PlaceSummary>();
  const datasets = new Map<string, ChartDataset[]>();

  const place = (code: string): Place => {
    const found = tree.places.get(code);
    if (found === undefined) throw new Error(`No place with code ${code}`);
    return found;
  };
  const summary = (code: string): PlaceSummary => {
    let found = summaries.get(code);
    if (found === undefined) {
      found = summarizePlace(records, code);
      summaries.set(code, found);
    }
    return found;
  };
  const datasetsOf = (code: string): ChartDataset[] => {
    let found = datasets.get(code);
    if (found === undefined) {
      found = chartDatasets(place(code), summary, tree.places);
      datasets.set(code, found);
    }
    return found;
  };

  const villages = places.filter((p) => p.level === 'village');
  const outline = readOutline(tree.regionCode);
  const payloads = new Map<Locale, MapPayload>();
  const mapPayload = (locale: Locale): MapPayload => {
    let found = payloads.get(locale);
    if (found === undefined) {
      found = buildMapPayload({ records, tree, locale, tiles, outline });
      payloads.set(locale, found);
    }
    return found;
  };

  return {
    edition,
    asOf: records.edition[0]?.as_of ?? '',
    records,
    report,
    tree,
    region,
    places,
    villages,
    towns: [...new Set(villages.map((v) => v.parentCode ?? region.code))],
    place,
    summary,
    datasets: datasetsOf,
    dataset: (code, id) => datasetsOf(code).find((d) => d.id === id),
    illustrative: (code) => summaryIllustrative(summary(code)),
    tiles,
    csp: contentSecurityPolicy(tiles.cspImgSrc),
    mapPayload,
  };
}

/** Every file under the data folder with its size and time of change: cheap to take, as nothing is read. */
function stampDataDir(): string {
  return readdirSync(DATA_DIR, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => {
      const stat = statSync(join(DATA_DIR, name));
      return `${name}\0${stat.size}\0${stat.mtimeMs}`;
    })
    .join('\n');
}

export function getSite(): Site {
  // `astro dev` serves while staff edit data/ (astro.config.mjs watches it and reloads the browser):
  // there the Site is loaded again when a file changed. A build loads it once. Data that does not
  // validate throws for this request only; the next request tries again.
  const stamp = import.meta.env.DEV ? stampDataDir() : undefined;
  if (cached === undefined || cached.stamp !== stamp) cached = { site: loadSite(), stamp };
  return cached.site;
}
