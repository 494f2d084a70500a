/**
 * Numbers, money and dates as a reader sees them, in zh-CN and en.
 *
 * Money arrives as an exact bigint count of fen (分, 0.01 yuan) and is rounded by integer arithmetic
 * on that bigint, never through a float, so the figure shown is always a faithful rounding of the
 * figure stored. The short form keeps at most three significant digits (never dropping a whole digit
 * of the unit: 9999万 stays 9999万), and whenever that rounding changed the amount it says so with
 * 约 / "about", so a rounded figure never passes for an exact one. `precise: true` gives the exact
 * amount to the fen.
 *
 * Dates are `YYYY-MM-DD` / `YYYY-MM` strings, read by the one calendar (src/model/calendar.ts, UTC
 * only), so no time zone can shift a day.
 */

import type { Locale } from '../i18n/locale.ts';
import { formatHundredths } from './money.ts';
import { parseIsoDate, parseIsoMonth } from '../model/calendar.ts';

export type YuanOptions = {
  /** Print the exact amount (`150,000,000元`, `CNY 1,234.50`) instead of the short form. */
  precise?: boolean;
};

const FEN_PER_YUAN = 100n;

/** A unit of the short form: how many fen it holds and the word after the number. */
type MoneyUnit = { fen: bigint; word: string };

// Largest first. Chinese reports count in 万 (10⁴) and 亿 (10⁸); English ones in millions and billions.
const UNITS: Record<Locale, readonly MoneyUnit[]> = {
  'zh-CN': [
    { fen: 10n ** 12n * FEN_PER_YUAN, word: '万亿' },
    { fen: 10n ** 8n * FEN_PER_YUAN, word: '亿' },
    { fen: 10n ** 4n * FEN_PER_YUAN, word: '万' },
  ],
  en: [
    { fen: 10n ** 12n * FEN_PER_YUAN, word: 'trillion' },
    { fen: 10n ** 9n * FEN_PER_YUAN, word: 'billion' },
    { fen: 10n ** 6n * FEN_PER_YUAN, word: 'million' },
  ],
};

const SIGNIFICANT_DIGITS = 3;
const MAX_UNIT_DECIMALS = 2;

// Groups of three with a comma, which zh-CN uses in figures too, so one form serves both languages.
// Intl formats a bigint, and a decimal string, exactly: no float stands between the data and the text.
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const UP_TO_TWO_DECIMALS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const TWO_DECIMALS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const ONE_DECIMAL_AT_MOST = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/** Rounds numerator / denominator to the nearest integer, halves away from zero (as people round). */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/** The exact amount: `1,234.50` (fen shown only when there are any). */
function formatExactYuan(fenAbs: bigint): string {
  const exact = formatHundredths(fenAbs) as `${number}`;
  return (fenAbs % FEN_PER_YUAN === 0n ? WHOLE : TWO_DECIMALS).format(exact);
}

type Rounded = { number: string; word: string; exact: boolean };

/** The short form of a non-negative amount, or undefined when it is too small for any unit. */
function roundToUnit(fenAbs: bigint, units: readonly MoneyUnit[]): Rounded | undefined {
  const index = units.findIndex((unit) => fenAbs >= unit.fen);
  if (index < 0) return undefined;
  return roundIn(fenAbs, units, index);
}

function roundIn(fenAbs: bigint, units: readonly MoneyUnit[], index: number): Rounded {
  const unit = units[index]!;
  const integerDigits = (fenAbs / unit.fen).toString().length;
  const decimals = Math.min(MAX_UNIT_DECIMALS, Math.max(0, SIGNIFICANT_DIGITS - integerDigits));
  const scale = 10n ** BigInt(decimals);
  const scaled = divideRounded(fenAbs * scale, unit.fen);
  const larger = units[index - 1];
  // 9999.6万 rounds to 10000万, which a reader expects to see as 1亿.
  if (larger !== undefined && scaled * unit.fen >= larger.fen * scale) return roundIn(fenAbs, units, index - 1);
  // Reports write 2600万 and 9999万 ungrouped; only a number beyond the largest unit (12,345万亿) is long enough to group.
  const wholeNumber = scaled / scale;
  const whole = wholeNumber >= 10_000n ? WHOLE.format(wholeNumber) : wholeNumber.toString();
  const fraction = decimals === 0 ? '' : (scaled % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
  return {
    number: fraction === '' ? whole : `${whole}.${fraction}`,
    word: unit.word,
    exact: scaled * unit.fen === fenAbs * scale,
  };
}

/**
 * Money for a reader. zh-CN: `1.5亿元`, `2600万元`, `约1.23万元`, `1,234.50元`; en: `CNY 370 million`,
 * `CNY 800,000`, `about CNY 1.23 billion`. Amounts below 1万 yuan (zh-CN) or one million yuan (en)
 * are always exact; larger ones keep at most three significant digits and carry 约 / "about" when
 * that rounding changed them. `precise: true` prints the exact amount in full.
 */
export function formatYuan(fen: bigint, locale: Locale, options: YuanOptions = {}): string {
  const sign = fen < 0n ? '-' : '';
  const fenAbs = abs(fen);
  const rounded = options.precise === true ? undefined : roundToUnit(fenAbs, UNITS[locale]);
  if (locale === 'zh-CN') {
    if (rounded === undefined) return `${sign}${formatExactYuan(fenAbs)}元`;
    return `${rounded.exact ? '' : '约'}${sign}${rounded.number}${rounded.word}元`;
  }
  if (rounded === undefined) return `CNY ${sign}${formatExactYuan(fenAbs)}`;
  return `${rounded.exact ? '' : 'about '}CNY ${sign}${rounded.number} ${rounded.word}`;
}

/** Whether the short form of `formatYuan` shows the amount exactly (no 约 / "about"). */
export function isShortYuanExact(fen: bigint, locale: Locale): boolean {
  return roundToUnit(abs(fen), UNITS[locale])?.exact ?? true;
}

/**
 * A count of things: `1,234` in both languages (zh-CN figures use comma grouping too). A count that
 * is not whole keeps up to two decimals rather than pretending to be whole.
 */
export function formatCount(n: number, locale: Locale): string {
  void locale; // Same form in both languages today; the parameter keeps call sites uniform.
  if (!Number.isFinite(n)) throw new RangeError(`Not a finite count: ${n}`);
  const sign = n < 0 ? '-' : '';
  const magnitude = Math.abs(n);
  if (Number.isInteger(magnitude)) return `${sign}${WHOLE.format(magnitude)}`;
  // toFixed rounds the float to hundredths; Intl groups that decimal text exactly and drops trailing zeros.
  return `${sign}${UP_TO_TWO_DECIMALS.format(magnitude.toFixed(2) as `${number}`)}`;
}

/**
 * A ratio as a percentage with at most one decimal: 0.4567 → `45.7%`. A ratio that is not exactly
 * 0 or 1 never shows as `0%` or `100%`: it shows as `<0.1%` or `>99.9%`, so "all" means all.
 */
export function formatPercent(ratio: number, locale: Locale): string {
  void locale; // `45.7%` is how both languages write it.
  if (!Number.isFinite(ratio)) throw new RangeError(`Not a finite ratio: ${ratio}`);
  const tenths = Math.round(ratio * 1000);
  if (tenths === 0 && ratio !== 0) return ratio > 0 ? '<0.1%' : '>-0.1%';
  if (tenths === 1000 && ratio !== 1) return ratio < 1 ? '>99.9%' : '>100%';
  const sign = tenths < 0 ? '-' : '';
  const magnitude = Math.abs(tenths);
  const percent = `${Math.floor(magnitude / 10)}.${magnitude % 10}` as `${number}`;
  return `${sign}${ONE_DECIMAL_AT_MOST.format(percent)}%`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** `2021-10-14` → `2021年10月14日` / `14 Oct 2021`. */
export function formatDate(isoDate: string, locale: Locale): string {
  const { year, month, day } = parseIsoDate(isoDate);
  return locale === 'zh-CN' ? `${year}年${month}月${day}日` : `${day} ${MONTHS_EN[month - 1]!} ${year}`;
}

/** `2021-09` → `2021年9月` / `Sep 2021`. */
export function formatMonth(isoMonth: string, locale: Locale): string {
  const { year, month } = parseIsoMonth(isoMonth);
  return locale === 'zh-CN' ? `${year}年${month}月` : `${MONTHS_EN[month - 1]!} ${year}`;
}
