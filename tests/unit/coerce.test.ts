import fc from 'fast-check';
import { propertyRuns } from '../support/propertyRuns.ts';
import { describe, expect, it } from 'vitest';
import { normalizeDigits, parseDate, parseDecimal, parseInteger, parseMoney, parseMonth, parseNumber, type Parsed } from '../../src/read/coerce.ts';
import { formatHundredths } from '../../src/format/money.ts';

const value = <T>(outcome: Parsed<T>): T => {
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason.en}`);
  return outcome.value;
};

describe('parseMoney', () => {
  it.each<[string, bigint]>([
    ['370000000', 37_000_000_000n],
    ['370,000,000', 37_000_000_000n],
    ['３７０００００００', 37_000_000_000n],
    ['３７０，０００，０００', 37_000_000_000n],
    ['3.7亿', 37_000_000_000n],
    ['3.7 亿', 37_000_000_000n],
    ['３．７亿元', 37_000_000_000n],
    ['2600万', 2_600_000_000n],
    ['2600万元', 2_600_000_000n],
    ['80万元', 80_000_000n],
    ['80万', 80_000_000n],
    ['1,234.50', 123_450n],
    ['1234.5元', 123_450n],
    ['1234.5 元', 123_450n],
    ['¥1,234', 123_400n],
    ['￥1,234', 123_400n],
    ['￥ 1,234.05', 123_405n],
    ['0', 0n],
    ['0.01', 1n],
    ['  80万  ', 80_000_000n],
    ['1.2345678亿', 12_345_678_000n],
    ['1.234567万', 1_234_567n],
    ['1.2300', 123n],
    ['0.0000000001亿', 1n],
    ['007', 700n],
    ['12,345,678,901,234.56', 1_234_567_890_123_456n],
    ['99999999999999999999', BigInt('99999999999999999999') * 100n],
  ])('accepts %s as %s fen', (text, fen) => {
    expect(parseMoney(text)).toEqual({ ok: true, value: fen });
  });

  it.each<[string, string]>([
    ['-5', '不能为负'],
    ['-80万', '不能为负'],
    ['－1,234.50', '不能为负'],
    ['\u22121234', '不能为负'],
    ['¥-5', '不能为负'],
  ])('refuses the negative amount %s as out of range', (text, zh) => {
    const outcome = parseMoney(text);
    expect(outcome).toMatchObject({ ok: false, rule: 'range' });
    if (!outcome.ok) {
      expect(outcome.reason.zh).toContain(zh);
      expect(outcome.reason.en).toContain('negative');
    }
  });

  it.each<[string, string, string]>([
    ['1.234', '最多两位小数', 'at most two decimals'],
    ['1,234.567', '最多两位小数', 'at most two decimals'],
    ['1.2345678万', '12345.678', '12345.678 yuan'],
    ['0.00000000001亿', '0.001', 'it is 0.001 yuan'],
    ['1,23,4', '千位分隔符', 'thousands separators'],
    ['12,34', '千位分隔符', 'thousands separators'],
    ['1234,567', '千位分隔符', 'thousands separators'],
    ['abc', '不是金额', 'not an amount'],
    ['80w', '不是金额', 'not an amount'],
    ['1.5e6', '不是金额', 'not an amount'],
    ['八十万', '不是金额', 'not an amount'],
    ['.5', '不是金额', 'not an amount'],
    ['5.', '不是金额', 'not an amount'],
    ['1 234', '不是金额', 'not an amount'],
    ['(1,234)', '不是金额', 'not an amount'],
    ['80万亿', '不是金额', 'not an amount'],
    ['约80万', '不是金额', 'not an amount'],
    ['', '为空', 'empty'],
    ['   ', '为空', 'empty'],
  ])('refuses %s as not a valid amount', (text, zh, en) => {
    const outcome = parseMoney(text);
    expect(outcome).toMatchObject({ ok: false, rule: 'type' });
    if (!outcome.ok) {
      expect(outcome.reason.zh).toContain(zh);
      expect(outcome.reason.en).toContain(en);
    }
  });

  it('explains a scaled amount with too many decimals in yuan', () => {
    expect(parseMoney('1.2345678万')).toEqual({
      ok: false,
      rule: 'type',
      reason: {
        zh: '金额最多两位小数（精确到分）（即12345.678 元）',
        en: 'an amount may have at most two decimals (whole fen) (it is 12345.678 yuan)',
      },
    });
  });

  it('reads amounts beyond the precision of a JS number exactly', () => {
    // 90071992547409.93 yuan is 2^53 + 1 fen: a float would round it.
    expect(value(parseMoney('90,071,992,547,409.93'))).toBe(9_007_199_254_740_993n);
  });

  it('turns fen back into the same text: parseMoney(formatHundredths(x)) is x for 0 to 10^15 fen', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (fen) => {
        expect(parseMoney(formatHundredths(fen))).toEqual({ ok: true, value: fen });
      }),
      propertyRuns(),
    );
  });

  it('reads the same fen with thousands separators inserted every three digits', () => {
    const group = (yuan: string): string => {
      const [whole = '', fraction] = yuan.split('.');
      const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
      return fraction === undefined ? grouped : `${grouped}.${fraction}`;
    };
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (fen) => {
        expect(parseMoney(group(formatHundredths(fen)))).toEqual({ ok: true, value: fen });
      }),
      propertyRuns(),
    );
    expect(group('1234567.50')).toBe('1,234,567.50');
  });

  it('reads the same fen written in 万 with full-width digits', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (fen) => {
        // fen / 10^6 is the amount in 万, with up to six decimals.
        const wan = fen.toString().padStart(7, '0');
        const text = `${wan.slice(0, -6)}.${wan.slice(-6)}万`.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
        expect(parseMoney(text)).toEqual({ ok: true, value: fen });
      }),
      propertyRuns(),
    );
  });
});

describe('parseDecimal', () => {
  it.each<[string, bigint]>([
    ['800', 80_000n],
    ['5600', 560_000n],
    ['3.7亿', 37_000_000_000n],
    ['20万', 20_000_000n],
    ['1,234.5', 123_450n],
    ['１２．３４', 1_234n],
    ['0', 0n],
  ])('accepts %s as %s hundredths', (text, hundredths) => {
    expect(parseDecimal(text)).toEqual({ ok: true, value: hundredths });
  });

  it.each<[string, 'type' | 'range', string]>([
    ['-1', 'range', 'values cannot be negative'],
    ['1.234', 'type', 'at most two decimals'],
    ['800余', 'type', 'not a value'],
    ['', 'type', 'empty'],
  ])('refuses %s (%s)', (text, rule, en) => {
    const outcome = parseDecimal(text);
    expect(outcome).toMatchObject({ ok: false, rule });
    if (!outcome.ok) expect(outcome.reason.en).toContain(en);
  });

  it('speaks of a value, not of money', () => {
    const outcome = parseDecimal('1.234');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.reason.zh).toContain('数值');
      expect(outcome.reason.zh).not.toContain('金额');
    }
  });
});

describe('parseInteger', () => {
  it.each<[string, number]>([
    ['12', 12],
    ['１２', 12],
    ['1,200', 1200],
    ['１，２００', 1200],
    ['0', 0],
    ['-3', -3],
    [' 800 ', 800],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('accepts %s as %s', (text, number) => {
    expect(parseInteger(text)).toEqual({ ok: true, value: number });
  });

  it.each<[string, 'type' | 'range', string]>([
    ['12.0', 'type', 'without a decimal point'],
    ['1,200.5', 'type', 'without a decimal point'],
    ['12人', 'type', 'not a whole number'],
    ['1,20', 'type', 'not a whole number'],
    ['1e3', 'type', 'not a whole number'],
    ['', 'type', 'empty'],
    ['9007199254740993', 'range', 'too large'],
  ])('refuses %s (%s)', (text, rule, en) => {
    const outcome = parseInteger(text);
    expect(outcome).toMatchObject({ ok: false, rule });
    if (!outcome.ok) expect(outcome.reason.en).toContain(en);
  });
});

describe('parseNumber', () => {
  it.each<[string, number]>([
    ['109.778220', 109.77822],
    ['-3.5', -3.5],
    ['+39.5', 39.5],
    ['１０９．７７８２２０', 109.77822],
    ['－３．５', -3.5],
    ['39', 39],
    ['-0', 0],
  ])('accepts %s as %s', (text, number) => {
    expect(parseNumber(text)).toEqual({ ok: true, value: number });
  });

  it.each(['109.77°', '1,234.5', '39.5N', '.5', 'abc', '', '1e2'])('refuses %j', (text) => {
    expect(parseNumber(text)).toMatchObject({ ok: false, rule: 'type' });
  });
});

describe('parseDate', () => {
  it.each([
    ['2021/6/14 0:00', '2021-06-14'],
    ['2021-06-14 00:00:00', '2021-06-14'],
    ['2021年6月14日 0:00', '2021-06-14'],
  ])('reads %s, a date as Excel and WPS write it with its midnight, as %s', (text, date) => {
    expect(parseDate(text)).toEqual({ ok: true, value: date });
  });

  it.each<[string, string]>([
    ['2021-10-14', '2021-10-14'],
    ['2021/10/14', '2021-10-14'],
    ['2021.10.14', '2021-10-14'],
    ['2021-1-5', '2021-01-05'],
    ['2021/1/5', '2021-01-05'],
    ['2021年10月14日', '2021-10-14'],
    ['2021年1月5日', '2021-01-05'],
    ['2021 年 1 月 5 日', '2021-01-05'],
    ['２０２１－１０－１４', '2021-10-14'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    [' 2021-12-31 ', '2021-12-31'],
  ])('accepts %s as %s', (text, date) => {
    expect(parseDate(text)).toEqual({ ok: true, value: date });
  });

  it.each<[string, string, string]>([
    ['2021-02-30', '2021 年 2 月没有 30 日', '2021-02 has no day 30'],
    ['2021-02-29', '2021 年 2 月没有 29 日', '2021-02 has no day 29'],
    ['1900-02-29', '1900 年 2 月没有 29 日', '1900-02 has no day 29'],
    ['2021-04-31', '2021 年 4 月没有 31 日', '2021-04 has no day 31'],
    ['2021-10-00', '2021 年 10 月没有 0 日', '2021-10 has no day 0'],
    ['2021-13-01', '没有 13 月', 'there is no month 13'],
    ['2021年0月1日', '没有 0 月', 'there is no month 0'],
    ['44483', 'Excel 的日期序号', 'Excel date serial number'],
    ['44483.5', 'Excel 的日期序号', 'Excel date serial number'],
    ['2021-10', '缺少日', 'no day'],
    ['2021-10/14', '不是日期', 'not a date'],
    ['14/10/2021', '不是日期', 'not a date'],
    ['20211014', '不是日期', 'not a date'],
    ['2021-10-14 08:00', '含有时刻；这一列只填日期', 'has a time of day; this column takes a date only'],
    ['2021/6/14 0:30', '含有时刻；这一列只填日期', 'has a time of day; this column takes a date only'],
    ['', '为空', 'empty'],
  ])('refuses %s', (text, zh, en) => {
    const outcome = parseDate(text);
    expect(outcome).toMatchObject({ ok: false, rule: 'type' });
    if (!outcome.ok) {
      expect(outcome.reason.zh).toContain(zh);
      expect(outcome.reason.en).toContain(en);
    }
  });

  it('suggests formatting the column when it meets an Excel serial number', () => {
    const outcome = parseDate('44483');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.reason.zh).toContain('格式');
      expect(outcome.reason.en).toContain('format the column as Date or Text');
    }
  });
});

describe('parseMonth', () => {
  it.each<[string, string]>([
    ['2021-10', '2021-10'],
    ['2021/10', '2021-10'],
    ['2021-1', '2021-01'],
    ['2021年10月', '2021-10'],
    ['2021年1月', '2021-01'],
    ['2021.10', '2021-10'],
    ['2021.01', '2021-01'],
    ['2021.2', '2021-02'],
    ['２０２１－０９', '2021-09'],
  ])('accepts %s as %s', (text, month) => {
    expect(parseMonth(text)).toEqual({ ok: true, value: month });
  });

  it.each<[string, string, string]>([
    ['2021-10-14', '不要填日', 'without the day'],
    ['2021年10月14日', '不要填日', 'without the day'],
    ['2021-13', '没有 13 月', 'there is no month 13'],
    ['2021-0', '没有 0 月', 'there is no month 0'],
    ['2021.1', '1 月还是 10 月', 'cannot tell January from October'],
    ['44470', 'Excel 的日期序号', 'Excel date serial number'],
    ['Oct-21', '不是月份', 'not a month'],
    ['202110', '不是月份', 'not a month'],
    ['', '为空', 'empty'],
  ])('refuses %s', (text, zh, en) => {
    const outcome = parseMonth(text);
    expect(outcome).toMatchObject({ ok: false, rule: 'type' });
    if (!outcome.ok) {
      expect(outcome.reason.zh).toContain(zh);
      expect(outcome.reason.en).toContain(en);
    }
  });
});

describe('normalizeDigits', () => {
  it.each<[string, string]>([
    ['１２３４５６', '123456'],
    ['１，２３４．５０', '1,234.50'],
    ['￥８０万', '¥80万'],
    ['150627101225', '150627101225'],
    ['高勒庙村', '高勒庙村'],
  ])('turns %s into %s', (text, normalized) => {
    expect(normalizeDigits(text)).toBe(normalized);
  });
});
