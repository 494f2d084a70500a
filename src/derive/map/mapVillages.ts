/**
 * Records → one entry per village of the region for the map: its stored point and the point it is
 * drawn at, its money and stage, its stage in every month of the monthly review; and the towns.
 *
 * Villages without a surveyed point are stored at their town seat. Drawn there they would all sit
 * on one pixel, so their *display* point is spread deterministically around the seat on a sunflower
 * (phyllotaxis) spiral in code order; the stored point is kept beside it and the village is flagged
 * approximate, so no one mistakes the spread for a location.
 */
import { group } from 'd3-array';
import { scaleSqrt } from 'd3-scale';
import { summarizePlace, type PlaceTree } from '../aggregate.ts';
import { formatYuan } from '../../format/formatNumber.ts';
import { formatHundredths } from '../../format/money.ts';
import type { Locale } from '../../i18n/locale.ts';
import { isWithin } from '../../model/divisionCode.ts';
import { englishName } from '../../format/placeName.ts';
import type { Records } from '../../read/tables.ts';
import { SECTOR_KEYS, type LocationPrecision, type Sector, type Stage } from '../../model/vocabulary.ts';
import { fundsBin, fundsThresholds } from './fundBands.ts';
import { roundLonLat, spreadAround, toGcj02, type LonLat } from './geodesy.ts';
import { DEFAULT_SPREAD_METRES } from './sunflower.ts';

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

export { DEFAULT_SPREAD_METRES } from './sunflower.ts';

export type MapVillagesOptions = {
  locale: Locale;
  /** Radius of the spiral town-seat villages are spread on; DEFAULT_SPREAD_METRES when absent. */
  spreadMetres?: number;
};

export type MapVillages = {
  villages: MapVillage[];
  /** Months of the monthly review, oldest first. */
  months: string[];
  towns: MapTown[];
  /** Each village's funds in fen, exact, in the order of `villages` (for the legends). */
  fundsFen: bigint[];
};

/** Every village in the region, in code order, with the months of the monthly review. */
export function buildMapVillages(records: Records, tree: PlaceTree, options: MapVillagesOptions): MapVillages {
  const { locale } = options;
  const spreadMetres = options.spreadMetres ?? DEFAULT_SPREAD_METRES;
  const inRegion = records.villages.filter((v) => isWithin(v.village_code, tree.regionCode)).sort((a, b) => a.village_code.localeCompare(b.village_code));
  const months = [...new Set(records.monthly.filter((m) => isWithin(m.village_code, tree.regionCode)).map((m) => m.month))].sort();

  const townOf = (villageCode: string) => {
    const place = tree.places.get(villageCode);
    const townCode = place?.ancestorCodes.find((code) => tree.places.get(code)?.level === 'town');
    return townCode === undefined ? undefined : tree.places.get(townCode);
  };

  // Seat-placed villages sharing a stored point are spread together, in code order.
  const displayWgs84 = new Map<string, LonLat>();
  for (const village of inRegion) {
    if (village.location_precision === 'surveyed') displayWgs84.set(village.village_code, roundLonLat([village.lon_wgs84, village.lat_wgs84]));
  }
  // By point alone: villages of several towns waiting at their county's seat share one spiral.
  const atSeats = group(
    inRegion.filter((village) => village.location_precision !== 'surveyed'),
    (village) => roundLonLat([village.lon_wgs84, village.lat_wgs84]).join(','),
  );
  for (const seat of atSeats.values()) {
    const first = seat[0]!;
    const spread = spreadAround(roundLonLat([first.lon_wgs84, first.lat_wgs84]), seat.length, spreadMetres);
    seat.forEach((village, i) => displayWgs84.set(village.village_code, spread[i]!));
  }

  // Each village summarised from its own rows only: summarizePlace over every record for each of a
  // province's 15,000 villages scanned all rows 15,000 times (minutes); grouped once, it is linear.
  const rowsOf = groupByVillage(records);
  const summaries = inRegion.map((village) => summarizePlace(rowsOf(village), village.village_code));
  const fundsTotals = summaries.map((s) => s.fundsTotal);
  const largest = fundsTotals.reduce((max, f) => (f > max ? f : max), 0n);
  // Number() only for the marker's size: the exact amount travels as fundsYuan.
  const scale = scaleSqrt()
    .domain([0, largest > 0n ? Number(largest) : 1])
    .range([0, 1])
    .clamp(true);
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

  const villagesInTown = new Map<string, number>();
  for (const v of villages) villagesInTown.set(v.townCode, (villagesInTown.get(v.townCode) ?? 0) + 1);
  const divisionByCode = new Map(records.divisions.map((d) => [d.code, d]));
  const towns = [...villagesInTown.keys()]
    .filter((code) => code !== '')
    .sort()
    .map((code): MapTown => {
      const place = tree.places.get(code)!;
      const division = divisionByCode.get(code);
      const seat: LonLat | undefined =
        division?.seat_lon_wgs84 !== undefined && division.seat_lat_wgs84 !== undefined
          ? roundLonLat([division.seat_lon_wgs84, division.seat_lat_wgs84])
          : undefined;
      return {
        code,
        name: place.name,
        nameEn: englishName({ name: place.name, name_en: place.nameEn }),
        seat: seat === undefined ? null : { wgs84: seat, gcj02: toGcj02(seat) },
        villages: villagesInTown.get(code) ?? 0,
      };
    });
  return { villages, months, towns, fundsFen: fundsTotals };
}

/**
 * A village's own rows of each table, as a Records summarizePlace reads (no talent: the map reads none).
 * The rows are grouped by village code once, so asking for every village costs one pass over the data.
 */
function groupByVillage(records: Records): (village: Records['villages'][number]) => Records {
  const index = <T extends { village_code: string }>(rows: T[]): Map<string, T[]> => {
    const found = new Map<string, T[]>();
    for (const row of rows) {
      const list = found.get(row.village_code);
      if (list === undefined) found.set(row.village_code, [row]);
      else list.push(row);
    }
    return found;
  };
  const projects = index(records.projects);
  const funds = index(records.funds);
  const pairings = index(records.pairings);
  const monthly = index(records.monthly);
  return (village) => {
    const code = village.village_code;
    return {
      ...records,
      villages: [village],
      projects: projects.get(code) ?? [],
      funds: funds.get(code) ?? [],
      talent: [],
      pairings: pairings.get(code) ?? [],
      monthly: monthly.get(code) ?? [],
    };
  };
}
