/**
 * The map payload as the browser receives it: only what the interactive map reads, with the villages
 * as columns rather than one object each. A province has some 15,000 villages; as objects with named
 * fields they were 2 MB of JSON (590 KB gzip) inlined in the map page, as columns a fraction of it
 * (docs/performance.md, "Map at scale"):
 *
 * - the columns the map draws and filters with at first (where, which town, latest stage, marker
 *   size) are inlined in the page (`toClientPayload`);
 * - what only the list, the popups, the month slider, the sector filter and the funds and sector
 *   colourings read (names, funds as text, projects, pairing, stage by month, sectors, main sector,
 *   funds band) is inlined too for a region of up to DETAILS_INLINE_MAX villages, and otherwise
 *   published beside the page (`toVillageDetails`, /data/map/villages.<locale>.json) and fetched when
 *   the reader first uses the map or the list, so a province's map page stays within its budget.
 *
 * src/client/progressMap.ts reads both with `decodeVillages` and `fillDetails`, into typed arrays.
 */
import type { LonLat } from './geodesy.ts';
import type { MapArea, MapPayload } from './buildMapPayload.ts';
import type { MapTown, MapVillage } from './mapVillages.ts';
import { prepareOutline, type MapOutline } from './outline.ts';
import { DEFAULT_SPREAD_METRES, roundLonLat, spreadAround } from './sunflower.ts';
import { LOCATION_PRECISIONS, SECTOR_KEYS, STAGE_KEYS, type LocationPrecision, type Stage } from '../../model/vocabulary.ts';
import type { MultiPolygon } from 'geojson';

/** Coordinates travel as integers of this many steps per degree (1e-5°: about a metre). */
export const COORDINATE_STEPS = 100_000;

/** Up to this many villages, their names and popup details are inlined in the map page. */
export const DETAILS_INLINE_MAX = 2000;

/** The address of the villages' details for a page language, under the site's root (an edition's too). */
export const villageDetailsPath = (locale: MapPayload['locale']): string => `/data/map/villages.${locale}.json`;

/** The precisions in the order their index is written (`precision` column). */
const PRECISION_KEYS = Object.keys(LOCATION_PRECISIONS) as LocationPrecision[];

/**
 * Every village as columns, in the order of the list (town, then code). String columns hold one
 * character per village; `-` is "none".
 */
export type VillageColumns = {
  /** Index into `towns`, or -1 for a village under no town. */
  town: number[];
  /** The rest of the village's code after its town's code (the whole code when there is no town). */
  code: string[];
  /**
   * Surveyed villages' points in the payload's crs, as integers of COORDINATE_STEPS per degree, each
   * the difference from the surveyed village before it (the first from 0): neighbours lie close.
   */
  lon: number[];
  lat: number[];
  /**
   * For each village without a surveyed point (in list order), the index into `seats` of the seat it
   * is stored at, as the difference from the one before (runs of 0 and 1). Those sharing a seat are
   * drawn on the sunflower spiral around it, of radius `spreadMetres`, in list order, as
   * mapVillages.ts spreads them.
   */
  seat: number[];
  /** The seats of `seat`: the index of the town whose seat it is, or [lon, lat] in crs as integers of COORDINATE_STEPS. */
  seats: (number | [number, number])[];
  spreadMetres: number;
  /** Index into LOCATION_PRECISIONS' keys, one digit per village. */
  precision: string;
  /** √(funds / largest) in ninths, one digit per village (the marker's size). */
  fundsScale: string;
  /** The stage of the latest review, index into STAGE_KEYS, or `-`. */
  latestStage: string;
  /** `1` when some figure of the village is illustrative, else `0`. */
  illustrative: string;
};

/**
 * What only the list, the popups, the month slider, the sector filter and the funds and sector
 * colourings read, in the same order as the columns; string columns as VillageColumns'.
 */
export type VillageDetails = {
  /** One string per month of `months`: each village's stage that month as `latestStage`, or `=` when the same as the month before. */
  stageByMonth: string[];
  /** Index into `legends.funds`, one digit per village. */
  fundsBin: string;
  /** The village's sectors as bits of SECTOR_KEYS' order, one hexadecimal digit per village. */
  sectors: string;
  /** Index into SECTOR_KEYS of the main sector, or `-`. */
  mainSector: string;
  name: string[];
  /** English names on English pages (an empty string: the same as `name`); null on Chinese pages. */
  nameEn: string[] | null;
  fundsText: string[];
  projects: number[];
  /** Index into `units` / `enterprises`, or -1. */
  unit: number[];
  enterprise: number[];
  units: string[];
  enterprises: string[];
};

/** A town as the browser needs it: its name is in the page's town filter, which the map reads. */
export type ClientMapTown = Pick<MapTown, 'code'> & { seat: LonLat | null };
export type ClientMapPayload = Omit<MapPayload, 'villages' | 'towns' | 'areas'> & {
  towns: ClientMapTown[];
  areas: MapArea[];
  villages: VillageColumns;
  /** Inlined for a small region; null when the page fetches them (villageDetailsPath). */
  details: VillageDetails | null;
};

/** A village as the browser's map reads it, decoded from the columns: a MapVillage in the payload's crs (names empty until the details are read). */
export type ClientMapVillage = Omit<MapVillage, 'townName' | 'townNameEn' | 'wgs84' | 'gcj02' | 'display' | 'fundsYuan' | 'incomeByMonth'> & {
  /** Where the marker is drawn (the display point, in the payload's crs). */
  point: LonLat;
  /** Where the village is stored (in crs); approximate villages sharing it are spread together. */
  stored: LonLat;
};

const stageChar = (stage: Stage | null): string => (stage === null ? '-' : String(STAGE_KEYS.indexOf(stage)));
const steps = (degrees: number): number => Math.round(degrees * COORDINATE_STEPS);
/** The list's order: by town, then code (mapList.ts sorts the same way). */
const inListOrder = (villages: readonly MapVillage[]): MapVillage[] =>
  [...villages].sort((a, b) => a.townCode.localeCompare(b.townCode) || a.code.localeCompare(b.code));

/**
 * Outlines drawn over a large region need no more detail than a pixel at the zoom that shows it
 * whole: a province's 115 city and county outlines at 100 m were 200 KB gzip. A tolerance of a
 * thousandth of the region's extent keeps a county's 100 m and gives a province about 2.5 km.
 */
function outlineTolerance(payload: MapPayload): number {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const polygon of payload.outline?.geometry.coordinates ?? []) {
    for (const [lon, lat] of polygon[0] ?? []) {
      west = Math.min(west, lon!);
      east = Math.max(east, lon!);
      south = Math.min(south, lat!);
      north = Math.max(north, lat!);
    }
  }
  if (!Number.isFinite(west)) return 0;
  const metresPerDegree = 111_195;
  const extent = Math.max((east - west) * metresPerDegree * Math.cos((((south + north) / 2) * Math.PI) / 180), (north - south) * metresPerDegree);
  return extent / 1000;
}

/**
 * The payload without what the browser never reads — the other coordinate system, monthly income,
 * town names repeated per village, exact yuan — and with the villages as columns, because the map
 * page must stay within its byte budget (≤ 90 KB gzip with Leaflet for a county, ≤ 150 KB for a
 * province). On Chinese pages no English name travels.
 */
export function toClientPayload(payload: MapPayload): ClientMapPayload {
  const english = payload.locale === 'en';
  const { crs } = payload;
  const villages = inListOrder(payload.villages);
  const townIndex = new Map(payload.towns.map((town, i) => [town.code, i]));
  const townAtSeat = new Map(payload.towns.flatMap((town, i) => (town.seat === null ? [] : [[town.seat[crs].join(','), i] as const])));
  const seats = new Map<string, number>();
  const seatPoints: (number | [number, number])[] = [];
  let lastSeat = 0;
  const columns = { town: [] as number[], code: [] as string[], lon: [] as number[], lat: [] as number[], seat: [] as number[] };
  // Strings are gathered as arrays and joined once: a province's columns are 15,000 characters each.
  const chars = {
    precision: [] as string[],
    fundsScale: [] as string[],
    latestStage: [] as string[],
    illustrative: [] as string[],
  };
  let lastLon = 0;
  let lastLat = 0;
  for (const v of villages) {
    const town = townIndex.get(v.townCode) ?? -1;
    columns.town.push(town);
    columns.code.push(town === -1 ? v.code : v.code.slice(v.townCode.length));
    if (v.approximate) {
      const stored = v[crs];
      const key = stored.join(',');
      if (!seats.has(key)) {
        seats.set(key, seatPoints.length);
        seatPoints.push(townAtSeat.get(key) ?? [steps(stored[0]), steps(stored[1])]);
      }
      columns.seat.push(seats.get(key)! - lastSeat);
      lastSeat = seats.get(key)!;
    } else {
      const [lon, lat] = v.display[crs];
      columns.lon.push(steps(lon) - lastLon);
      columns.lat.push(steps(lat) - lastLat);
      lastLon = steps(lon);
      lastLat = steps(lat);
    }
    chars.precision.push(String(PRECISION_KEYS.indexOf(v.precision)));
    chars.fundsScale.push(String(Math.round(v.fundsScale * 9)));
    chars.latestStage.push(stageChar(v.latestStage));
    chars.illustrative.push(v.illustrative ? '1' : '0');
  }
  const tolerance = outlineTolerance(payload);
  // A county's outlines pass as they are; a province's are simplified further (outlineTolerance).
  const simplify = (geometry: MultiPolygon): MultiPolygon => {
    if (tolerance <= 100) return geometry;
    // Kilometres of tolerance need no metre in the coordinates: three decimals are about 100 m.
    const simple = prepareOutline(geometry, tolerance);
    return { ...simple, coordinates: simple.coordinates.map((polygon) => polygon.map((ring) => ring.map(([lon, lat]) => roundLonLat([lon!, lat!], 3)))) };
  };
  // A province's map outlines its cities only (a hundred county outlines cost more than all its
  // villages' points); a county chosen is fitted to its villages.
  const hasCities = payload.areas.some((area) => area.level === 'city');
  const outline: MapOutline | null = payload.outline === null ? null : { ...payload.outline, geometry: simplify(payload.outline.geometry) };
  return {
    ...payload,
    outline,
    towns: payload.towns.map((town) => ({ code: town.code, seat: town.seat === null ? null : town.seat[crs] })),
    areas: payload.areas.map((area) => ({
      ...area,
      nameEn: english ? area.nameEn : '',
      outline: area.outline === null || (hasCities && area.level === 'county') ? null : simplify(area.outline),
    })),
    villages: {
      ...columns,
      seats: seatPoints,
      spreadMetres: payload.spreadMetres ?? DEFAULT_SPREAD_METRES,
      precision: chars.precision.join(''),
      fundsScale: chars.fundsScale.join(''),
      latestStage: chars.latestStage.join(''),
      illustrative: chars.illustrative.join(''),
    },
    details: payload.villages.length <= DETAILS_INLINE_MAX ? toVillageDetails(payload) : null,
  };
}

/** The stages by month, funds bands, sectors, names, funds as text, projects and pairing of every village, in list order. */
export function toVillageDetails(payload: MapPayload): VillageDetails {
  const english = payload.locale === 'en';
  const units = new Map<string, number>();
  const enterprises = new Map<string, number>();
  const indexIn = (table: Map<string, number>, value: string | null): number => {
    if (value === null) return -1;
    if (!table.has(value)) table.set(value, table.size);
    return table.get(value)!;
  };
  const villages = inListOrder(payload.villages);
  return {
    stageByMonth: payload.months.map((_, m) =>
      villages.map((v) => (m > 0 && v.stageByMonth[m] === v.stageByMonth[m - 1] ? '=' : stageChar(v.stageByMonth[m] ?? null))).join(''),
    ),
    fundsBin: villages.map((v) => String(v.fundsBin)).join(''),
    sectors: villages.map((v) => SECTOR_KEYS.reduce((bits, sector, i) => (v.sectors.includes(sector) ? bits | (1 << i) : bits), 0).toString(16)).join(''),
    mainSector: villages.map((v) => (v.mainSector === null ? '-' : String(SECTOR_KEYS.indexOf(v.mainSector)))).join(''),
    name: villages.map((v) => v.name),
    nameEn: english ? villages.map((v) => (v.nameEn === v.name ? '' : v.nameEn)) : null,
    fundsText: villages.map((v) => v.fundsText),
    projects: villages.map((v) => v.projects),
    unit: villages.map((v) => indexIn(units, v.unit)),
    enterprise: villages.map((v) => indexIn(enterprises, v.enterprise)),
    units: [...units.keys()],
    enterprises: [...enterprises.keys()],
  };
}

/** In `latestStage`, `mainSector` and `stageByMonth` of a VillageTable: no stage, no sector. */
export const NONE = 255;

/**
 * The villages decoded for the browser: a typed array per field, indexed by the village's place in
 * list order, rather than an object per village (a province's 15,000 objects, each with arrays of its
 * own, were most of the decode's time). `villageAt` makes the object of one village when a popup or
 * a row of the list needs it.
 */
export type VillageTable = {
  count: number;
  /** Index into the payload's `towns` (their codes in `townCodes`), or -1. */
  town: Int32Array;
  townCodes: readonly string[];
  /** The rest of the code after its town's (VillageColumns' `code`). */
  codeRest: readonly string[];
  /** Where the marker is drawn, in the payload's crs. */
  lon: Float64Array;
  lat: Float64Array;
  /** Index into LOCATION_PRECISIONS' keys: 0 is surveyed. */
  precision: Uint8Array;
  /** The marker's size, in ninths (VillageColumns' `fundsScale`). */
  fundsScale: Uint8Array;
  /** Index into STAGE_KEYS, or NONE. */
  latestStage: Uint8Array;
  illustrative: Uint8Array;
  /**
   * Villages stored at one point — those placed at one seat, or surveyed villages the source gives the
   * same point — drawn side by side: the index of their group (its point in `groupLon`, `groupLat`), or
   * -1 for a village alone at its point.
   */
  group: Int32Array;
  groupLon: Float64Array;
  groupLat: Float64Array;
  /** From the details (`fillDetails`; zero until then): index into `legends.funds`. */
  fundsBin: Uint8Array;
  /** Bits of SECTOR_KEYS' order. */
  sectors: Uint8Array;
  /** Index into SECTOR_KEYS, or NONE. */
  mainSector: Uint8Array;
  /** Per month of `months`, each village's stage (index into STAGE_KEYS, or NONE); empty until the details. */
  stageByMonth: Uint8Array[];
  details: VillageDetails | null;
};

/** A digit's value ('0'…'9', 'a'…'f'), or NONE for '-' and anything else. */
const digitAt = (text: string, i: number, below: number): number => {
  const c = text.charCodeAt(i);
  const value = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : NONE;
  return value < below ? value : NONE;
};
const orZero = (value: number): number => (value === NONE ? 0 : value);

/** The columns as typed arrays, in the list's order (town, then code); details when given. */
export function decodeVillages(payload: ClientMapPayload, details: VillageDetails | null = payload.details): VillageTable {
  const c = payload.villages;
  const count = c.town.length;
  const table: VillageTable = {
    count,
    town: Int32Array.from(c.town),
    townCodes: payload.towns.map((town) => town.code),
    codeRest: c.code,
    lon: new Float64Array(count),
    lat: new Float64Array(count),
    precision: new Uint8Array(count),
    fundsScale: new Uint8Array(count),
    latestStage: new Uint8Array(count),
    illustrative: new Uint8Array(count),
    group: new Int32Array(count).fill(-1),
    groupLon: new Float64Array(0),
    groupLat: new Float64Array(0),
    fundsBin: new Uint8Array(count),
    sectors: new Uint8Array(count),
    mainSector: new Uint8Array(count).fill(NONE),
    stageByMonth: [],
    details: null,
  };
  // The seats' villages, spread in list order as mapVillages.ts spread them in code order (the same order).
  const seatOf = new Int32Array(c.seat.length);
  let at = 0;
  c.seat.forEach((step, k) => (seatOf[k] = at += step));
  const members = new Int32Array(c.seats.length);
  for (const seat of seatOf) members[seat] = members[seat]! + 1;
  const seatPoint = (index: number): LonLat => {
    const seat = c.seats[index]!;
    if (typeof seat !== 'number') return [seat[0] / COORDINATE_STEPS, seat[1] / COORDINATE_STEPS];
    return payload.towns[seat]!.seat!;
  };
  const spread: (LonLat[] | undefined)[] = new Array<LonLat[] | undefined>(c.seats.length);
  const rank = new Int32Array(c.seats.length);
  const seatGroup = new Int32Array(c.seats.length).fill(-1);
  const groupPoints: LonLat[] = [];
  // Surveyed points as whole steps, one number each (|lat| < 2e7 steps), to find those on one point.
  const surveyedKey = new Float64Array(count);
  const surveyedAt = new Map<number, number>();
  let lon = 0;
  let lat = 0;
  let surveyed = 0;
  let approximate = 0;
  for (let i = 0; i < count; i += 1) {
    const precision = digitAt(c.precision, i, PRECISION_KEYS.length);
    table.precision[i] = precision === NONE ? 0 : precision;
    if (table.precision[i] === 0) {
      lon += c.lon[surveyed]!;
      lat += c.lat[surveyed]!;
      surveyed += 1;
      table.lon[i] = lon / COORDINATE_STEPS;
      table.lat[i] = lat / COORDINATE_STEPS;
      const key = lon * 4e7 + lat;
      surveyedKey[i] = key;
      surveyedAt.set(key, (surveyedAt.get(key) ?? 0) + 1);
    } else {
      const seat = seatOf[approximate]!;
      approximate += 1;
      const points = (spread[seat] ??= spreadAround(seatPoint(seat), members[seat]!, c.spreadMetres));
      const [x, y] = points[rank[seat]!]!;
      rank[seat] = rank[seat]! + 1;
      table.lon[i] = x;
      table.lat[i] = y;
      if (members[seat]! > 1) {
        if (seatGroup[seat] === -1) {
          seatGroup[seat] = groupPoints.length;
          groupPoints.push(seatPoint(seat));
        }
        table.group[i] = seatGroup[seat]!;
      }
    }
    table.fundsScale[i] = orZero(digitAt(c.fundsScale, i, 10));
    table.latestStage[i] = digitAt(c.latestStage, i, STAGE_KEYS.length);
    table.illustrative[i] = c.illustrative.charCodeAt(i) === 49 ? 1 : 0;
  }
  // Surveyed villages the source puts on one point (two of 150402004 did): a group, drawn side by side.
  const pointGroup = new Map<number, number>();
  for (let i = 0; i < count; i += 1) {
    if (table.precision[i] !== 0 || surveyedAt.get(surveyedKey[i]!)! < 2) continue;
    let group = pointGroup.get(surveyedKey[i]!);
    if (group === undefined) {
      group = groupPoints.length;
      pointGroup.set(surveyedKey[i]!, group);
      groupPoints.push([table.lon[i]!, table.lat[i]!]);
    }
    table.group[i] = group;
  }
  table.groupLon = Float64Array.from(groupPoints, (point) => point[0]);
  table.groupLat = Float64Array.from(groupPoints, (point) => point[1]);
  if (details !== null) fillDetails(table, details);
  return table;
}

/** Puts the details (inlined, or fetched after the page loaded) into the table. */
export function fillDetails(table: VillageTable, details: VillageDetails): void {
  for (let i = 0; i < table.count; i += 1) {
    table.fundsBin[i] = orZero(digitAt(details.fundsBin, i, 10));
    table.sectors[i] = orZero(digitAt(details.sectors, i, 1 << SECTOR_KEYS.length));
    table.mainSector[i] = digitAt(details.mainSector, i, SECTOR_KEYS.length);
  }
  table.stageByMonth = [];
  for (const month of details.stageByMonth) {
    const previous = table.stageByMonth.at(-1);
    const stages = new Uint8Array(table.count);
    for (let i = 0; i < table.count; i += 1) stages[i] = month.charCodeAt(i) === 61 ? (previous?.[i] ?? NONE) : digitAt(month, i, STAGE_KEYS.length);
    table.stageByMonth.push(stages);
  }
  table.details = details;
}

/** The code of the village at `i`. */
export const codeOf = (table: VillageTable, i: number): string => {
  const town = table.town[i]!;
  return town === -1 ? table.codeRest[i]! : table.townCodes[town]! + table.codeRest[i]!;
};

const stageKey = (index: number | undefined): Stage | null => (index === undefined || index === NONE ? null : STAGE_KEYS[index]!);

/** One village as an object, for a popup, a row of the list or a test; names empty until the details are read. */
export function villageAt(table: VillageTable, i: number): ClientMapVillage {
  const { details } = table;
  const name = details?.name[i] ?? '';
  const group = table.group[i]!;
  const point: LonLat = [table.lon[i]!, table.lat[i]!];
  const main = table.mainSector[i]!;
  return {
    code: codeOf(table, i),
    name,
    nameEn: details?.nameEn == null || details.nameEn[i] === '' ? name : details.nameEn[i]!,
    townCode: table.townCodes[table.town[i]!] ?? '',
    precision: PRECISION_KEYS[table.precision[i]!]!,
    approximate: table.precision[i] !== 0,
    fundsText: details?.fundsText[i] ?? '',
    fundsScale: table.fundsScale[i]! / 9,
    fundsBin: table.fundsBin[i]!,
    projects: details?.projects[i] ?? 0,
    sectors: SECTOR_KEYS.filter((_, s) => (table.sectors[i]! & (1 << s)) !== 0),
    mainSector: main === NONE ? null : SECTOR_KEYS[main]!,
    latestStage: stageKey(table.latestStage[i]),
    stageByMonth: table.stageByMonth.map((stages) => stageKey(stages[i])),
    unit: details?.units[details.unit[i]!] ?? null,
    enterprise: details?.enterprises[details.enterprise[i]!] ?? null,
    illustrative: table.illustrative[i] === 1,
    point,
    stored: group === -1 ? point : [table.groupLon[group]!, table.groupLat[group]!],
  };
}
