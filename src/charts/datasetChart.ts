/**
 * A place's dataset (src/derive/chartData.ts) drawn as its chart: which kind of chart each dataset is,
 * and how its rows and series become the chart's input. The chart images and embed pages draw from
 * here; the pages' DatasetChart.astro hands the same datasets to the chart components.
 */
import type { Locale } from '../i18n/locale.ts';
import type { ChartDataset, ChartId, Labelled } from '../derive/chartData.ts';
import { formatMonth } from '../format/formatNumber.ts';
import { drawBarChart, drawLineChart, drawStackedBarChart, type DrawnChart } from './drawCharts.ts';
import type { LegendItem } from './dataTable.ts';
import { heightForRows } from './frameHorizontalBars.ts';

export type ChartSpec = { type: 'bar' | 'stacked' | 'line'; seriesKey?: string; curve?: 'linear' | 'step' };

/** How each dataset is drawn on the pages (src/views/*.astro pass the same to DatasetChart.astro). */
export const CHART_SPECS: Readonly<Record<ChartId, ChartSpec>> = {
  'funds-by-child': { type: 'stacked' },
  'funds-by-source': { type: 'bar' },
  'funds-over-time': { type: 'line', seriesKey: 'cumulative_yuan', curve: 'step' },
  'projects-by-sector': { type: 'bar' },
  'projects-by-stage': { type: 'bar' },
  'talent-by-kind': { type: 'bar' },
  'talent-by-child': { type: 'stacked' },
  'income-by-month': { type: 'line' },
  'stages-by-month': { type: 'stacked' },
};

/** The words around one chart, in the reader's language: from the page's dictionary. */
export type ChartWords = { title: string; labelHeader: string; valueHeader?: string | undefined; notes: readonly string[] };

/** A row's label: a month in words, a place in English with its Chinese name, or a term. */
export function rowLabel(dataset: Pick<ChartDataset, 'rowKind'>, row: Labelled, locale: Locale): string {
  if (dataset.rowKind === 'month') return formatMonth(row.key, locale);
  if (dataset.rowKind === 'place' && locale === 'en') return `${row.label.en} (${row.label.zh})`;
  return locale === 'en' ? row.label.en : row.label.zh;
}

export type DrawnDataset = DrawnChart & { legend: readonly LegendItem[] };

/** The height a dataset's chart is drawn at: a row per bar, or a fixed height for lines over time. */
export function chartHeight(dataset: Pick<ChartDataset, 'id' | 'rows'>): number {
  return CHART_SPECS[dataset.id].type === 'line' ? LINE_HEIGHT : heightForRows(dataset.rows.length);
}

const LINE_HEIGHT = 260;

/** One dataset drawn as its kind of chart, `width` wide (its height follows from its rows). */
export function drawDataset(dataset: ChartDataset, words: ChartWords, locale: Locale, { id, width }: { id: string; width: number }): DrawnDataset {
  const spec = CHART_SPECS[dataset.id];
  const label = (row: Labelled) => rowLabel(dataset, row, locale);
  const pick = (row: Labelled) => (locale === 'en' ? row.label.en : row.label.zh);
  if (spec.type === 'bar') {
    const drawn = drawBarChart({
      id,
      locale,
      width,
      height: chartHeight(dataset),
      kind: dataset.kind,
      data: dataset.rows.map((row, index) => ({ key: row.key, label: label(row), value: dataset.values[index]?.[0] ?? 0 })),
      labelHeader: words.labelHeader,
      valueHeader: words.valueHeader,
    });
    return { ...drawn, legend: [] };
  }
  if (spec.type === 'stacked') {
    return drawStackedBarChart({
      id,
      locale,
      width,
      height: chartHeight(dataset),
      kind: dataset.kind,
      series: dataset.series.map((s) => ({ key: s.key, label: pick(s) })),
      data: dataset.rows.map((row, index) => ({
        key: row.key,
        label: label(row),
        values: Object.fromEntries(dataset.series.map((s, at) => [s.key, dataset.values[index]?.[at] ?? 0])),
      })),
      labelHeader: words.labelHeader,
    });
  }
  const seriesIndex = Math.max(
    0,
    dataset.series.findIndex((s) => s.key === spec.seriesKey),
  );
  return drawLineChart({
    id,
    locale,
    width,
    height: chartHeight(dataset),
    title: words.title,
    kind: dataset.kind,
    curve: spec.curve,
    series: [
      {
        key: dataset.series[seriesIndex]?.key ?? 'value',
        label: '',
        points: dataset.rows.map((row, index) => ({ x: row.key, y: dataset.values[index]?.[seriesIndex] ?? null })),
      },
    ],
    timeHeader: words.labelHeader,
    strings: words.valueHeader === undefined ? {} : { value: words.valueHeader },
  });
}
