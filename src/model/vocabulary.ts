/**
 * Closed lists of values (sector, stage, …). Code uses the English key; CSV files hold the Chinese
 * label staff type; both labels and a few common synonyms are accepted when reading.
 */
import type { Bilingual } from '../i18n/locale.ts';

export type Term = Bilingual & { aliases?: readonly string[] };
export type Vocabulary<K extends string = string> = { readonly [key in K]: Term };

export const SECTORS = {
  farming: { zh: '农', en: 'farming', aliases: ['农业', '种植', '种植业'] },
  industry: { zh: '工', en: 'industry', aliases: ['工业'] },
  commerce: { zh: '商', en: 'commerce', aliases: ['商业', '商贸', '服务业'] },
  herding: { zh: '养', en: 'herding', aliases: ['养殖', '养殖业', '牧业', '畜牧'] },
} as const satisfies Vocabulary;
export type Sector = keyof typeof SECTORS;
/** The sectors in vocabulary order. */
export const SECTOR_KEYS = Object.keys(SECTORS) as Sector[];

/** Where a project, or a village's collective economy as a whole, stands. */
export const STAGES = {
  planning: { zh: '谋划', en: 'planning', aliases: ['谋划中', '规划'] },
  preliminary: { zh: '前期手续', en: 'preliminary procedures', aliases: ['前期', '办理前期手续', 'preliminary'] },
  construction: { zh: '在建', en: 'under construction', aliases: ['建设中', '施工', 'construction'] },
  operating: { zh: '运营', en: 'operating', aliases: ['运营中', '已运营', '投产'] },
  suspended: { zh: '暂停', en: 'suspended', aliases: ['停工', '暂缓'] },
} as const satisfies Vocabulary;
export type Stage = keyof typeof STAGES;
/** The stages in vocabulary order. */
export const STAGE_KEYS = Object.keys(STAGES) as Stage[];

export const FUND_SOURCE_KINDS = {
  government: { zh: '财政资金', en: 'government finance', aliases: ['旗级财政', '财政', '政府'] },
  paired_unit: { zh: '包联单位', en: 'paired unit', aliases: ['单位'] },
  paired_enterprise: { zh: '包联企业', en: 'paired enterprise', aliases: ['企业'] },
  village_collective: { zh: '村集体', en: 'village collective', aliases: ['集体', '嘎查村集体'] },
  other: { zh: '其他', en: 'other', aliases: ['其它'] },
} as const satisfies Vocabulary;
export type FundSourceKind = keyof typeof FUND_SOURCE_KINDS;

export const TALENT_KINDS = {
  graduate: { zh: '大中专毕业生', en: 'graduates', aliases: ['毕业生', '大学生'] },
  returnee: { zh: '返乡农牧民', en: 'returning farmers and herders', aliases: ['返乡人员', '返乡创业'] },
  veteran: { zh: '退役军人', en: 'veterans', aliases: ['退伍军人'] },
  local_talent: { zh: '本土人才', en: 'local talents cultivated', aliases: ['培育本土人才'] },
  commissioner: { zh: '科技特派员', en: 'S&T commissioners', aliases: ['特派员'] },
  resident_cadre: { zh: '驻村干部', en: 'resident cadres', aliases: ['包联驻村干部', '驻村工作队员'] },
} as const satisfies Vocabulary;
export type TalentKind = keyof typeof TALENT_KINDS;

/**
 * The kinds of village-level unit the statistical list holds outside towns' urban communities: 村,
 * 嘎查 (Inner Mongolia's pastoral village), and the herders' and fishers' committees of Qinghai,
 * Tibet and the coast, whose names carry no 村 (src/read/divisionList.ts tells them apart).
 */
export const VILLAGE_KINDS = {
  gacha: { zh: '嘎查', en: 'gacha' },
  village: { zh: '村', en: 'village' },
  herders: { zh: '牧委会', en: "herders' committee", aliases: ['牧民委员会'] },
  fishers: { zh: '渔委会', en: "fishers' committee", aliases: ['渔民委员会'] },
} as const satisfies Vocabulary;
export type VillageKind = keyof typeof VILLAGE_KINDS;

export const LOCATION_PRECISIONS = {
  surveyed: { zh: '实测点位', en: 'surveyed', aliases: ['实测', '精确'] },
  'town-seat': { zh: '镇政府驻地', en: 'town seat', aliases: ['镇驻地', '近似', 'town seat'] },
  /** No point of the village or its town is known: it waits at its county's seat (县、旗、区政府驻地). */
  'county-seat': { zh: '县政府驻地', en: 'county seat', aliases: ['县驻地', '旗政府驻地', 'county seat'] },
  /** Nor its county's (a development zone newer than the points): it waits at its city's seat. */
  'city-seat': { zh: '市政府驻地', en: 'city seat', aliases: ['市驻地', '盟行政公署驻地', 'city seat'] },
} as const satisfies Vocabulary;
export type LocationPrecision = keyof typeof LOCATION_PRECISIONS;
/** The precisions of a village waiting at a government seat, nearest first: the map says which seat. */
export const SEAT_PRECISIONS = ['town-seat', 'county-seat', 'city-seat'] as const satisfies readonly LocationPrecision[];
export type SeatPrecision = (typeof SEAT_PRECISIONS)[number];

/** Whether a row is real (reported by an authority) or made up to show how the site works. */
export const PROVENANCES = {
  official: { zh: '官方', en: 'official', aliases: ['正式', '实际'] },
  illustrative: { zh: '示意', en: 'illustrative', aliases: ['示例', '模拟'] },
} as const satisfies Vocabulary;
export type Provenance = keyof typeof PROVENANCES;

/** "百余" is a lower bound: qualifier `at-least`. */
export const QUALIFIERS = {
  exact: { zh: '准确值', en: 'exact', aliases: ['精确'] },
  'at-least': { zh: '以上', en: 'at least', aliases: ['余', '多', '超过', 'at least'] },
} as const satisfies Vocabulary;
export type Qualifier = keyof typeof QUALIFIERS;

/**
 * The verdict on a reported figure beside the same figure computed from the data: the one vocabulary
 * of the reconciliation, its published CSV, the validation report and the reported-versus-computed chart.
 */
export const RECONCILE_STATUSES = {
  matches: { zh: '一致', en: 'matches' },
  'at-least': { zh: '符合“以上”', en: 'meets lower bound' },
  differs: { zh: '不一致', en: 'differs' },
  'not-computed': { zh: '未计算', en: 'not computed' },
} as const satisfies Vocabulary;
export type ReconcileStatus = keyof typeof RECONCILE_STATUSES;

/** The judgement itself, for exact hundredths (bigint) and for a chart's plain numbers alike. */
export function judgeFigure<T extends bigint | number>(qualifier: Qualifier, reported: T, computed: T | undefined): ReconcileStatus {
  if (computed === undefined) return 'not-computed';
  if (computed === reported) return 'matches';
  if (qualifier === 'at-least' && computed > reported) return 'at-least';
  return 'differs';
}

const fold = (text: string): string => text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

// Built once per vocabulary: a cell is looked up for every row, and folding every name each time
// was the slowest part of reading a large file.
const indexes = new WeakMap<Vocabulary, Map<string, string>>();

function indexOf(vocabulary: Vocabulary): Map<string, string> {
  let index = indexes.get(vocabulary);
  if (index === undefined) {
    index = new Map();
    for (const [key, term] of Object.entries(vocabulary)) {
      for (const name of [key, term.zh, term.en, ...(term.aliases ?? [])]) {
        index.set(name, key);
        index.set(fold(name), key);
      }
    }
    indexes.set(vocabulary, index);
  }
  return index;
}

/** Finds the key whose Chinese label, English label, key or alias equals the text (case- and width-insensitive). */
export function lookUpTerm<K extends string>(vocabulary: Vocabulary<K>, text: string): K | undefined {
  const index = indexOf(vocabulary);
  return (index.get(text) ?? index.get(fold(text))) as K | undefined;
}
