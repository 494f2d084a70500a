/** How a series' marks are filled: its plain colour, or a pattern defined once per chart. */
import type { SeriesStyle } from '../format/palette.ts';
import type { LegendItem } from './dataTable.ts';

/** The id of a series' pattern; `chartId` keeps ids unique when a page shows several charts. */
export function patternId(chartId: string, seriesIndex: number): string {
  return `${chartId}-pattern-${seriesIndex}`;
}

/** The SVG `fill` of a series: a colour, or `url(#…)` pointing at its pattern. */
export function seriesFill(chartId: string, style: Pick<SeriesStyle, 'color' | 'pattern'>, seriesIndex: number): string {
  return style.pattern === 'solid' ? style.color : `url(#${patternId(chartId, seriesIndex)})`;
}

/** The fills of bar series and their legend, a filled box each. */
export function boxLegend(
  chartId: string,
  series: readonly (Pick<SeriesStyle, 'color' | 'pattern'> & { label: string })[],
): { fills: string[]; legend: LegendItem[] } {
  const fills = series.map((style, index) => seriesFill(chartId, style, index));
  const legend = series.map((style, index): LegendItem => ({ label: style.label, mark: 'box', color: style.color, fill: fills[index]!, dash: '' }));
  return { fills, legend };
}
