import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import type { Reconciliation } from '../../src/read/reconcile.ts';
import { formatSources, reconciliationToCsv } from '../../src/publish/reconciliationCsv.ts';

const funds: Reconciliation = {
  key: 'funds_yuan',
  scopeCode: '150627',
  label: { zh: '落实帮扶资金', en: 'Funds, secured' },
  unit: '元',
  qualifier: 'exact',
  reported: 37_000_000_000n,
  computed: 37_000_000_050n,
  difference: 50n,
  status: 'differs',
  sources: [{ file: 'funds.csv', rows: [2, 3, 4, 9] }],
  reportedRow: 6,
};
const area: Reconciliation = {
  ...funds,
  key: 'area_km2',
  unit: '平方公里',
  qualifier: 'at-least',
  reported: 560_000n,
  computed: undefined,
  difference: undefined,
  status: 'not-computed',
  sources: [],
};

const park: Reconciliation = { ...funds, key: 'projects_investment_yuan', scopeCode: '150627101225', projectId: 'P0001', category: 'commerce' };

describe('reconciliationToCsv', () => {
  const rows = Papa.parse<string[]>(reconciliationToCsv([funds, area, park]).slice(1), { skipEmptyLines: true }).data;

  test('says what each figure is about: its place, and its project and category when it names them', () => {
    const [header, first, , third] = rows;
    const scope = (row: string[] | undefined) => ['scope_code', 'project_id', 'category'].map((name) => row![header!.indexOf(name)]);
    expect(scope(first)).toEqual(['150627', '', '']);
    expect(scope(third)).toEqual(['150627101225', 'P0001', 'commerce']);
  });

  test('gives reported, computed and difference exactly, in units', () => {
    const [header, first] = rows;
    const cell = (name: string) => first![header!.indexOf(name)];
    expect([cell('reported'), cell('computed'), cell('difference')]).toEqual(['370000000', '370000000.5', '0.5']);
    expect(cell('status')).toBe('不一致 differs');
  });

  test('leaves computed and difference empty for a figure the data does not cover', () => {
    const [header, , second] = rows;
    expect(second![header!.indexOf('computed')]).toBe('');
    expect(second![header!.indexOf('qualifier')]).toBe('以上');
  });

  test('cites the rows used as runs', () => {
    expect(formatSources(funds.sources)).toBe('funds.csv 2–4, 9');
    expect(formatSources([{ file: 'a.csv', rows: [] }])).toBe('');
    // At most so many ranges a file, then an ellipsis; a file within the limit is whole.
    const scattered = { file: 'funds.csv', rows: [2, 3, 5, 7, 8, 9, 12] };
    expect(formatSources([scattered], { maxRanges: 2 })).toBe('funds.csv 2–3, 5, …');
    expect(formatSources([scattered], { maxRanges: 2, more: (rows) => `(${rows} rows)` })).toBe('funds.csv 2–3, 5, … (7 rows)');
    expect(formatSources([scattered, { file: 'b.csv', rows: [4] }], { maxRanges: 4, more: () => 'never' })).toBe('funds.csv 2–3, 5, 7–9, 12; b.csv 4');
    expect(formatSources([scattered], { maxRanges: 4 })).toBe(formatSources([scattered]));
  });
});
