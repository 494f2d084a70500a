/**
 * /data/reconciliation.csv: every reported figure beside the figure computed from the data, with the
 * rows it was computed from, so a reader can check any headline number in a spreadsheet.
 */
import type { Reconciliation } from '../read/reconcile.ts';
import { formatHundredths } from '../format/money.ts';
import { toRowRanges } from '../derive/provenance.ts';
import { formatCsv } from './toCsv.ts';
import { QUALIFIERS, RECONCILE_STATUSES } from '../model/vocabulary.ts';

/** `funds.csv 2–640; projects.csv 2, 5` */
export function formatSources(sources: Reconciliation['sources']): string {
  return sources
    .filter((source) => source.rows.length > 0)
    .map(
      (source) =>
        `${source.file} ${toRowRanges(source.rows)
          .map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`))
          .join(', ')}`,
    )
    .join('; ');
}

export function reconciliationToCsv(reconciliation: readonly Reconciliation[]): string {
  return formatCsv(
    [
      'key',
      'scope_code',
      'project_id',
      'category',
      'label_zh',
      'label_en',
      'unit',
      'qualifier',
      'reported',
      'computed',
      'difference',
      'status',
      'rows_used',
      'reported_row',
    ],
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
  );
}
