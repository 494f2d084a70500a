import fc from 'fast-check';
import { propertyRuns } from '../support/propertyRuns.ts';
import { describe, expect, it } from 'vitest';
import { formatHundredths, parseHundredthsText } from '../../src/format/money.ts';

describe('formatHundredths and parseHundredthsText', () => {
  it.each<[bigint, string]>([
    [0n, '0'],
    [1n, '0.01'],
    [5n, '0.05'],
    [50n, '0.5'],
    [100n, '1'],
    [123_450n, '1234.5'],
    [123_405n, '1234.05'],
    [37_000_000_000n, '370000000'],
    [-250n, '-2.5'],
    [-123_450n, '-1234.5'],
    [9_007_199_254_740_993n, '90071992547409.93'],
  ])('writes %s hundredths as %s and reads it back', (value, text) => {
    expect(formatHundredths(value)).toBe(text);
    expect(parseHundredthsText(text)).toBe(value);
  });

  it('writes a figure that could not be computed as a dash', () => {
    expect(formatHundredths(undefined)).toBe('—');
  });

  it('reads back whatever it writes, with no trailing zero in the fraction', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), (value) => {
        const text = formatHundredths(value);
        expect(text).not.toMatch(/\.\d*0$/);
        expect(parseHundredthsText(text)).toBe(value);
      }),
      propertyRuns(),
    );
  });

  it('refuses text it never writes', () => {
    for (const text of ['', '1.234', '1,234', '.5', '1.', '+1', '1e3']) expect(() => parseHundredthsText(text)).toThrow(RangeError);
  });
});
