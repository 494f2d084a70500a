/**
 * A reported figure as a reader sees it. reported.csv gives each figure in hundredths with its unit
 * as Chinese writes it (元, 个, 名, 家, 平方公里): money goes through formatYuan, anything else is a
 * count followed by its unit in Chinese, or by its English unit where English writes one.
 */
import type { Locale } from '../i18n/locale.ts';
import { formatCount, formatYuan } from './formatNumber.ts';

/** Counting words (量词) have no English equivalent after a number; measures do. */
const ENGLISH_UNITS: Readonly<Record<string, string>> = {
  平方公里: 'km²',
  公里: 'km',
  亩: 'mu',
  公顷: 'ha',
  吨: 't',
};

const MONEY_UNITS = new Set(['元', 'yuan', 'CNY']);

export const isMoneyUnit = (unit: string): boolean => MONEY_UNITS.has(unit.trim());

/** `hundredths` is the pipeline's exact value: fen for money, count × 100 otherwise. */
export function formatFigure(hundredths: bigint, unit: string, locale: Locale): string {
  if (isMoneyUnit(unit)) return formatYuan(hundredths, locale);
  const whole = hundredths / 100n;
  const count = hundredths % 100n === 0n && whole <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(whole) : Number(hundredths) / 100;
  const number = formatCount(count, locale);
  if (locale === 'zh-CN') return `${number}${unit.trim()}`;
  const english = ENGLISH_UNITS[unit.trim()];
  return english === undefined ? number : `${number} ${english}`;
}
