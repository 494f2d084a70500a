/**
 * A horizontal bar chart: one labelled bar per item, its value printed after it, a value axis below.
 */
import type { AxisTick, ChartSize, FormatValue, LabelLine, PlotArea } from './chartTypes.ts';
import { frameHorizontalBars, type BarFrameOptions } from './frameHorizontalBars.ts';
import { roundPx } from './roundPx.ts';

export type BarDatum = { key: string; label: string; value: number };

export type BarOptions = Omit<BarFrameOptions, 'formatTick'> & {
  /** Text printed after each bar (default: the number as is). */
  formatValue?: FormatValue;
  /** Text of the axis ticks (default: formatValue). */
  formatTick?: FormatValue;
  /** Bars never get thicker than this, however few there are (default 28). */
  maxBarHeight?: number;
};

export type PlacedBar = {
  key: string;
  label: string;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
  labelLines: LabelLine[];
  valueLabel: string;
  /** Where the value label starts (or ends, for a negative bar). */
  valueX: number;
  valueY: number;
  valueAnchor: 'start' | 'end';
};

export type BarLayout = {
  width: number;
  height: number;
  bars: PlacedBar[];
  ticks: AxisTick[];
  plot: PlotArea;
  /** x of the value 0. */
  baseline: number;
  /** Right edge of the row labels. */
  labelX: number;
};

const VALUE_GAP = 4;

export function layOutBars(data: readonly BarDatum[], size: ChartSize, options: BarOptions = {}): BarLayout {
  for (const datum of data) {
    if (!Number.isFinite(datum.value)) throw new RangeError(`Bar "${datum.key}" has no finite value: ${datum.value}`);
  }
  const formatValue = options.formatValue ?? String;
  const values = data.map((datum) => datum.value);
  const frame = frameHorizontalBars(
    data.map((datum) => ({ key: datum.key, label: datum.label, valueLabels: [formatValue(datum.value)] })),
    [Math.min(0, ...values), Math.max(0, ...values)],
    size,
    { ...options, formatTick: options.formatTick ?? formatValue },
  );
  const maxBarHeight = options.maxBarHeight ?? 28;
  const bars = data.map((datum, index): PlacedBar => {
    const row = frame.rows[index]!;
    const end = frame.scale(datum.value);
    const height = Math.min(row.bandHeight, maxBarHeight);
    const y = row.top + (row.bandHeight - height) / 2;
    const negative = datum.value < 0;
    const left = roundPx(Math.min(end, frame.baseline));
    const right = roundPx(Math.max(end, frame.baseline));
    return {
      key: datum.key,
      label: datum.label,
      value: datum.value,
      x: left,
      y: roundPx(y),
      // From the rounded ends, so a bar meets the zero line exactly.
      width: roundPx(right - left),
      height: roundPx(height),
      labelLines: row.labelLines,
      valueLabel: formatValue(datum.value),
      valueX: roundPx(negative ? end - VALUE_GAP : end + VALUE_GAP),
      valueY: roundPx(y + height / 2),
      valueAnchor: negative ? 'end' : 'start',
    };
  });
  return {
    width: size.width,
    height: size.height,
    bars,
    ticks: frame.ticks,
    plot: frame.plot,
    baseline: frame.baseline,
    labelX: frame.labelX,
  };
}
