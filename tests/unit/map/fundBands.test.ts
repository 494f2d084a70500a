import { describe, expect, test } from 'vitest';
import { fundsBin, fundsThresholds } from '../../../src/derive/map/fundBands.ts';

describe('funds bands', () => {
  test('puts no-funds villages in band 0 and splits the rest at rounded quartiles', () => {
    const fen = [0n, 100_00n, 200_00n, 300_00n, 400_00n, 500_00n, 600_00n, 700_00n, 800_00n];
    const limits = fundsThresholds(fen);
    expect(limits).toEqual([300_00n, 500_00n, 700_00n]);
    expect(fen.map((f) => fundsBin(f, limits))).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  test('rounds limits down to two significant digits', () => {
    expect(fundsThresholds([1_000_00n, 1_234_567_89n, 2_345_678_91n, 3_456_789_12n])).toEqual([1_200_000_00n, 2_300_000_00n, 3_400_000_00n]);
  });

  test('needs no limits when no village has funds, and one band when all have the same', () => {
    expect(fundsThresholds([0n, 0n])).toEqual([]);
    expect(fundsThresholds([500n, 500n, 500n])).toEqual([]);
  });
});
