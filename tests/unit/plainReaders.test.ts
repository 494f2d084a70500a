/**
 * The plain readers are a shortcut for what most cells hold; the full grammar must always agree with
 * them. A leading space keeps a text off the shortcut (no plain form starts with one) while the full
 * grammar trims it, so `parse(' ' + text)` is the full grammar's reading of `text`.
 */
import fc from 'fast-check';
import { propertyRuns } from '../support/propertyRuns.ts';
import { describe, expect, it } from 'vitest';
import {
  parseDate,
  parseDecimal,
  parseInteger,
  parseMoney,
  parseMonth,
  parseNumber,
  readPlainDate,
  readPlainHundredths,
  readPlainInteger,
  readPlainMonth,
  readPlainNumber,
  type Parsed,
} from '../../src/read/coerce.ts';

const fully = <T>(parse: (text: string) => Parsed<T>, text: string): Parsed<T> => parse(` ${text}`);

// Texts near the plain forms: digits, separators, points, signs, scales, and a few things that are not.
const nearNumber = fc
  .array(fc.constantFrom('0', '1', '2', '5', '9', ',', '.', '-', '+', '万', '亿', '元', '¥', '１', ' ', 'e', '/', '年', '月', '日'), { maxLength: 20 })
  .map((parts) => parts.join(''));
// Texts in the plain forms themselves, so each reader has something to read: 4520000, 4,520,000, 12.5, 470万.
const plainNumber = fc
  .tuple(fc.nat({ max: 999_999_999 }), fc.constantFrom('', 'grouped', '.5', '.05', '.50', '万', '亿', '万元'))
  .map(([n, form]) => (form === 'grouped' ? n.toLocaleString('en-US') : `${n}${form}`));
// Runs of 1 to 18 digits, leading zeros too: past the digits a double holds exactly, they are left to the full grammar.
const plainInteger = fc
  .integer({ min: 1, max: 18 })
  .chain((length) => fc.bigInt({ min: 0n, max: 10n ** BigInt(length) - 1n }).map((n) => n.toString().padStart(length, '0')));
const digits = (min: number, max: number) => fc.integer({ min, max }).map(String);
const nearDate = fc.tuple(digits(0, 2999), digits(0, 13), digits(0, 32), fc.constantFrom('-', '/', '.'), fc.boolean()).map(([y, m, d, sep, pad]) => {
  const p = (s: string, n: number) => (pad ? s.padStart(n, '0') : s);
  return `${p(y, 4)}${sep}${p(m, 2)}${sep}${p(d, 2)}`;
});
// Real calendar days as ISO dates, years 0001–2999 (0999 keeps its zero).
const plainDate = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const nearMonth = fc
  .tuple(digits(0, 2999), digits(0, 13), fc.boolean())
  .map(([y, m, pad]) => `${pad ? y.padStart(4, '0') : y}-${pad ? m.padStart(2, '0') : m}`);

type Case = [name: string, plain: (text: string) => unknown, full: (text: string) => Parsed<unknown>, texts: fc.Arbitrary<string>];

describe('plain readers agree with the full grammar', () => {
  it.each<Case>([
    ['readPlainHundredths as money', readPlainHundredths, parseMoney, fc.oneof(nearNumber, plainNumber, fc.string())],
    ['readPlainHundredths as a decimal', readPlainHundredths, parseDecimal, fc.oneof(nearNumber, plainNumber, fc.string())],
    ['readPlainInteger', readPlainInteger, parseInteger, fc.oneof(nearNumber, plainNumber, plainInteger, fc.string())],
    ['readPlainNumber', readPlainNumber, parseNumber, fc.oneof(nearNumber, plainNumber, fc.double({ noNaN: true }).map(String), fc.string())],
    ['readPlainDate', readPlainDate, parseDate, fc.oneof(nearDate, plainDate, fc.string())],
    ['readPlainMonth', readPlainMonth, parseMonth, fc.oneof(nearMonth, fc.string())],
  ])('%s reads a text as the full grammar does, or leaves it to the full grammar', (name, plain, full, texts) => {
    let read = 0;
    const runs = propertyRuns(3000);
    fc.assert(
      fc.property(texts, (text) => {
        const value = plain(text);
        if (value === undefined) return;
        read += 1;
        expect(fully(full, text)).toEqual({ ok: true, value });
      }),
      runs,
    );
    // A reader that leaves every text to the full grammar would agree vacuously: it must read a fair
    // share of the texts (each reader reads 15–40 % of its texts with this seed).
    expect(read, `texts ${name} read of ${runs.numRuns}`).toBeGreaterThan(runs.numRuns / 10);
  });

  it.each<[string, bigint | undefined]>([
    ['4520000', 452_000_000n],
    ['4,520,000', 452_000_000n],
    ['4520000.50', 452_000_050n],
    ['470万', 470_000_000n],
    ['1.5亿', 15_000_000_000n],
    ['80万元', 80_000_000n],
    // Left to the full grammar, which reads or refuses them with its reasons.
    ['４５２', undefined],
    ['-5', undefined],
    ['1,23', undefined],
    ['12.345', undefined],
    ['1234567890123456', undefined],
    ['', undefined],
  ])('readPlainHundredths(%j) is %s', (text, expected) => {
    expect(readPlainHundredths(text)).toBe(expected);
  });

  it.each<[string, string | undefined]>([
    ['2021-10-14', '2021-10-14'],
    ['2020-02-29', '2020-02-29'],
    ['2021-02-29', undefined],
    ['2021-13-01', undefined],
    ['2021/10/14', undefined],
    ['2021-1-5', undefined],
  ])('readPlainDate(%j) is %s', (text, expected) => {
    expect(readPlainDate(text)).toBe(expected);
  });
});
