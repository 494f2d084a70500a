/**
 * Which values on a page rest on illustrative rows. A figure computed from even one illustrative
 * row is illustrative; a reported figure never is (it is the official source itself), so nothing
 * official is ever labelled illustrative.
 */
import type { PlaceSummary } from './aggregate.ts';
import type { SourceRows } from '../read/reconcile.ts';
import type { AnyTable } from '../read/field.ts';
import { RECORD_KEYS, type Records } from '../read/tables.ts';

type MaybeIllustrative = { readonly provenance?: string | undefined };

export const isIllustrative = (row: MaybeIllustrative): boolean => row.provenance === 'illustrative';

export const anyIllustrative = (rows: readonly MaybeIllustrative[]): boolean => rows.some(isIllustrative);

/** Whether any of the rows a figure was added up from is illustrative. */
export function sourcesIllustrative(records: Records, sources: readonly SourceRows[]): boolean {
  return sources.some(({ file, rows }) => {
    const key = RECORD_KEYS[file as keyof typeof RECORD_KEYS];
    if (key === undefined) return false;
    const used = new Set(rows);
    return (records[key] as readonly (MaybeIllustrative & { row: number })[]).some((r) => used.has(r.row) && isIllustrative(r));
  });
}

/** Whether a place's page shows any illustrative value (its projects, funds, talent, pairings or reviews). */
export function summaryIllustrative(summary: PlaceSummary): boolean {
  return [summary.projects, summary.funds, summary.talent, summary.pairings, summary.monthly].some(anyIllustrative);
}

/** Rows as runs, for citing them compactly: [2, 3, 4, 7] → [[2, 4], [7, 7]]. */
export function toRowRanges(rows: readonly number[]): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const row of sorted) {
    const last = ranges.at(-1);
    if (last !== undefined && row === last[1] + 1) last[1] = row;
    else ranges.push([row, row]);
  }
  return ranges;
}

export type FileProvenance = 'official' | 'illustrative';

/** A file is official only when every row in it is; one illustrative row makes it illustrative. */
export function provenanceOf(records: Records, table: AnyTable): { provenance: FileProvenance; officialRows: number; rows: number } {
  const rows = records[RECORD_KEYS[table.file as keyof typeof RECORD_KEYS]] as { provenance?: string }[];
  const officialRows = rows.filter((row) => row.provenance !== 'illustrative').length;
  return { provenance: officialRows === rows.length ? 'official' : 'illustrative', officialRows, rows: rows.length };
}
