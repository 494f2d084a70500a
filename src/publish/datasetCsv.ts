/** /data/charts/<code>/<chart>.csv: the data behind each chart, exactly as drawn. */
import type { ChartDataset } from '../derive/chartData.ts';
import type { Site } from '../derive/buildSite.ts';
import { formatHundredths } from '../format/money.ts';
import { formatCsv, type CsvCell, type CsvColumnType } from './toCsv.ts';

/** A dataset as its CSV: key, label_zh, label_en, then one column per series; money in exact yuan. */
export function datasetToCsv(dataset: ChartDataset): string {
  const rows: CsvCell[][] = dataset.rows.map((row, index) => [
    row.key,
    row.label.zh,
    row.label.en,
    ...(dataset.values[index] ?? []).map((value) => (typeof value === 'bigint' ? formatHundredths(value) : value)),
  ]);
  return formatCsv(['key', 'label_zh', 'label_en', ...dataset.series.map((s) => s.key)], rows, [
    'text',
    'text',
    'text',
    ...dataset.series.map((): CsvColumnType => 'number'),
  ]);
}

type ChartSite = Pick<Site, 'places' | 'datasets'>;

/** Every chart of every place, as the params of /data/charts/<code>/<chart>.csv. */
export function chartCsvParams(site: ChartSite): { code: string; chart: string }[] {
  return site.places.flatMap((place) => site.datasets(place.code).map((dataset) => ({ code: place.code, chart: `${dataset.id}.csv` })));
}

/** The CSV behind one chart of one place, by its file name; undefined when there is none. */
export function chartCsv(site: ChartSite, code: string, chart: string): string | undefined {
  const dataset = site.datasets(code).find((d) => `${d.id}.csv` === chart);
  return dataset === undefined ? undefined : datasetToCsv(dataset);
}
