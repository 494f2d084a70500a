import { describe, expect, test } from 'vitest';
import { buildLegends } from '../../../src/derive/map/legends.ts';
import { STAGE_KEYS } from '../../../src/model/vocabulary.ts';

describe('buildLegends', () => {
  test('lists every stage and sector in vocabulary order, then "none" left for the dictionary to name', () => {
    const legends = buildLegends([], 'en');
    expect(legends.stage.map((e) => e.key)).toEqual([...STAGE_KEYS, 'none']);
    expect(legends.stage.at(-1)).toMatchObject({ className: 'stage-none', label: null });
    expect(legends.sector.find((e) => e.key === 'farming')).toMatchObject({ className: 'sector-farming', label: 'farming' });
    expect(buildLegends([], 'zh-CN').sector.find((e) => e.key === 'farming')?.label).toBe('农');
  });

  test('has only the no-funds band when no village has money, and bands bounded by exact yuan otherwise', () => {
    expect(buildLegends([0n, 0n], 'zh-CN').funds).toEqual([expect.objectContaining({ key: 0, none: true })]);
    const bands = buildLegends([0n, 100_00n, 300_00n, 500_00n, 700_00n, 900_00n], 'zh-CN').funds;
    expect(bands.map((b) => [b.minYuan, b.maxYuan])).toEqual([
      [null, null],
      [null, '300'],
      ['300', '500'],
      ['500', '700'],
      ['700', null],
    ]);
  });
});
