/**
 * Validated records → what the pages show: the tree of places under the region (any depth: a
 * province, a city, a county or a town), and per place the totals rolled up by statistical code.
 * Money stays bigint fen; pages format it, charts scale it.
 */
import { latestTalent } from '../read/reconcile.ts';
import type { Division, Fund, MonthlyReview, Pairing, Project, Records, Reported, Sourced, Talent, Village } from '../read/tables.ts';
import { group } from 'd3-array';
import { sumExactly } from '../read/sumExactly.ts';
import { FUND_SOURCE_KINDS, SECTORS, STAGES, TALENT_KINDS, type FundSourceKind, type Sector, type Stage, type TalentKind } from '../model/vocabulary.ts';
import { indexWithin, isLevel, isWithin, levelOf, type Level } from '../model/divisionCode.ts';
import { monthOfDate } from '../model/calendar.ts';

export type Place = {
  code: string;
  level: Level;
  name: string;
  /** An established English name from the data (e.g. Ejin Horo Banner); pages fall back to pinyin. */
  nameEn: string | undefined;
  parentCode: string | undefined;
  /** Ancestors from the top, for breadcrumbs; the region's own ancestors included. */
  ancestorCodes: string[];
  childCodes: string[];
  villageCodes: string[];
  village: Sourced<Village> | undefined;
};

export type PlaceTree = { regionCode: string; places: Map<string, Place> };

/** Every division and village under the region, and the region's ancestors, linked by code prefix. */
export function buildPlaceTree(records: Records): PlaceTree {
  const regionCode = records.edition[0]?.region_code ?? '';
  const places = new Map<string, Place>();
  const add = (code: string, name: string, nameEn: string | undefined, village?: Sourced<Village>) =>
    places.set(code, {
      code,
      level: levelOf(code),
      name,
      nameEn,
      parentCode: undefined,
      ancestorCodes: [],
      childCodes: [],
      villageCodes: [],
      village,
    });
  for (const division of records.divisions) add(division.code, division.name, division.name_en);
  for (const village of records.villages) add(village.village_code, village.name, village.name_en, village);

  const codes = [...places.keys()].sort((a, b) => a.length - b.length || a.localeCompare(b));
  for (const code of codes) {
    const place = places.get(code)!;
    // Every shorter prefix that is a place, shortest first: the codes it lies within.
    const ancestors: string[] = [];
    for (let length = 1; length < code.length; length++) if (places.has(code.slice(0, length))) ancestors.push(code.slice(0, length));
    place.ancestorCodes = ancestors;
    place.parentCode = ancestors.at(-1);
    if (place.parentCode !== undefined) places.get(place.parentCode)!.childCodes.push(code);
    if (place.level === 'village') for (const ancestor of ancestors) places.get(ancestor)!.villageCodes.push(code);
  }
  // Keep only the region, what lies under it, and its ancestors.
  for (const code of codes) {
    if (!isWithin(code, regionCode) && !isWithin(regionCode, code)) places.delete(code);
  }
  return { regionCode, places };
}

/** The places a reader can open a page for: the region and everything under it. */
export function placesInRegion(tree: PlaceTree): Place[] {
  return [...tree.places.values()].filter((place) => isWithin(place.code, tree.regionCode));
}

export type Counted<K extends string> = { key: K; value: number }[];
export type Summed<K extends string> = { key: K; value: bigint }[];

export type FundsPoint = { month: string; amount: bigint; cumulative: bigint };
export type IncomePoint = { month: string; income: bigint; villages: number; stages: Counted<Stage> };

export type PlaceSummary = {
  code: string;
  villages: number;
  projects: readonly Sourced<Project>[];
  projectsBySector: Counted<Sector>;
  projectsByStage: Counted<Stage>;
  investment: bigint;
  expectedIncome: bigint;
  funds: readonly Sourced<Fund>[];
  fundsTotal: bigint;
  fundsBySource: Summed<FundSourceKind>;
  fundsOverTime: FundsPoint[];
  talent: readonly Sourced<Talent>[];
  talentByKind: Counted<TalentKind>;
  pairings: readonly Sourced<Pairing>[];
  units: string[];
  enterprises: string[];
  monthly: readonly Sourced<MonthlyReview>[];
  incomeByMonth: IncomePoint[];
  /** The stage of the place's latest monthly review (villages only). */
  latestStage: Stage | undefined;
};

const keysOf = <K extends string>(vocabulary: Record<K, unknown>): K[] => Object.keys(vocabulary) as K[];

function countBy<K extends string, T>(keys: K[], rows: readonly T[], keyOf: (row: T) => K, amount: (row: T) => number = () => 1) {
  const totals = new Map<K, number>(keys.map((key) => [key, 0]));
  for (const row of rows) totals.set(keyOf(row), (totals.get(keyOf(row)) ?? 0) + amount(row));
  return keys.map((key) => ({ key, value: totals.get(key) ?? 0 }));
}

function sumBy<K extends string, T>(keys: K[], rows: readonly T[], keyOf: (row: T) => K, amount: (row: T) => bigint): Summed<K> {
  const totals = new Map<K, bigint>(keys.map((key) => [key, 0n]));
  for (const row of rows) totals.set(keyOf(row), (totals.get(keyOf(row)) ?? 0n) + amount(row));
  return keys.map((key) => ({ key, value: totals.get(key) ?? 0n }));
}

const total = <T>(rows: readonly T[], amount: (row: T) => bigint | undefined): bigint => sumExactly(rows.map((row) => amount(row) ?? 0n));

const unique = (names: (string | undefined)[]): string[] =>
  [...new Set(names.filter((name): name is string => name !== undefined))].sort((a, b) => a.localeCompare(b, 'zh-CN'));

export function fundsOverTime(funds: readonly Sourced<Fund>[]): FundsPoint[] {
  const byMonth = new Map<string, bigint>();
  for (const fund of funds) {
    const month = monthOfDate(fund.date);
    byMonth.set(month, (byMonth.get(month) ?? 0n) + fund.amount_yuan);
  }
  let cumulative = 0n;
  return [...byMonth.keys()].sort().map((month) => {
    const amount = byMonth.get(month)!;
    cumulative += amount;
    return { month, amount, cumulative };
  });
}

export function incomeByMonth(monthly: readonly Sourced<MonthlyReview>[]): IncomePoint[] {
  const byMonth = group(monthly, (m) => m.month);
  return [...byMonth.keys()].sort().map((month) => {
    const rows = byMonth.get(month)!;
    return {
      month,
      income: total(rows, (m) => m.collective_income_yuan),
      villages: rows.length,
      stages: countBy(keysOf(STAGES), rows, (m) => m.stage),
    };
  });
}

/** Each data file's rows under each place, grouped once per Records (see indexWithin). */
export type RowsWithin = {
  divisions: (code: string) => readonly Sourced<Division>[];
  /** The first division with exactly this code, as a search would find it (codes are unique once validated). */
  division: (code: string) => Sourced<Division> | undefined;
  villages: (code: string) => readonly Sourced<Village>[];
  projects: (code: string) => readonly Sourced<Project>[];
  funds: (code: string) => readonly Sourced<Fund>[];
  /** Each place's latest count of each kind (latestTalent), as the totals add them up. */
  talent: (code: string) => readonly Sourced<Talent>[];
  pairings: (code: string) => readonly Sourced<Pairing>[];
  monthly: (code: string) => readonly Sourced<MonthlyReview>[];
  /** The rows of reported.csv about exactly this place (its scope), not the places below it. */
  reported: (code: string) => readonly Sourced<Reported>[];
};

const grouped = new WeakMap<Records, RowsWithin>();

/**
 * The rows of each file under a place, without walking every row for each place: a province has
 * some 12,000 places and hundreds of thousands of rows (docs/performance.md, Scale).
 */
export function rowsWithin(records: Records): RowsWithin {
  let rows = grouped.get(records);
  if (rows === undefined) {
    const divisions = new Map<string, Sourced<Division>>();
    for (const division of records.divisions) if (!divisions.has(division.code)) divisions.set(division.code, division);
    const reported = group(records.reported, (r) => r.scope_code);
    rows = {
      divisions: indexWithin(records.divisions, (d) => d.code),
      division: (code) => divisions.get(code),
      villages: indexWithin(records.villages, (v) => v.village_code),
      projects: indexWithin(records.projects, (p) => p.village_code),
      funds: indexWithin(records.funds, (f) => f.village_code),
      talent: indexWithin(latestTalent(records.talent), (t) => t.place_code),
      pairings: indexWithin(records.pairings, (p) => p.village_code),
      monthly: indexWithin(records.monthly, (m) => m.village_code),
      reported: (code) => reported.get(code) ?? [],
    };
    grouped.set(records, rows);
  }
  return rows;
}

export function summarizePlace(records: Records, code: string): PlaceSummary {
  const within = rowsWithin(records);
  const projects = within.projects(code);
  const funds = within.funds(code);
  const talent = within.talent(code);
  const pairings = within.pairings(code);
  const monthly = within.monthly(code);
  let latest: Sourced<MonthlyReview> | undefined;
  // The last of the latest month, as a stable sort by month would put last.
  for (const review of monthly) if (latest === undefined || review.month >= latest.month) latest = review;
  return {
    code,
    villages: within.villages(code).length,
    projects,
    projectsBySector: countBy(keysOf(SECTORS), projects, (p) => p.sector),
    projectsByStage: countBy(keysOf(STAGES), projects, (p) => p.stage),
    investment: total(projects, (p) => p.investment_yuan),
    expectedIncome: total(projects, (p) => p.expected_annual_net_income_yuan),
    funds,
    fundsTotal: total(funds, (f) => f.amount_yuan),
    fundsBySource: sumBy(
      keysOf(FUND_SOURCE_KINDS),
      funds,
      (f) => f.source_kind,
      (f) => f.amount_yuan,
    ),
    fundsOverTime: fundsOverTime(funds),
    talent,
    talentByKind: countBy(
      keysOf(TALENT_KINDS),
      talent,
      (t) => t.kind,
      (t) => t.count,
    ),
    pairings,
    units: unique(pairings.map((p) => p.unit_name)),
    enterprises: unique(pairings.map((p) => p.enterprise_name)),
    monthly,
    incomeByMonth: incomeByMonth(monthly),
    latestStage: isLevel(code, 'village') ? latest?.stage : undefined,
  };
}

/**
 * Talent counted at each place (towns count some talent themselves, villages the rest), by kind
 * and in all, in code order: the rows of the talent table.
 */
export function talentByPlace(talent: readonly Sourced<Talent>[]): { code: string; byKind: Counted<TalentKind>; total: number }[] {
  const byPlace = group(talent, (row) => row.place_code);
  return [...byPlace.keys()].sort().map((code) => {
    const byKind = countBy(
      keysOf(TALENT_KINDS),
      byPlace.get(code)!,
      (row) => row.kind,
      (row) => row.count,
    );
    return { code, byKind, total: byKind.reduce((sum, kind) => sum + kind.value, 0) };
  });
}

/** Funds of each child place (a county's towns, a town's villages), split by source kind. */
export function fundsByChild(records: Records, place: Place): { code: string; bySource: Summed<FundSourceKind>; total: bigint }[] {
  return place.childCodes.map((code) => {
    const funds = rowsWithin(records).funds(code);
    return {
      code,
      bySource: sumBy(
        keysOf(FUND_SOURCE_KINDS),
        funds,
        (f) => f.source_kind,
        (f) => f.amount_yuan,
      ),
      total: total(funds, (f) => f.amount_yuan),
    };
  });
}
