/**
 * A line chart over calendar time: one or more series of (date or month, value) points, such as the
 * cumulative funds secured or each town's collective income month by month. With several series
 * each line is labelled at its end in words, and differs in dash as well as colour.
 */
import { scaleLinear } from 'd3-scale';
import { curveLinear, curveStepAfter, line } from 'd3-shape';
import { monthTicks } from './monthTicks.ts';
import { toDayNumber } from '../model/calendar.ts';
import type { AxisTick, ChartSize, FormatValue, PlotArea } from './chartTypes.ts';
import type { SeriesStyle } from '../format/palette.ts';
import { estimateTextWidth, fitLabel } from './estimateTextWidth.ts';
import { linearTicks } from './linearTicks.ts';
import { styleSeries } from '../format/palette.ts';
import { roundPx } from './roundPx.ts';

/** `x` is a `YYYY-MM` month or a `YYYY-MM-DD` date; `y` null leaves a gap in the line. */
export type LinePoint = { x: string; y: number | null };

export type LineSeriesInput = { key: string; label: string; points: readonly LinePoint[] };

export type LineOptions = {
  /** Text of y-axis ticks (default: the number as is). */
  formatValue?: FormatValue;
  /** Text of an x tick, given `YYYY-MM` for month ticks or a data point's x (default: as is). */
  formatX?: (x: string) => string;
  /** 'step' holds each value until the next point: right for running totals that change in jumps. */
  curve?: 'linear' | 'step';
  fontSize?: number;
  /** Label each line at its end (default: when there is more than one series). */
  endLabels?: boolean;
};

export type PlacedPoint = { x: string; y: number; px: number; py: number };

export type PlacedLine = SeriesStyle & {
  /** The points that have a value, in time order. */
  points: PlacedPoint[];
  /** SVG path data; empty when the series has no point with a value. */
  path: string;
  endLabel: { text: string; x: number; y: number } | null;
};

export type TimeTick = { value: string; position: number; label: string };

export type LineLayout = {
  width: number;
  height: number;
  lines: PlacedLine[];
  xTicks: TimeTick[];
  yTicks: AxisTick[];
  plot: PlotArea;
  /** Whether points are few enough to draw a marker on each. */
  showMarkers: boolean;
};

const MAX_MARKED_POINTS = 36;
const GAP = 8;

const isSeriesList = (data: readonly LinePoint[] | readonly LineSeriesInput[]): data is readonly LineSeriesInput[] => data.length > 0 && 'points' in data[0]!;

/**
 * Lays out one series (pass its points) or several (pass `{ key, label, points }` per series).
 * Empty data gives a layout with no lines and no ticks.
 */
export function layOutLine(data: readonly LinePoint[] | readonly LineSeriesInput[], size: ChartSize, options: LineOptions = {}): LineLayout {
  const seriesList: readonly LineSeriesInput[] = isSeriesList(data) ? data : data.length > 0 ? [{ key: 'value', label: '', points: data }] : [];
  const fontSize = options.fontSize ?? 12;
  const formatValue = options.formatValue ?? String;
  const formatX = options.formatX ?? ((x: string) => x);
  const endLabels = options.endLabels ?? seriesList.length > 1;

  const timed = seriesList.map((series) =>
    series.points
      .map((point) => {
        if (point.y !== null && !Number.isFinite(point.y)) throw new RangeError(`"${series.key}" at ${point.x} has no finite value`);
        return { ...point, day: toDayNumber(point.x) };
      })
      .sort((a, b) => a.day - b.day),
  );
  const days = timed.flat().map((point) => point.day);
  const values = timed.flat().flatMap((point) => (point.y === null ? [] : [point.y]));
  const top = Math.ceil(fontSize / 2) + 2;
  const bottom = size.height - (fontSize + 14);
  if (days.length === 0) {
    return {
      width: size.width,
      height: size.height,
      lines: [],
      xTicks: [],
      yTicks: [],
      plot: { left: 0, top, right: size.width, bottom: roundPx(bottom) },
      showMarkers: false,
    };
  }

  const yScale = scaleLinear()
    .domain([Math.min(0, ...values), Math.max(0, ...values)])
    .range([bottom, top]);
  if (values.every((value) => value === 0)) yScale.domain([0, 1]);
  yScale.nice();
  const yTicks = linearTicks(yScale, { orientation: 'vertical', formatTick: formatValue, fontSize });

  const styles = styleSeries(seriesList);
  const endLabelWidth = Math.min(size.width * 0.3, Math.max(0, ...seriesList.map((series) => estimateTextWidth(series.label, fontSize))));
  const firstDay = Math.min(...days);
  const lastDay = Math.max(...days);
  const sampleX = formatX(timed.flat()[0]!.x);
  const left = Math.max(...yTicks.map((tick) => estimateTextWidth(tick.label, fontSize)), 0) + GAP;
  // The first and last x tick labels are centred on the plot's edges and must stay inside the chart.
  const halfX = estimateTextWidth(sampleX, fontSize) / 2 + 2;
  const right = size.width - Math.max(endLabels ? endLabelWidth + GAP : 0, halfX);
  const plotLeft = Math.max(left, halfX);
  const xScale = scaleLinear()
    .domain(firstDay === lastDay ? [firstDay - 1, lastDay + 1] : [firstDay, lastDay])
    .range([plotLeft, Math.max(plotLeft, right)]);

  const maxXTicks = Math.max(1, Math.floor((right - plotLeft) / (estimateTextWidth(sampleX, fontSize) + 16)) + 1);
  let xTicks: TimeTick[] = monthTicks(firstDay, lastDay, maxXTicks).map((tick) => ({
    value: tick.month,
    position: roundPx(xScale(tick.day)),
    label: formatX(tick.month),
  }));
  if (xTicks.length < 2) {
    // Less than two month starts in range: label the data's own dates instead, evenly thinned.
    const distinct = [...new Map(timed.flat().map((point) => [point.day, point.x])).entries()].sort((a, b) => a[0] - b[0]);
    const step = Math.ceil(distinct.length / maxXTicks);
    xTicks = distinct.filter((_, index) => index % step === 0).map(([day, x]) => ({ value: x, position: roundPx(xScale(day)), label: formatX(x) }));
  }

  const path = line<{ px: number; py: number; defined: boolean }>()
    .defined((point) => point.defined)
    .x((point) => point.px)
    .y((point) => point.py)
    .curve(options.curve === 'step' ? curveStepAfter : curveLinear)
    .digits(1);

  const lines = seriesList.map((series, index): PlacedLine => {
    const placed = timed[index]!.map((point) => ({
      x: point.x,
      y: point.y ?? 0,
      px: roundPx(xScale(point.day)),
      py: roundPx(yScale(point.y ?? 0)),
      defined: point.y !== null,
    }));
    const points = placed.filter((point) => point.defined).map(({ x, y, px, py }) => ({ x, y, px, py }));
    const last = points[points.length - 1];
    return {
      ...styles[index]!,
      points,
      path: points.length === 0 ? '' : (path(placed) ?? ''),
      endLabel:
        endLabels && last !== undefined && series.label !== ''
          ? { text: fitLabel(series.label, endLabelWidth, fontSize, 1)[0]!, x: roundPx(last.px + GAP / 2), y: last.py }
          : null,
    };
  });
  spreadEndLabels(lines, fontSize * 1.2, top, bottom);

  return {
    width: size.width,
    height: size.height,
    lines,
    xTicks,
    yTicks,
    plot: { left: roundPx(plotLeft), top, right: roundPx(Math.max(plotLeft, right)), bottom: roundPx(bottom) },
    showMarkers: Math.max(...lines.map((each) => each.points.length)) <= MAX_MARKED_POINTS,
  };
}

/** Moves end labels apart vertically so no two overlap, keeping them inside the plot. */
function spreadEndLabels(lines: PlacedLine[], lineHeight: number, top: number, bottom: number): void {
  const labels = lines.flatMap((each) => (each.endLabel === null ? [] : [each.endLabel])).sort((a, b) => a.y - b.y);
  for (let index = 1; index < labels.length; index += 1) {
    labels[index]!.y = Math.max(labels[index]!.y, labels[index - 1]!.y + lineHeight);
  }
  const overflow = (labels[labels.length - 1]?.y ?? bottom) - bottom;
  if (overflow > 0) {
    for (let index = labels.length - 1; index >= 0; index -= 1) {
      const below = labels[index + 1];
      labels[index]!.y = Math.min(labels[index]!.y, below === undefined ? bottom : below.y - lineHeight);
    }
  }
  for (const label of labels) label.y = roundPx(Math.max(top, label.y));
}
