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
