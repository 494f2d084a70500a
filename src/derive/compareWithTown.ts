/**
 * How a village stands among the villages of its town: for each measure, its own value, the town's
 * average per village, and its rank. Ranks count only villages with a value, and tie like sports
 * tables do (1, 2, 2, 4), so two villages with the same funds share a place.
 */
import type { PlaceSummary } from './aggregate.ts';

export type ComparedMeasure = 'funds' | 'investment' | 'projects' | 'talent' | 'income';

type Compared<K extends 'money' | 'count', V> = {
  measure: ComparedMeasure;
  kind: K;
  /** The village's value; undefined when it has none (no monthly review in that month). */
  value: V | undefined;
  /** Mean over the town's villages that have a value (money rounded to the fen, half up). */
  average: V | undefined;
  /** 1 is the highest; undefined when the village has no value. */
  rank: number | undefined;
  /** How many of the town's villages have a value. */
  of: number;
};

export type Comparison = Compared<'money', bigint> | Compared<'count', number>;

export type TownComparison = {
  villageCode: string;
  /** The month the income comparison is for: the latest month any village of the town was reviewed. */
  month: string | undefined;
  measures: Comparison[];
};

/**
 * One measure across the town's villages, worked out once for all of them: the average, how many have
 * a value, and each value's rank (1 + how many values are higher), so that each village's comparison
 * is a lookup (a town of a province may have hundreds of villages; docs/performance.md, Scale).
 */
function measureTown<V extends number | bigint>(values: readonly (V | undefined)[], average: (present: readonly V[]) => V | undefined) {
  const present = values.filter((v): v is V => v !== undefined);
  const ranks = new Map<V, number>();
  [...present].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)).forEach((value, index) => ranks.has(value) || ranks.set(value, index + 1));
  return { average: average(present), of: present.length, rankOf: (value: V | undefined) => (value === undefined ? undefined : ranks.get(value)) };
}

const averageMoney = (present: readonly bigint[]): bigint | undefined => {
  const n = BigInt(present.length);
  return n === 0n ? undefined : (2n * present.reduce((a, b) => a + b, 0n) + n) / (2n * n);
};

const averageCount = (present: readonly number[]): number | undefined =>
  present.length === 0 ? undefined : present.reduce((a, b) => a + b, 0) / present.length;

/** How each village of a town compares with the town's villages, by village code; `siblings` are the summaries of them all. */
export function compareTown(siblings: readonly PlaceSummary[]): Map<string, TownComparison> {
  let month: string | undefined;
  for (const sibling of siblings) for (const review of sibling.monthly) if (month === undefined || review.month > month) month = review.month;
  const money = (measure: ComparedMeasure, valueOf: (s: PlaceSummary) => bigint | undefined) => {
    const values = siblings.map(valueOf);
    const town = measureTown(values, averageMoney);
    return (index: number): Comparison => {
      const value = values[index];
      return { measure, kind: 'money', value, average: town.average, rank: town.rankOf(value), of: town.of };
    };
  };
  const count = (measure: ComparedMeasure, valueOf: (s: PlaceSummary) => number) => {
    const values = siblings.map(valueOf);
    const town = measureTown(values, averageCount);
    return (index: number): Comparison => {
      const value = values[index];
      return { measure, kind: 'count', value, average: town.average, rank: town.rankOf(value), of: town.of };
    };
  };
  const measures = [
    money('funds', (s) => s.fundsTotal),
    money('investment', (s) => s.investment),
    count('projects', (s) => s.projects.length),
    count('talent', (s) => s.talentByKind.reduce((sum, k) => sum + k.value, 0)),
    money('income', (s) => s.monthly.find((m) => m.month === month)?.collective_income_yuan),
  ];
  const comparisons = new Map<string, TownComparison>();
  siblings.forEach((sibling, index) => comparisons.set(sibling.code, { villageCode: sibling.code, month, measures: measures.map((of) => of(index)) }));
  return comparisons;
}

/** `siblings` are the summaries of every village of the town, the village itself included. */
export function compareWithTown(villageCode: string, siblings: readonly PlaceSummary[]): TownComparison {
  const comparison = compareTown(siblings).get(villageCode);
  if (comparison === undefined) throw new Error(`${villageCode} is not among the villages compared`);
  return comparison;
}
