/**
 * A new region's starting data, computed from the statistical division list and the points known
 * (`npm run init-region`, scripts/initRegion.ts, reads them and writes the result). Pure: no file, no
 * clock.
 *
 * - Divisions: the region, the levels above it, every town under it that holds a village (towns of
 *   urban communities only are left out: rural-revitalization figures count villages) and the counties
 *   (and cities) between the region and those towns. The region
 *   and the levels above it get an English name (an override by code, else pinyin), so the English
 *   site is never titled in Chinese; towns and villages are left blank for the site's pinyin unless
 *   their code has an override.
 * - Villages: every village of the list under the region, named and kinded by src/read/divisionList.ts,
 *   each placed by the first of: its own point (实测点位), its town's seat (镇政府驻地), its county's seat
 *   (县政府驻地), its city's seat (市政府驻地: development zones newer than the points), each row naming
 *   where its point truly comes from. A village none of these places is
 *   listed in `unplaced`, never dropped or guessed.
 * - A seat is written to divisions.csv for every town that has one, and for a county or city only when
 *   a village waits at it (the validator checks a seat-placed village sits on its seat).
 */
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { ancestorAt, ancestorsOf, isLevel, isWithin, levelOf, townOf, type Level } from '../model/divisionCode.ts';
import { LOCATION_PRECISIONS, type LocationPrecision, type VillageKind } from '../model/vocabulary.ts';
import { cleanVillageName, isCommunity } from '../read/divisionList.ts';
import { ENGLISH_NAME_OVERRIDES, startingEnglishName } from '../format/placeName.ts';
import { toWgs84, type LonLat } from './map/geodesy.ts';

/** A point in WGS-84 and the words that credit it, as a row's location_source shows them. */
export type KnownPoint = { lon: number; lat: number; source: string };
/** A village's point; `listName` (the name the source gives it) must name the same village when present. */
export type KnownVillagePoint = KnownPoint & { listName?: string };

export type StartInput = {
  regionCode: string;
  /** Names of the list's provinces, cities, counties and towns, by code. */
  names: ReadonlyMap<string, string>;
  /** The list's villages and communities under the region: 12-digit code and the list's name. */
  listVillages: readonly { code: string; name: string }[];
  /** Seats of provinces, cities, counties and towns, by their own code (2, 4, 6 or 9 digits). */
  seats: ReadonlyMap<string, KnownPoint>;
  villagePoints: ReadonlyMap<string, KnownVillagePoint>;
};

export type StartedDivision = { code: string; name: string; nameEn?: string; seat?: KnownPoint };
export type StartedVillage = {
  code: string;
  name: string;
  kind: VillageKind;
  nameEn?: string;
  point: KnownPoint;
  precision: LocationPrecision;
};
export type StartedRegion = {
  divisions: StartedDivision[];
  villages: StartedVillage[];
  /** Villages with no point and no town, county or city seat: `code name`, in code order. */
  unplaced: string[];
  /** How many villages each precision placed. */
  placed: Record<LocationPrecision, number>;
};

/** A code the list does not hold (now): what to say, and the nearest enclosing code it does hold. */
export type UnknownCode = { code: string; nearest?: { code: string; name: string } };

/** The region's code must be a 2-, 4-, 6- or 9-digit code of the list; else the nearest valid parent. */
export function checkRegionCode(code: string, names: ReadonlyMap<string, string>): UnknownCode | undefined {
  if (names.has(code)) return undefined;
  for (const ancestor of [...ancestorsOf(code)].reverse()) {
    const name = names.get(ancestor);
    if (name !== undefined) return { code, nearest: { code: ancestor, name } };
  }
  return { code };
}

/** The precision of a village placed at the seat of a division of this level. */
const SEAT_PRECISION: Partial<Record<Level, LocationPrecision>> = { town: 'town-seat', county: 'county-seat', city: 'city-seat' };
const SEAT_WORD: Partial<Record<Level, string>> = { town: 'town seat', county: 'county seat', city: 'city seat' };

export function startRegion(input: StartInput): StartedRegion {
  const { regionCode, names, seats, villagePoints } = input;
  const listed = input.listVillages
    .filter((row) => isWithin(row.code, regionCode) && isLevel(row.code, 'village') && !isCommunity(row.name, row.code))
    .map((row) => ({ code: row.code, ...cleanVillageName(row.name) }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  const usedSeats = new Set<string>();
  const unplaced: string[] = [];
  const placed = Object.fromEntries(Object.keys(LOCATION_PRECISIONS).map((key) => [key, 0])) as Record<LocationPrecision, number>;
  const villages: StartedVillage[] = [];
  for (const village of listed) {
    const own = villagePoints.get(village.code);
    // A point of a code the list has since given to another village is not this village's.
    const usable = own !== undefined && (own.listName === undefined || cleanVillageName(own.listName).name === village.name);
    let point: KnownPoint | undefined = usable ? { lon: own.lon, lat: own.lat, source: own.source } : undefined;
    let precision: LocationPrecision = 'surveyed';
    if (point === undefined) {
      for (const level of ['town', 'county', 'city'] as const) {
        const seatCode = ancestorAt(village.code, level);
        const seat = seats.get(seatCode);
        if (seat === undefined) continue;
        const name = names.get(seatCode) ?? seatCode;
        point = { lon: seat.lon, lat: seat.lat, source: `${name}政府驻地 (${SEAT_WORD[level]!}), ${seat.source}` };
        precision = SEAT_PRECISION[level]!;
        usedSeats.add(seatCode);
        break;
      }
    }
    if (point === undefined) {
      unplaced.push(`${village.code} ${village.name}`);
      continue;
    }
    placed[precision] += 1;
    const nameEn = ENGLISH_NAME_OVERRIDES[village.code];
    villages.push({ code: village.code, name: village.name, kind: village.kind, point, precision, ...(nameEn === undefined ? {} : { nameEn }) });
  }

  const townCodes = [...new Set(listed.map((v) => townOf(v.code)))].filter((code) => code !== regionCode);
  const ladder = new Set([...ancestorsOf(regionCode), regionCode]);
  // A city or province holds its counties (and a province its cities) between it and the towns.
  const between = townCodes.flatMap((town) => ancestorsOf(town).filter((code) => code.length > regionCode.length));
  const divisions: StartedDivision[] = [...new Set([...ladder, ...between, ...townCodes])].sort().map((code) => {
    const name = names.get(code);
    if (name === undefined) throw new Error(`统计用区划代码中没有 ${code} · ${code} is not in the statistical division list`);
    const nameEn = ladder.has(code) ? startingEnglishName(code, name) : ENGLISH_NAME_OVERRIDES[code];
    const seat = isLevel(code, 'town') || usedSeats.has(code) ? seats.get(code) : undefined;
    return { code, name, ...(nameEn === undefined ? {} : { nameEn }), ...(seat === undefined ? {} : { seat }) };
  });
  return { divisions, villages, unplaced, placed };
}

// ---------------------------------------------------------------------------------------------
// The region's outline, from the simplified national outlines (TopoJSON, GCJ-02).

export type OutlineLevel = 'province' | 'city' | 'county';
export type RegionOutline = {
  /** The code whose outline it is: the region's, or for a town its county's. */
  code: string;
  level: OutlineLevel;
  gcj02: FeatureCollection<MultiPolygon>;
  wgs84: FeatureCollection<MultiPolygon>;
};

/** Which national outline a region is drawn with: its own, or a town's county's (no town outlines exist). */
export function outlineLevelOf(regionCode: string): { code: string; level: OutlineLevel } {
  const level = levelOf(regionCode);
  if (level === 'town' || level === 'village') return { code: ancestorAt(regionCode, 'county'), level: 'county' };
  return { code: regionCode, level };
}

const asMultiPolygon = (geometry: Polygon | MultiPolygon): MultiPolygon =>
  geometry.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [geometry.coordinates] } : geometry;

const mapPositions = (geometry: MultiPolygon, f: (p: LonLat) => LonLat): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map((p: Position) => f([p[0]!, p[1]!])))),
});

const collection = (code: string, level: OutlineLevel, geometry: MultiPolygon): FeatureCollection<MultiPolygon> => ({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { code, level }, geometry }],
});

/**
 * The outline of `code` in a topology of one level (features with a 6-digit `code` property:
 * 150000 for province 15, 150600 for city 1506), in GCJ-02 as published and converted to WGS-84.
 * Undefined when the topology has no such feature (a county created after the outlines were drawn).
 */
export function regionOutlineFrom(topology: Topology, code: string, level: OutlineLevel): RegionOutline | undefined {
  return outlinesFrom(topology, [code], level).get(code);
}

/** The outlines of several codes of one level, the topology decoded once (a province has a hundred counties). */
export function outlinesFrom(topology: Topology, codes: readonly string[], level: OutlineLevel): Map<string, RegionOutline> {
  const found = new Map<string, RegionOutline>();
  const object = Object.values(topology.objects)[0] as GeometryCollection<{ code?: string }> | undefined;
  if (object === undefined) return found;
  const wanted = new Map(codes.map((code) => [code.padEnd(6, '0'), code]));
  const collectionOfAll = feature(topology, object) as FeatureCollection<Polygon | MultiPolygon | null, { code?: string }>;
  for (const f of collectionOfAll.features as Feature<Polygon | MultiPolygon | null, { code?: string }>[]) {
    const code = wanted.get(f.properties?.code ?? '');
    if (code === undefined || f.geometry === null) continue;
    const gcj02 = mapPositions(asMultiPolygon(f.geometry), ([lon, lat]) => [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6]);
    found.set(code, { code, level, gcj02: collection(code, level, gcj02), wgs84: collection(code, level, mapPositions(gcj02, toWgs84)) });
  }
  return found;
}

/**
 * The cities and counties under a province or city, each with its outline when the national
 * outlines have it: the site draws a city's counties on its map and crops a county's page to its own.
 * One FeatureCollection in WGS-84, each feature's properties its `code` (4 or 6 digits) and `level`.
 */
export function areaOutlines(
  regionCode: string,
  divisionCodes: readonly string[],
  topologies: Partial<Record<'city' | 'county', Topology>>,
): FeatureCollection<MultiPolygon> {
  const features: Feature<MultiPolygon>[] = [];
  for (const level of ['city', 'county'] as const) {
    const codes = divisionCodes.filter((code) => isLevel(code, level) && code !== regionCode && isWithin(code, regionCode));
    const topology = topologies[level];
    if (codes.length === 0 || topology === undefined) continue;
    const found = outlinesFrom(topology, codes, level);
    for (const code of codes) {
      const outline = found.get(code);
      if (outline !== undefined) features.push({ type: 'Feature', properties: { code, level }, geometry: outline.wgs84.features[0]!.geometry });
    }
  }
  return { type: 'FeatureCollection', features };
}

// ---------------------------------------------------------------------------------------------
// Where the map opens: the centre and zoom that show the whole region.

export type MapView = { centre: LonLat; zoom: number };

/** Web-Mercator y of a latitude, in units of the world's width. */
const mercatorY = (lat: number): number => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);

/**
 * The centre of the points' bounding box and the largest whole zoom at which the box fits a map of
 * `width` × `height` CSS pixels (256-pixel tiles), between 3 and 14 (a town on its own).
 */
export function mapViewOf(points: readonly LonLat[], width = 800, height = 500): MapView {
  if (points.length === 0) throw new Error('mapViewOf needs at least one point');
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const spanX = Math.max((east - west) / 360, 1e-9);
  const spanY = Math.max(mercatorY(north) - mercatorY(south), 1e-9);
  const zoom = Math.floor(Math.min(Math.log2(width / 256 / spanX), Math.log2(height / 256 / spanY)));
  const round = (value: number): number => Math.round(value * 1e6) / 1e6;
  return { centre: [round((west + east) / 2), round((south + north) / 2)], zoom: Math.max(3, Math.min(14, zoom)) };
}

/** Every vertex of an outline, for mapViewOf. */
export const outlinePoints = (outline: FeatureCollection<MultiPolygon>): LonLat[] =>
  outline.features.flatMap((f) => f.geometry.coordinates.flat(2).map((p) => [p[0]!, p[1]!] as LonLat));
