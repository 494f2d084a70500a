/**
 * Values as charts receive them. Money stays a bigint count of fen until the moment it is printed
 * (by `formatYuan`, exactly); only bar lengths and point positions use it as a JS number, where a
 * fraction of a pixel is all any rounding could move.
 */
import type { Locale } from '../i18n/locale.ts';
import { formatCount, formatPercent, formatYuan } from '../format/formatNumber.ts';

/** money: an amount in fen (bigint; a number is read as fen too); count: things; percent: a ratio. */
export type ValueKind = 'money' | 'count' | 'percent';

export type ChartValue = number | bigint;

/** The number a layout positions by. Money beyond 2^53 fen (90 trillion yuan) is refused, not blurred. */
export function toPlotNumber(value: ChartValue): number {
  if (typeof value === 'number') return value;
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new RangeError(`Amount too large to chart exactly: ${value} fen`);
  return number;
}

/** Prints a value: `formatYuan` for money (`precise` for the exact amount), counts and percentages. */
export function formatChartValue(value: ChartValue, kind: ValueKind, locale: Locale, options: { precise?: boolean } = {}): string {
  switch (kind) {
    case 'money':
      return formatYuan(typeof value === 'bigint' ? value : BigInt(Math.round(value)), locale, options);
    case 'count':
      return formatCount(Number(value), locale);
    case 'percent':
      return formatPercent(Number(value), locale);
  }
}

/** Adds values exactly: bigints as bigints, so a total of money is never rounded. */
export function sumChartValues(values: readonly ChartValue[]): ChartValue {
  if (values.every((value) => typeof value === 'bigint')) return values.reduce<bigint>((sum, value) => sum + value, 0n);
  return values.reduce<number>((sum, value) => sum + Number(value), 0);
}
