/**
 * Records → what the progress map draws: one entry per village with its true stored point and the
 * point it is drawn at, its money and stage, and its stage in every month of the monthly review;
 * plus the region's outline, the legends and the tile setting. Both map components (the static SVG
 * drawn at build time and the Leaflet map) read this one payload, so they always show the same
 * villages in the same colours.
 *
 * Villages without a surveyed point are stored at their town seat. Drawn there they would all sit
 * on one pixel, so their *display* point is spread deterministically around the seat on a sunflower
 * (phyllotaxis) spiral in code order; the stored point is kept beside it and the village is flagged
 * approximate, so no one mistakes the spread for a location.
 *
 * Money leaves as a decimal string of yuan: JSON has no bigint, and a float would not be exact.
 */
import type { Bilingual, Locale } from '../i18n/locale.ts';
import { scaleSqrt } from 'd3-scale';
import gcoord from 'gcoord';
import type { MultiPolygon, Position } from 'geojson';
import { summarizePlace, type PlaceTree } from './aggregate.ts';
import { formatMonth, formatYuan } from '../format/formatNumber.ts';
import { englishName } from '../format/placeName.ts';
import { formatHundredths, parseHundredthsText } from '../format/money.ts';
import { isWithin } from '../model/divisionCode.ts';
import type { Records } from '../read/tables.ts';
import type { MapCrs, TileConfig } from '../config/tileConfig.ts';
import { SECTORS, STAGES, type LocationPrecision, type Sector, type Stage } from '../model/vocabulary.ts';
import { sunflowerPoint } from './sunflower.ts';

/** [longitude, latitude] in degrees, as GeoJSON orders them. */
export type LonLat = [number, number];

export type MapTown = {
  code: string;
  name: string;
  nameEn: string;
  /** The town government's seat (WGS-84 and GCJ-02), when divisions.csv gives one. */
  seat: { wgs84: LonLat; gcj02: LonLat } | null;
  villages: number;
};

export type MapVillage = {
  code: string;
  /** Chinese name as typed. */
  name: string;
  /** name_en as typed, else the pinyin name (`Gaolemiao Village`). */
  nameEn: string;
  townCode: string;
  townName: string;
  townNameEn: string;
  /** The stored point, unchanged (rounded to 1e-6°, about 0.1 m). */
  wgs84: LonLat;
  gcj02: LonLat;
  precision: LocationPrecision;
  /** Where the village is drawn: its stored point, or a spread position near the town seat. */
  display: { wgs84: LonLat; gcj02: LonLat };
  /** True when the drawn point is not a surveyed location of the village. */
  approximate: boolean;
  /** Total funds secured, exact, as a decimal string of yuan (`"26000000"`, `"1234.5"`). */
  fundsYuan: string;
  /** The funds in the page's language (`2600万元`, `CNY 26 million`). */
  fundsText: string;
  /** √(funds / largest funds), 0–1: marker area grows with money. */
  fundsScale: number;
  /** Index into `legends.funds`. */
  fundsBin: number;
  projects: number;
  /** Sectors with at least one project, in vocabulary order. */
  sectors: Sector[];
  /** The sector with the most investment; null without projects. */
  mainSector: Sector | null;
  /** Stage of the latest monthly review; null when the village has none. */
  latestStage: Stage | null;
  /** The stage in each month of `MapPayload.months` (same order); null when that month has no review. */
  stageByMonth: (Stage | null)[];
  /** Collective income to the end of each month of `MapPayload.months`, decimal yuan; null when no review. */
  incomeByMonth: (string | null)[];
  unit: string | null;
  enterprise: string | null;
  /** Some figure about this village (project, fund, pairing or review row) is illustrative, not official. */
  illustrative: boolean;
};

export type LegendEntry<K extends string> = {
  key: K;
  /** The class markers of this category carry; src/styles/map.css colours it. */
  className: string;
  color: string;
  /** The category's name in the page's language; null for `none`, which the page's dictionary names. */
  label: string | null;
};

export type FundsLegendEntry = {
  key: number;
  className: string;
  color: string;
  /** Lower bound, inclusive, in yuan; null for the first band. */
  minYuan: string | null;
  /** Upper bound, exclusive, in yuan; null for the top band. */
  maxYuan: string | null;
  minText: string | null;
  maxText: string | null;
  /** The band of villages with no funds at all. */
  none: boolean;
};

export type MapLegends = {
  stage: LegendEntry<Stage | 'none'>[];
  sector: LegendEntry<Sector | 'none'>[];
  funds: FundsLegendEntry[];
};

/** Outline of the region: one MultiPolygon, properties dropped (they would only add bytes). */
export type MapOutline = { type: 'Feature'; properties: Record<string, never>; geometry: MultiPolygon };

/** Tiles as the browser needs them: this page's language only. */
export type ClientTiles = {
  provider: TileConfig['provider'];
  layers: { url: string; subdomains: string; maxZoom: number }[];
  attribution: { text: string; href: string } | null;
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
  legends: MapLegends;
  tiles: ClientTiles;
  /** Who the outline and points come from, as their licence asks. */
  attribution: { text: string; href: string };
};

/** How far a town-seat village may be drawn from the seat (the outermost of the spiral). */
export const DEFAULT_SPREAD_METRES = 2500;

/** What the geometry in data/geo asks to be credited with (see data/geo/README.md). */
export const MAP_DATA_ATTRIBUTION: Bilingual & { href: string } = {
  zh: '区划与边界：Vonng/adcode（CC BY 4.0）；边界 © 高德地图',
  en: 'Divisions and boundary: Vonng/adcode (CC BY 4.0); boundary © AMap',
  href: 'https://github.com/Vonng/adcode',
};

// Okabe–Ito based, each at least 3:1 against white (as the chart palette); map.css repeats them.
export const STAGE_COLORS: Readonly<Record<Stage | 'none', string>> = {
  planning: '#5b3a8c',
  preliminary: '#8a5a00',
  construction: '#d55e00',
  operating: '#007a5a',
  suspended: '#1f2937',
  none: '#6b7280',
};

export const SECTOR_COLORS: Readonly<Record<Sector | 'none', string>> = {
  farming: '#007a5a',
  industry: '#0072b2',
  commerce: '#d55e00',
  herding: '#a8487f',
  none: '#6b7280',
};

/** Light to dark; every marker also has a dark outline, so even the lightest band stands out. */
export const FUNDS_COLORS = ['#f3f4f6', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const;

/** Funds are shown in at most this many bands above "no funds". */
const FUNDS_BANDS = 4;

const EARTH_RADIUS_METRES = 6_371_008.8;

const roundDegrees = (value: number, decimals = 6): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor + 0;
};
const roundLonLat = ([lon, lat]: LonLat, decimals = 6): LonLat => [roundDegrees(lon, decimals), roundDegrees(lat, decimals)];

export function toGcj02(point: LonLat): LonLat {
  const [lon, lat] = gcoord.transform<[number, number]>([point[0], point[1]], gcoord.WGS84, gcoord.GCJ02);
  return roundLonLat([lon, lat]);
}

/**
 * `count` points around `center`, at most `radiusMetres` away, on the sunflower spiral (sunflower.ts).
 * One point stays on the centre: there is nothing to keep apart.
 */
export function spreadAround(center: LonLat, count: number, radiusMetres: number): LonLat[] {
  if (count <= 1) return count === 1 ? [roundLonLat(center)] : [];
  const [lon, lat] = center;
  const metresPerDegreeLat = (EARTH_RADIUS_METRES * Math.PI) / 180;
  const metresPerDegreeLon = metresPerDegreeLat * Math.cos((lat * Math.PI) / 180);
  return Array.from({ length: count }, (_, i) => {
    const [east, north] = sunflowerPoint(i, count);
    return roundLonLat([lon + (radiusMetres * east) / metresPerDegreeLon, lat + (radiusMetres * north) / metresPerDegreeLat]);
  });
}

/** Rounds a positive amount down to two significant digits, so band limits read as round figures. */
function floorToTwoDigits(fen: bigint): bigint {
  const digits = fen.toString().length;
  if (digits <= 2) return fen;
  const unit = 10n ** BigInt(digits - 2);
  return (fen / unit) * unit;
}

/**
 * Limits between funds bands: the quartiles of the villages that have any funds, rounded down to
 * two significant digits, duplicates dropped. Quantiles rather than equal steps because a few large
 * projects would otherwise put nearly every village in the first band.
 */
export function fundsThresholds(funds: readonly bigint[]): bigint[] {
  const positive = funds.filter((f) => f > 0n).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (positive.length === 0) return [];
  const limits: bigint[] = [];
  for (let band = 1; band < FUNDS_BANDS; band += 1) {
    const at = positive[Math.floor((band * positive.length) / FUNDS_BANDS)] ?? positive.at(-1)!;
    const limit = floorToTwoDigits(at);
    if (limit > (limits.at(-1) ?? 0n) && limit > positive[0]!) limits.push(limit);
  }
  return limits;
}

/** Band 0 is "no funds"; bands 1… split at the thresholds, lower limit inclusive. */
export function fundsBin(fen: bigint, thresholds: readonly bigint[]): number {
  if (fen <= 0n) return 0;
  return 1 + thresholds.filter((limit) => fen >= limit).length;
}

function fundsLegend(thresholds: readonly bigint[], locale: Locale, anyPositive: boolean): FundsLegendEntry[] {
  const none: FundsLegendEntry = {
    key: 0, className: 'funds-0', color: FUNDS_COLORS[0], minYuan: null, maxYuan: null, minText: null, maxText: null, none: true,
  };
  if (!anyPositive) return [none];
  const bands = thresholds.length + 1;
  // The top band is always the darkest colour, however many bands the data gives.
  const firstColor = FUNDS_COLORS.length - bands;
  const bounds = [undefined, ...thresholds, undefined];
  return [
    none,
    ...Array.from({ length: bands }, (_, i): FundsLegendEntry => {
      const min = bounds[i];
      const max = bounds[i + 1];
      return {
        key: i + 1,
        className: `funds-${firstColor + i}`,
        color: FUNDS_COLORS[firstColor + i]!,
        minYuan: min === undefined ? null : formatHundredths(min),
        maxYuan: max === undefined ? null : formatHundredths(max),
        minText: min === undefined ? null : formatYuan(min, locale),
        maxText: max === undefined ? null : formatYuan(max, locale),
        none: false,
      };
    }),
  ];
}

function vocabularyLegend<K extends string>(
  keys: readonly K[],
  labelOf: (key: K) => Bilingual,
  colors: Readonly<Record<K | 'none', string>>,
  prefix: string,
  locale: Locale,
): LegendEntry<K | 'none'>[] {
  return [
    ...keys.map((key) => ({ key, className: `${prefix}-${key}`, color: colors[key], label: labelOf(key)[locale === 'en' ? 'en' : 'zh'] })),
    { key: 'none' as const, className: `${prefix}-none`, color: colors.none, label: null },
  ];
}

const STAGE_KEYS = Object.keys(STAGES) as Stage[];
const SECTOR_KEYS = Object.keys(SECTORS) as Sector[];

export function buildLegends(funds: readonly bigint[], locale: Locale): MapLegends {
  return {
    stage: vocabularyLegend(STAGE_KEYS, (k) => STAGES[k], STAGE_COLORS, 'stage', locale),
    sector: vocabularyLegend(SECTOR_KEYS, (k) => SECTORS[k], SECTOR_COLORS, 'sector', locale),
    funds: fundsLegend(fundsThresholds(funds), locale, funds.some((f) => f > 0n)),
  };
}

export type MapVillagesOptions = {
  locale: Locale;
  /** Radius of the spiral town-seat villages are spread on; DEFAULT_SPREAD_METRES when absent. */
  spreadMetres?: number;
};

/** Every village in the region, in code order, with the months of the monthly review. */
export function buildMapVillages(records: Records, tree: PlaceTree, options: MapVillagesOptions): { villages: MapVillage[]; months: string[]; towns: MapTown[] } {
  const { locale } = options;
  const spreadMetres = options.spreadMetres ?? DEFAULT_SPREAD_METRES;
  const inRegion = records.villages
    .filter((v) => isWithin(v.village_code, tree.regionCode))
    .sort((a, b) => a.village_code.localeCompare(b.village_code));
  const months = [...new Set(records.monthly.filter((m) => isWithin(m.village_code, tree.regionCode)).map((m) => m.month))].sort();

  const townOf = (villageCode: string) => {
    const place = tree.places.get(villageCode);
    const townCode = place?.ancestorCodes.find((code) => tree.places.get(code)?.level === 'town');
    return townCode === undefined ? undefined : tree.places.get(townCode);
  };

  // Town-seat villages sharing a town and a stored point are spread together, in code order.
  const displayWgs84 = new Map<string, LonLat>();
  const groups = new Map<string, typeof inRegion>();
  for (const village of inRegion) {
    const point = roundLonLat([village.lon_wgs84, village.lat_wgs84]);
    if (village.location_precision === 'surveyed') {
      displayWgs84.set(village.village_code, point);
      continue;
    }
    const key = `${townOf(village.village_code)?.code ?? ''}|${point.join(',')}`;
    groups.set(key, [...(groups.get(key) ?? []), village]);
  }
  for (const group of groups.values()) {
    const first = group[0]!;
    const spread = spreadAround(roundLonLat([first.lon_wgs84, first.lat_wgs84]), group.length, spreadMetres);
    group.forEach((village, i) => displayWgs84.set(village.village_code, spread[i]!));
  }

  const summaries = inRegion.map((village) => summarizePlace(records, village.village_code));
  const fundsTotals = summaries.map((s) => s.fundsTotal);
  const largest = fundsTotals.reduce((max, f) => (f > max ? f : max), 0n);
  // Number() only for the marker's size: the exact amount travels as fundsYuan.
  const scale = scaleSqrt().domain([0, largest > 0n ? Number(largest) : 1]).range([0, 1]).clamp(true);
  const thresholds = fundsThresholds(fundsTotals);

  const villages = inRegion.map((village, index): MapVillage => {
    const summary = summaries[index]!;
    const town = townOf(village.village_code);
    const stored = roundLonLat([village.lon_wgs84, village.lat_wgs84]);
    const display = displayWgs84.get(village.village_code) ?? stored;
    const investmentBySector = new Map<Sector, bigint>();
    for (const project of summary.projects) {
      investmentBySector.set(project.sector, (investmentBySector.get(project.sector) ?? 0n) + project.investment_yuan);
    }
    let mainSector: Sector | null = null;
    for (const sector of SECTOR_KEYS) {
      const amount = investmentBySector.get(sector);
      if (amount !== undefined && (mainSector === null || amount > investmentBySector.get(mainSector)!)) mainSector = sector;
    }
    const reviewByMonth = new Map(summary.monthly.map((m) => [m.month, m]));
    const pairing = summary.pairings[0];
    const rows = [...summary.projects, ...summary.funds, ...summary.pairings, ...summary.monthly];
    return {
      code: village.village_code,
      name: village.name,
      nameEn: englishName(village),
      townCode: town?.code ?? '',
      townName: town?.name ?? '',
      townNameEn: town === undefined ? '' : englishName({ name: town.name, name_en: town.nameEn }),
      wgs84: stored,
      gcj02: toGcj02(stored),
      precision: village.location_precision,
      display: { wgs84: display, gcj02: toGcj02(display) },
      approximate: village.location_precision !== 'surveyed',
      fundsYuan: formatHundredths(summary.fundsTotal),
      fundsText: formatYuan(summary.fundsTotal, locale),
      fundsScale: Math.round(scale(Number(summary.fundsTotal)) * 1000) / 1000,
      fundsBin: fundsBin(summary.fundsTotal, thresholds),
      projects: summary.projects.length,
      sectors: SECTOR_KEYS.filter((sector) => investmentBySector.has(sector)),
      mainSector,
      latestStage: summary.latestStage ?? null,
      stageByMonth: months.map((month) => reviewByMonth.get(month)?.stage ?? null),
      incomeByMonth: months.map((month) => {
        const review = reviewByMonth.get(month);
        return review === undefined ? null : formatHundredths(review.collective_income_yuan);
      }),
      unit: pairing?.unit_name ?? null,
      enterprise: pairing?.enterprise_name ?? null,
      illustrative: rows.some((row) => row.provenance === 'illustrative'),
    };
  });

  const towns = [...new Set(villages.map((v) => v.townCode))]
    .filter((code) => code !== '')
    .sort()
    .map((code): MapTown => {
      const place = tree.places.get(code)!;
      const division = records.divisions.find((d) => d.code === code);
      const seat: LonLat | undefined =
        division?.seat_lon_wgs84 !== undefined && division.seat_lat_wgs84 !== undefined
          ? roundLonLat([division.seat_lon_wgs84, division.seat_lat_wgs84])
          : undefined;
      return {
        code,
        name: place.name,
        nameEn: englishName({ name: place.name, name_en: place.nameEn }),
        seat: seat === undefined ? null : { wgs84: seat, gcj02: toGcj02(seat) },
        villages: villages.filter((v) => v.townCode === code).length,
      };
    });
  return { villages, months, towns };
}

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && value.length >= 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n));
}
const isRing = (value: unknown): value is Position[] => Array.isArray(value) && value.length >= 4 && value.every(isPosition);
const isPolygonCoordinates = (value: unknown): value is Position[][] => Array.isArray(value) && value.length >= 1 && value.every(isRing);

/**
 * The polygons of a parsed GeoJSON file (FeatureCollection, Feature or bare geometry) as one
 * MultiPolygon; anything that is not a polygon is ignored. Throws when there is no polygon at all,
 * since a file that is there but unreadable should stop the build, not draw an empty map.
 */
export function readOutline(json: unknown): MultiPolygon {
  const polygons: Position[][][] = [];
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const object = node as { type?: unknown; features?: unknown; geometry?: unknown; geometries?: unknown; coordinates?: unknown };
    if (object.type === 'FeatureCollection' && Array.isArray(object.features)) object.features.forEach(visit);
    else if (object.type === 'Feature') visit(object.geometry);
    else if (object.type === 'GeometryCollection' && Array.isArray(object.geometries)) object.geometries.forEach(visit);
    else if (object.type === 'Polygon' && isPolygonCoordinates(object.coordinates)) polygons.push(object.coordinates);
    else if (object.type === 'MultiPolygon' && Array.isArray(object.coordinates) && object.coordinates.every(isPolygonCoordinates)) {
      polygons.push(...object.coordinates);
    }
  };
  visit(json);
  if (polygons.length === 0) {
    throw new Error('边界文件中没有多边形（Polygon/MultiPolygon）。\nThe boundary file holds no Polygon or MultiPolygon.');
  }
  return { type: 'MultiPolygon', coordinates: polygons };
}

/** Perpendicular distance from p to the segment a–b, in the plane of the caller's coordinates. */
function distanceToSegment(p: LonLat, a: LonLat, b: LonLat): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas–Peucker on an open line: indexes of the points to keep (first and last always). */
function keepIndexes(points: readonly LonLat[], from: number, to: number, tolerance: number, keep: Set<number>): void {
  const stack: [number, number][] = [[from, to]];
  keep.add(from).add(to);
  while (stack.length > 0) {
    const [start, end] = stack.pop()!;
    let farthest = -1;
    let farthestDistance = tolerance;
    for (let i = start + 1; i < end; i += 1) {
      const distance = distanceToSegment(points[i]!, points[start]!, points[end]!);
      if (distance > farthestDistance) {
        farthest = i;
        farthestDistance = distance;
      }
    }
    if (farthest >= 0) {
      keep.add(farthest);
      stack.push([start, farthest], [farthest, end]);
    }
  }
}

/**
 * A closed ring with every vertex dropped that lies within `toleranceMetres` of the simplified line
 * (Douglas–Peucker in a local plane). The geometry is good to about 100 m anyway, and every vertex
 * costs bytes on every page that draws the map. A ring that would collapse is kept as it was.
 */
export function simplifyRing(ring: readonly Position[], toleranceMetres: number): LonLat[] {
  const points = ring.map((p): LonLat => [p[0]!, p[1]!]);
  if (points.length <= 4 || toleranceMetres <= 0) return points;
  const latitude = points.reduce((sum, p) => sum + p[1], 0) / points.length;
  const metresPerDegree = (EARTH_RADIUS_METRES * Math.PI) / 180;
  const planar = points.map(([lon, lat]): LonLat => [lon * metresPerDegree * Math.cos((latitude * Math.PI) / 180), lat * metresPerDegree]);
  // A closed ring has no natural ends: split it at the vertex farthest from the first one.
  const last = points.length - 1;
  let split = 1;
  for (let i = 1; i < last; i += 1) {
    if (Math.hypot(planar[i]![0] - planar[0]![0], planar[i]![1] - planar[0]![1]) > Math.hypot(planar[split]![0] - planar[0]![0], planar[split]![1] - planar[0]![1])) split = i;
  }
  const keep = new Set<number>();
  keepIndexes(planar, 0, split, toleranceMetres, keep);
  keepIndexes(planar, split, last, toleranceMetres, keep);
  const kept = [...keep].sort((a, b) => a - b).map((i) => points[i]!);
  return kept.length >= 4 ? kept : points;
}

/** Simplified, rounded to 1e-5° (about 1 m), with vertices that rounding made equal merged. */
export function prepareOutline(geometry: MultiPolygon, toleranceMetres: number): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((polygon) =>
      polygon.map((ring) =>
        simplifyRing(ring, toleranceMetres)
          .map((p) => roundLonLat(p, 5))
          .filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]),
      ),
    ),
  };
}

function transformOutline(geometry: MultiPolygon, to: MapCrs): MultiPolygon {
  if (to === 'wgs84') return geometry;
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map((p) => toGcj02([p[0]!, p[1]!])))),
  };
}

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
  spreadMetres?: number;
  /** Vertices closer than this to the simplified outline are dropped (default 100 m). */
  outlineToleranceMetres?: number;
  attribution?: Bilingual & { href: string };
};

/** Everything the static and the interactive map draw, for one page language. */
export function buildMapPayload(input: MapPayloadInput): MapPayload {
  const { records, tree, locale, tiles } = input;
  const { villages, months, towns } = buildMapVillages(records, tree, {
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
    legends: buildLegends(
      villages.map((v) => parseHundredthsText(v.fundsYuan)),
      locale,
    ),
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

/**
 * JSON for a `<script type="application/json">` element: `<` is written as \u003c, so no value
 * (a village called `</script><img …>`) can end the element early; JSON.parse reads it back unchanged.
 */
export function toScriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The display point of a village in the payload's coordinate system. */
export const displayPoint = (village: MapVillage, crs: MapCrs): LonLat => village.display[crs];

/** A village as the browser's map needs it: points already in the page's coordinate system. */
export type ClientMapVillage = Pick<
  MapVillage,
  | 'code' | 'name' | 'nameEn' | 'townCode' | 'approximate' | 'fundsText' | 'fundsScale' | 'fundsBin' | 'projects'
  | 'sectors' | 'mainSector' | 'latestStage' | 'stageByMonth' | 'unit' | 'enterprise' | 'illustrative'
> & {
  /** Where the marker is drawn (the display point, in the payload's crs). */
  point: LonLat;
  /** Where the village is stored (in crs); approximate villages sharing it and a town are spread together. */
  stored: LonLat;
};

export type ClientMapPayload = Omit<MapPayload, 'villages'> & { villages: ClientMapVillage[] };

/**
 * The payload without what the browser never reads — the other coordinate system, monthly income,
 * town names repeated per village, exact yuan — because the map page must stay within its byte
 * budget (SITE.md: ≤ 90 KB gzip with Leaflet), and those fields cost a third of the JSON. On Chinese
 * pages the English names are replaced by the Chinese ones, so no English travels with a Chinese page.
 */
export function toClientPayload(payload: MapPayload): ClientMapPayload {
  const english = payload.locale === 'en';
  return {
    ...payload,
    towns: payload.towns.map((town) => ({ ...town, nameEn: english ? town.nameEn : town.name })),
    villages: payload.villages.map((v) => ({
      code: v.code,
      name: v.name,
      nameEn: english ? v.nameEn : v.name,
      townCode: v.townCode,
      approximate: v.approximate,
      fundsText: v.fundsText,
      fundsScale: v.fundsScale,
      fundsBin: v.fundsBin,
      projects: v.projects,
      sectors: v.sectors,
      mainSector: v.mainSector,
      latestStage: v.latestStage,
      stageByMonth: v.stageByMonth,
      unit: v.unit,
      enterprise: v.enterprise,
      illustrative: v.illustrative,
      point: v.display[payload.crs],
      stored: v[payload.crs],
    })),
  };
}
