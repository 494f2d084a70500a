import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../../src/read/loadDataset.ts';
import { latestTalent } from '../../src/read/reconcile.ts';
import { judgeFigure } from '../../src/model/vocabulary.ts';

describe('judgeFigure', () => {
  it.each([
    ['exact', 100n, 100n, 'matches'],
    ['exact', 100n, 101n, 'differs'],
    ['exact', 100n, 99n, 'differs'],
    ['at-least', 80000n, 81200n, 'at-least'],
    ['at-least', 80000n, 80000n, 'matches'],
    ['at-least', 80000n, 79900n, 'differs'],
    ['exact', 100n, undefined, 'not-computed'],
    ['at-least', 800, 812, 'at-least'],
    ['exact', 254, 250, 'differs'],
  ] as const)('a %s figure of %s computed as %s %s', (qualifier, reported, computed, status) => {
    expect(judgeFigure<bigint | number>(qualifier, reported, computed)).toBe(status);
  });
});

describe('latestTalent', () => {
  it('keeps the latest count of each place and kind', () => {
    const rows = [
      { place_code: '150627101225', kind: 'commissioner', count: 1, as_of: '2021-01-01', row: 2 },
      { place_code: '150627101225', kind: 'commissioner', count: 3, as_of: '2021-06-01', row: 3 },
      { place_code: '150627101225', kind: 'resident_cadre', count: 2, as_of: '2021-01-01', row: 4 },
    ] as const;
    const latest = latestTalent(rows.map((r) => ({ ...r })));
    expect(latest.map((r) => r.row).sort()).toEqual([3, 4]);
  });
});

describe('a reported figure is computed at its own scope', () => {
  const ROOT = join(import.meta.dirname, '..', '..');
  const readDir = (dir: string) =>
    new Map(
      readdirSync(dir)
        .filter((name) => name.endsWith('.csv'))
        .map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))]),
    );
  const PARK_VILLAGE = '150627101225';

  /** The region fixture (a copy of the default data) with an unrelated 1,200万 solar project added to the park's village. */
  function withSolarProject(): Map<string, Uint8Array> {
    const files = readDir(join(ROOT, 'tests', 'fixtures', 'region'));
    const projects = new TextDecoder().decode(files.get('projects.csv'));
    const solar = `P9999,${PARK_VILLAGE},光伏发电站,工,12000000,500000,在建,2021-05-01,示意,`;
    files.set('projects.csv', new TextEncoder().encode(`${projects.trimEnd()}\n${solar}\n`));
    return files;
  }

  const parkFigures = (files: Map<string, Uint8Array>) =>
    loadDataset(files).report.reconciliation.filter((r) => r.scopeCode === PARK_VILLAGE && r.projectId !== undefined);

  it("keeps the park's 2600万 and 80万 when another project is added to its village", () => {
    const before = parkFigures(readDir(join(ROOT, 'tests', 'fixtures', 'region')));
    const after = parkFigures(withSolarProject());
    expect(before.map((r) => r.key).sort()).toEqual(['projects_expected_annual_net_income_yuan', 'projects_investment_yuan']);
    for (const figures of [before, after]) {
      const byKey = new Map(figures.map((r) => [r.key, r]));
      expect(byKey.get('projects_investment_yuan')).toMatchObject({ computed: 2_600_000_000n, status: 'matches' });
      expect(byKey.get('projects_expected_annual_net_income_yuan')).toMatchObject({ computed: 80_000_000n, status: 'matches' });
      // The trail names the park's own row and no other.
      expect(byKey.get('projects_investment_yuan')!.sources).toEqual([{ file: 'projects.csv', rows: [2] }]);
    }
  });

  it('still adds up the whole village when a figure names no project', () => {
    const files = withSolarProject();
    const reported = new TextDecoder().decode(files.get('reported.csv'));
    // The same figure without its project id: now it is about the whole village, and says so by its sum.
    files.set('reported.csv', new TextEncoder().encode(reported.replace(`${PARK_VILLAGE},P0001,`, `${PARK_VILLAGE},,`)));
    const figure = loadDataset(files).report.reconciliation.find((r) => r.key === 'projects_investment_yuan' && r.scopeCode === PARK_VILLAGE);
    expect(figure).toMatchObject({ computed: 3_800_000_000n, status: 'at-least' });
    expect(figure?.projectId).toBeUndefined();
  });

  it('adds up one category when a figure names one', () => {
    const files = readDir(join(ROOT, 'tests', 'fixtures', 'small'));
    const funds = new TextDecoder().decode(files.get('funds.csv'));
    const reported = new TextDecoder().decode(files.get('reported.csv'));
    const government = loadDataset(files).records.funds.filter((f) => f.source_kind === 'government');
    expect(government.length).toBeGreaterThan(0);
    expect(funds).toContain('财政资金');
    files.set(
      'reported.csv',
      new TextEncoder().encode(`${reported.trimEnd()}\nfunds_yuan,财政资金,government funds,150627,1,准确值,元,2021-10-14,测试,测试,2021-10-14,,x,,财政\n`),
    );
    const figure = loadDataset(files).report.reconciliation.find((r) => r.key === 'funds_yuan' && r.category !== undefined);
    expect(figure).toMatchObject({ category: 'government', computed: government.reduce((sum, f) => sum + f.amount_yuan, 0n) });
    expect(figure!.sources[0]!.rows).toEqual(government.map((f) => f.row));
  });

  it.each([
    [
      'a project for a key not counted from projects or funds',
      'villages,嘎查村,villages,150627,3,准确值,个,2021-10-14,测试,测试,2021-10-14,,x,P1,',
      'project_id',
      'P1',
    ],
    [
      'a category for a key without categories',
      'commissioners,科技特派员,x,150627,2,以上,名,2021-10-14,测试,测试,2021-10-14,,x,,财政资金',
      'category',
      '财政资金',
    ],
    ['a category outside the key’s vocabulary', 'funds_yuan,帮扶资金,x,150627,1,准确值,元,2021-10-14,测试,测试,2021-10-14,,x,,嘎查', 'category', '嘎查'],
  ])('rejects %s, naming the cell', (_name, line, column, value) => {
    const files = readDir(join(ROOT, 'tests', 'fixtures', 'small'));
    const reported = new TextDecoder().decode(files.get('reported.csv'));
    files.set('reported.csv', new TextEncoder().encode(`${reported.trimEnd()}\n${line}\n`));
    const { report } = loadDataset(files);
    expect(report.ok).toBe(false);
    const problem = report.problems.find((p) => p.rule === 'reported-scope');
    expect(problem).toMatchObject({ severity: 'error', file: 'reported.csv', row: 7, column, value });
    expect(problem!.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(problem!.message.en.replace(value, '')).toMatch(/^[\x20-\x7e“”’]+$/);
    // A rejected figure is not reconciled at some other scope.
    expect(report.reconciliation.some((r) => r.reportedRow === 7)).toBe(false);
  });
});
