/**
 * /data/reconciliation.csv: every reported figure beside the figure computed from the data, with the
 * rows it was computed from, so a reader can check any headline number in a spreadsheet.
 */
import type { Reconciliation } from '../read/reconcile.ts';
import { formatHundredths } from '../format/money.ts';
import { toRowRanges } from '../derive/provenance.ts';
import { formatCsv, type CsvColumnType } from './toCsv.ts';
import { QUALIFIERS, RECONCILE_STATUSES } from '../model/vocabulary.ts';

/** How much of a long list of rows to show: so many ranges a file, then an ellipsis and `more(rows)`, if given. */
export type SourcesCut = { maxRanges: number; more?: (rows: number) => string };

/**
 * `funds.csv 2–640; projects.csv 2, 5`. Cut, a file's ranges after `maxRanges` are left out: a
 * province's rows of one file are thousands of ranges, which a panel has no room for (its download
 * names every row).
 */
export function formatSources(sources: Reconciliation['sources'], cut?: SourcesCut): string {
  const maxRanges = cut?.maxRanges ?? Number.POSITIVE_INFINITY;
  return sources
    .filter((source) => source.rows.length > 0)
    .map((source) => {
      const ranges = toRowRanges(source.rows);
      const shown = ranges.slice(0, maxRanges).map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`));
      if (ranges.length <= maxRanges) return `${source.file} ${shown.join(', ')}`;
      const more = cut?.more?.(source.rows.length);
      return `${source.file} ${[...shown, '…'].join(', ')}${more === undefined ? '' : ` ${more}`}`;
    })
    .join('; ');
}

/** The columns and what each holds: a negative difference is a number, a label is text (toCsv.ts). */
const COLUMNS: readonly (readonly [string, CsvColumnType])[] = [
  ['key', 'text'],
  ['scope_code', 'text'],
  ['project_id', 'text'],
  ['category', 'text'],
  ['label_zh', 'text'],
  ['label_en', 'text'],
  ['unit', 'text'],
  ['qualifier', 'text'],
  ['reported', 'number'],
  ['computed', 'number'],
  ['difference', 'number'],
  ['status', 'text'],
  ['rows_used', 'text'],
  ['reported_row', 'number'],
];

export function reconciliationToCsv(reconciliation: readonly Reconciliation[]): string {
  return formatCsv(
    COLUMNS.map(([name]) => name),
    reconciliation.map((r) => [
      r.key,
      r.scopeCode,
      r.projectId,
      r.category,
      r.label.zh,
      r.label.en,
      r.unit,
      QUALIFIERS[r.qualifier].zh,
      formatHundredths(r.reported),
      r.computed === undefined ? undefined : formatHundredths(r.computed),
      r.difference === undefined ? undefined : formatHundredths(r.difference),
      `${RECONCILE_STATUSES[r.status].zh} ${RECONCILE_STATUSES[r.status].en}`,
      formatSources(r.sources),
      r.reportedRow,
    ]),
    COLUMNS.map(([, type]) => type),
  );
}
