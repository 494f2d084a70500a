/**
 * Horizontal stacked bars: one bar per item (e.g. funds per town), split into segments by series
 * (e.g. source of funds), with the item's total printed after the bar.
 */
import type { AxisTick, ChartSize, FormatValue, LabelLine, PlotArea } from './chartTypes.ts';
import type { SeriesStyle } from '../format/palette.ts';
import { frameHorizontalBars, type BarFrameOptions } from './frameHorizontalBars.ts';
import { styleSeries } from '../format/palette.ts';
import { roundPx } from './roundPx.ts';

export type StackedDatum = {
  key: string;
  label: string;
  /** Value per series key; a series missing here counts as 0. */
  values: Readonly<Partial<Record<string, number>>>;
};

export type StackSeries = { key: string; label: string };

export type StackedBarOptions = Omit<BarFrameOptions, 'formatTick'> & {
  /** Text of each bar's total (default: the number as is). */
  formatValue?: FormatValue;
  formatTick?: FormatValue;
  maxBarHeight?: number;
};

export type PlacedSegment = {
  seriesKey: string;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
};

export type PlacedStack = {
  key: string;
  label: string;
  total: number;
  y: number;
  height: number;
  labelLines: LabelLine[];
  /** Segments in series order, left to right; series with no value here are left out. */
  segments: PlacedSegment[];
  totalLabel: string;
  totalX: number;
  totalY: number;
};

export type StackedBarLayout = {
  width: number;
  height: number;
  stacks: PlacedStack[];
  /** How each series is drawn, in stacking order; use it for the legend. */
  series: SeriesStyle[];
  ticks: AxisTick[];
  plot: PlotArea;
  baseline: number;
  labelX: number;
};

const VALUE_GAP = 4;

export function layOutStackedBars(
  data: readonly StackedDatum[],
  series: readonly StackSeries[],
  size: ChartSize,
  options: StackedBarOptions = {},
): StackedBarLayout {
  const formatValue = options.formatValue ?? String;
  const valuesOf = (datum: StackedDatum): number[] =>
    series.map(({ key }) => {
      const value = datum.values[key] ?? 0;
      // A stack of a negative part has no honest length; the data should never hold one (money is ≥ 0).
      if (!Number.isFinite(value) || value < 0) throw new RangeError(`"${datum.key}" has an invalid ${key} value: ${value}`);
      return value;
    });
  const totals = data.map((datum) => valuesOf(datum).reduce((sum, value) => sum + value, 0));
  const frame = frameHorizontalBars(
    data.map((datum, index) => ({ key: datum.key, label: datum.label, valueLabels: [formatValue(totals[index]!)] })),
    [0, Math.max(0, ...totals)],
    size,
    { ...options, formatTick: options.formatTick ?? formatValue },
  );
  const maxBarHeight = options.maxBarHeight ?? 28;
  const stacks = data.map((datum, index): PlacedStack => {
    const row = frame.rows[index]!;
    const height = Math.min(row.bandHeight, maxBarHeight);
    const y = roundPx(row.top + (row.bandHeight - height) / 2);
    const segments: PlacedSegment[] = [];
    let cumulative = 0;
    valuesOf(datum).forEach((value, seriesIndex) => {
      // Rounding both ends (not the width) keeps adjacent segments touching exactly.
      const start = roundPx(frame.scale(cumulative));
      cumulative += value;
      const end = roundPx(frame.scale(cumulative));
      if (value > 0) segments.push({ seriesKey: series[seriesIndex]!.key, value, x: start, y, width: roundPx(end - start), height: roundPx(height) });
    });
    const total = totals[index]!;
    return {
      key: datum.key,
      label: datum.label,
      total,
      y,
      height: roundPx(height),
      labelLines: row.labelLines,
      segments,
      totalLabel: formatValue(total),
      totalX: roundPx(frame.scale(total) + VALUE_GAP),
      totalY: roundPx(y + height / 2),
    };
  });
  return {
    width: size.width,
    height: size.height,
    stacks,
    series: styleSeries(series),
    ticks: frame.ticks,
    plot: frame.plot,
    baseline: frame.baseline,
    labelX: frame.labelX,
  };
}
