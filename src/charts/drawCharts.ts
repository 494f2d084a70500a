/**
 * Each chart drawn from its data: the layout (layOut*.ts), the marks as SVG markup, the accessible
 * description, the data table and the legend. The chart components (src/components/charts/) frame the
 * result on a page; the chart images (chartImage.ts) frame the same marks as a picture, so a chart
 * looks the same wherever it is shown.
 */
import { toDayNumber } from '../model/calendar.ts';
import { fill } from '../i18n/fill.ts';
import type { Locale } from '../i18n/locale.ts';
import { AXIS_COLOR, GRID_COLOR, SERIES_COLORS, TEXT_COLOR, type SeriesStyle } from '../format/palette.ts';
import { formatDate, formatMonth } from '../format/formatNumber.ts';
import { chartStrings, type ChartStrings, type FigureBody } from './chartStrings.ts';
import type { AxisTick, PlotArea } from './chartTypes.ts';
import { formatChartValue, sumChartValues, toPlotNumber, type ChartValue, type ValueKind } from './chartValue.ts';
import type { LegendItem } from './dataTable.ts';
import { describeBars, describeLine, describeStackedBars } from './describeChart.ts';
import { heightForRows } from './frameHorizontalBars.ts';
import { layOutBars } from './layOutBars.ts';
import { layOutLine } from './layOutLine.ts';
import { layOutStackedBars } from './layOutStackedBars.ts';
import { boxLegend, patternId } from './seriesFill.ts';
import { svgElement, svgText } from './svgMarkup.ts';

/** What a chart computed for its figure, with its marks: the inside of its <svg>, as markup. */
export type DrawnChart = FigureBody & { marks: string };

/** What every chart takes besides its data. */
type DrawInput = {
  /** Unique on the page; prefixes the ids of the chart's patterns. */
  id: string;
  /** Used only to format numbers, money and dates. */
  locale: Locale;
  width?: number | undefined;
  height?: number | undefined;
  /** Replaces the description generated from the data. */
  description?: string | undefined;
  strings?: Partial<ChartStrings> | undefined;
};

const FONT_SIZE = 12;

/** Vertical grid lines and labels of a horizontal bar chart's value axis, and the zero line. */
export function barAxisMarks(ticks: readonly AxisTick[], plot: PlotArea, baseline: number, fontSize: number): string {
  return svgElement(
    'g',
    { class: 'chart-axis', 'aria-hidden': 'true' },
    [
      ...ticks.map((tick) =>
        svgElement('line', { x1: tick.position, x2: tick.position, y1: plot.top, y2: plot.bottom, stroke: GRID_COLOR, 'stroke-width': 1 }),
      ),
      ...ticks.map((tick) =>
        svgText('text', { x: tick.position, y: plot.bottom + fontSize + 4, 'text-anchor': 'middle', 'font-size': fontSize, fill: TEXT_COLOR }, tick.label),
      ),
      svgElement('line', { x1: baseline, x2: baseline, y1: plot.top, y2: plot.bottom, stroke: AXIS_COLOR, 'stroke-width': 1 }),
    ].join(''),
  );
}

const TILE = 6;
const ROTATION: Partial<Record<SeriesStyle['pattern'], number>> = {
  diagonal: 45,
  'diagonal-reverse': -45,
  horizontal: 90,
  vertical: 0,
  crosshatch: 45,
  dots: 0,
};

/**
 * Fill patterns for the series of one chart, so series differ in texture as well as colour (for
 * readers who cannot tell the colours apart, and for greyscale print). White strokes over the series
 * colour: the colour still dominates and the pattern stays visible on every hue.
 */
export function seriesPatternMarks(chartId: string, series: readonly SeriesStyle[]): string {
  if (!series.some((style) => style.pattern !== 'solid')) return '';
  const patterns = series.map((style, index) =>
    style.pattern === 'solid'
      ? ''
      : svgElement(
          'pattern',
          {
            id: patternId(chartId, index),
            patternUnits: 'userSpaceOnUse',
            width: TILE,
            height: TILE,
            patternTransform: `rotate(${ROTATION[style.pattern] ?? 0})`,
          },
          [
            svgElement('rect', { width: TILE, height: TILE, fill: style.color }),
            style.pattern === 'dots'
              ? svgElement('circle', { cx: TILE / 2, cy: TILE / 2, r: '1.3', fill: '#ffffff' })
              : svgElement('line', { x1: 0, y1: 0, x2: 0, y2: TILE, stroke: '#ffffff', 'stroke-width': '1.5' }),
            style.pattern === 'crosshatch' ? svgElement('line', { x1: 0, y1: 0, x2: TILE, y2: 0, stroke: '#ffffff', 'stroke-width': '1.5' }) : '',
          ].join(''),
        ),
  );
  return svgElement('defs', {}, patterns.join(''));
}

export type BarChartInput = DrawInput & {
  data: readonly { key: string; label: string; value: ChartValue }[];
  /** money: values are bigint fen; count; percent: values are ratios. */
  kind: ValueKind;
  /** Data-table column headers. */
  labelHeader?: string | undefined;
  valueHeader?: string | undefined;
  /** Mention the total in the description (default: unless kind is percent). */
  showTotal?: boolean | undefined;
  color?: string | undefined;
};

/** Horizontal bars, one per item, with the value printed after each bar. */
export function drawBarChart(input: BarChartInput): DrawnChart {
  const { locale, data, kind, width = 640, labelHeader, valueHeader, color = SERIES_COLORS[0] } = input;
  const text = chartStrings(locale, input.strings);
  const height = input.height ?? heightForRows(data.length);
  const format = (value: ChartValue): string => formatChartValue(value, kind, locale);
  const layout = layOutBars(
    data.map((datum) => ({ key: datum.key, label: datum.label, value: toPlotNumber(datum.value) })),
    { width, height },
    { formatValue: format, fontSize: FONT_SIZE },
  );
  const showTotal = input.showTotal ?? kind !== 'percent';
  const description =
    input.description ??
    describeBars(
      data.map((datum) => ({ label: datum.label, value: toPlotNumber(datum.value), valueText: format(datum.value) })),
      locale,
      showTotal && data.length > 1 ? { totalText: format(sumChartValues(data.map((datum) => datum.value))) } : {},
    );
  const table = {
    columns: [{ label: labelHeader ?? text.item }, { label: valueHeader ?? text.value, numeric: true }],
    rows: data.map((datum) => [datum.label, formatChartValue(datum.value, kind, locale, { precise: true })]),
  };
  const bars = layout.bars.map((bar) =>
    svgElement(
      'g',
      {},
      [
        svgElement(
          'rect',
          { x: bar.x, y: bar.y, width: bar.width, height: bar.height, fill: color },
          svgText('title', {}, fill(text.tooltip, { label: bar.label, value: bar.valueLabel })),
        ),
        ...bar.labelLines.map((line) => svgText('text', { x: layout.labelX, y: line.y, dy: '0.35em', 'text-anchor': 'end' }, line.text)),
        svgText('text', { x: bar.valueX, y: bar.valueY, dy: '0.35em', 'text-anchor': bar.valueAnchor }, bar.valueLabel),
      ].join(''),
    ),
  );
  const marks =
    barAxisMarks(layout.ticks, layout.plot, layout.baseline, FONT_SIZE) +
    svgElement('g', { class: 'chart-bars', 'font-size': FONT_SIZE, fill: TEXT_COLOR }, bars.join(''));
  return { description, width, height, table, marks };
}

export type StackedBarChartInput = DrawInput & {
  /** One entry per bar; `values` by series key (a missing series counts as zero). */
  data: readonly { key: string; label: string; values: Readonly<Partial<Record<string, ChartValue>>> }[];
  /** The series in stacking order, left to right. */
  series: readonly { key: string; label: string }[];
  kind: ValueKind;
  labelHeader?: string | undefined;
};

/**
 * Horizontal stacked bars: one bar per item (e.g. town), split by series (e.g. source of funds),
 * the total printed after each bar. Series differ in colour and fill pattern, named in the legend.
 */
export function drawStackedBarChart(input: StackedBarChartInput): DrawnChart & { legend: LegendItem[] } {
  const { id, locale, data, series, kind, width = 640, labelHeader } = input;
  const text = chartStrings(locale, input.strings);
  const height = input.height ?? heightForRows(data.length);
  const format = (value: ChartValue): string => formatChartValue(value, kind, locale);
  const valuesOf = (datum: StackedBarChartInput['data'][number]): ChartValue[] => series.map(({ key }) => datum.values[key] ?? (kind === 'money' ? 0n : 0));
  const layout = layOutStackedBars(
    data.map((datum) => ({
      key: datum.key,
      label: datum.label,
      values: Object.fromEntries(series.map(({ key }, index) => [key, toPlotNumber(valuesOf(datum)[index]!)])),
    })),
    series,
    { width, height },
    { formatValue: format, fontSize: FONT_SIZE },
  );
  const rowTotals = data.map((datum) => sumChartValues(valuesOf(datum)));
  const seriesTotals = series.map((_, index) => sumChartValues(data.map((datum) => valuesOf(datum)[index]!)));
  const description =
    input.description ??
    describeStackedBars(
      data.map((datum, index) => ({ label: datum.label, value: toPlotNumber(rowTotals[index]!), valueText: format(rowTotals[index]!) })),
      series.map((each, index) => ({ label: each.label, value: toPlotNumber(seriesTotals[index]!), valueText: format(seriesTotals[index]!) })),
      locale,
      data.length > 1 && kind !== 'percent' ? { totalText: format(sumChartValues(rowTotals)) } : {},
    );
  const precise = (value: ChartValue): string => formatChartValue(value, kind, locale, { precise: true });
  const table = {
    columns: [{ label: labelHeader ?? text.item }, ...series.map((each) => ({ label: each.label, numeric: true })), { label: text.total, numeric: true }],
    rows: data.map((datum, index) => [datum.label, ...valuesOf(datum).map(precise), precise(rowTotals[index]!)]),
  };
  const { fills, legend } = boxLegend(id, layout.series);
  const seriesIndex = new Map(layout.series.map((style, index) => [style.key, index]));
  const seriesLabel = new Map(series.map((each) => [each.key, each.label]));
  const stacks = layout.stacks.map((stack) =>
    svgElement(
      'g',
      {},
      [
        ...stack.segments.map((segment) => {
          const index = seriesIndex.get(segment.seriesKey) ?? 0;
          const label = `${stack.label} · ${seriesLabel.get(segment.seriesKey) ?? segment.seriesKey}`;
          return svgElement(
            'rect',
            { x: segment.x, y: segment.y, width: segment.width, height: segment.height, fill: fills[index], stroke: '#ffffff', 'stroke-width': 1 },
            svgText('title', {}, fill(text.tooltip, { label, value: format(segment.value) })),
          );
        }),
        ...stack.labelLines.map((line) => svgText('text', { x: layout.labelX, y: line.y, dy: '0.35em', 'text-anchor': 'end' }, line.text)),
        svgText('text', { x: stack.totalX, y: stack.totalY, dy: '0.35em' }, stack.totalLabel),
      ].join(''),
    ),
  );
  const marks =
    seriesPatternMarks(id, layout.series) +
    barAxisMarks(layout.ticks, layout.plot, layout.baseline, FONT_SIZE) +
    svgElement('g', { class: 'chart-bars', 'font-size': FONT_SIZE, fill: TEXT_COLOR }, stacks.join(''));
  return { description, width, height, table, legend, marks };
}

export type LineChartInput = DrawInput & {
  /** Names a single line's path when the series has no label of its own. */
  title: string;
  /** `x` is `YYYY-MM` or `YYYY-MM-DD`; `y` null is a gap. A single series may have an empty label. */
  series: readonly { key: string; label: string; points: readonly { x: string; y: ChartValue | null }[] }[];
  kind: ValueKind;
  /** 'step' for running totals that change in jumps (funds secured on given days). */
  curve?: 'linear' | 'step' | undefined;
  /** Data-table header of the time column. */
  timeHeader?: string | undefined;
};

/**
 * Lines over calendar time: cumulative funds, or collective income month by month for each town.
 * With several series each line is named at its end and in the legend, and differs in dash too.
 */
export function drawLineChart(input: LineChartInput): DrawnChart & { legend: LegendItem[] } {
  const { title, locale, series, kind, curve = 'linear', width = 640, height = 320, timeHeader } = input;
  const text = chartStrings(locale, input.strings);
  const format = (value: number): string => formatChartValue(value, kind, locale);
  const formatX = (x: string): string => (x.length === 7 ? formatMonth(x, locale) : formatDate(x, locale));
  const layout = layOutLine(
    series.map((each) => ({
      key: each.key,
      label: each.label,
      points: each.points.map((point) => ({ x: point.x, y: point.y === null ? null : toPlotNumber(point.y) })),
    })),
    { width, height },
    { formatValue: format, formatX, curve, fontSize: FONT_SIZE },
  );
  const description =
    input.description ??
    describeLine(
      layout.lines.map((line) => ({
        label: line.label,
        points: line.points.map((point) => ({ xText: formatX(point.x), value: point.y, valueText: format(point.y) })),
      })),
      locale,
    );
  const times = [...new Set(layout.lines.flatMap((line) => line.points.map((point) => point.x)))].sort(
    (a, b) => toDayNumber(a) - toDayNumber(b) || a.localeCompare(b),
  );
  const valueAt = layout.lines.map((line) => new Map(line.points.map((point) => [point.x, point.y])));
  const table = {
    columns: [{ label: timeHeader ?? text.time }, ...layout.lines.map((line) => ({ label: line.label === '' ? text.value : line.label, numeric: true }))],
    rows: times.map((x) => [
      formatX(x),
      ...valueAt.map((values) => {
        const value = values.get(x);
        return value === undefined ? '—' : formatChartValue(value, kind, locale, { precise: true });
      }),
    ]),
  };
  const legend: LegendItem[] =
    layout.lines.length > 1 ? layout.lines.map((line) => ({ label: line.label, mark: 'line', color: line.color, fill: line.color, dash: line.dash })) : [];
  const { plot } = layout;
  const axis = [
    ...layout.yTicks.map((tick) =>
      svgElement('line', { x1: plot.left, x2: plot.right, y1: tick.position, y2: tick.position, stroke: GRID_COLOR, 'stroke-width': 1 }),
    ),
    ...layout.yTicks.map((tick) => svgText('text', { x: plot.left - 6, y: tick.position, dy: '0.35em', 'text-anchor': 'end' }, tick.label)),
    layout.lines.length > 0
      ? svgElement('line', { x1: plot.left, x2: plot.right, y1: plot.bottom, y2: plot.bottom, stroke: AXIS_COLOR, 'stroke-width': 1 })
      : '',
    ...layout.xTicks.map((tick) =>
      svgElement('line', { x1: tick.position, x2: tick.position, y1: plot.bottom, y2: plot.bottom + 4, stroke: AXIS_COLOR, 'stroke-width': 1 }),
    ),
    ...layout.xTicks.map((tick) => svgText('text', { x: tick.position, y: plot.bottom + FONT_SIZE + 8, 'text-anchor': 'middle' }, tick.label)),
  ];
  const lines = layout.lines.map((line) =>
    svgElement(
      'g',
      {},
      [
        line.path === ''
          ? ''
          : svgElement(
              'path',
              {
                d: line.path,
                fill: 'none',
                stroke: line.color,
                'stroke-width': 2,
                'stroke-dasharray': line.dash === '' ? undefined : line.dash,
                'stroke-linejoin': 'round',
              },
              svgText('title', {}, line.label === '' ? title : line.label),
            ),
        ...(layout.showMarkers
          ? line.points.map((point) =>
              svgElement(
                'circle',
                { cx: point.px, cy: point.py, r: 3, fill: line.color },
                svgText(
                  'title',
                  {},
                  fill(text.tooltip, { label: line.label === '' ? formatX(point.x) : `${line.label} · ${formatX(point.x)}`, value: format(point.y) }),
                ),
              ),
            )
          : []),
        line.endLabel === null ? '' : svgText('text', { x: line.endLabel.x, y: line.endLabel.y, dy: '0.35em' }, line.endLabel.text),
      ].join(''),
    ),
  );
  const marks =
    svgElement('g', { class: 'chart-axis', 'font-size': FONT_SIZE, fill: TEXT_COLOR }, axis.join('')) +
    svgElement('g', { class: 'chart-lines', 'font-size': FONT_SIZE, fill: TEXT_COLOR }, lines.join(''));
  return { description, width, height, table, legend, marks };
}
