/**
 * Reported versus computed: for each figure an official report gives (e.g. a count of projects, an amount of
 * funds), a pair of bars, the reported figure above the one computed from the data, so a reader sees
 * at a glance where they differ. Figures in different units share a chart, so by default each pair
 * has its own scale (the larger of the two spans the plot); `sharedScale` puts all on one axis.
 */
import { scaleLinear } from 'd3-scale';
import type { AxisTick, ChartSize, LabelLine, PlotArea } from './chartTypes.ts';
import type { SeriesStyle } from '../format/palette.ts';
import { estimateTextWidth } from './estimateTextWidth.ts';
import { frameHorizontalBars, type BarFrameOptions } from './frameHorizontalBars.ts';
import { styleSeries } from '../format/palette.ts';
import { roundPx } from './roundPx.ts';
import { judgeFigure, type ReconcileStatus } from '../model/vocabulary.ts';

export type ComparisonDatum = {
  key: string;
  label: string;
  reported: number | null;
  computed: number | null;
  /** 'at-least': the report gives a lower bound ("百余"), so any computed value at or above it agrees. */
  qualifier?: 'exact' | 'at-least';
};

export type ComparisonSide = 'reported' | 'computed';

export type ComparisonOptions = Omit<BarFrameOptions, 'axis' | 'formatTick'> & {
  /** Text after a bar; it gets the row and side so units and wording can differ per row. */
  formatValue?: (value: number, datum: ComparisonDatum, side: ComparisonSide) => string;
  /** Words for the two series (legend, tooltips). */
  seriesLabels?: Readonly<Record<ComparisonSide, string>>;
  /** Words printed at the right end of each row for its status; omit to print none. */
  statusLabels?: Readonly<Record<ReconcileStatus, string>>;
  /** One axis for all rows; only meaningful when every row has the same unit (default false). */
  sharedScale?: boolean;
  formatTick?: (value: number) => string;
  /** Height of each of the two bars (default 14). */
  maxBarHeight?: number;
};

export type PlacedComparisonBar = {
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
  valueLabel: string;
  valueX: number;
  valueY: number;
};

export type PlacedComparison = {
  key: string;
  label: string;
  labelLines: LabelLine[];
  reported: PlacedComparisonBar | null;
  computed: PlacedComparisonBar | null;
  status: ReconcileStatus;
  /** computed − reported, when both exist. */
  difference: number | null;
  statusLabel: string;
  statusX: number;
  statusY: number;
};

export type ComparisonLayout = {
  width: number;
  height: number;
  rows: PlacedComparison[];
  /** Styles of the reported and computed bars, in that order. */
  series: SeriesStyle[];
  /** Empty unless `sharedScale`. */
  ticks: AxisTick[];
  plot: PlotArea;
  labelX: number;
};

const BAR_GAP = 2;
const VALUE_GAP = 4;
const STATUS_GAP = 12;

/** Whether the computed figure agrees with the reported one (model/vocabulary.ts judges); a missing side is 'not-computed'. */
export function compareFigures(datum: Pick<ComparisonDatum, 'reported' | 'computed' | 'qualifier'>): ReconcileStatus {
  if (datum.reported === null) return 'not-computed';
  return judgeFigure(datum.qualifier ?? 'exact', datum.reported, datum.computed ?? undefined);
}

export function layOutComparison(data: readonly ComparisonDatum[], size: ChartSize, options: ComparisonOptions = {}): ComparisonLayout {
  const fontSize = options.fontSize ?? 12;
  const formatValue = options.formatValue ?? ((value: number) => String(value));
  const shared = options.sharedScale ?? false;
  for (const datum of data) {
    for (const value of [datum.reported, datum.computed]) {
      if (value !== null && (!Number.isFinite(value) || value < 0)) throw new RangeError(`"${datum.key}" has an invalid value: ${value}`);
    }
  }
  const statuses = data.map(compareFigures);
  const statusTexts = statuses.map((status) => options.statusLabels?.[status] ?? '');
  const widestStatus = Math.max(0, ...statusTexts.map((text) => estimateTextWidth(text, fontSize)));
  const statusRoom = widestStatus === 0 ? 0 : widestStatus + STATUS_GAP;

  const valuesOf = (datum: ComparisonDatum): number[] => [datum.reported, datum.computed].filter((value) => value !== null);
  const sideLabels = (datum: ComparisonDatum): string[] =>
    (['reported', 'computed'] as const).flatMap((side) => (datum[side] === null ? [] : [formatValue(datum[side], datum, side)]));
  const frame = frameHorizontalBars(
    data.map((datum) => ({ key: datum.key, label: datum.label, valueLabels: sideLabels(datum) })),
    [0, shared ? Math.max(0, ...data.flatMap(valuesOf)) : 1],
    { width: size.width - statusRoom, height: size.height },
    { ...options, axis: shared, ...(options.formatTick === undefined ? {} : { formatTick: options.formatTick }) },
  );
  const barHeight = options.maxBarHeight ?? 14;

  const rows = data.map((datum, index): PlacedComparison => {
    const row = frame.rows[index]!;
    const rowMax = Math.max(0, ...valuesOf(datum));
    const scale = shared
      ? frame.scale
      : scaleLinear()
          .domain([0, rowMax === 0 ? 1 : rowMax])
          .range([frame.plot.left, frame.plot.right]);
    const height = Math.min(barHeight, (row.bandHeight - BAR_GAP) / 2);
    const pairTop = row.top + (row.bandHeight - (2 * height + BAR_GAP)) / 2;
    const place = (side: ComparisonSide, y: number): PlacedComparisonBar | null => {
      const value = datum[side];
      if (value === null) return null;
      const end = scale(value);
      return {
        value,
        x: roundPx(frame.plot.left),
        y: roundPx(y),
        width: roundPx(end - frame.plot.left),
        height: roundPx(height),
        valueLabel: formatValue(value, datum, side),
        valueX: roundPx(end + VALUE_GAP),
        valueY: roundPx(y + height / 2),
      };
    };
    const status = statuses[index]!;
    return {
      key: datum.key,
      label: datum.label,
      labelLines: row.labelLines,
      reported: place('reported', pairTop),
      computed: place('computed', pairTop + height + BAR_GAP),
      status,
      difference: datum.reported === null || datum.computed === null ? null : datum.computed - datum.reported,
      statusLabel: statusTexts[index]!,
      statusX: roundPx(size.width - widestStatus),
      statusY: roundPx(row.top + row.bandHeight / 2),
    };
  });

  const labels = options.seriesLabels ?? { reported: 'reported', computed: 'computed' };
  return {
    width: size.width,
    height: size.height,
    rows,
    series: styleSeries([
      { key: 'reported', label: labels.reported },
      { key: 'computed', label: labels.computed },
    ]),
    ticks: frame.ticks,
    plot: frame.plot,
    labelX: frame.labelX,
  };
}
