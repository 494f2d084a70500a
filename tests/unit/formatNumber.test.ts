import fc from 'fast-check';
import { propertyRuns } from '../support/propertyRuns.ts';
import { describe, expect, test } from 'vitest';
import { formatCount, formatDate, formatMonth, formatPercent, formatYuan, isShortYuanExact } from '../../src/format/formatNumber.ts';
import { parseHundredthsText } from '../../src/format/money.ts';
import { parseMoney } from '../../src/read/coerce.ts';

/** Fen from a yuan amount written as a decimal string, so the test never goes through a float. */
const fen = parseHundredthsText;

describe('formatYuan, zh-CN short form', () => {
  test.each([
    ['0', '0元'],
    ['0.01', '0.01元'],
    ['1234.5', '1,234.50元'],
    ['9999.99', '9,999.99元'],
    ['10000', '1万元'],
    ['12345', '约1.23万元'],
    ['12345.67', '约1.23万元'],
    ['800000', '80万元'],
    ['26000000', '2600万元'],
    ['99990000', '9999万元'],
    ['99995000', '约1亿元'],
    ['100000000', '1亿元'],
    ['370000000', '3.7亿元'],
    ['1234500000', '约12.3亿元'],
    ['1000000000000', '1万亿元'],
  ])('prints %s yuan as %s', (yuan, expected) => {
    expect(formatYuan(fen(yuan), 'zh-CN')).toBe(expected);
  });

  test('puts the sign of a negative difference after 约', () => {
    expect(formatYuan(-fen('800000'), 'zh-CN')).toBe('-80万元');
    expect(formatYuan(-fen('12345'), 'zh-CN')).toBe('约-1.23万元');
  });
});

describe('formatYuan, en short form', () => {
  test.each([
    ['0', 'CNY 0'],
    ['0.01', 'CNY 0.01'],
    ['1234.5', 'CNY 1,234.50'],
    ['12345.67', 'CNY 12,345.67'],
    ['800000', 'CNY 800,000'],
    ['999999.99', 'CNY 999,999.99'],
    ['1000000', 'CNY 1 million'],
    ['26000000', 'CNY 26 million'],
    ['370000000', 'CNY 370 million'],
    ['999600000', 'about CNY 1 billion'],
    ['1200000000', 'CNY 1.2 billion'],
    ['1234567890', 'about CNY 1.23 billion'],
  ])('prints %s yuan as %s', (yuan, expected) => {
    expect(formatYuan(fen(yuan), 'en')).toBe(expected);
  });
});

describe('formatYuan, precise, beyond a float', () => {
  test('groups any amount exactly: the precise text reads back as the same fen', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 22n }), (fen) => {
        const text = formatYuan(fen, 'zh-CN', { precise: true });
        expect(text).toMatch(/^\d{1,3}(,\d{3})*(\.\d\d)?元$/);
        expect(parseMoney(text)).toEqual({ ok: true, value: fen });
      }),
      propertyRuns(),
    );
  });
});

describe('formatYuan, precise', () => {
  test.each([
    ['370000000', '370,000,000元', 'CNY 370,000,000'],
    ['1234.5', '1,234.50元', 'CNY 1,234.50'],
    ['12345.67', '12,345.67元', 'CNY 12,345.67'],
    ['0.01', '0.01元', 'CNY 0.01'],
    ['0', '0元', 'CNY 0'],
  ])('prints %s yuan exactly as %s / %s', (yuan, zh, en) => {
    expect(formatYuan(fen(yuan), 'zh-CN', { precise: true })).toBe(zh);
    expect(formatYuan(fen(yuan), 'en', { precise: true })).toBe(en);
  });

  test('keeps every fen of an amount far beyond 2^53 fen', () => {
    expect(formatYuan(123456789012345678901n, 'zh-CN', { precise: true })).toBe('1,234,567,890,123,456,789.01元');
  });
});

/** Reads a printed amount back into fen; an independent parser, not the formatter run backwards. */
function readBack(text: string): { fen: bigint; approximate: boolean } {
  const approximate = /^(约|about )/.test(text);
  const match = /^(?:约|about )?(?:CNY )?(-?)([\d,]+)(?:\.(\d+))? ?(万亿|亿|万|trillion|billion|million)?元?$/.exec(text);
  if (match === null) throw new Error(`Unreadable: ${text}`);
  const [, sign, whole, fraction = '', unit] = match;
  const yuanPerUnit = { 万亿: 10n ** 12n, 亿: 10n ** 8n, 万: 10n ** 4n, trillion: 10n ** 12n, billion: 10n ** 9n, million: 10n ** 6n }[unit ?? ''] ?? 1n;
  const digits = BigInt(whole!.replaceAll(',', '') + fraction);
  const value = (digits * yuanPerUnit * 100n) / 10n ** BigInt(fraction.length);
  return { fen: sign === '-' ? -value : value, approximate };
}

describe('formatYuan, properties', () => {
  const amounts = fc.bigInt({ min: 0n, max: 10n ** 16n });

  test('the precise form reads back to the very same fen', () => {
    fc.assert(
      fc.property(amounts, fc.constantFrom('zh-CN' as const, 'en' as const), (amount, locale) => {
        expect(readBack(formatYuan(amount, locale, { precise: true }))).toEqual({ fen: amount, approximate: false });
      }),
      propertyRuns(),
    );
  });

  test('the short form says 约/about exactly when it is not the exact amount, and is off by under 0.5%', () => {
    fc.assert(
      fc.property(amounts, fc.constantFrom('zh-CN' as const, 'en' as const), (amount, locale) => {
        const shown = readBack(formatYuan(amount, locale));
        expect(shown.approximate).toBe(shown.fen !== amount);
        expect(isShortYuanExact(amount, locale)).toBe(!shown.approximate);
        const error = shown.fen > amount ? shown.fen - amount : amount - shown.fen;
        expect(error * 200n <= amount).toBe(true);
      }),
      propertyRuns(),
    );
  });
});

describe('formatCount', () => {
  test.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1234, '1,234'],
    [1234567, '1,234,567'],
    [-1234, '-1,234'],
    [2.5, '2.5'],
  ])('prints %d as %s in both languages', (n, expected) => {
    expect(formatCount(n, 'zh-CN')).toBe(expected);
    expect(formatCount(n, 'en')).toBe(expected);
  });

  test('refuses a number that is not finite', () => {
    expect(() => formatCount(Number.NaN, 'en')).toThrow(RangeError);
  });
});

describe('formatPercent', () => {
  test.each([
    [0, '0%'],
    [1, '100%'],
    [0.5, '50%'],
    [0.4567, '45.7%'],
    [1.5, '150%'],
    [0.0004, '<0.1%'],
    [0.9996, '>99.9%'],
  ])('prints the ratio %d as %s', (ratio, expected) => {
    expect(formatPercent(ratio, 'zh-CN')).toBe(expected);
    expect(formatPercent(ratio, 'en')).toBe(expected);
  });
});

describe('formatDate and formatMonth', () => {
  test.each([
    ['2021-10-14', '2021年10月14日', '14 Oct 2021'],
    ['2021-01-01', '2021年1月1日', '1 Jan 2021'],
    ['2020-02-29', '2020年2月29日', '29 Feb 2020'],
    ['2021-12-31', '2021年12月31日', '31 Dec 2021'],
  ])('prints %s as %s / %s', (date, zh, en) => {
    expect(formatDate(date, 'zh-CN')).toBe(zh);
    expect(formatDate(date, 'en')).toBe(en);
  });

  test.each([
    ['2021-09', '2021年9月', 'Sep 2021'],
    ['2021-12', '2021年12月', 'Dec 2021'],
  ])('prints the month %s as %s / %s', (month, zh, en) => {
    expect(formatMonth(month, 'zh-CN')).toBe(zh);
    expect(formatMonth(month, 'en')).toBe(en);
  });

  test.each(['2021-02-29', '2021-13-01', '2021-1-1', '14/10/2021', ''])('refuses the date %j', (text) => {
    expect(() => formatDate(text, 'en')).toThrow(RangeError);
  });

  test.each(['2021-00', '2021-13', '2021-9', '2021-09-01'])('refuses the month %j', (text) => {
    expect(() => formatMonth(text, 'zh-CN')).toThrow(RangeError);
  });
});
