/**
 * The map's funds bands: where the limits fall, which band a village is in, and the band legend.
 */
import { FUNDS_COLORS } from '../../format/palette.ts';
import { formatYuan } from '../../format/formatNumber.ts';
import { formatHundredths } from '../../format/money.ts';
import type { Locale } from '../../i18n/locale.ts';

export type FundsLegendEntry = {
  key: number;
  className: string;
  color: string;
  /** Lower bound, inclusive, in yuan; null for the first band. */
  minYuan: string | null;
  /** Upper bound, exclusive, in yuan; null for the top band. */
  maxYuan: string | null;
  minText: string | null;
  maxText: string | null;
  /** The band of villages with no funds at all. */
  none: boolean;
};

/** Funds are shown in at most this many bands above "no funds". */
const FUNDS_BANDS = 4;

/** Rounds a positive amount down to two significant digits, so band limits read as round figures. */
function floorToTwoDigits(fen: bigint): bigint {
  const digits = fen.toString().length;
  if (digits <= 2) return fen;
  const unit = 10n ** BigInt(digits - 2);
  return (fen / unit) * unit;
}

/**
 * Limits between funds bands: the quartiles of the villages that have any funds, rounded down to
 * two significant digits, duplicates dropped. Quantiles rather than equal steps because a few large
 * projects would otherwise put nearly every village in the first band.
 */
export function fundsThresholds(funds: readonly bigint[]): bigint[] {
  const positive = funds.filter((f) => f > 0n).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (positive.length === 0) return [];
  const limits: bigint[] = [];
  for (let band = 1; band < FUNDS_BANDS; band += 1) {
    const at = positive[Math.floor((band * positive.length) / FUNDS_BANDS)] ?? positive.at(-1)!;
    const limit = floorToTwoDigits(at);
    if (limit > (limits.at(-1) ?? 0n) && limit > positive[0]!) limits.push(limit);
  }
  return limits;
}

/** Band 0 is "no funds"; bands 1… split at the thresholds, lower limit inclusive. */
export function fundsBin(fen: bigint, thresholds: readonly bigint[]): number {
  if (fen <= 0n) return 0;
  return 1 + thresholds.filter((limit) => fen >= limit).length;
}

export function fundsLegend(thresholds: readonly bigint[], locale: Locale, anyPositive: boolean): FundsLegendEntry[] {
  const none: FundsLegendEntry = {
    key: 0,
    className: 'funds-0',
    color: FUNDS_COLORS[0],
    minYuan: null,
    maxYuan: null,
    minText: null,
    maxText: null,
    none: true,
  };
  if (!anyPositive) return [none];
  const bands = thresholds.length + 1;
  // The top band is always the darkest colour, however many bands the data gives.
  const firstColor = FUNDS_COLORS.length - bands;
  const bounds = [undefined, ...thresholds, undefined];
  return [
    none,
    ...Array.from({ length: bands }, (_, i): FundsLegendEntry => {
      const min = bounds[i];
      const max = bounds[i + 1];
      return {
        key: i + 1,
        className: `funds-${firstColor + i}`,
        color: FUNDS_COLORS[firstColor + i]!,
        minYuan: min === undefined ? null : formatHundredths(min),
        maxYuan: max === undefined ? null : formatHundredths(max),
        minText: min === undefined ? null : formatYuan(min, locale),
        maxText: max === undefined ? null : formatYuan(max, locale),
        none: false,
      };
    }),
  ];
}
