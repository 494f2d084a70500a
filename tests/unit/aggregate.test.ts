import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPlaceTree, fundsByChild, fundsOverTime, summarizePlace, talentByPlace } from '../../src/derive/aggregate.ts';
import { loadDataset } from '../../src/read/loadDataset.ts';

const dir = join(import.meta.dirname, '..', 'fixtures', 'small');
const files = new Map(readdirSync(dir).map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))]));
const { records } = loadDataset(files);

describe('buildPlaceTree', () => {
  const tree = buildPlaceTree(records);

  it('links every place to its parent by code prefix, at any depth', () => {
    expect(tree.regionCode).toBe('150627');
    expect(tree.places.get('150627')?.childCodes).toEqual(['150627101', '150627102']);
    expect(tree.places.get('150627101')?.childCodes).toEqual(['150627101212', '150627101225']);
    expect(tree.places.get('150627101225')?.ancestorCodes).toEqual(['15', '1506', '150627', '150627101']);
    expect(tree.places.get('150627')?.villageCodes).toHaveLength(3);
  });
});

describe('summarizePlace', () => {
  it('rolls funds up from villages to towns to the region, exactly', () => {
    expect(summarizePlace(records, '150627').fundsTotal).toBe(3020_0000_00n);
    expect(summarizePlace(records, '150627101').fundsTotal).toBe(2720_0000_00n);
    expect(summarizePlace(records, '150627101225').fundsTotal).toBe(2600_0000_00n);
  });

  it('counts projects by sector and stage, listing every sector even at zero', () => {
    const summary = summarizePlace(records, '150627');
    expect(summary.projectsBySector).toEqual([
      { key: 'farming', value: 0 },
      { key: 'industry', value: 1 },
      { key: 'commerce', value: 1 },
      { key: 'herding', value: 1 },
    ]);
    expect(summary.projectsByStage.find((s) => s.key === 'preliminary')?.value).toBe(1);
  });

  it('adds talent of the town itself and of its villages', () => {
    const town = summarizePlace(records, '150627101');
    expect(town.talentByKind.find((t) => t.key === 'graduate')?.value).toBe(5);
    expect(town.talentByKind.find((t) => t.key === 'commissioner')?.value).toBe(2);
  });

  it('gives a village its latest monthly stage', () => {
    expect(summarizePlace(records, '150627102200').latestStage).toBe('construction');
    expect(summarizePlace(records, '150627').latestStage).toBeUndefined();
  });
});

describe('fundsByChild and fundsOverTime', () => {
  it('splits a place’s funds by child and source kind', () => {
    const tree = buildPlaceTree(records);
    const children = fundsByChild(records, tree.places.get('150627')!);
    expect(children.map((c) => [c.code, c.total])).toEqual([
      ['150627101', 2720_0000_00n],
      ['150627102', 300_0000_00n],
    ]);
    expect(children[0]!.bySource.find((s) => s.key === 'paired_enterprise')?.value).toBe(2000_0000_00n);
  });

  it('accumulates funds month by month', () => {
    const points = fundsOverTime(records.funds);
    expect(points.map((p) => p.month)).toEqual(['2020-05', '2021-04', '2021-07', '2021-08']);
    expect(points.at(-1)?.cumulative).toBe(3020_0000_00n);
  });
});

describe('talentByPlace', () => {
  it('gives each place with talent counted at it its counts by kind and in all, in code order', () => {
    const rows = talentByPlace(summarizePlace(records, '150627').talent);
    expect(rows.map((row) => [row.code, row.total])).toEqual([
      ['150627101', 5],
      ['150627101212', 1],
      ['150627101225', 1],
      ['150627102200', 2],
    ]);
    expect(rows[0]!.byKind.find((kind) => kind.key === 'graduate')).toEqual({ key: 'graduate', value: 5 });
    expect(rows[3]!.byKind.map((kind) => kind.value)).toEqual([0, 0, 0, 0, 0, 2]);
  });
});
