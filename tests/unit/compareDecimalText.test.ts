import { describe, expect, test } from 'vitest';
import { compareDecimalText } from '../../src/client/compareDecimalText.ts';

describe('compareDecimalText', () => {
  test('orders amounts as numbers, not as text', () => {
    const amounts = ['26000000', '9', '1234.50', '1234.5', '100', '', '0.01', '1234.05'];
    expect([...amounts].sort(compareDecimalText)).toEqual(['', '0.01', '9', '100', '1234.05', '1234.50', '1234.5', '26000000']);
  });

  test('calls 1234.5 and 1234.50 equal', () => {
    expect(compareDecimalText('1234.5', '1234.50')).toBe(0);
  });

  test('stays exact beyond what a float holds', () => {
    expect(compareDecimalText('90071992547409930', '90071992547409931')).toBeLessThan(0);
  });

  test('ignores leading zeros', () => {
    expect(compareDecimalText('007', '7')).toBe(0);
  });
});
