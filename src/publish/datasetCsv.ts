/** /data/charts/<code>/<chart>.csv: the data behind each chart, exactly as drawn. */
import type { ChartDataset } from '../derive/chartData.ts';
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
