import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPlaceTree, fundsByChild, fundsOverTime, incomeByMonth, rowsWithin, summarizePlace, talentByPlace } from '../../src/derive/aggregate.ts';
import { isWithin } from '../../src/model/divisionCode.ts';
import { latestTalent } from '../../src/read/reconcile.ts';
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

describe('rowsWithin', () => {
  // The region fixture: the default data, 2 editions' worth of rows in many towns.
  const regionDir = join(import.meta.dirname, '..', 'fixtures', 'region');
  const region = loadDataset(
    new Map(
      readdirSync(regionDir, { withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => [e.name, new Uint8Array(readFileSync(join(regionDir, e.name)))]),
    ),
  ).records;
  const within = rowsWithin(region);
  const tree = buildPlaceTree(region);
  const codes = [...tree.places.keys()];

  it("finds each file's rows under every place, as filtering every row would", () => {
    expect(codes.length).toBeGreaterThan(100);
    for (const code of codes) {
      expect(within.divisions(code)).toEqual(region.divisions.filter((d) => isWithin(d.code, code)));
      expect(within.villages(code)).toEqual(region.villages.filter((v) => isWithin(v.village_code, code)));
      expect(within.projects(code)).toEqual(region.projects.filter((p) => isWithin(p.village_code, code)));
      expect(within.funds(code)).toEqual(region.funds.filter((f) => isWithin(f.village_code, code)));
      expect(within.talent(code)).toEqual(latestTalent(region.talent).filter((t) => isWithin(t.place_code, code)));
      expect(within.pairings(code)).toEqual(region.pairings.filter((p) => isWithin(p.village_code, code)));
      expect(within.monthly(code)).toEqual(region.monthly.filter((m) => isWithin(m.village_code, code)));
      expect(within.reported(code)).toEqual(region.reported.filter((r) => r.scope_code === code));
      expect(within.division(code)).toBe(region.divisions.find((d) => d.code === code));
    }
    expect(within.reported('150627').length).toBeGreaterThan(0);
  });

  it('is built once per set of records', () => {
    expect(rowsWithin(region)).toBe(within);
    expect(rowsWithin(records)).not.toBe(within);
  });

  it('gives each place its latest stage and its months as sorting every review would', () => {
    for (const code of codes.filter((c) => c.length === 12)) {
      const monthly = region.monthly.filter((m) => m.village_code === code);
      const latest = [...monthly].sort((a, b) => a.month.localeCompare(b.month)).at(-1);
      expect(summarizePlace(region, code).latestStage).toBe(latest?.stage);
    }
    const months = [...new Set(region.monthly.map((m) => m.month))].sort();
    expect(incomeByMonth(region.monthly).map((p) => [p.month, p.villages])).toEqual(
      months.map((month) => [month, region.monthly.filter((m) => m.month === month).length]),
    );
  });

  it('links each place to the places whose codes begin its own, as comparing every pair would', () => {
    const all = [...new Set([...region.divisions.map((d) => d.code), ...region.villages.map((v) => v.village_code)])].sort(
      (a, b) => a.length - b.length || a.localeCompare(b),
    );
    for (const [code, place] of tree.places) {
      expect(place.ancestorCodes).toEqual(all.filter((other) => other.length < code.length && isWithin(code, other)));
    }
  });
});
