import { describe, expect, it } from 'vitest';
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

describe('the reconciliation status has one vocabulary', () => {
  it('no module outside src/model/vocabulary.ts names its own statuses or judges a figure', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    // The twins this replaced: the chart's equal/within-bound/missing, and hand-written judgements.
    const twins = [/'within-bound'|'equal'|^\s*equal:|ComparisonStatus/m, /=== 'at-least' && computed/, /'matches' \| 'at-least'/];
    const offenders = ['src', 'scripts']
      .flatMap((folder) => readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|astro)$/.test(f)).map((f) => join(folder, f)))
      .filter((file) => file !== join('src', 'model', 'vocabulary.ts'))
      .filter((file) => twins.some((twin) => twin.test(readFileSync(file, 'utf8'))));
    expect(offenders).toEqual([]);
  });
});
