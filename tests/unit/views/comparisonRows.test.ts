import { describe, expect, test } from 'vitest';
import { buildComparisonRows } from '../../../src/derive/views/comparisonRows.ts';
import type { Reconciliation } from '../../../src/read/reconcile.ts';

const figure = (key: string, unit: string, reported: bigint, computed: bigint | undefined, files: string[]): Reconciliation => ({
  key,
  scopeCode: '150627',
  label: { zh: key, en: key },
  unit,
  qualifier: 'exact',
  reported,
  computed,
  difference: computed === undefined ? undefined : computed - reported,
  status: computed === undefined ? 'not-computed' : computed === reported ? 'matches' : 'differs',
  sources: files.map((file) => ({ file, rows: [] })),
  reportedRow: 2,
});

describe('buildComparisonRows', () => {
  test('keeps money exact in fen, turns counts from hundredths into plain numbers, and lists each file once', () => {
    const { rows, files } = buildComparisonRows([
      figure('funds_yuan', '元', 37_000_000_000n, 37_000_000_000n, ['funds.csv']),
      figure('villages', '个', 13_800n, 13_800n, ['villages.csv', 'funds.csv']),
      figure('area', '平方公里', 560_000n, undefined, []),
    ]);
    expect(rows.map((r) => [r.key, r.kind, r.reported, r.computed])).toEqual([
      ['funds_yuan-150627', 'money', 37_000_000_000n, 37_000_000_000n],
      ['villages-150627', 'count', 138, 138],
      ['area-150627', 'count', 5600, null],
    ]);
    expect(files).toEqual(['funds.csv', 'villages.csv']);
  });
});
