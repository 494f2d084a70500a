import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { buildPlaceTree, summarizePlace, type PlaceSummary } from '../../src/derive/aggregate.ts';
import { chartDatasets, hasValues, type ChartDataset } from '../../src/derive/chartData.ts';
import { datasetToCsv } from '../../src/publish/datasetCsv.ts';
import { loadDataset } from '../../src/read/loadDataset.ts';

const dir = 'tests/fixtures/small';
const files = new Map(
  readdirSync(dir)
    .filter((n) => n.endsWith('.csv'))
    .map((n) => [n, new Uint8Array(readFileSync(join(dir, n)))] as const),
);
const { records } = loadDataset(files);
const tree = buildPlaceTree(records);
const summaries = new Map<string, PlaceSummary>();
const summaryOf = (code: string) => summaries.get(code) ?? summaries.set(code, summarizePlace(records, code)).get(code)!;
const datasetsOf = (code: string) => chartDatasets(tree.places.get(code)!, summaryOf, tree.places);
const byId = (datasets: ChartDataset[], id: string) => datasets.find((d) => d.id === id)!;

describe('chartDatasets', () => {
  test('gives the region a row per town in funds by child, adding up to all its funds', () => {
    const region = datasetsOf(tree.regionCode);
    const byChild = byId(region, 'funds-by-child');
    expect(byChild.rows.map((r) => r.key)).toEqual(tree.places.get(tree.regionCode)!.childCodes);
    const total = byChild.values.flat().reduce<bigint>((sum, v) => sum + (v as bigint), 0n);
    expect(total).toBe(records.funds.reduce((sum, f) => sum + f.amount_yuan, 0n));
  });

  test('labels places in Chinese and in English pinyin', () => {
    const row = byId(datasetsOf(tree.regionCode), 'funds-by-child').rows.find((r) => r.key === '150627101')!;
    expect(row.label).toEqual({ zh: '札萨克镇', en: 'Zhasake Town' });
  });

  test('gives a village no charts of children and no stage counts', () => {
    const ids = datasetsOf('150627101225').map((d) => d.id);
    expect(ids).not.toContain('funds-by-child');
    expect(ids).not.toContain('talent-by-child');
    expect(ids).not.toContain('stages-by-month');
    expect(ids).toContain('income-by-month');
  });

  test('counts projects by stage for the place only', () => {
    const stage = byId(datasetsOf('150627101225'), 'projects-by-stage');
    const expected = records.projects.filter((p) => p.village_code === '150627101225').length;
    expect(stage.values.flat().reduce<number>((a, b) => a + Number(b), 0)).toBe(expected);
  });

  test('says when a chart rests on illustrative rows and when it does not', () => {
    // In the fixture, 高勒庙村's one project is official and the others are illustrative.
    expect(byId(datasetsOf('150627101225'), 'projects-by-sector').illustrative).toBe(false);
    expect(byId(datasetsOf(tree.regionCode), 'projects-by-sector').illustrative).toBe(true);
  });
});

describe('datasetToCsv', () => {
  test('writes key, both labels and exact yuan per series', () => {
    const dataset: ChartDataset = {
      id: 'funds-by-source',
      kind: 'money',
      rowKind: 'term',
      rows: [{ key: 'government', label: { zh: '财政资金', en: 'government finance' } }],
      series: [{ key: 'amount_yuan', label: { zh: 'amount_yuan', en: 'amount_yuan' } }],
      values: [[123450n]],
      files: ['funds.csv'],
      illustrative: true,
    };
    const parsed = Papa.parse<string[]>(datasetToCsv(dataset).slice(1), { skipEmptyLines: true }).data;
    expect(parsed).toEqual([
      ['key', 'label_zh', 'label_en', 'amount_yuan'],
      ['government', '财政资金', 'government finance', '1234.5'],
    ]);
  });
});

describe('hasValues', () => {
  test('is false for a chart of zeros and true otherwise', () => {
    const base: Omit<ChartDataset, 'values'> = { id: 'talent-by-kind', kind: 'count', rowKind: 'term', rows: [], series: [], files: [], illustrative: false };
    expect(hasValues({ ...base, values: [[0], [0]] })).toBe(false);
    expect(hasValues({ ...base, values: [] })).toBe(false);
    expect(hasValues({ ...base, values: [[0], [3]] })).toBe(true);
  });
});
