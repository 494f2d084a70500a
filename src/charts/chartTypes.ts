/** Shapes shared by the chart layouts: sizes, plot areas, axis ticks, label lines. */

export type ChartSize = { width: number; height: number };

/** The rectangle the data is drawn in, inside the labels and axes (pixels from the top left). */
export type PlotArea = { left: number; top: number; right: number; bottom: number };

/** One tick of a value axis: the value, where it is along the axis, and its text. */
export type AxisTick = { value: number; position: number; label: string };

/** A line of a (possibly wrapped) label and the y of its middle. */
export type LabelLine = { text: string; y: number };

/** Turns a value into the text shown on a chart (value labels, axis ticks). */
export type FormatValue = (value: number) => string;
