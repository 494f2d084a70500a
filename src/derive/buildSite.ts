/**
 * Everything the pages show, assembled once per build from validated records: the tree of places,
 * and per place its summary and chart data, computed on first use and kept. src/load/site.ts reads
 * data/ and calls this; the view models (src/derive/views/) read it and hand each page what it shows.
 */
import { buildPlaceTree, placesInRegion, summarizePlace, type Place, type PlaceSummary, type PlaceTree } from './aggregate.ts';
import { chartDatasets, type ChartDataset, type ChartId } from './chartData.ts';
import type { Report } from '../read/loadDataset.ts';
import { summaryIllustrative } from './provenance.ts';
import { compareTown, type TownComparison } from './compareWithTown.ts';
import type { Records } from '../read/tables.ts';
import { contentSecurityPolicy } from '../config/contentSecurityPolicy.ts';
import type { TileConfig } from '../config/tileConfig.ts';
import type { Locale } from '../i18n/locale.ts';
import { buildMapPayload, type MapPayload } from './map/buildMapPayload.ts';
import type { EditionStanding } from './views/pageFrame.ts';
import { mapScopeOf, scopeMapPayload } from './map/scopeMap.ts';
import { pictureLevelOf } from './regionSize.ts';
import type { Level } from '../model/divisionCode.ts';

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
  /** The deepest level whose places' charts are published as pictures, embeds and social cards (src/derive/regionSize.ts). */
  pictureLevel: Level;
  /** The codes of the places villages belong to (towns, or the region itself), in code order. */
  towns: string[];
  place: (code: string) => Place;
  summary: (code: string) => PlaceSummary;
  datasets: (code: string) => ChartDataset[];
  dataset: (code: string, id: ChartId) => ChartDataset | undefined;
  /** How a village compares with the other villages of the place above it (worked out once for all of them); undefined above village level. */
  townComparison: (code: string) => TownComparison | undefined;
  /** Whether the place's page shows any illustrative value. */
  illustrative: (code: string) => boolean;
  /** Map tiles from MAP_TILES (none by default); the CSP allows their host on every page. */
  tiles: TileConfig;
  /** One policy for every page: the static server sends the home page's as a header for all. */
  csp: string;
  /** What the static and interactive maps draw, in the page's language. */
  mapPayload: (locale: Locale) => MapPayload;
  /** The map of a place's page: its own villages and areas, cropped to it (src/derive/map/scopeMap.ts). */
  placeMap: (code: string, locale: Locale) => MapPayload;
  /** Live pages of released or unreleased data, or one released edition's frozen pages. */
  standing: EditionStanding;
  /** The released edition these pages show, for citations; undefined for data not released. */
  release: { id: string; asOf: string; released: string } | undefined;
};

export type SiteInput = {
  records: Records;
  report: Report;
  edition: string;
  tiles: TileConfig;
  /** Parsed GeoJSON of the region's outline (see MapPayloadInput), when the data folder has one. */
  outline: { wgs84: unknown; gcj02?: unknown } | undefined;
  /** Parsed GeoJSON of the outlines of the cities and counties under the region, when the data folder has them. */
  areas?: unknown;
  /** Served by `npm run dev`, whose pages carry their styles inline (the policy allows them there only). */
  devServer?: boolean;
  /** Released data unless said otherwise. */
  standing?: EditionStanding;
  release?: Site['release'];
  /** The deepest level with pictures, when not the region's own rule (src/derive/regionSize.ts): for tests. */
  pictureLevel?: Level;
};

/** A value computed on first use of its key, then kept: pages ask for the same place many times. */
function memoize<K, V>(compute: (key: K) => V): (key: K) => V {
  const found = new Map<K, V>();
  return (key) => {
    if (!found.has(key)) found.set(key, compute(key));
    return found.get(key)!;
  };
}

export function buildSite({
  records,
  report,
  edition,
  tiles,
  outline,
  areas,
  devServer = false,
  standing = { kind: 'released' },
  release,
  pictureLevel,
}: SiteInput): Site {
  const tree = buildPlaceTree(records);
  const region = tree.places.get(tree.regionCode);
  if (region === undefined) throw new Error(`The region ${tree.regionCode} is not in divisions.csv`);
  const places = placesInRegion(tree).sort((a, b) => a.code.localeCompare(b.code));

  const place = (code: string): Place => {
    const found = tree.places.get(code);
    if (found === undefined) throw new Error(`No place with code ${code}`);
    return found;
  };
  const summary = memoize((code: string) => summarizePlace(records, code));
  const datasets = memoize((code: string) => chartDatasets(place(code), summary, tree.places));
  const villages = places.filter((p) => p.level === 'village');
  const comparisons = memoize((parentCode: string) => compareTown(place(parentCode).villageCodes.map(summary)));
  const mapPayload = memoize((locale: Locale) => buildMapPayload({ records, tree, locale, tiles, outline, areas }));
  // Keyed by locale and scope: every village page of a county shares its county's map.
  const placeMap = memoize((key: string) => {
    const [locale, scope] = key.split('|') as [Locale, string];
    return scopeMapPayload(mapPayload(locale), tree, scope);
  });

  return {
    edition,
    asOf: records.edition[0]?.as_of ?? '',
    records,
    report,
    tree,
    region,
    places,
    villages,
    pictureLevel: pictureLevel ?? pictureLevelOf(region.level),
    towns: [...new Set(villages.map((v) => v.parentCode ?? region.code))],
    place,
    summary,
    datasets,
    dataset: (code, id) => datasets(code).find((d) => d.id === id),
    townComparison: (code) => {
      const { level, parentCode } = place(code);
      return level === 'village' && parentCode !== undefined ? comparisons(parentCode).get(code) : undefined;
    },
    illustrative: (code) => summaryIllustrative(summary(code)),
    tiles,
    csp: contentSecurityPolicy(tiles.cspImgSrc, { devServer }),
    mapPayload,
    placeMap: (code, locale) => placeMap(`${locale}|${mapScopeOf(tree, code)}`),
    standing,
    release,
  };
}
