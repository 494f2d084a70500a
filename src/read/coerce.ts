/**
 * Cell text → value, one pure parser per kind of value. Each accepts what staff actually type in
 * Excel or WPS (full-width digits, thousands separators, 万 and 亿, 2021年10月14日) and explains a
 * refusal in both languages. Money never passes through a JS number: digits go straight to a bigint
 * count of fen, and a value that cannot be held exactly in fen is refused rather than rounded.
 */
import type { Bilingual } from '../i18n/locale.ts';
import { daysInMonth } from '../model/calendar.ts';

/** What the cell coercer needs from any parser: a value, or a reason in both languages. */
export type Coerced<T> = { ok: true; value: T } | { ok: false; reason: Bilingual };

/** A refusal that also says which rule the text breaks: 'type' (not a value of this kind) or 'range'. */
export type CoerceFailure = { ok: false; rule: 'type' | 'range'; reason: Bilingual };

/** The outcome of the parsers below: a `Coerced<T>` whose failures name their rule. */
export type Parsed<T> = { ok: true; value: T } | CoerceFailure;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const refuse = (rule: CoerceFailure['rule'], zh: string, en: string): CoerceFailure => ({
  ok: false,
  rule,
  reason: { zh, en },
});
const EMPTY = (): CoerceFailure => refuse('type', '内容为空', 'the cell is empty');

/**
 * Full-width digits and punctuation (３７０，０００．５, ￥, －) to their ASCII forms; NFKC also turns
 * the ideographic space into an ordinary one. Letters, Chinese characters and 万/亿 are unchanged.
 */
export function normalizeDigits(text: string): string {
  return text.normalize('NFKC');
}

// U+2212 MINUS SIGN is what Word and some web pages use; NFKC keeps it as it is.
const clean = (text: string): string =>
  normalizeDigits(text)
    .replace(/\u2212/g, '-')
    .trim();

/*
 * The plain readers below recognise what most cells hold already (ASCII digits, ISO dates) and
 * return the bare value, or undefined when the text needs the full parser. A large file has millions
 * of cells: these spare each one normalisation, a regular expression's match array and a result
 * object. Their values are the full parsers' values for the same text; everything they do not
 * recognise, including every refusal, goes the full way, so the reasons given are unchanged.
 */

const ZERO = 48;
const NINE = 57;
const isDigit = (code: number): boolean => code >= ZERO && code <= NINE;
const COMMA = 44;
const POINT = 46;
const HYPHEN = 45;
const PLUS = 43;
const WAN = 0x4e07; // 万
const YI = 0x4ebf; // 亿
const YUAN = 0x5143; // 元
// Up to 15 digits, a JS number holds every integer exactly (2^53 ≈ 9.007e15).
const EXACT_DIGITS = 15;
// Looked up rather than computed with **: a third of the cost of reading a plain amount (200k cells).
const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * 4520000, 4,520,000, 4520000.50, 470万, 1.5亿, 80万元 → hundredths; undefined for anything else
 * (full-width digits, spaces, signs, ¥, more than 15 digits, more decimals than the scale allows).
 */
export function readPlainHundredths(text: string): bigint | undefined {
  const length = text.length;
  let at = 0;
  let number = 0;
  let digits = 0;
  let group = 0;
  let grouped = false;
  for (; at < length; at += 1) {
    const code = text.charCodeAt(at);
    if (isDigit(code)) {
      number = number * 10 + (code - ZERO);
      digits += 1;
      group += 1;
    } else if (code === COMMA) {
      // Thousands separators: 1 to 3 digits first, then groups of exactly 3.
      if (grouped ? group !== 3 : group > 3 || group === 0) return undefined;
      grouped = true;
      group = 0;
    } else break;
  }
  if (digits === 0 || (grouped && group !== 3)) return undefined;
  // Every read below checks `at < length` first: a read past the end (NaN) cost V8 a slower path.
  let decimals = 0;
  if (at < length && text.charCodeAt(at) === POINT) {
    for (at += 1; at < length && isDigit(text.charCodeAt(at)); at += 1) {
      number = number * 10 + (text.charCodeAt(at) - ZERO);
      decimals += 1;
    }
    if (decimals === 0) return undefined;
  }
  let exponent = 2;
  if (at < length) {
    const scale = text.charCodeAt(at);
    if (scale === WAN || scale === YI) {
      exponent = scale === WAN ? 6 : 10;
      at += 1;
    }
    if (at < length && text.charCodeAt(at) === YUAN) at += 1;
  }
  if (at !== length || digits + decimals > EXACT_DIGITS) return undefined;
  if (decimals <= exponent) {
    if (digits + exponent > EXACT_DIGITS) return undefined;
    return BigInt(number * POWERS_OF_TEN[exponent - decimals]!);
  }
  const divisor = POWERS_OF_TEN[decimals - exponent]!;
  // Not a whole number of hundredths: the full parser explains why.
  return number % divisor === 0 ? BigInt(number / divisor) : undefined;
}

/** 12, 007 → the number; undefined for signs, separators, full-width digits or more than 15 digits. */
export function readPlainInteger(text: string): number | undefined {
  const length = text.length;
  if (length === 0 || length > EXACT_DIGITS) return undefined;
  let number = 0;
  for (let at = 0; at < length; at += 1) {
    const code = text.charCodeAt(at);
    if (!isDigit(code)) return undefined;
    number = number * 10 + (code - ZERO);
  }
  return number;
}

/** 109.778220, -3.5, +39 → the number (never -0); undefined for anything but ASCII [-+]digits[.digits]. */
export function readPlainNumber(text: string): number | undefined {
  const length = text.length;
  let at = 0;
  const sign = text.charCodeAt(0);
  if (sign === HYPHEN || sign === PLUS) at = 1;
  const whole = at;
  while (at < length && isDigit(text.charCodeAt(at))) at += 1;
  if (at === whole) return undefined;
  if (at < length) {
    if (text.charCodeAt(at) !== POINT) return undefined;
    const fraction = (at += 1);
    while (at < length && isDigit(text.charCodeAt(at))) at += 1;
    if (at === fraction || at !== length) return undefined;
  }
  const value = Number(text);
  return value === 0 ? 0 : value;
}

/** Two ASCII digits at `at` as a number, or -1. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at);
  const ones = text.charCodeAt(at + 1);
  return isDigit(tens) && isDigit(ones) ? (tens - ZERO) * 10 + (ones - ZERO) : -1;
}

/** The year of a `YYYY-` prefix, or -1. */
function isoYear(text: string): number {
  const century = twoDigits(text, 0);
  const year = twoDigits(text, 2);
  return century < 0 || year < 0 || text.charCodeAt(4) !== HYPHEN ? -1 : century * 100 + year;
}

/** A date that exists, written YYYY-MM-DD → the same text; undefined for anything else. */
export function readPlainDate(text: string): string | undefined {
  if (text.length !== 10 || text.charCodeAt(7) !== HYPHEN) return undefined;
  const year = isoYear(text);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return text;
}

/** A month written YYYY-MM → the same text; undefined for anything else. */
export function readPlainMonth(text: string): string | undefined {
  if (text.length !== 7) return undefined;
  const month = twoDigits(text, 5);
  return isoYear(text) < 0 || month < 1 || month > 12 ? undefined : text;
}

const SCALES = { '': 0, 万: 4, 亿: 8 } as const;

const AMOUNT = /^(?<sign>-)?\s*(?<currency>¥)?\s*(?<minus>-)?(?<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?<scale>万|亿)?\s*(?<yuan>元)?$/u;

/** Moves the decimal point of `digits` so that `decimals` digits follow it, dropping needless zeros. */
function placePoint(digits: string, decimals: number): string {
  const padded = digits.padStart(decimals + 1, '0');
  const whole = padded.slice(0, padded.length - decimals).replace(/^0+(?=\d)/, '');
  const fraction = padded.slice(padded.length - decimals).replace(/0+$/, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

type Noun = Bilingual & { unit: Bilingual };
const MONEY: Noun = { zh: '金额', en: 'an amount', unit: { zh: '元', en: 'yuan' } };
const FIGURE: Noun = { zh: '数值', en: 'a value', unit: { zh: '', en: '' } };

/** The shared grammar of money and reported figures, to a bigint count of hundredths. */
function parseHundredths(text: string, noun: Noun): Parsed<bigint> {
  const plain = readPlainHundredths(text);
  if (plain !== undefined) return ok(plain);
  const normalized = clean(text);
  if (normalized === '') return EMPTY();
  const match = AMOUNT.exec(normalized);
  const groups = match?.groups;
  if (groups === undefined) {
    if (/^-?[¥]?\s*\d[\d,]*(\.\d+)?\s*(万|亿)?\s*元?$/u.test(normalized) && normalized.includes(',')) {
      return refuse(
        'type',
        '千位分隔符的位置不对：逗号应每三位一个，如 1,234,500',
        'the thousands separators are misplaced: there should be a comma every three digits, as in 1,234,500',
      );
    }
    return refuse(
      'type',
      `不是${noun.zh}：只能写数字，可带千位逗号、“万”“亿”${noun === MONEY ? '、“元”和“¥”' : ''}`,
      `not ${noun.en}: write digits, optionally with thousands commas, 万 or 亿${noun === MONEY ? ', 元 and ¥' : ''}`,
    );
  }
  const [whole = '', fraction = ''] = (groups.number ?? '').replace(/,/g, '').split('.');
  const exponent = SCALES[(groups.scale ?? '') as keyof typeof SCALES] + 2;
  const digits = BigInt(whole + fraction);
  const denominator = 10n ** BigInt(fraction.length);
  const scaled = digits * 10n ** BigInt(exponent);
  if (scaled % denominator !== 0n) {
    const exact = placePoint(whole + fraction, fraction.length - exponent + 2);
    const unitZh = noun.unit.zh === '' ? '' : ` ${noun.unit.zh}`;
    const unitEn = noun.unit.en === '' ? '' : ` ${noun.unit.en}`;
    const scaledNote = groups.scale === undefined ? '' : `（即${exact}${unitZh}）`;
    const scaledNoteEn = groups.scale === undefined ? '' : ` (it is ${exact}${unitEn})`;
    return refuse(
      'type',
      `${noun.zh}最多两位小数${noun === MONEY ? '（精确到分）' : ''}${scaledNote}`,
      `${noun.en} may have at most two decimals${noun === MONEY ? ' (whole fen)' : ''}${scaledNoteEn}`,
    );
  }
  const value = scaled / denominator;
  if ((groups.sign !== undefined || groups.minus !== undefined) && value > 0n) {
    return refuse('range', `${noun.zh}不能为负数`, noun === MONEY ? 'amounts cannot be negative' : 'values cannot be negative');
  }
  return ok(value);
}

/**
 * Money in yuan → bigint fen. Accepts 150000000, 150,000,000, full-width digits and commas, 1.5亿,
 * 2600万, 80万元, 1,234.50, 1234.5元, ¥1,234 and ￥1,234. Refuses negative amounts (rule 'range') and
 * anything that is not a whole number of fen after scaling (1.234 yuan, 1.2345678万).
 */
export function parseMoney(text: string): Parsed<bigint> {
  return parseHundredths(text, MONEY);
}

/** A non-negative figure of any unit, to a bigint count of hundredths: 800, 5600, 1.5亿, 20万. */
export function parseDecimal(text: string): Parsed<bigint> {
  return parseHundredths(text, FIGURE);
}

/** A whole number, with optional thousands separators and sign: 12, 1,200, -3, full-width digits. */
export function parseInteger(text: string): Parsed<number> {
  const plain = readPlainInteger(text);
  if (plain !== undefined) return ok(plain);
  const normalized = clean(text);
  if (normalized === '') return EMPTY();
  const match = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)$/u.exec(normalized);
  if (match === null) {
    return /^-?[\d,]+\.\d+$/u.test(normalized)
      ? refuse('type', '应为整数，不能带小数点', 'must be a whole number, without a decimal point')
      : refuse('type', '不是整数', 'not a whole number');
  }
  const value = Number(`${match[1] ?? ''}${match[2]!.replace(/,/g, '')}`);
  if (!Number.isSafeInteger(value)) return refuse('range', '数字太大', 'the number is too large');
  return ok(value === 0 ? 0 : value);
}

/** A decimal number where binary floating point is fine (coordinates): 109.778220, -3.5. */
export function parseNumber(text: string): Parsed<number> {
  const plain = readPlainNumber(text);
  if (plain !== undefined) return ok(plain);
  const normalized = clean(text);
  if (normalized === '') return EMPTY();
  if (!/^[-+]?\d+(\.\d+)?$/u.test(normalized)) {
    return refuse('type', '不是十进制数（如 109.778220）', 'not a decimal number (such as 109.778220)');
  }
  const value = Number(normalized);
  return ok(value === 0 ? 0 : value);
}

const pad = (n: number): string => String(n).padStart(2, '0');

// Excel stores dates as days since 1900; a CSV saved from a column formatted as a number shows them.
const EXCEL_SERIAL = /^\d{5}(\.\d+)?$/u;
const serialRefusal = (): CoerceFailure =>
  refuse(
    'type',
    '这是 Excel 的日期序号，不是日期：把该列设置为“日期”或“文本”格式后重新保存',
    'this is an Excel date serial number, not a date: format the column as Date or Text and save again',
  );

const FULL_DATE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$|^(\d{4})年(\d{1,2})月(\d{1,2})日?$/u;
const YEAR_MONTH = /^(\d{4})([-/.])(\d{1,2})$|^(\d{4})年(\d{1,2})月$/u;

function checkMonth(year: number, month: number): CoerceFailure | undefined {
  if (month >= 1 && month <= 12) return undefined;
  return refuse('type', `没有 ${month} 月`, `there is no month ${month}`);
}

/** 2021-10-14, 2021/10/14, 2021.10.14, 2021-1-5, 2021年10月14日 → 'YYYY-MM-DD'; the date must exist. */
// Excel and WPS write a date cell as `2021/6/14 0:00` or `2021-06-14 00:00:00`: midnight is the date itself.
const TIME_OF_DAY = /\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

export function parseDate(text: string): Parsed<string> {
  if (readPlainDate(text) !== undefined) return ok(text);
  const time = TIME_OF_DAY.exec(clean(text));
  if (time !== null) {
    const midnight = Number(time[1]) === 0 && Number(time[2]) === 0 && Number(time[3] ?? 0) === 0;
    if (!midnight) return refuse('type', '含有时刻；这一列只填日期', 'has a time of day; this column takes a date only');
    return parseDate(clean(text).slice(0, time.index));
  }
  const normalized = clean(text).replace(/\s+/g, '');
  if (normalized === '') return EMPTY();
  if (EXCEL_SERIAL.test(normalized)) return serialRefusal();
  const match = FULL_DATE.exec(normalized);
  if (match === null) {
    if (YEAR_MONTH.test(normalized)) {
      return refuse('type', '只有年月，缺少日', 'has a year and month but no day');
    }
    return refuse('type', '不是日期', 'not a date');
  }
  // The year as written: always four digits, so dates compare as text (0999 stays 0999).
  const yearText = match[1] ?? match[5]!;
  const year = Number(yearText);
  const month = Number(match[3] ?? match[6]);
  const day = Number(match[4] ?? match[7]);
  const badMonth = checkMonth(year, month);
  if (badMonth !== undefined) return badMonth;
  if (day < 1 || day > daysInMonth(year, month)) {
    return refuse('type', `${year} 年 ${month} 月没有 ${day} 日`, `${year}-${pad(month)} has no day ${day}`);
  }
  return ok(`${yearText}-${pad(month)}-${pad(day)}`);
}

/**
 * 2021-10, 2021/10, 2021-1, 2021.10, 2021年10月 → 'YYYY-MM'. A full date is refused rather than
 * truncated, so a column of dates is not silently read as months. 2021.1 is refused too: Excel turns
 * a typed 2021.10 into the number 2021.1, so it may well mean October.
 */
export function parseMonth(text: string): Parsed<string> {
  if (readPlainMonth(text) !== undefined) return ok(text);
  const normalized = clean(text).replace(/\s+/g, '');
  if (normalized === '') return EMPTY();
  if (EXCEL_SERIAL.test(normalized)) return serialRefusal();
  if (FULL_DATE.test(normalized)) {
    return refuse('type', '这一列只填年月，不要填日（如 2021-10）', 'this column takes a month without the day (such as 2021-10)');
  }
  const match = YEAR_MONTH.exec(normalized);
  if (match === null) return refuse('type', '不是月份', 'not a month');
  if (match[2] === '.' && match[3] === '1') {
    return refuse(
      'type',
      `无法确定是 1 月还是 10 月：Excel 会把 ${match[1]}.10 存成 ${match[1]}.1；请写成 ${match[1]}-10 或 ${match[1]}年10月`,
      `cannot tell January from October: Excel saves ${match[1]}.10 as ${match[1]}.1; write ${match[1]}-10 or ${match[1]}年10月`,
    );
  }
  const yearText = match[1] ?? match[4]!;
  const month = Number(match[3] ?? match[5]);
  const badMonth = checkMonth(Number(yearText), month);
  if (badMonth !== undefined) return badMonth;
  return ok(`${yearText}-${pad(month)}`);
}
