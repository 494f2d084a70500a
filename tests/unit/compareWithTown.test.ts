import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { PlaceSummary } from '../../src/derive/aggregate.ts';
import { compareTown, compareWithTown, type Comparison } from '../../src/derive/compareWithTown.ts';
import { propertyRuns } from '../support/propertyRuns.ts';

type Village = { code: string; funds: bigint; investment?: bigint; projects?: number; talent?: number; income?: Record<string, bigint> };

/** Only the fields compareWithTown reads; the rest of a summary does not matter to it. */
function summary(v: Village): PlaceSummary {
  return {
    code: v.code,
    fundsTotal: v.funds,
    investment: v.investment ?? 0n,
    projects: Array.from({ length: v.projects ?? 0 }),
    talentByKind: [{ key: 'graduate', value: v.talent ?? 0 }],
    monthly: Object.entries(v.income ?? {}).map(([month, income]) => ({ month, collective_income_yuan: income })),
  } as unknown as PlaceSummary;
}

const measure = (comparisons: Comparison[], name: string) => comparisons.find((c) => c.measure === name)!;

describe('compareWithTown', () => {
  const town = [
    summary({ code: 'a', funds: 300n, projects: 2, talent: 5, income: { '2021-08': 10n, '2021-09': 40n } }),
    summary({ code: 'b', funds: 100n, projects: 1, talent: 5, income: { '2021-09': 20n } }),
    summary({ code: 'c', funds: 300n, projects: 0, talent: 1, income: { '2021-08': 99n } }),
  ];

  test("ranks the village's funds among its town's, ties sharing a place", () => {
    expect(measure(compareWithTown('a', town).measures, 'funds')).toMatchObject({ value: 300n, rank: 1, of: 3 });
    expect(measure(compareWithTown('c', town).measures, 'funds')).toMatchObject({ value: 300n, rank: 1, of: 3 });
    expect(measure(compareWithTown('b', town).measures, 'funds')).toMatchObject({ value: 100n, rank: 3, of: 3 });
  });

  test('averages money per village exactly, rounding half a fen up', () => {
    // (300 + 100 + 300) / 3 = 233.33… fen → 233
    expect(measure(compareWithTown('a', town).measures, 'funds').average).toBe(233n);
    const halves = [summary({ code: 'x', funds: 1n }), summary({ code: 'y', funds: 2n })];
    expect(measure(compareWithTown('x', halves).measures, 'funds').average).toBe(2n);
  });

  test('averages counts as fractions', () => {
    expect(measure(compareWithTown('a', town).measures, 'projects')).toMatchObject({ value: 2, average: 1, rank: 1 });
    expect(measure(compareWithTown('c', town).measures, 'talent')).toMatchObject({ value: 1, average: 11 / 3, rank: 3 });
  });

  test("compares income in the town's latest month and leaves out villages not reviewed then", () => {
    const result = compareWithTown('c', town);
    expect(result.month).toBe('2021-09');
    expect(measure(result.measures, 'income')).toMatchObject({ value: undefined, rank: undefined, of: 2, average: 30n });
    expect(measure(compareWithTown('a', town).measures, 'income')).toMatchObject({ value: 40n, rank: 1 });
  });

  test('refuses a village that is not among those compared', () => {
    expect(() => compareWithTown('z', town)).toThrow();
  });
});

/** The comparison as first written, one village at a time over all its siblings: what compareTown must agree with. */
function compareOneByOne(code: string, siblings: readonly PlaceSummary[]) {
  const month = siblings
    .flatMap((s) => s.monthly.map((m) => m.month))
    .sort()
    .at(-1);
  const rankOf = <V extends number | bigint>(value: V | undefined, values: readonly V[]) =>
    value === undefined ? undefined : 1 + values.filter((other) => other > value).length;
  const money = (value: (s: PlaceSummary) => bigint | undefined) => {
    const values = new Map(siblings.map((s) => [s.code, value(s)]));
    const present = [...values.values()].filter((v): v is bigint => v !== undefined);
    const n = BigInt(present.length);
    const own = values.get(code);
    return {
      value: own,
      average: n === 0n ? undefined : (2n * present.reduce((a, b) => a + b, 0n) + n) / (2n * n),
      rank: rankOf(own, present),
      of: present.length,
    };
  };
  const count = (value: (s: PlaceSummary) => number) => {
    const present = siblings.map(value);
    const own = value(siblings.find((s) => s.code === code)!);
    return {
      value: own,
      average: present.length === 0 ? undefined : present.reduce((a, b) => a + b, 0) / present.length,
      rank: rankOf(own, present),
      of: present.length,
    };
  };
  return {
    month,
    measures: [
      money((s) => s.fundsTotal),
      money((s) => s.investment),
      count((s) => s.projects.length),
      count((s) => s.talentByKind.reduce((sum, k) => sum + k.value, 0)),
      money((s) => s.monthly.find((m) => m.month === month)?.collective_income_yuan),
    ],
  };
}

describe('compareTown', () => {
  test('compares every village of a town at once as comparing each on its own would', () => {
    const month = fc.constantFrom('2021-08', '2021-09', '2021-10');
    const village = fc.record({
      funds: fc.bigInt({ min: 0n, max: 5n }),
      investment: fc.bigInt({ min: 0n, max: 3n }),
      projects: fc.integer({ min: 0, max: 3 }),
      talent: fc.integer({ min: 0, max: 3 }),
      income: fc.dictionary(month, fc.bigInt({ min: 0n, max: 4n }), { maxKeys: 3 }),
    });
    fc.assert(
      fc.property(fc.array(village, { minLength: 1, maxLength: 12 }), (villages) => {
        const town = villages.map((v, index) => summary({ code: `v${index}`, ...v }));
        const all = compareTown(town);
        for (const { code } of town) {
          const { month, measures } = all.get(code)!;
          const expected = compareOneByOne(code, town);
          expect(month).toEqual(expected.month);
          expect(measures.map(({ value, average, rank, of }) => ({ value, average, rank, of }))).toEqual(expected.measures);
        }
      }),
      propertyRuns(200),
    );
  });
});
