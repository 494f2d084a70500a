/** Shapes shared by the chart layouts: sizes, axis ticks and how a series is drawn. */
import type { PatternName } from './palette.ts';

export type ChartSize = { width: number; height: number };

/** The rectangle the data is drawn in, inside the labels and axes (pixels from the top left). */
export type PlotArea = { left: number; top: number; right: number; bottom: number };

/** One tick of a value axis: the value, where it is along the axis, and its text. */
export type AxisTick = { value: number; position: number; label: string };

/** A line of a (possibly wrapped) label and the y of its middle. */
export type LabelLine = { text: string; y: number };

/**
 * How one series is drawn. Colour is never the only carrier of meaning: each series also has a fill
 * pattern (bars), a dash pattern (lines) and its label, which the charts print next to the marks.
 */
export type SeriesStyle = {
  key: string;
  label: string;
  color: string;
  pattern: PatternName;
  /** SVG stroke-dasharray; '' is a solid line. */
  dash: string;
};

/** Turns a value into the text shown on a chart (value labels, axis ticks). */
export type FormatValue = (value: number) => string;
