import { describe, expect, test } from 'vitest';
import { dataFigures, figuresOf, frameFigures } from '../../src/derive/programmeFrame.ts';
import type { Reconciliation } from '../../src/read/reconcile.ts';
import { anyIllustrative, sourcesIllustrative, toRowRanges } from '../../src/derive/provenance.ts';
import type { Records } from '../../src/read/tables.ts';

const figure = (key: string, scopeCode = '150627'): Reconciliation => ({
  key,
  scopeCode,
  label: { zh: key, en: key },
  unit: '个',
  qualifier: 'exact',
  reported: 100n,
  computed: 100n,
  difference: 0n,
  status: 'matches',
  sources: [],
  reportedRow: 2,
});

describe('frameFigures', () => {
  const all = ['villages', 'funds_yuan', 'commissioners', 'projects', 'paired_enterprises', 'area_km2', 'paired_units'].map((k) => figure(k));

  test('sorts reported figures into the five parts, in the order the article gives them', () => {
    const framed = frameFigures(all, '150627');
    expect(framed.pillars.map((p) => [p.pillar, p.figures.map((f) => f.key)])).toEqual([
      ['projects', ['projects', 'funds_yuan']],
      ['talent', ['commissioners']],
      ['units', ['paired_units']],
      ['enterprises', ['paired_enterprises']],
      ['monthly', []],
    ]);
  });

  test('keeps figures of no part as the overview, so none is dropped', () => {
    expect(frameFigures(all, '150627').overview.map((f) => f.key)).toEqual(['villages', 'area_km2']);
  });

  test('takes only the figures reported for the place asked about', () => {
    const framed = frameFigures([...all, figure('projects_investment_yuan', '150627101225')], '150627101225');
    expect(framed.pillars[0]!.figures.map((f) => f.key)).toEqual(['projects_investment_yuan']);
    expect(framed.overview).toEqual([]);
  });
});

describe('provenance', () => {
  const records = {
    funds: [{ row: 2, provenance: 'official' }, { row: 3, provenance: 'illustrative' }, { row: 4 }],
    villages: [{ row: 2 }],
  } as unknown as Records;

  test('calls a figure illustrative when any row it was added up from is', () => {
    expect(sourcesIllustrative(records, [{ file: 'funds.csv', rows: [2, 3] }])).toBe(true);
  });

  test('calls a figure from official or blank-provenance rows official', () => {
    expect(sourcesIllustrative(records, [{ file: 'funds.csv', rows: [2, 4] }])).toBe(false);
    expect(sourcesIllustrative(records, [{ file: 'villages.csv', rows: [2] }])).toBe(false);
    expect(sourcesIllustrative(records, [])).toBe(false);
  });

  test('finds an illustrative row among others', () => {
    expect(anyIllustrative([{}, { provenance: 'illustrative' }])).toBe(true);
    expect(anyIllustrative([{}, { provenance: 'official' }])).toBe(false);
  });

  test('turns rows into runs for citing', () => {
    expect(toRowRanges([7, 2, 3, 4, 4, 9, 10])).toEqual([
      [2, 4],
      [7, 7],
      [9, 10],
    ]);
    expect(toRowRanges([])).toEqual([]);
  });
});

describe('dataFigures', () => {
  const summary = {
    investment: 500n,
    expectedIncome: 50n,
    projects: [{ provenance: 'official' }],
    talent: [{ provenance: 'illustrative' }],
    talentByKind: [
      { key: 'graduate', value: 3 },
      { key: 'veteran', value: 4 },
    ],
    pairings: [{ enterprise_name: 'A', provenance: 'illustrative' }, { enterprise_name: undefined }],
    funds: [{ provenance: 'official' }],
    fundsBySource: [
      { key: 'government', value: 7n },
      { key: 'paired_enterprise', value: 9n },
    ],
    incomeByMonth: [
      { month: '2021-08', income: 1n, villages: 1 },
      { month: '2021-09', income: 30n, villages: 2 },
    ],
    monthly: [{ month: '2021-08', provenance: 'illustrative' }, { month: '2021-09' }, { month: '2021-09' }],
  } as unknown as Parameters<typeof dataFigures>[0];
  const figures = dataFigures(summary);

  test('adds up talent of every kind', () => {
    expect(figures.talent).toEqual([{ key: 'talentTotal', value: { kind: 'count', count: 7 }, illustrative: true, rows: 'talent.csv' }]);
  });

  test('counts villages with a paired unit and those with a paired enterprise apart', () => {
    expect(figures.units[0]!.value).toEqual({ kind: 'count', count: 2 });
    expect(figures.enterprises[0]!.value).toEqual({ kind: 'count', count: 1 });
  });

  test("takes the enterprises' money from the paired-enterprise source only", () => {
    expect(figures.enterprises[1]).toEqual({ key: 'enterpriseFunds', value: { kind: 'money', fen: 9n }, illustrative: false, rows: 'funds-enterprise' });
  });

  test('reports the latest review, judged illustrative by the rows of that month only', () => {
    expect(figures.monthly).toEqual([
      { key: 'latestMonth', value: { kind: 'month', month: '2021-09' }, illustrative: false, rows: 'monthly-latest' },
      { key: 'villagesReviewed', value: { kind: 'count', count: 2 }, illustrative: false, rows: 'monthly-latest' },
      { key: 'latestIncome', value: { kind: 'money', fen: 30n }, illustrative: false, rows: 'monthly-latest' },
    ]);
  });

  test('shows no monthly figures when there is no review', () => {
    expect(dataFigures({ ...summary, incomeByMonth: [], monthly: [] }).monthly).toEqual([]);
  });
});

describe('figuresOf', () => {
  test("finds the figures about exactly one place, in the report's order, grouping the report once", () => {
    const report = [figure('projects'), figure('villages', '150627101'), figure('funds_yuan'), figure('projects', '150627101225')];
    expect(figuresOf(report, '150627').map((f) => f.key)).toEqual(['projects', 'funds_yuan']);
    expect(figuresOf(report, '150627101').map((f) => f.key)).toEqual(['villages']);
    expect(figuresOf(report, '15')).toEqual([]);
    expect(figuresOf(report, '150627')).toBe(figuresOf(report, '150627'));
    expect(figuresOf([...report], '150627')).not.toBe(figuresOf(report, '150627'));
  });
});
