/** How a series' marks are filled: its plain colour, or a pattern defined once per chart. */
import type { SeriesStyle } from './chartTypes.ts';

/** The id of a series' pattern; `chartId` keeps ids unique when a page shows several charts. */
export function patternId(chartId: string, seriesIndex: number): string {
  return `${chartId}-pattern-${seriesIndex}`;
}

/** The SVG `fill` of a series: a colour, or `url(#…)` pointing at its pattern. */
export function seriesFill(chartId: string, style: Pick<SeriesStyle, 'color' | 'pattern'>, seriesIndex: number): string {
  return style.pattern === 'solid' ? style.color : `url(#${patternId(chartId, seriesIndex)})`;
}
