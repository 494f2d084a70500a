/**
 * Records → what the progress map draws: one entry per village with its true stored point and the
 * point it is drawn at, its money and stage, and its stage in every month of the monthly review;
 * plus the region's outline, the legends and the tile setting. Both map components (the static SVG
 * drawn at build time and the Leaflet map) read this one payload, so they always show the same
 * villages in the same colours. The villages come from mapVillages.ts, the outline from outline.ts,
 * the legends from legends.ts; toClientPayload (clientPayload.ts) trims this for the browser.
 *
 * Money leaves as a decimal string of yuan: JSON has no bigint, and a float would not be exact.
 */
import type { PlaceTree } from '../aggregate.ts';
import { formatMonth } from '../../format/formatNumber.ts';
import { englishName } from '../../format/placeName.ts';
import type { Bilingual, Locale } from '../../i18n/locale.ts';
import type { Records } from '../../read/tables.ts';
import type { MapCrs, TileConfig } from '../../config/tileConfig.ts';
import { buildLegends, type MapLegends } from './legends.ts';
import { buildMapVillages, DEFAULT_SPREAD_METRES, type MapTown, type MapVillage } from './mapVillages.ts';
import { prepareOutline, transformOutline, type MapOutline } from './outline.ts';
import { readAreaOutlines, readOutline } from '../../model/regionOutline.ts';
import { ancestorAt, isWithin } from '../../model/divisionCode.ts';
import type { MultiPolygon } from 'geojson';
import type { LonLat } from './geodesy.ts';

/** Tiles as the browser needs them: this page's language only. */
export type ClientTiles = {
  provider: TileConfig['provider'];
  layers: { url: string; subdomains: string; maxZoom: number }[];
  attribution: { text: string; href: string } | null;
};

/**
 * A city or county under the region: the interactive map's first filters, and on the static map a
 * thin line around each (a city's page shows its counties). Its outline is in the payload's crs, or
 * null when the national outlines do not have it (a county newer than them).
 */
export type MapArea = {
  code: string;
  level: 'city' | 'county';
  name: string;
  nameEn: string;
  /** The city a county belongs to, when the region is a province; else null. */
  parentCode: string | null;
  villages: number;
  outline: MultiPolygon | null;
};

export type MapPayload = {
  locale: Locale;
  /** The coordinate system of `outline` and of the points the map should use (`display[crs]`). */
  crs: MapCrs;
  regionCode: string;
  regionName: string;
  /** Months of the monthly review, oldest first, with their names in the page's language. */
  months: { month: string; label: string }[];
  towns: MapTown[];
  villages: MapVillage[];
  /** In `crs`; null when no outline was supplied (the map then fits the villages). */
  outline: MapOutline | null;
  /** The cities and counties under the region (under the place, on a place's page), in code order. */
  areas: MapArea[];
  /**
   * The points the map is fitted to, in `crs`, when not the outline: a town's villages and seat
   * inside its county's outline. Null: fit the outline (or the villages when there is none).
   */
  fit: LonLat[] | null;
  legends: MapLegends;
  /** The radius villages without a surveyed point are spread on around their seat (mapVillages.ts); absent: DEFAULT_SPREAD_METRES. */
  spreadMetres?: number;
  tiles: ClientTiles;
  /** Who the outline and points come from, as their licence asks. */
  attribution: { text: string; href: string };
};

/** What the geometry in data/geo asks to be credited with (see data/geo/README.md). */
export const MAP_DATA_ATTRIBUTION: Bilingual & { href: string } = {
  zh: '区划与边界：Vonng/adcode（CC BY 4.0）；边界 © 高德地图',
  en: 'Divisions and boundary: Vonng/adcode (CC BY 4.0); boundary © AMap',
  href: 'https://github.com/Vonng/adcode',
};

export type MapPayloadInput = {
  records: Records;
  tree: PlaceTree;
  locale: Locale;
  tiles: TileConfig;
  /**
   * Parsed GeoJSON of the region's outline in WGS-84 (data/geo/<region>-boundary.wgs84.geojson), and
   * optionally the same in GCJ-02 as published (…gcj02.geojson), used as is with AMap tiles rather
   * than converting twice. Undefined when the data folder has no outline.
   */
  outline?: { wgs84: unknown; gcj02?: unknown } | undefined;
  /** Parsed GeoJSON of the outlines of the cities and counties under the region (data/geo/<region>-areas.wgs84.geojson). */
  areas?: unknown;
  spreadMetres?: number;
  /** Vertices closer than this to the simplified outline are dropped (default 100 m). */
  outlineToleranceMetres?: number;
  attribution?: Bilingual & { href: string };
};

/** Everything the static and the interactive map draw, for one page language. */
export function buildMapPayload(input: MapPayloadInput): MapPayload {
  const { records, tree, locale, tiles } = input;
  const { villages, months, towns, fundsFen } = buildMapVillages(records, tree, {
    locale,
    ...(input.spreadMetres === undefined ? {} : { spreadMetres: input.spreadMetres }),
  });
  const tolerance = input.outlineToleranceMetres ?? 100;
  let outline: MapOutline | null = null;
  if (input.outline !== undefined) {
    const published = tiles.crs === 'gcj02' && input.outline.gcj02 !== undefined ? readOutline(input.outline.gcj02) : undefined;
    const geometry = published ?? transformOutline(readOutline(input.outline.wgs84), tiles.crs);
    outline = { type: 'Feature', properties: {}, geometry: prepareOutline(geometry, tolerance) };
  }
  const areaOutlines = input.areas === undefined ? new Map<string, MultiPolygon>() : readAreaOutlines(input.areas);
  // Villages per city and county, counted in one pass (a province has some 115 areas and 15,000 villages).
  const villagesIn = new Map<string, number>();
  for (const village of villages) {
    for (const prefix of [ancestorAt(village.code, 'city'), ancestorAt(village.code, 'county')]) villagesIn.set(prefix, (villagesIn.get(prefix) ?? 0) + 1);
  }
  const areas = [...tree.places.values()]
    .filter((place) => (place.level === 'city' || place.level === 'county') && place.code !== tree.regionCode && isWithin(place.code, tree.regionCode))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((place): MapArea => {
      const geometry = areaOutlines.get(place.code);
      const parent = place.parentCode === undefined ? undefined : tree.places.get(place.parentCode);
      return {
        code: place.code,
        level: place.level as MapArea['level'],
        name: place.name,
        nameEn: englishName({ name: place.name, name_en: place.nameEn }),
        parentCode: parent?.level === 'city' && parent.code !== tree.regionCode ? parent.code : null,
        villages: villagesIn.get(place.code) ?? 0,
        outline: geometry === undefined ? null : prepareOutline(transformOutline(geometry, tiles.crs), tolerance),
      };
    });
  const region = tree.places.get(tree.regionCode);
  const language = locale === 'en' ? 'en' : 'zh';
  const attribution = input.attribution ?? MAP_DATA_ATTRIBUTION;
  return {
    locale,
    crs: tiles.crs,
    regionCode: tree.regionCode,
    regionName: region === undefined ? tree.regionCode : locale === 'en' ? englishName({ name: region.name, name_en: region.nameEn }) : region.name,
    months: months.map((month) => ({ month, label: formatMonth(month, locale) })),
    towns,
    villages,
    outline,
    areas,
    fit: null,
    legends: buildLegends(fundsFen, locale),
    spreadMetres: input.spreadMetres ?? DEFAULT_SPREAD_METRES,
    tiles: {
      provider: tiles.provider,
      layers: tiles.layers
        .filter((layer) => layer.locale === undefined || layer.locale === locale)
        .map(({ url, subdomains, maxZoom }) => ({ url, subdomains, maxZoom })),
      attribution: tiles.attribution === null ? null : { text: tiles.attribution[language], href: tiles.attribution.href },
    },
    attribution: { text: attribution[language], href: attribution.href },
  };
}
