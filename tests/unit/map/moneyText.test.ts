import { describe, expect, test } from 'vitest';
import { fenToYuanString, yuanStringToFen } from '../../../src/derive/map/moneyText.ts';

describe('money as text', () => {
  test.each([
    [0n, '0'],
    [1n, '0.01'],
    [123_450n, '1234.5'],
    [37_000_000_000n, '370000000'],
    [-250n, '-2.5'],
    [9_007_199_254_740_993n, '90071992547409.93'],
  ])('writes %s fen as %s yuan and reads it back', (fen, yuan) => {
    expect(fenToYuanString(fen)).toBe(yuan);
    expect(yuanStringToFen(yuan)).toBe(fen);
  });
});
