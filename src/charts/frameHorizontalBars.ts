/**
 * The frame shared by the horizontal bar charts: a column of row labels on the left, a value scale
 * across the middle, room for value labels on the right, and an axis along the bottom. Horizontal
 * bars because place names, in Chinese or in pinyin, are long and read best on one line.
 */
import { scaleBand, scaleLinear, type ScaleLinear } from 'd3-scale';
import type { AxisTick, ChartSize, FormatValue, LabelLine, PlotArea } from './chartTypes.ts';
import { estimateTextWidth, fitLabel } from './estimateTextWidth.ts';
import { linearTicks } from './linearTicks.ts';
import { roundPx } from './roundPx.ts';

export type BarFrameRow = {
  key: string;
  label: string;
  /** Every text that will be printed after this row's bars, so the frame leaves room for it. */
  valueLabels: readonly string[];
};

export type BarFrameOptions = {
  /** Font size of labels in pixels (default 12). */
  fontSize?: number;
  /** The largest share of the width row labels may take before they wrap (default 0.4). */
  maxLabelShare?: number;
  /** Whether to draw a value axis with ticks along the bottom (default true). */
  axis?: boolean;
  formatTick?: FormatValue;
};

export type FramedRow = {
  key: string;
  label: string;
  /** Top of the row's band and its height; bars sit inside it. */
  top: number;
  bandHeight: number;
  labelLines: LabelLine[];
};

export type BarFrame = {
  plot: PlotArea;
  scale: ScaleLinear<number, number>;
  /** x of the value 0, where bars start. */
  baseline: number;
  ticks: AxisTick[];
  rows: FramedRow[];
  /** Right edge of the row labels (they are right-aligned against it). */
  labelX: number;
  fontSize: number;
};

const LABEL_GAP = 8;
const VALUE_GAP = 6;
const TOP = 4;

/** A height that gives each of `rowCount` rows `rowHeight` pixels plus the axis. */
export function heightForRows(rowCount: number, rowHeight = 32, options: { fontSize?: number; axis?: boolean } = {}): number {
  const fontSize = options.fontSize ?? 12;
  return TOP + rowCount * rowHeight + (options.axis === false ? TOP : fontSize + 14);
}

export function frameHorizontalBars(rows: readonly BarFrameRow[], domain: readonly [number, number], size: ChartSize, options: BarFrameOptions = {}): BarFrame {
  const keys = new Set(rows.map((row) => row.key));
  if (keys.size !== rows.length) throw new Error('Chart rows need distinct keys: each key is one row.');
  const fontSize = options.fontSize ?? 12;
  const formatTick = options.formatTick ?? String;
  const axis = options.axis ?? true;
  const bottom = size.height - (axis ? fontSize + 14 : TOP);

  const [low, high] = [Math.min(0, domain[0]), Math.max(0, domain[1])];
  const scale = scaleLinear()
    .domain(low === high ? [0, 1] : [low, high])
    .nice();
  const [niceLow, niceHigh] = scale.domain() as [number, number];

  const widestValue = Math.max(0, ...rows.flatMap((row) => row.valueLabels.map((text) => estimateTextWidth(text, fontSize))));
  const valueRoom = widestValue === 0 ? 0 : widestValue + VALUE_GAP;
  // The last tick label is centred on the right end of the axis and must not run off the chart.
  const tickOverhang = axis ? estimateTextWidth(formatTick(niceHigh), fontSize) / 2 + 2 : 2;
  const right = size.width - Math.max(valueRoom, tickOverhang);
  const leftValueRoom = niceLow < 0 ? valueRoom : 0;

  const widestLabel = Math.max(0, ...rows.map((row) => estimateTextWidth(row.label, fontSize)));
  const labelRoom = Math.min(widestLabel, size.width * (options.maxLabelShare ?? 0.4));
  const labelX = roundPx(Math.max(0, Math.min(labelRoom, right - leftValueRoom - size.width * 0.3)));
  const left = labelX + LABEL_GAP + leftValueRoom;

  scale.range([left, Math.max(left, right)]);
  const band = scaleBand<string>()
    .domain(rows.map((row) => row.key))
    .range([TOP, bottom])
    .paddingInner(0.25)
    .paddingOuter(0.15);
  const bandHeight = band.bandwidth();
  const lineHeight = fontSize * 1.2;
  const maxLines = bandHeight + band.step() * 0.25 >= 2 * lineHeight ? 2 : 1;

  return {
    plot: { left: roundPx(left), top: TOP, right: roundPx(Math.max(left, right)), bottom: roundPx(bottom) },
    scale,
    baseline: roundPx(scale(0)),
    ticks: axis && rows.length > 0 ? linearTicks(scale, { orientation: 'horizontal', formatTick, fontSize }) : [],
    labelX,
    fontSize,
    rows: rows.map((row) => {
      const top = band(row.key) ?? TOP;
      const middle = top + bandHeight / 2;
      const lines = fitLabel(row.label, Math.max(labelX, fontSize * 2), fontSize, maxLines);
      return {
        key: row.key,
        label: row.label,
        top: roundPx(top),
        bandHeight: roundPx(bandHeight),
        labelLines: lines.map((text, index) => ({ text, y: roundPx(middle + (index - (lines.length - 1) / 2) * lineHeight) })),
      };
    }),
  };
}
