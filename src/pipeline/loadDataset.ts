/**
 * The whole pipeline from the files' bytes to a report: read every table, validate across files,
 * reconcile with the reported figures, and count every row so none is silently dropped.
 * Pure: the caller reads the files (scripts/ from disk, tests from fixtures).
 */
import { ascending } from 'd3-array';
import type { Encoding } from './decode.ts';
import { isError, type Problem } from './problem.ts';
import { readTable, type TableRead } from './readTable.ts';
import { reconcile, reconcileProblems, type Reconciliation } from './reconcile.ts';
import { RECORD_KEYS, TABLES, type Records } from './tables.ts';
import { validateRecords, type ColumnPositions, type RejectedKeys } from './validate.ts';

/** Conservation, per file: read = accepted + rejected (blank rows are counted apart). */
export type FileSummary = {
  file: string;
  encoding: Encoding | undefined;
  read: number;
  accepted: number;
  rejected: number;
  blank: number;
  errors: number;
  warnings: number;
};

export type Report = {
  ok: boolean;
  files: FileSummary[];
  problems: Problem[];
  reconciliation: Reconciliation[];
  errors: number;
  warnings: number;
};

export type LoadedDataset = { records: Records; report: Report };

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

// Files in the order of TABLES; an unknown file (-1) comes first, as findIndex would place it.
const FILE_ORDER = new Map<string, number>(TABLES.map((table, index) => [table.file, index]));
const fileOrder = (problem: Problem): number => FILE_ORDER.get(problem.file) ?? -1;

function byLocation(a: Problem, b: Problem): number {
  const letterA = a.columnLetter ?? '';
  const letterB = b.columnLetter ?? '';
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    fileOrder(a) - fileOrder(b) ||
    (a.row ?? 0) - (b.row ?? 0) ||
    letterA.length - letterB.length ||
    // Letters are A–Z only: compared by code unit; a locale's collation costs far more in a sort of many problems.
    ascending(letterA, letterB)
  );
}

export function loadDataset(files: ReadonlyMap<string, Uint8Array>): LoadedDataset {
  const reads: TableRead[] = TABLES.map((table) => readTable(table, files.get(table.file)));
  const records = Object.fromEntries(
    reads.map((read) => [RECORD_KEYS[read.file as keyof typeof RECORD_KEYS], read.records]),
  ) as unknown as Records;
  const positions: ColumnPositions = Object.fromEntries(reads.map((read) => [read.file, read.columns]));
  const rejected: RejectedKeys = Object.fromEntries(reads.map((read) => [read.file, read.rejectedKeys]));

  const reconciliation = reconcile(records);
  const problems = [
    ...reads.flatMap((read) => read.problems),
    ...validateRecords(records, positions, rejected),
    ...reconcileProblems(reconciliation, positions),
    ...unexpectedFiles(files),
  ].sort(byLocation);

  // One walk over the problems tallies every file, rather than one filter per file.
  const tallies = new Map<string, { errors: number; warnings: number; rejectedRows: Set<number> }>();
  for (const problem of problems) {
    let tally = tallies.get(problem.file);
    if (tally === undefined) tallies.set(problem.file, (tally = { errors: 0, warnings: 0, rejectedRows: new Set() }));
    if (isError(problem)) {
      tally.errors += 1;
      if (problem.row !== undefined) tally.rejectedRows.add(problem.row);
    } else if (problem.severity === 'warning') tally.warnings += 1;
  }

  const summaries = reads.map((read): FileSummary => {
    const tally = tallies.get(read.file);
    const rejectedRows = tally?.rejectedRows;
    // A row is accepted when it became a record and no later rule rejected it; every other row read is rejected.
    let accepted = read.records.length;
    if (rejectedRows !== undefined && rejectedRows.size > 0) {
      for (const record of read.records) if (rejectedRows.has(record.row)) accepted -= 1;
    }
    return {
      file: read.file,
      encoding: read.encoding,
      read: read.rowsRead,
      accepted,
      rejected: read.rowsRead - accepted,
      blank: read.blankRows.length,
      errors: tally?.errors ?? 0,
      warnings: tally?.warnings ?? 0,
    };
  });

  const errors = problems.filter(isError).length;
  return {
    records,
    report: {
      ok: errors === 0,
      files: summaries,
      problems,
      reconciliation,
      errors,
      warnings: problems.filter((p) => p.severity === 'warning').length,
    },
  };
}

/** A CSV in data/ that the tool does not know would otherwise be ignored without a word. */
function unexpectedFiles(files: ReadonlyMap<string, Uint8Array>): Problem[] {
  const known = new Set<string>(TABLES.map((t) => t.file));
  return [...files.keys()]
    .filter((name) => name.toLowerCase().endsWith('.csv') && !known.has(name))
    .map((file) => ({
      severity: 'warning' as const,
      rule: 'unknown-file' as const,
      file,
      message: { zh: `未知文件 ${file}，不会发布`, en: `Unknown file ${file}; it is not published` },
      hint: {
        zh: `数据文件为：${TABLES.map((t) => t.file).join('、')}`,
        en: `The data files are: ${TABLES.map((t) => t.file).join(', ')}`,
      },
    }));
}
