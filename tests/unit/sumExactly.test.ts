import fc from 'fast-check';
import { propertyRuns } from '../support/propertyRuns.ts';
import { describe, expect, it } from 'vitest';
import { sumExactly } from '../../src/read/sumExactly.ts';

describe('sumExactly', () => {
  it('is the exact sum of any amounts, small, near 2^52 and 2^53, huge, or negative', () => {
    const amount = fc.oneof(
      fc.bigInt({ min: 0n, max: 10n ** 12n }),
      fc.bigInt({ min: 2n ** 52n - 1000n, max: 2n ** 53n + 1000n }),
      fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
    );
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 60 }), (amounts) => {
        expect(sumExactly(amounts)).toBe(amounts.reduce((sum, a) => sum + a, 0n));
      }),
      propertyRuns(2000),
    );
  });

  it('keeps every fen of many amounts whose total passes 2^53', () => {
    const amounts = Array.from({ length: 5000 }, (_, i) => 2n ** 50n + BigInt(i));
    expect(sumExactly(amounts)).toBe(5000n * 2n ** 50n + (4999n * 5000n) / 2n);
  });

  it('is zero for no amounts', () => {
    expect(sumExactly([])).toBe(0n);
  });
});
