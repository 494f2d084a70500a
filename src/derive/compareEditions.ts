/**
 * What changes between two editions: per file, the rows added, removed and changed (matched by the
 * file's primary key, with each changed column's old and new value), and every reported figure that
 * moves, with its reconciliation status before and after. Staff see it before they release; readers
 * see it as each edition's changelog.
 */
import { formatHundredths } from '../format/money.ts';
import type { AnyTable } from '../read/field.ts';
import { figureId, type Reconciliation } from '../read/reconcile.ts';
import { RECORD_KEYS, TABLES, type Records } from '../read/tables.ts';
import type { Bilingual } from '../i18n/locale.ts';
import type { ReconcileStatus } from '../model/vocabulary.ts';

export type ColumnChange = { column: string; before: string; after: string };
export type RowChange = { key: string; row: number; changes: ColumnChange[] };
export type FileComparison = { file: string; added: string[]; removed: string[]; changed: RowChange[] };

export type FigureMove = {
  id: string;
  label: Bilingual;
  unit: string;
  /** Computed values in hundredths; undefined where the figure was not there or not computed. */
  before: bigint | undefined;
  after: bigint | undefined;
  difference: bigint | undefined;
  statusBefore: ReconcileStatus | undefined;
  statusAfter: ReconcileStatus | undefined;
};

export type Comparison = { files: FileComparison[]; figures: FigureMove[] };

type Row = Record<string, unknown> & { row: number };

/** A cell as staff would read it: exact decimals for money and counts, a listed value by its Chinese label. */
function cellText(table: AnyTable, column: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'bigint') return formatHundredths(value);
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  return table.columns[column]?.meta.vocabulary?.[text]?.zh ?? text;
}

const keyOf = (table: AnyTable, row: Row): string => table.primaryKey.map((column) => cellText(table, column, row[column])).join(' + ');

function compareTable(table: AnyTable, before: readonly Row[], after: readonly Row[]): FileComparison {
  const columns = Object.keys(table.columns);
  const old = new Map(before.map((row) => [keyOf(table, row), row]));
  const seen = new Set<string>();
  const added: string[] = [];
  const changed: RowChange[] = [];
  for (const row of after) {
    const key = keyOf(table, row);
    seen.add(key);
    const was = old.get(key);
    if (was === undefined) {
      added.push(key);
      continue;
    }
    const changes = columns.flatMap((column): ColumnChange[] => {
      const [a, b] = [cellText(table, column, was[column]), cellText(table, column, row[column])];
      return a === b ? [] : [{ column, before: a, after: b }];
    });
    if (changes.length > 0) changed.push({ key, row: row.row, changes });
  }
  const removed = [...old.keys()].filter((key) => !seen.has(key));
  return { file: table.file, added, removed, changed };
}

export function compareRecords(before: Records, after: Records): FileComparison[] {
  return (TABLES as readonly AnyTable[]).map((table) => {
    const key = RECORD_KEYS[table.file as keyof typeof RECORD_KEYS];
    return compareTable(table, before[key], after[key]);
  });
}

/** Every reported figure whose computed value or status moved, matched by key, place, project and category. */
/** What a comparison reads of a figure: a frozen edition's figures.json holds these too. */
export type ComparedFigure = Pick<Reconciliation, 'key' | 'scopeCode' | 'projectId' | 'category' | 'label' | 'unit' | 'status'> & {
  computed: bigint | undefined;
};

export function compareFigures(before: readonly ComparedFigure[], after: readonly ComparedFigure[]): FigureMove[] {
  const old = new Map(before.map((figure) => [figureId(figure), figure]));
  const ids = [...new Set([...after.map(figureId), ...before.map(figureId)])];
  const now = new Map(after.map((figure) => [figureId(figure), figure]));
  return ids.flatMap((id): FigureMove[] => {
    const [was, is] = [old.get(id), now.get(id)];
    if (was?.computed === is?.computed && was?.status === is?.status) return [];
    const figure = (is ?? was)!;
    return [
      {
        id,
        label: figure.label,
        unit: figure.unit,
        before: was?.computed,
        after: is?.computed,
        difference: was?.computed !== undefined && is?.computed !== undefined ? is.computed - was.computed : undefined,
        statusBefore: was?.status,
        statusAfter: is?.status,
      },
    ];
  });
}

export function compareEditions(
  before: { records: Records; reconciliation: readonly Reconciliation[] },
  after: { records: Records; reconciliation: readonly Reconciliation[] },
): Comparison {
  return { files: compareRecords(before.records, after.records), figures: compareFigures(before.reconciliation, after.reconciliation) };
}

/**
 * The figures an edition released that reading its frozen data again gives otherwise, or not at all:
 * none, unless a change to the tool would change an old edition's numbers. New figures don't count.
 */
export function movedSinceRelease(released: readonly ComparedFigure[], again: readonly ComparedFigure[]): FigureMove[] {
  return compareFigures(released, again).filter((move) => move.statusBefore !== undefined);
}
