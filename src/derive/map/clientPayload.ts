/**
 * The map payload as the browser receives it: only what the interactive map reads, with the villages
 * as columns rather than one object each. A province has some 15,000 villages; as objects with named
 * fields they were 2 MB of JSON (590 KB gzip) inlined in the map page, as columns a fraction of it
 * (docs/performance.md, "Map at scale"):
 *
 * - the columns the map draws and filters with (where, which town, stage by month, funds band,
 *   sectors) are inlined in the page (`toClientPayload`);
 * - what only the list and the popups read (names, funds as text, projects, pairing) is inlined too
 *   for a region of up to DETAILS_INLINE_MAX villages, and otherwise published beside the page
 *   (`toVillageDetails`, /data/map/villages.<locale>.json) and fetched when the reader first uses
 *   the map or the list, so a province's map page stays within its budget.
 *
 * src/client/progressMap.ts reads both with `decodeVillages`.
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
  /** √(funds / largest) in tenths, one digit per village (the marker's size). */
  fundsScale: string;
  /** Index into `legends.funds`, one digit per village. */
  fundsBin: string;
  /** The village's sectors as bits of SECTOR_KEYS' order, one hexadecimal digit per village. */
  sectors: string;
  /** Index into SECTOR_KEYS of the main sector, or `-`. */
  mainSector: string;
  /** The stage of the latest review, index into STAGE_KEYS, or `-`. */
  latestStage: string;
  /** `1` when some figure of the village is illustrative, else `0`. */
  illustrative: string;
};

/** What only the list, the popups and the month slider read, in the same order as the columns. */
export type VillageDetails = {
  /** One string per month of `months`: each village's stage that month as `latestStage`, or `=` when the same as the month before. */
  stageByMonth: string[];
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
    fundsBin: [] as string[],
    sectors: [] as string[],
    mainSector: [] as string[],
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
    chars.fundsBin.push(String(v.fundsBin));
    chars.sectors.push(SECTOR_KEYS.reduce((bits, sector, i) => (v.sectors.includes(sector) ? bits | (1 << i) : bits), 0).toString(16));
    chars.mainSector.push(v.mainSector === null ? '-' : String(SECTOR_KEYS.indexOf(v.mainSector)));
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
      fundsBin: chars.fundsBin.join(''),
      sectors: chars.sectors.join(''),
      mainSector: chars.mainSector.join(''),
      latestStage: chars.latestStage.join(''),
      illustrative: chars.illustrative.join(''),
    },
    details: payload.villages.length <= DETAILS_INLINE_MAX ? toVillageDetails(payload) : null,
  };
}

/** The names, funds as text, projects and pairing of every village, in list order. */
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

const stageOf = (text: string, i: number): Stage | null => {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c < STAGE_KEYS.length ? STAGE_KEYS[c]! : null;
};

/** A village's stage in each month, from the details' columns. */
function stagesOf(details: VillageDetails, i: number): (Stage | null)[] {
  let previous: Stage | null = null;
  return details.stageByMonth.map((month) => {
    if (month[i] !== '=') previous = stageOf(month, i);
    return previous;
  });
}

/** The columns back as one object per village, in the list's order (town, then code); details when given. */
export function decodeVillages(payload: ClientMapPayload, details: VillageDetails | null = payload.details): ClientMapVillage[] {
  const c = payload.villages;
  const count = c.town.length;
  // The seats' villages, spread in list order as mapVillages.ts spread them in code order (the same order).
  const seatOf: number[] = [];
  let at = 0;
  for (const step of c.seat) seatOf.push((at += step));
  const members = new Map<number, number>();
  for (const seat of seatOf) members.set(seat, (members.get(seat) ?? 0) + 1);
  const seatPoint = (index: number): LonLat => {
    const seat = c.seats[index]!;
    if (typeof seat !== 'number') return [seat[0] / COORDINATE_STEPS, seat[1] / COORDINATE_STEPS];
    return payload.towns[seat]!.seat!;
  };
  const spread = new Map<number, LonLat[]>();
  const rank = new Map<number, number>();
  const out: ClientMapVillage[] = new Array<ClientMapVillage>(count);
  let lon = 0;
  let lat = 0;
  let surveyed = 0;
  let approximate = 0;
  for (let i = 0; i < count; i += 1) {
    const town = payload.towns[c.town[i]!];
    const code = town === undefined ? c.code[i]! : town.code + c.code[i]!;
    const precision = PRECISION_KEYS[c.precision.charCodeAt(i) - 48] ?? 'surveyed';
    let point: LonLat;
    let stored: LonLat;
    if (precision === 'surveyed') {
      lon += c.lon[surveyed]!;
      lat += c.lat[surveyed]!;
      surveyed += 1;
      point = [lon / COORDINATE_STEPS, lat / COORDINATE_STEPS];
      stored = point;
    } else {
      const seatIndex = seatOf[approximate]!;
      approximate += 1;
      stored = seatPoint(seatIndex);
      if (!spread.has(seatIndex)) spread.set(seatIndex, spreadAround(stored, members.get(seatIndex)!, c.spreadMetres));
      const k = rank.get(seatIndex) ?? 0;
      rank.set(seatIndex, k + 1);
      point = spread.get(seatIndex)![k]!;
    }
    const bits = parseInt(c.sectors[i]!, 16);
    const main = c.mainSector.charCodeAt(i) - 48;
    const name = details?.name[i] ?? '';
    out[i] = {
      code,
      name,
      nameEn: details?.nameEn == null || details.nameEn[i] === '' ? name : details.nameEn[i]!,
      townCode: town?.code ?? '',
      precision,
      approximate: precision !== 'surveyed',
      fundsText: details?.fundsText[i] ?? '',
      fundsScale: (c.fundsScale.charCodeAt(i) - 48) / 9,
      fundsBin: c.fundsBin.charCodeAt(i) - 48,
      projects: details?.projects[i] ?? 0,
      sectors: SECTOR_KEYS.filter((_, s) => (bits & (1 << s)) !== 0),
      mainSector: main >= 0 && main < SECTOR_KEYS.length ? SECTOR_KEYS[main]! : null,
      latestStage: stageOf(c.latestStage, i),
      stageByMonth: details === null ? [] : stagesOf(details, i),
      unit: details?.units[details.unit[i]!] ?? null,
      enterprise: details?.enterprises[details.enterprise[i]!] ?? null,
      illustrative: c.illustrative[i] === '1',
      point,
      stored,
    };
  }
  return out;
}

/** Puts the details, fetched after the page loaded, into the villages decodeVillages made without them. */
export function fillDetails(villages: ClientMapVillage[], details: VillageDetails): void {
  villages.forEach((village, i) => {
    const name = details.name[i] ?? '';
    village.name = name;
    village.nameEn = details.nameEn == null || details.nameEn[i] === '' ? name : details.nameEn[i]!;
    village.fundsText = details.fundsText[i] ?? '';
    village.projects = details.projects[i] ?? 0;
    village.unit = details.units[details.unit[i]!] ?? null;
    village.enterprise = details.enterprises[details.enterprise[i]!] ?? null;
    village.stageByMonth = stagesOf(details, i);
  });
}
