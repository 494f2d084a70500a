/** What a chart's figure shows besides the SVG: its data as a table, and its legend. */

export type DataTableColumn = { label: string; numeric?: boolean };

/** Cells are already formatted text; the first cell of each row names the row. */
export type DataTable = {
  columns: readonly DataTableColumn[];
  rows: readonly (readonly string[])[];
};

/** One legend entry: a filled box (bars) or a stroked line (line charts). */
export type LegendItem = {
  label: string;
  mark: 'box' | 'line';
  color: string;
  /** Fill of a box: the colour or `url(#pattern)`. */
  fill: string;
  /** Dash array of a line; '' is solid. */
  dash: string;
};
