/**
 * npm run data:sample [-- --in data --out data]
 *
 * Writes illustrative (示意) sample data for any region `npm run init-region` started, from its
 * divisions, villages and edition: projects.csv, funds.csv, talent.csv, pairings.csv, monthly.csv and
 * reported.csv, so a county can see its site before it enters a figure, and tests can build any region.
 *
 * Two profiles (`Profile`): the first region, Ejin Horo Banner (150627), has a published article, so
 * its sample agrees with every figure the article reports, and reported.csv holds them (see
 * data/SOURCES.md; its files are the default data's, byte for byte). Any other region gets totals in
 * the same proportion to its number of villages, names built from its own places, every row marked
 * 示意, and an empty reported.csv: there is no reported figure to agree with, and none is made up.
 *
 * Determinism: every file draws from its own xoroshiro128+ stream (pure-rand), seeded with SEED
 * mixed with the file's name, so running twice gives byte-identical files and changing how one file
 * is drawn does not change the others. To make a different sample, change SEED; the invariants
 * below still hold (the generator throws if one would not).
 *
 * Invariants for Ejin Horo, each matching a figure of reported.csv exactly unless it says "at least"
 * (any other region: the same rules with its own totals):
 * - 254 projects (累计引进实施项目254个), every village has at least one; P0001 is the real
 *   高勒庙村 automobile service park (2600余万元 investment, 80余万元 expected income, 前期手续).
 * - funds add up to exactly 370,000,000 yuan (3.7亿元), every amount a whole number of 万元; P0001's
 *   funds add up to its 26,000,000; funds tied to a project never exceed the project's investment.
 * - 138 villages paired with exactly 130 distinct units and at least 100 distinct enterprises.
 * - 93 S&T commissioners and 162 resident cadres, 812 (≥ 800) local talents, by village.
 * - 12 months of review for every village, income this year to date (reset each January,
 *   never decreasing within a year), stage following the village's projects.
 * - No date is later than the edition's as-of date.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { fundsTable, monthlyTable, pairingsTable, projectsTable, reportedTable, talentTable } from '../src/read/tables.ts';
import {
  FUND_SOURCE_KINDS,
  PROVENANCES,
  QUALIFIERS,
  SECTORS,
  STAGES,
  TALENT_KINDS,
  type FundSourceKind,
  type Qualifier,
  type Sector,
  type Stage,
  type TalentKind,
} from '../src/model/vocabulary.ts';
import type { Columns, Table } from '../src/read/field.ts';
import { ancestorAt, isLevel, isWithin } from '../src/model/divisionCode.ts';
import { addMonths, fromDayNumber, lastDayOfMonth, monthOfDate, monthRange, toDayNumber } from '../src/model/calendar.ts';
import { writeCsv } from './lib/writeCsv.ts';
import { readCsvRows } from './lib/readCsvRows.ts';
import { runCommand, type CommandSpec } from './lib/command.ts';
import { DATA_PACKAGE_FILE, refreshDataPackage } from './lib/dataPackage.ts';
import type { CsvRow } from '../src/publish/toCsv.ts';

/** The article's date; any other number would do. */
export const SEED = 20211014;

// ---------------------------------------------------------------------------------------------
// The published source and its figures (FACTS.md, article.zh-Hans.txt).

export const SOURCE = {
  title: '《伊金霍洛旗:“两扶两带一推进”开启发展嘎查村集体经济新模式》',
  publisher: "人民网内蒙古频道 (People's Daily Online, Inner Mongolia)",
  date: '2021-10-14',
};
const REGION_CODE = '150627';
const GAOLEMIAO = '150627101225';

const TOTALS = {
  projects: 254,
  fundsYuan: 370_000_000,
  commissioners: 93,
  residentCadres: 162,
  /** The article says 800余 ("more than 800"); any larger number is consistent with it. */
  localTalents: 812,
  pairedUnits: 130,
  /** 百余家 ("a hundred-odd"). */
  pairedEnterprises: 106,
} as const;

const GAOLEMIAO_PROJECT = {
  id: 'P0001',
  name: '汽车三产服务园区',
  sector: 'commerce' as Sector,
  investment: 26_000_000,
  income: 800_000,
  stage: 'preliminary' as Stage,
  start: '2021-06-01',
  note:
    '官方：名称、投资“2600余万元”与预计年纯收入“80余万元”（均为下限）及前期手续阶段来自人民网报道；开始日期2021-06-01为示意 · ' +
    'Official: name, investment (2600余万元, more than 26 million yuan) and expected net income (80余万元, more than 800,000 yuan), ' +
    'both lower bounds, and the preliminary-procedures stage are from the article; the start date 2021-06-01 is illustrative',
};

const GAOLEMIAO_PAIRING = {
  unit: '国家税务总局伊金霍洛旗税务局',
  enterprise: '中国电信伊金霍洛旗分公司',
  note:
    '官方：报道称该村得到“税务局和包联企业电信公司”的帮助；单位与企业全称为推定，包联开始日期不详 · ' +
    'Official: the article names the tax bureau (税务局) and the paired enterprise China Telecom (电信公司); ' +
    'the full names are inferred and the pairing date is not known',
};

// ---------------------------------------------------------------------------------------------
// Pure helpers: random draws (each takes the generator it advances), dates, apportioning.

/** The stream of one file (or of another script's step, such as npm run data:review's), by its name. */
export function streamFor(name: string): RandomGenerator {
  // FNV-1a, so each file's stream depends on its name and SEED only.
  let hash = 0x811c9dc5;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return xoroshiro128plus((SEED ^ hash) | 0);
}

export const between = (rng: RandomGenerator, from: number, to: number): number => uniformInt(rng, from, to);
const chance = (rng: RandomGenerator, p: number): boolean => uniformFloat64(rng) < p;
export const uniform = (rng: RandomGenerator, from: number, to: number): number => from + (to - from) * uniformFloat64(rng);

export function pick<T>(rng: RandomGenerator, items: readonly T[]): T {
  const item = items[between(rng, 0, items.length - 1)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function pickWeighted<T extends string>(rng: RandomGenerator, weights: Readonly<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  let left = uniformFloat64(rng) * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, weight] of entries) {
    left -= weight;
    if (left < 0) return key;
  }
  return entries[entries.length - 1]![0];
}

export function shuffle<T>(rng: RandomGenerator, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = between(rng, 0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Standard normal by Box–Muller (1 − u keeps the logarithm finite). */
function normal(rng: RandomGenerator): number {
  const u = 1 - uniformFloat64(rng);
  const v = uniformFloat64(rng);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export const roundTo = (value: number, step: number): number => Math.round(value / step) * step;

/**
 * Splits a whole number into whole parts in proportion to the weights, adding up exactly
 * (largest-remainder method; ties go to the earlier part, so the result is deterministic).
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new Error(`cannot apportion ${total}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0 || !(sum > 0)) throw new Error('apportion needs positive weights');
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, remainder: x - Math.floor(x) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}

export const dayBetween = (rng: RandomGenerator, from: number, to: number): number => between(rng, from, Math.max(from, to));

/** The twelve whole months before the as-of date's month: 2021-10-14 → 2020-10 … 2021-09. */
export function reviewMonths(asOf: string): string[] {
  const last = addMonths(monthOfDate(asOf), -1);
  return monthRange(addMonths(last, -11), last);
}

// ---------------------------------------------------------------------------------------------
// Inputs.

export type Village = { code: string; name: string };
export type Town = { code: string; name: string };
export type Context = { regionCode: string; asOf: string; towns: Town[]; villages: Village[]; profile: Profile };

/**
 * What a region's sample is drawn to: its totals, the rows that are real (an official project and
 * pairing from a published source), the names of the units, enterprises and funders it pairs, the
 * dates its projects start from, and the reported figures of its source. Ejin Horo Banner has the
 * article's (EJIN_HORO); any other initialised region gets totals in the same proportion to its number
 * of villages, names built from its own places, and no reported figure (genericProfile).
 */
export type Profile = {
  totals: { [K in keyof typeof TOTALS]: number };
  official?: { villageCode: string; project: typeof GAOLEMIAO_PROJECT; pairing: typeof GAOLEMIAO_PAIRING };
  /** The paired units, `totals.pairedUnits` distinct names (the official one among them when there is one). */
  units: readonly string[];
  /** Places enterprise placeholders are named after (drawn with repeats as weights). */
  enterprisePlaces: readonly string[];
  /** The government funders of a village (drawn with repeats as weights). */
  governmentFunders: (village: Village) => readonly string[];
  /** The earliest day of a project or an unpaired fund, and of a project under construction now. */
  earliest: string;
  constructionFrom: string;
  /** The reported figures and their source, when the region has one; the sample must then be of its date. */
  reported?: { source: typeof SOURCE; figures: readonly Figure[] };
};

const EJIN_HORO = (): Profile => ({
  totals: TOTALS,
  official: { villageCode: GAOLEMIAO, project: GAOLEMIAO_PROJECT, pairing: GAOLEMIAO_PAIRING },
  units: pairedUnitNames(),
  enterprisePlaces: PLACES,
  governmentFunders: () => GOVERNMENT_FUNDERS,
  earliest: '2020-01-01',
  constructionFrom: '2020-06-01',
  reported: { source: SOURCE, figures: FIGURES },
});

/** Ejin Horo's proportions: per village, 254/138 projects, 3.7亿/138 yuan, and so on. */
const PER_VILLAGE = {
  projects: TOTALS.projects / 138,
  fundsYuan: TOTALS.fundsYuan / 138,
  commissioners: TOTALS.commissioners / 138,
  residentCadres: TOTALS.residentCadres / 138,
  localTalents: TOTALS.localTalents / 138,
  pairedUnits: TOTALS.pairedUnits / 138,
  pairedEnterprises: TOTALS.pairedEnterprises / 138,
};

/**
 * The profile of any other region: totals in Ejin Horo's proportions, the units of each county in the
 * region (the banner's list with the county's name) and of the city above, funders and enterprise
 * placeholders named after the region's own places, and no reported figure.
 */
export function genericProfile(regionCode: string, asOf: string, villages: readonly Village[], names: ReadonlyMap<string, string>): Profile {
  const n = villages.length;
  if (n === 0) throw new Error(`villages.csv 中没有嘎查村 · villages.csv holds no village`);
  const nameOf = (code: string): string => names.get(code) ?? code;
  const counties = [...new Set(villages.map((v) => ancestorAt(v.code, 'county')))];
  const cities = [...new Set(counties.map((c) => ancestorAt(c, 'city')))];
  const localised = (template: readonly string[], from: string, to: string): string[] => template.map((unit) => unit.replaceAll(from, to));
  // A city's own units are named after the city; those of a 市辖区-style city (no name of its own) after the province.
  const cityName = (city: string): string =>
    /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(nameOf(city)) ? nameOf(ancestorAt(city, 'province')) : nameOf(city);
  const pool = [
    ...new Set([
      ...counties.flatMap((c) => localised(BANNER_UNITS, '伊金霍洛旗', nameOf(c))),
      ...cities.flatMap((c) => localised(CITY_UNITS, '鄂尔多斯市', cityName(c))),
    ]),
  ];
  // Each unit and enterprise pairs with one or two villages (planPairings): between n/2 and n of each.
  const clampPairs = (wanted: number, most: number): number => Math.max(Math.ceil(n / 2), Math.min(n, most, Math.round(wanted)));
  const pairedUnits = clampPairs(PER_VILLAGE.pairedUnits * n, pool.length);
  if (pool.length < Math.ceil(n / 2)) throw new Error(`too few unit names (${pool.length}) for ${n} villages`);
  const year = Number(asOf.slice(0, 4));
  const province = nameOf(ancestorAt(regionCode, 'province')).replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '');
  return {
    totals: {
      projects: Math.max(n, Math.round(PER_VILLAGE.projects * n)),
      // Whole millions; at most six rows of at least 1万 a village need far less.
      fundsYuan: Math.max(1, Math.round((PER_VILLAGE.fundsYuan * n) / 1_000_000)) * 1_000_000,
      commissioners: Math.round(PER_VILLAGE.commissioners * n),
      residentCadres: Math.max(n, Math.round(PER_VILLAGE.residentCadres * n)),
      localTalents: Math.round(PER_VILLAGE.localTalents * n),
      pairedUnits,
      pairedEnterprises: clampPairs(PER_VILLAGE.pairedEnterprises * n, Number.POSITIVE_INFINITY),
    },
    units: pool.slice(0, pairedUnits),
    enterprisePlaces: [...counties.slice(0, 3).flatMap((c) => [nameOf(c), nameOf(c)]), ...cities.slice(0, 1).map(cityName), province],
    governmentFunders: (village) => {
      const county = nameOf(ancestorAt(village.code, 'county'));
      return [`${county}财政局`, `${county}财政局`, `${county}财政局`, `${cityName(ancestorAt(village.code, 'city'))}财政局`];
    },
    earliest: `${year - 1}-01-01`,
    constructionFrom: `${year - 1}-06-01`,
  };
}

export function readContext(inDir: string): Context {
  const edition = readCsvRows(join(inDir, 'edition.csv'))[0];
  if (edition?.region_code === undefined || edition.as_of === undefined) {
    throw new Error(`${inDir}/edition.csv 缺少数据 · ${inDir}/edition.csv has no row`);
  }
  const regionCode = edition.region_code;
  const divisions = readCsvRows(join(inDir, 'divisions.csv'));
  const towns = divisions
    .filter((row) => row.code !== undefined && isLevel(row.code, 'town') && isWithin(row.code, regionCode))
    .map((row) => ({ code: row.code!, name: row.name! }));
  const villages = readCsvRows(join(inDir, 'villages.csv')).map((row) => ({ code: row.village_code!, name: row.name! }));
  if (regionCode === REGION_CODE) {
    if (!villages.some((v) => v.code === GAOLEMIAO)) throw new Error(`villages.csv 中没有 ${GAOLEMIAO} · ${GAOLEMIAO} is missing from villages.csv`);
    return { regionCode, asOf: edition.as_of, towns, villages, profile: EJIN_HORO() };
  }
  const names = new Map(divisions.filter((row) => row.code !== undefined && row.name !== undefined).map((row) => [row.code!, row.name!]));
  return { regionCode, asOf: edition.as_of, towns, villages, profile: genericProfile(regionCode, edition.as_of, villages, names) };
}

// ---------------------------------------------------------------------------------------------
// Pairings: 130 units (8 of them with two villages) and 106 enterprises, one of each per village.

const BANNER_UNITS = [
  '中共伊金霍洛旗委办公室',
  '伊金霍洛旗人大常委会办公室',
  '伊金霍洛旗人民政府办公室',
  '政协伊金霍洛旗委员会办公室',
  '伊金霍洛旗纪律检查委员会',
  '中共伊金霍洛旗委组织部',
  '中共伊金霍洛旗委宣传部',
  '中共伊金霍洛旗委统战部',
  '中共伊金霍洛旗委政法委员会',
  '中共伊金霍洛旗委党校',
  '伊金霍洛旗发展和改革委员会',
  '伊金霍洛旗教育体育局',
  '伊金霍洛旗科学技术局',
  '伊金霍洛旗工业和信息化局',
  '伊金霍洛旗公安局',
  '伊金霍洛旗民政局',
  '伊金霍洛旗司法局',
  '伊金霍洛旗财政局',
  '伊金霍洛旗人力资源和社会保障局',
  '伊金霍洛旗自然资源局',
  '伊金霍洛旗住房和城乡建设局',
  '伊金霍洛旗交通运输局',
  '伊金霍洛旗水利局',
  '伊金霍洛旗农牧局',
  '伊金霍洛旗商务局',
  '伊金霍洛旗文化和旅游局',
  '伊金霍洛旗卫生健康委员会',
  '伊金霍洛旗退役军人事务局',
  '伊金霍洛旗应急管理局',
  '伊金霍洛旗审计局',
  '伊金霍洛旗市场监督管理局',
  '伊金霍洛旗统计局',
  '伊金霍洛旗医疗保障局',
  '伊金霍洛旗林业和草原局',
  '伊金霍洛旗能源局',
  '伊金霍洛旗乡村振兴局',
  '伊金霍洛旗行政审批和政务服务局',
  '伊金霍洛旗信访局',
  '伊金霍洛旗城市管理综合执法局',
  '鄂尔多斯市生态环境局伊金霍洛旗分局',
  '国家税务总局伊金霍洛旗税务局',
  '伊金霍洛旗人民法院',
  '伊金霍洛旗人民检察院',
  '伊金霍洛旗总工会',
  '共青团伊金霍洛旗委员会',
  '伊金霍洛旗妇女联合会',
  '伊金霍洛旗科学技术协会',
  '伊金霍洛旗工商业联合会',
  '伊金霍洛旗残疾人联合会',
  '伊金霍洛旗红十字会',
  '伊金霍洛旗融媒体中心',
  '伊金霍洛旗人民医院',
  '伊金霍洛旗蒙医医院',
  '伊金霍洛旗疾病预防控制中心',
  '伊金霍洛旗机关事务服务中心',
  '伊金霍洛旗档案史志馆',
  '伊金霍洛旗公共资源交易中心',
  '伊金霍洛旗供销合作社联合社',
  '伊金霍洛旗农牧业技术推广中心',
  '伊金霍洛旗动物疫病预防控制中心',
  '伊金霍洛旗农村牧区合作经济经营管理站',
  '伊金霍洛旗水土保持工作站',
  '伊金霍洛旗气象局',
  '伊金霍洛旗不动产登记中心',
  '伊金霍洛旗就业服务中心',
  '伊金霍洛旗社会保险事业服务中心',
  '伊金霍洛旗图书馆',
  '伊金霍洛旗文化馆',
  '伊金霍洛旗消防救援大队',
  '伊金霍洛旗人民武装部',
  '伊金霍洛旗第一中学',
  '伊金霍洛旗职业技术学校',
  '伊金霍洛旗妇幼保健计划生育服务中心',
  '伊金霍洛旗草原工作站',
  '伊金霍洛旗农牧业综合行政执法大队',
  '伊金霍洛旗住房公积金管理部',
] as const;

const CITY_UNITS = [
  '中共鄂尔多斯市委组织部',
  '中共鄂尔多斯市委宣传部',
  '中共鄂尔多斯市委统战部',
  '中共鄂尔多斯市委政法委员会',
  '鄂尔多斯市纪律检查委员会',
  '中共鄂尔多斯市委党校',
  '鄂尔多斯市人民政府办公室',
  '鄂尔多斯市发展和改革委员会',
  '鄂尔多斯市教育局',
  '鄂尔多斯市科学技术局',
  '鄂尔多斯市工业和信息化局',
  '鄂尔多斯市公安局',
  '鄂尔多斯市民政局',
  '鄂尔多斯市司法局',
  '鄂尔多斯市财政局',
  '鄂尔多斯市人力资源和社会保障局',
  '鄂尔多斯市自然资源局',
  '鄂尔多斯市生态环境局',
  '鄂尔多斯市住房和城乡建设局',
  '鄂尔多斯市交通运输局',
  '鄂尔多斯市水利局',
  '鄂尔多斯市农牧局',
  '鄂尔多斯市商务局',
  '鄂尔多斯市文化和旅游局',
  '鄂尔多斯市卫生健康委员会',
  '鄂尔多斯市退役军人事务局',
  '鄂尔多斯市应急管理局',
  '鄂尔多斯市审计局',
  '鄂尔多斯市市场监督管理局',
  '鄂尔多斯市统计局',
  '鄂尔多斯市医疗保障局',
  '鄂尔多斯市林业和草原局',
  '鄂尔多斯市能源局',
  '鄂尔多斯市乡村振兴局',
  '鄂尔多斯市行政审批与政务服务局',
  '鄂尔多斯市国有资产监督管理委员会',
  '鄂尔多斯市气象局',
  '国家税务总局鄂尔多斯市税务局',
  '鄂尔多斯市中级人民法院',
  '鄂尔多斯市人民检察院',
  '鄂尔多斯市总工会',
  '共青团鄂尔多斯市委员会',
  '鄂尔多斯市妇女联合会',
  '鄂尔多斯市科学技术协会',
  '鄂尔多斯市工商业联合会',
  '鄂尔多斯市供销合作社联合社',
  '鄂尔多斯市农牧业科学研究院',
  '鄂尔多斯市中心医院',
  '鄂尔多斯职业学院',
  '鄂尔多斯应用技术学院',
  '鄂尔多斯市广播电视台',
  '鄂尔多斯市大数据中心',
  '鄂尔多斯市住房公积金管理中心',
  '鄂尔多斯市农牧业技术推广中心',
] as const;

/** The 130 units: all banner-level ones, then city-level ones until there are enough. */
export function pairedUnitNames(): string[] {
  const names: string[] = [...BANNER_UNITS, ...CITY_UNITS].slice(0, TOTALS.pairedUnits);
  if (new Set(names).size !== TOTALS.pairedUnits || !names.includes(GAOLEMIAO_PAIRING.unit)) {
    throw new Error(`need ${TOTALS.pairedUnits} distinct unit names including ${GAOLEMIAO_PAIRING.unit}`);
  }
  return names;
}

/**
 * Enterprise names are placeholders on purpose: 甲一, 乙三 … are how Chinese texts write "company A1",
 * so no real private company is said to have given money it did not give.
 */
const STEMS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'] as const;
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'] as const;
const PLACES = ['伊金霍洛旗', '伊金霍洛旗', '鄂尔多斯市', '内蒙古'] as const;
const TRADES = [
  '能源有限公司',
  '煤业有限责任公司',
  '矿业有限公司',
  '电力有限公司',
  '新能源有限公司',
  '化工有限公司',
  '建材有限公司',
  '物流有限公司',
  '农牧业开发有限公司',
  '建筑工程有限公司',
  '商贸有限公司',
  '运输有限责任公司',
  '科技有限公司',
  '实业有限公司',
] as const;

function enterpriseNames(rng: RandomGenerator, count: number, places: readonly string[]): string[] {
  const names: string[] = [];
  for (let i = 0; names.length < count; i += 1) {
    const round = Math.floor(i / STEMS.length);
    // 甲一 … 癸十一, then 甲12 …: a larger region needs more placeholders than there are numerals.
    const code = `${STEMS[i % STEMS.length]}${NUMERALS[round] ?? String(round + 1)}`;
    names.push(`${pick(rng, places)}${code}${pick(rng, TRADES)}`);
  }
  return names;
}

export type PlannedPairing = { villageCode: string; unit: string; enterprise: string; since?: string; official: boolean };

export function planPairings(ctx: Context): Map<string, PlannedPairing> {
  const rng = streamFor('pairings.csv');
  const { official, totals } = ctx.profile;
  const others = ctx.villages.filter((v) => v.code !== official?.villageCode);

  const units = ctx.profile.units.filter((u) => u !== official?.pairing.unit);
  const twice = shuffle(rng, units).slice(0, others.length - units.length);
  const unitSlots = shuffle(rng, [...units, ...twice]);

  const enterprises = enterpriseNames(rng, totals.pairedEnterprises - (official === undefined ? 0 : 1), ctx.profile.enterprisePlaces);
  const enterpriseTwice = shuffle(rng, enterprises).slice(0, others.length - enterprises.length);
  const enterpriseSlots = shuffle(rng, [...enterprises, ...enterpriseTwice]);
  if (unitSlots.length !== others.length || enterpriseSlots.length !== others.length) {
    throw new Error('pairings: the numbers of units, enterprises and villages do not fit');
  }

  const pairings = new Map<string, PlannedPairing>();
  if (official !== undefined) {
    pairings.set(official.villageCode, {
      villageCode: official.villageCode,
      unit: official.pairing.unit,
      enterprise: official.pairing.enterprise,
      official: true,
    });
  }
  // "今年来 … 探索推行": the pairing scheme started early in the article's year (or 90 days before an as-of early in a year).
  const firstDay = Math.min(toDayNumber(`${ctx.asOf.slice(0, 4)}-01-04`), toDayNumber(ctx.asOf) - 90);
  others.forEach((village, i) => {
    pairings.set(village.code, {
      villageCode: village.code,
      unit: unitSlots[i]!,
      enterprise: enterpriseSlots[i]!,
      since: fromDayNumber(dayBetween(rng, firstDay, firstDay + 86)),
      official: false,
    });
  });
  return pairings;
}

export function makePairings(ctx: Context, pairings: Map<string, PlannedPairing>): CsvRow<typeof pairingsTable.columns>[] {
  return ctx.villages.map((village) => {
    const p = pairings.get(village.code)!;
    return {
      village_code: village.code,
      unit_name: p.unit,
      enterprise_name: p.enterprise,
      since: p.since,
      provenance: (p.official ? PROVENANCES.official : PROVENANCES.illustrative).zh,
      note: p.official ? ctx.profile.official?.pairing.note : undefined,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Projects: 宜农则农、宜工则工、宜商则商、宜养则养.

const PROJECT_NAMES: Readonly<Record<Sector, readonly string[]>> = {
  herding: ['肉羊养殖基地', '肉牛养殖场', '绒山羊养殖合作社', '基础母牛扩繁场', '生猪养殖场', '蛋鸡养殖场', '奶牛养殖牧场', '种羊繁育场', '标准化暖棚养殖圈舍'],
  farming: [
    '设施农业大棚',
    '马铃薯种植基地',
    '青贮玉米种植基地',
    '高标准农田改造',
    '饲草料种植基地',
    '沙棘种植基地',
    '中药材种植基地',
    '特色果蔬采摘园',
    '食用菌种植大棚',
    '苗木繁育基地',
  ],
  industry: [
    '光伏发电站',
    '屋顶分布式光伏',
    '农产品加工厂',
    '饲草料加工厂',
    '肉食品加工车间',
    '沙柳颗粒燃料加工厂',
    '新型建材厂',
    '粮食烘干仓储厂',
    '有机肥加工厂',
  ],
  commerce: [
    '物流仓储中心',
    '乡村民宿',
    '农家乐',
    '农贸市场',
    '商铺租赁',
    '停车场',
    '电商服务站',
    '劳务服务公司',
    '物业服务公司',
    '冷链仓储',
    '乡村旅游接待中心',
  ],
};
const SECTOR_WEIGHTS: Readonly<Record<Sector, number>> = { herding: 0.32, farming: 0.28, industry: 0.2, commerce: 0.2 };
/** Solar parks and plants cost more than greenhouses. */
const SECTOR_SCALE: Readonly<Record<Sector, number>> = { herding: 1, farming: 0.8, industry: 1.5, commerce: 1.1 };
const STAGE_WEIGHTS: Readonly<Record<Stage, number>> = { operating: 0.48, construction: 0.28, preliminary: 0.1, planning: 0.07, suspended: 0.07 };
/** Which stage a village as a whole is at when its projects differ: the most advanced. */
const STAGE_RANK: Readonly<Record<Stage, number>> = { operating: 5, construction: 4, preliminary: 3, planning: 2, suspended: 1 };

export type Milestone = { stage: Stage; from: number };
export type PlannedProject = {
  id: string;
  villageCode: string;
  name: string;
  sector: Sector;
  investment: number;
  income: number | undefined;
  stage: Stage;
  start: number;
  /** When the project entered each stage it went through, oldest first; the last is `stage`. */
  milestones: Milestone[];
  official: boolean;
  note?: string;
};

/** When a project entered each stage, drawn so the last one is its stage on the as-of date. */
function drawTimeline(rng: RandomGenerator, stage: Stage, asOf: number, profile: Profile): { start: number; milestones: Milestone[] } {
  const earliest = toDayNumber(profile.earliest);
  const year = toDayNumber(`${fromDayNumber(asOf).slice(0, 4)}-01-01`);
  switch (stage) {
    case 'operating': {
      const start = dayBetween(rng, earliest, asOf - 100);
      const building = start + between(rng, 15, 45);
      const open = Math.min(asOf - 1, building + between(rng, 60, 240));
      return {
        start,
        milestones: [
          { stage: 'preliminary', from: start },
          { stage: 'construction', from: building },
          { stage: 'operating', from: open },
        ],
      };
    }
    case 'construction': {
      const start = dayBetween(rng, toDayNumber(profile.constructionFrom), asOf - 30);
      const building = Math.min(asOf, start + between(rng, 10, 45));
      return {
        start,
        milestones: [
          { stage: 'preliminary', from: start },
          { stage: 'construction', from: building },
        ],
      };
    }
    case 'suspended': {
      const start = dayBetween(rng, earliest, Math.min(year + 80, asOf - 60));
      const building = start + between(rng, 15, 45);
      const halted = Math.min(asOf, building + between(rng, 30, 180));
      return {
        start,
        milestones: [
          { stage: 'preliminary', from: start },
          { stage: 'construction', from: building },
          { stage: 'suspended', from: halted },
        ],
      };
    }
    case 'preliminary':
    case 'planning': {
      const start = dayBetween(rng, Math.min(year + (stage === 'planning' ? 59 : 0), asOf), asOf);
      return { start, milestones: [{ stage, from: start }] };
    }
  }
}

export function planProjects(ctx: Context): PlannedProject[] {
  const rng = streamFor('projects.csv');
  const asOf = toDayNumber(ctx.asOf);
  const { official, totals } = ctx.profile;
  const others = ctx.villages.filter((v) => v.code !== official?.villageCode);

  // One project each, the rest spread at random (at most four in a village).
  const counts = new Map(others.map((v) => [v.code, 1]));
  for (let extra = totals.projects - ctx.villages.length; extra > 0;) {
    const village = pick(rng, others);
    if (counts.get(village.code)! >= 4) continue;
    counts.set(village.code, counts.get(village.code)! + 1);
    extra -= 1;
  }

  const projects: PlannedProject[] = [];
  if (official !== undefined) {
    const { project } = official;
    const start = toDayNumber(project.start);
    projects.push({
      id: project.id,
      villageCode: official.villageCode,
      name: project.name,
      sector: project.sector,
      investment: project.investment,
      income: project.income,
      stage: project.stage,
      start,
      milestones: [{ stage: project.stage, from: start }],
      official: true,
      note: project.note,
    });
  }

  const drawn: Omit<PlannedProject, 'id'>[] = [];
  for (const village of others) {
    const used = new Set<string>();
    for (let k = 0; k < counts.get(village.code)!; k += 1) {
      const sector = pickWeighted(rng, SECTOR_WEIGHTS);
      const name = pick(
        rng,
        PROJECT_NAMES[sector].filter((n) => !used.has(n)),
      );
      used.add(name);
      const stage = pickWeighted(rng, STAGE_WEIGHTS);
      // Log-normal around 6 million yuan: most between about 2 and 20 million, a few larger.
      const raw = 6_000_000 * SECTOR_SCALE[sector] * Math.exp(0.7 * normal(rng));
      const investment = roundTo(Math.min(40_000_000, Math.max(1_500_000, raw)), 10_000);
      const income = stage === 'planning' ? undefined : roundTo(investment * uniform(rng, 0.05, 0.14), 1_000);
      drawn.push({ villageCode: village.code, name, sector, investment, income, stage, ...drawTimeline(rng, stage, asOf, ctx.profile), official: false });
    }
  }
  drawn.sort((a, b) => a.villageCode.localeCompare(b.villageCode) || a.start - b.start || a.name.localeCompare(b.name));
  const first = projects.length + 1;
  drawn.forEach((p, i) => projects.push({ ...p, id: `P${String(i + first).padStart(4, '0')}` }));

  if (projects.length !== totals.projects) throw new Error(`projects: ${projects.length} ≠ ${totals.projects}`);
  return projects;
}

export function makeProjects(projects: readonly PlannedProject[]): CsvRow<typeof projectsTable.columns>[] {
  return projects.map((p) => ({
    project_id: p.id,
    village_code: p.villageCode,
    name: p.name,
    sector: SECTORS[p.sector].zh,
    investment_yuan: p.investment,
    expected_annual_net_income_yuan: p.income,
    stage: STAGES[p.stage].zh,
    start_date: fromDayNumber(p.start),
    provenance: (p.official ? PROVENANCES.official : PROVENANCES.illustrative).zh,
    note: p.note,
  }));
}

// ---------------------------------------------------------------------------------------------
// Funds: 包联企业出资金 — enterprises give most of it.

const FUND_KIND_WEIGHTS: Readonly<Record<FundSourceKind, number>> = {
  paired_enterprise: 0.36,
  government: 0.3,
  village_collective: 0.14,
  paired_unit: 0.1,
  other: 0.1,
};
const GOVERNMENT_FUNDERS = ['伊金霍洛旗财政局', '伊金霍洛旗财政局', '伊金霍洛旗财政局', '鄂尔多斯市财政局'] as const;
const OTHER_FUNDERS = ['社会捐赠', '乡贤捐资', '农牧民入股', '其他帮扶资金'] as const;
const TEN_THOUSAND = 10_000;

const collectiveName = (village: Village): string => `${village.name}股份经济合作社`;

type PlannedFund = { date: number; villageCode: string; projectId?: string; kind: FundSourceKind; source: string; amount: number; note?: string };

function funderName(rng: RandomGenerator, kind: FundSourceKind, village: Village, pairing: PlannedPairing, profile: Profile): string {
  switch (kind) {
    case 'government':
      return pick(rng, profile.governmentFunders(village));
    case 'paired_unit':
      return pairing.unit;
    case 'paired_enterprise':
      return pairing.enterprise;
    case 'village_collective':
      return collectiveName(village);
    case 'other':
      return pick(rng, OTHER_FUNDERS);
  }
}

/** The real project's money, split into three illustrative sources (drawn first, from the funds' own stream). */
function officialProjectFunds(
  rng: RandomGenerator,
  ctx: Context,
  projects: readonly PlannedProject[],
  pairings: Map<string, PlannedPairing>,
  asOf: number,
): PlannedFund[] {
  const official = ctx.profile.official!;
  const village = ctx.villages.find((v) => v.code === official.villageCode)!;
  const pairing = pairings.get(official.villageCode)!;
  const p1 = projects.find((p) => p.id === official.project.id)!;
  const splitNote =
    '示意：报道称筹措2600余万元，此处按下限2600万元拆分，各来源金额为示意 · ' +
    'Illustrative: the article says more than 26 million yuan was raised; this split of the lower bound is made up';
  return [
    { kind: 'paired_enterprise', source: pairing.enterprise, amount: 16_000_000 },
    { kind: 'paired_unit', source: pairing.unit, amount: 6_000_000 },
    { kind: 'village_collective', source: collectiveName(village), amount: 4_000_000 },
  ].map((f) => ({
    ...f,
    kind: f.kind as FundSourceKind,
    villageCode: official.villageCode,
    projectId: p1.id,
    date: dayBetween(rng, p1.start, asOf),
    note: splitNote,
  }));
}

export function makeFunds(ctx: Context, projects: readonly PlannedProject[], pairings: Map<string, PlannedPairing>): CsvRow<typeof fundsTable.columns>[] {
  const rng = streamFor('funds.csv');
  const asOf = toDayNumber(ctx.asOf);
  const { official, totals } = ctx.profile;
  const p1Funds: PlannedFund[] = official === undefined ? [] : officialProjectFunds(rng, ctx, projects, pairings, asOf);
  const p1Total = p1Funds.reduce((sum, f) => sum + f.amount, 0);
  if (official !== undefined && p1Total !== official.project.investment) throw new Error(`P0001 funds ${p1Total} ≠ ${official.project.investment}`);

  // Every other row gets a weight now and its amount once all weights are known.
  const drafts: (Omit<PlannedFund, 'amount'> & { weight: number })[] = [];
  for (const village of ctx.villages) {
    if (village.code === official?.villageCode) continue;
    const pairing = pairings.get(village.code)!;
    const own = projects.filter((p) => p.villageCode === village.code && p.stage !== 'planning');
    const rows = between(rng, 3, 6);
    for (let k = 0; k < rows; k += 1) {
      const kind = pickWeighted(rng, FUND_KIND_WEIGHTS);
      // Paired units and enterprises can only give once paired; nobody gives to a stopped project.
      const earliest = kind === 'paired_unit' || kind === 'paired_enterprise' ? toDayNumber(pairing.since!) : toDayNumber(ctx.profile.earliest);
      const windowOf = (p: PlannedProject | undefined): [number, number] => [
        Math.max(p?.start ?? earliest, earliest),
        p?.stage === 'suspended' ? p.milestones[p.milestones.length - 1]!.from : asOf,
      ];
      const fundable = own.filter((p) => windowOf(p)[0] <= windowOf(p)[1]);
      const project = fundable.length > 0 && chance(rng, 0.85) ? pick(rng, fundable) : undefined;
      const [from, until] = windowOf(project);
      drafts.push({
        date: dayBetween(rng, from, until),
        villageCode: village.code,
        projectId: project?.id,
        kind,
        source: funderName(rng, kind, village, pairing, ctx.profile),
        weight: (project?.investment ?? 10_000_000) * uniform(rng, 0.3, 1),
      });
    }
  }

  // Whole 万元 per row, at least one each, adding up to exactly what is left of 3.7亿.
  const left = (totals.fundsYuan - p1Total) / TEN_THOUSAND;
  if (!Number.isInteger(left)) throw new Error('funds total is not whole 万元');
  const shares = apportion(
    left - drafts.length,
    drafts.map((d) => d.weight),
  );
  const funds: PlannedFund[] = [
    ...p1Funds,
    ...drafts.map((d, i) => ({
      date: d.date,
      villageCode: d.villageCode,
      projectId: d.projectId,
      kind: d.kind,
      source: d.source,
      amount: (shares[i]! + 1) * TEN_THOUSAND,
    })),
  ];

  const total = funds.reduce((sum, f) => sum + f.amount, 0);
  if (total !== totals.fundsYuan) throw new Error(`funds add up to ${total}, not ${totals.fundsYuan}`);
  for (const project of projects) {
    const tied = funds.filter((f) => f.projectId === project.id).reduce((sum, f) => sum + f.amount, 0);
    if (tied > project.investment) throw new Error(`funds of ${project.id} (${tied}) exceed its investment (${project.investment})`);
  }

  const kindOrder = Object.keys(FUND_SOURCE_KINDS);
  funds.sort(
    (a, b) =>
      a.villageCode.localeCompare(b.villageCode) ||
      a.date - b.date ||
      kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) ||
      (a.projectId ?? '').localeCompare(b.projectId ?? '') ||
      b.amount - a.amount,
  );
  return funds.map((f, i) => ({
    fund_id: `F${String(i + 1).padStart(4, '0')}`,
    date: fromDayNumber(f.date),
    village_code: f.villageCode,
    project_id: f.projectId,
    source_kind: FUND_SOURCE_KINDS[f.kind].zh,
    source_name: f.source,
    amount_yuan: f.amount,
    provenance: PROVENANCES.illustrative.zh,
    note: f.note,
  }));
}

// ---------------------------------------------------------------------------------------------
// Talent: commissioners, cadres and local talents by village; founders by town.

/** People starting businesses in the countryside, by town (大中专毕业生、返乡农牧民、退役军人). */
const FOUNDER_RANGES: Readonly<Partial<Record<TalentKind, readonly [number, number]>>> = {
  graduate: [12, 40],
  returnee: [25, 60],
  veteran: [8, 24],
};

export function makeTalent(ctx: Context): CsvRow<typeof talentTable.columns>[] {
  const rng = streamFor('talent.csv');
  const n = ctx.villages.length;
  // 因村因需配备: every village has at least one cadre; the rest go where the need is.
  const cadres = apportion(
    ctx.profile.totals.residentCadres - n,
    ctx.villages.map(() => uniform(rng, 0, 1) ** 3),
  ).map((c) => c + 1);
  // Fewer commissioners than villages: some villages share one.
  const commissioners = apportion(
    ctx.profile.totals.commissioners,
    ctx.villages.map(() => uniform(rng, 0.2, 1.8)),
  );
  const talents = apportion(
    ctx.profile.totals.localTalents,
    ctx.villages.map(() => uniform(rng, 0.4, 1.6)),
  );

  const rows: { place: string; kind: TalentKind; count: number }[] = [];
  for (const town of ctx.towns) {
    for (const [kind, range] of Object.entries(FOUNDER_RANGES) as [TalentKind, readonly [number, number]][]) {
      rows.push({ place: town.code, kind, count: between(rng, range[0], range[1]) });
    }
  }
  ctx.villages.forEach((village, i) => {
    rows.push({ place: village.code, kind: 'commissioner', count: commissioners[i]! });
    rows.push({ place: village.code, kind: 'resident_cadre', count: cadres[i]! });
    rows.push({ place: village.code, kind: 'local_talent', count: talents[i]! });
  });

  const kindOrder = Object.keys(TALENT_KINDS);
  rows.sort((a, b) => a.place.localeCompare(b.place) || kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind));
  return rows.map((r) => ({
    place_code: r.place,
    kind: TALENT_KINDS[r.kind].zh,
    count: r.count,
    as_of: ctx.asOf,
    provenance: PROVENANCES.illustrative.zh,
    note: undefined,
  }));
}

// ---------------------------------------------------------------------------------------------
// Monthly review: 按月调度 — income this year to date and where the village's projects stand.

function stageOn(project: PlannedProject, day: number): Stage | undefined {
  let stage: Stage | undefined;
  for (const m of project.milestones) if (m.from <= day) stage = m.stage;
  return stage;
}

/** A month's note for the village of the official project, once it has started: where the real project stands. */
export function monthlyNote(projects: readonly PlannedProject[], day: number): string | undefined {
  const official = projects.find((p) => p.official && p.start <= day);
  if (official === undefined) return undefined;
  const stage = stageOn(official, day) ?? official.stage;
  // 办理前期手续 is how the article puts the park's stage; other stages read as their labels.
  return stage === 'preliminary'
    ? `${official.name}办理前期手续 · ${official.id} in preliminary procedures`
    : `${official.name}${STAGES[stage].zh} · ${official.id} ${STAGES[stage].en}`;
}

/** The most advanced stage of the village's projects that had started by that day; before any, 谋划. */
export function villageStageOn(projects: readonly PlannedProject[], day: number): Stage {
  let best: Stage | undefined;
  for (const p of projects) {
    const stage = stageOn(p, day);
    if (stage !== undefined && (best === undefined || STAGE_RANK[stage] > STAGE_RANK[best])) best = stage;
  }
  return best ?? 'planning';
}

export function makeMonthly(ctx: Context, projects: readonly PlannedProject[]): CsvRow<typeof monthlyTable.columns>[] {
  const rng = streamFor('monthly.csv');
  const months = reviewMonths(ctx.asOf);
  // Income accrues from the January before the first reviewed month, so its year-to-date is whole.
  const accrual = monthRange(`${months[0]!.slice(0, 4)}-01`, months[months.length - 1]!);
  const rows: CsvRow<typeof monthlyTable.columns>[] = [];
  for (const village of ctx.villages) {
    const own = projects.filter((p) => p.villageCode === village.code);
    // What the collective earned before any new project: land contracting fees, small farming.
    const base = roundTo(uniform(rng, 20_000, 150_000), 1_000);
    let yearToDate = 0;
    for (const month of accrual) {
      if (month.endsWith('-01')) yearToDate = 0;
      const end = lastDayOfMonth(month);
      const earning = own.filter((p) => stageOn(p, end) === 'operating').reduce((sum, p) => sum + (p.income ?? 0) / 12, 0);
      yearToDate += Math.round(((base / 12) * uniform(rng, 0.5, 1.5) + earning * uniform(rng, 0.6, 1.2)) / 100) * 100;
      if (!months.includes(month)) continue;
      rows.push({
        month,
        village_code: village.code,
        collective_income_yuan: yearToDate,
        stage: STAGES[villageStageOn(own, end)].zh,
        note: monthlyNote(own, end),
        provenance: PROVENANCES.illustrative.zh,
      });
    }
  }
  return rows.sort((a, b) => String(a.month).localeCompare(String(b.month)) || String(a.village_code).localeCompare(String(b.village_code)));
}

// ---------------------------------------------------------------------------------------------
// Reported figures, word for word from the article.

type Figure = { key: string; zh: string; en: string; scope?: string; project?: string; value: number; qualifier: Qualifier; unit: string; quote: string };

const FIGURES: readonly Figure[] = [
  {
    key: 'villages',
    zh: '嘎查村',
    en: 'Villages (gacha and villages)',
    value: 138,
    qualifier: 'exact',
    unit: '个',
    quote: '为138个嘎查村精准选派93名科技特派员',
  },
  {
    key: 'commissioners',
    zh: '科技特派员',
    en: 'Science and technology commissioners',
    value: TOTALS.commissioners,
    qualifier: 'exact',
    unit: '名',
    quote: '为138个嘎查村精准选派93名科技特派员',
  },
  {
    key: 'resident_cadres',
    zh: '驻村干部',
    en: 'Resident cadres',
    value: TOTALS.residentCadres,
    qualifier: 'exact',
    unit: '名',
    quote: '择优选派162名干部充实包联驻村工作力量',
  },
  {
    key: 'projects',
    zh: '累计引进实施项目',
    en: 'Projects introduced and implemented (cumulative)',
    value: TOTALS.projects,
    qualifier: 'exact',
    unit: '个',
    quote: '累计引进实施项目254个',
  },
  {
    key: 'funds_yuan',
    zh: '落实帮扶资金',
    en: 'Assistance funds secured (cumulative)',
    value: TOTALS.fundsYuan,
    qualifier: 'exact',
    unit: '元',
    quote: '落实帮扶资金3.7亿元',
  },
  { key: 'local_talents', zh: '培育本土人才', en: 'Local talents cultivated', value: 800, qualifier: 'at-least', unit: '名', quote: '培育了800余名本土人才' },
  {
    key: 'talent_fund_per_town_yuan',
    zh: '各镇人才振兴专项经费',
    en: 'Talent revitalization fund per town',
    value: 200_000,
    qualifier: 'exact',
    unit: '元',
    quote: '在各镇设立20万元人才振兴专项经费',
  },
  {
    key: 'paired_units',
    zh: '包联行政事业单位（市旗两级）',
    en: 'Paired administrative and public units (city and banner level)',
    value: TOTALS.pairedUnits,
    qualifier: 'exact',
    unit: '个',
    quote: '动员市旗两级130个行政事业单位和百余家企业与138个嘎查村开展“一对一”精准帮扶',
  },
  {
    key: 'paired_enterprises',
    zh: '包联企业',
    en: 'Paired enterprises',
    value: 100,
    qualifier: 'at-least',
    unit: '家',
    quote: '动员市旗两级130个行政事业单位和百余家企业与138个嘎查村开展“一对一”精准帮扶',
  },
  { key: 'area_km2', zh: '全旗面积', en: 'Area of the banner', value: 5600, qualifier: 'exact', unit: '平方公里', quote: '在伊金霍洛5600平方公里的沃土上' },
  {
    key: 'projects_investment_yuan',
    zh: '高勒庙村汽车三产服务园区筹措资金',
    en: 'Gaolemiao automobile service park: funds raised',
    scope: GAOLEMIAO,
    project: GAOLEMIAO_PROJECT.id,
    value: GAOLEMIAO_PROJECT.investment,
    qualifier: 'at-least',
    unit: '元',
    quote: '筹措2600余万元计划打造一处汽车三产服务园区',
  },
  {
    key: 'projects_expected_annual_net_income_yuan',
    zh: '高勒庙村汽车三产服务园区预计年纯收入',
    en: 'Gaolemiao automobile service park: expected annual net income',
    scope: GAOLEMIAO,
    project: GAOLEMIAO_PROJECT.id,
    value: GAOLEMIAO_PROJECT.income,
    qualifier: 'at-least',
    unit: '元',
    quote: '预计年纯收入可达80余万元',
  },
];

/** The figures of the region's published source; none for a region without one. */
export function makeReported(ctx: Context): CsvRow<typeof reportedTable.columns>[] {
  const reported = ctx.profile.reported;
  if (reported === undefined) return [];
  const { source } = reported;
  return reported.figures.map((f) => ({
    key: f.key,
    label_zh: f.zh,
    label_en: f.en,
    scope_code: f.scope ?? ctx.regionCode,
    project_id: f.project,
    category: undefined,
    value: f.value,
    qualifier: QUALIFIERS[f.qualifier].zh,
    unit: f.unit,
    as_of: ctx.asOf,
    source_title: source.title,
    source_publisher: source.publisher,
    source_date: source.date,
    // The article's address is not known; a made-up link would be worse than none.
    source_url: undefined,
    quote: f.quote,
  }));
}

// ---------------------------------------------------------------------------------------------

export type SampleSummary = Record<string, number>;

export function generateSample(options: { inDir: string; outDir: string }): SampleSummary {
  const ctx = readContext(options.inDir);
  // The sample is the data of the article's day: on data already reviewed to a later month
  // (npm run data:review), it would draw a different year of projects and months in its place.
  const source = ctx.profile.reported?.source;
  if (source !== undefined && ctx.asOf !== source.date) {
    throw new Error(
      `示意数据按报道日期 ${SOURCE.date} 生成，但 edition.csv 的截止日期是 ${ctx.asOf}：先运行 npm run init-region -- ${REGION_CODE} --force 写回报道日期，再运行 npm run data:sample，然后用 npm run data:review 补上以后的月份 · ` +
        `The sample is the data of the article's day, ${SOURCE.date}, but edition.csv is as of ${ctx.asOf}: run npm run init-region -- ${REGION_CODE} --force to write the article's date back, then npm run data:sample, then npm run data:review for the later months`,
    );
  }
  const pairings = planPairings(ctx);
  const projects = planProjects(ctx);
  const summary: SampleSummary = {};
  const write = <C extends Columns>(table: Table<C>, rows: CsvRow<C>[]): void => {
    writeCsv(join(options.outDir, table.file), table, rows);
    summary[table.file] = rows.length;
  };
  write(projectsTable, makeProjects(projects));
  write(fundsTable, makeFunds(ctx, projects, pairings));
  write(talentTable, makeTalent(ctx));
  write(pairingsTable, makePairings(ctx, pairings));
  write(monthlyTable, makeMonthly(ctx, projects));
  write(reportedTable, makeReported(ctx));
  return summary;
}

const SAMPLE: CommandSpec = {
  name: 'npm run data:sample',
  summary: {
    zh: '为任一已初始化的地区生成示意数据（项目、资金、人才、包联、月度；有报道的地区还有报告数字，合计与之一致），每行标为“示意”；会覆盖这六个文件。',
    en: 'Generates illustrative data for any initialised region (projects, funds, talent, pairings, monthly; for a region with a published source also its reported figures, which the totals agree with), every row marked illustrative; overwrites those six files.',
  },
  options: {
    in: {
      type: 'string',
      default: 'data',
      value: '文件夹 folder',
      description: { zh: '读取区划和嘎查村的文件夹', en: 'The folder to read divisions and villages from' },
    },
    out: { type: 'string', value: '文件夹 folder', description: { zh: '写入的文件夹（默认同 --in）', en: 'The folder to write (the --in folder unless set)' } },
  },
  exitCodes: { 1: { zh: '未能生成，原因见提示', en: 'nothing generated; the message says why' } },
  examples: ['npm run data:sample', 'npm run data:sample -- --in data --out /tmp/sample'],
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runCommand(SAMPLE, ({ values }) => {
    const inDir = resolve(values.in as string);
    const outDir = resolve((values.out as string | undefined) ?? inDir);
    const summary = generateSample({ inDir, outDir });
    for (const [file, rows] of Object.entries(summary)) {
      process.stdout.write(`已写入 ${join(outDir, file)}（${rows} 行） · Wrote ${join(outDir, file)} (${rows} rows)\n`);
    }
    const described = join(outDir, DATA_PACKAGE_FILE);
    if (refreshDataPackage(outDir)) process.stdout.write(`已更新 ${described} · Updated ${described}\n`);
  });
}
