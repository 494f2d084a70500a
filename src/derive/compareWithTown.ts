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

function rankOf<V extends number | bigint>(value: V | undefined, values: readonly V[]): number | undefined {
  if (value === undefined) return undefined;
  return 1 + values.filter((other) => other > value).length;
}

function compareMoney(measure: ComparedMeasure, code: string, values: Map<string, bigint | undefined>): Comparison {
  const present = [...values.values()].filter((v): v is bigint => v !== undefined);
  const sum = present.reduce((a, b) => a + b, 0n);
  const n = BigInt(present.length);
  const value = values.get(code);
  return {
    measure,
    kind: 'money',
    value,
    average: n === 0n ? undefined : (2n * sum + n) / (2n * n),
    rank: rankOf(value, present),
    of: present.length,
  };
}

function compareCount(measure: ComparedMeasure, code: string, values: Map<string, number>): Comparison {
  const present = [...values.values()];
  const value = values.get(code);
  return {
    measure,
    kind: 'count',
    value,
    average: present.length === 0 ? undefined : present.reduce((a, b) => a + b, 0) / present.length,
    rank: rankOf(value, present),
    of: present.length,
  };
}

/** `siblings` are the summaries of every village of the town, the village itself included. */
export function compareWithTown(villageCode: string, siblings: readonly PlaceSummary[]): TownComparison {
  if (!siblings.some((s) => s.code === villageCode)) throw new Error(`${villageCode} is not among the villages compared`);
  const month = siblings
    .flatMap((s) => s.monthly.map((m) => m.month))
    .sort()
    .at(-1);
  const by = <V>(value: (s: PlaceSummary) => V) => new Map(siblings.map((s) => [s.code, value(s)]));
  return {
    villageCode,
    month,
    measures: [
      compareMoney(
        'funds',
        villageCode,
        by((s) => s.fundsTotal),
      ),
      compareMoney(
        'investment',
        villageCode,
        by((s) => s.investment),
      ),
      compareCount(
        'projects',
        villageCode,
        by((s) => s.projects.length),
      ),
      compareCount(
        'talent',
        villageCode,
        by((s) => s.talentByKind.reduce((sum, k) => sum + k.value, 0)),
      ),
      compareMoney(
        'income',
        villageCode,
        by((s) => s.monthly.find((m) => m.month === month)?.collective_income_yuan),
      ),
    ],
  };
}
