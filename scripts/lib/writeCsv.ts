/**
 * The one way the data scripts write a CSV file, so every committed file has the same bytes for the
 * same content: UTF-8 with a byte-order mark (without it Excel on Chinese Windows reads the file as
 * GBK and shows mojibake), LF line endings with a final newline (diffs stay readable; Excel and WPS
 * accept LF), cells quoted only when they must be, and the header row made of the table's canonical
 * snake_case keys in the order tables.ts declares them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Papa from 'papaparse';
import type { Columns, Table } from '../../src/read/field.ts';

export const BOM = '\uFEFF';

/** A cell as the scripts hold it; `undefined` is an empty cell. */
export type Cell = string | number | bigint | undefined;

/** One row of a table: every column named, so a forgotten column is a type error, not a blank. */
export type CsvRow<C extends Columns> = { [K in keyof C & string]: Cell };

function formatCell(cell: Cell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number' && !Number.isFinite(cell)) throw new Error(`Not a finite number: ${cell}`);
  return String(cell);
}

/** The file's text, BOM included. */
export function formatCsv<C extends Columns>(table: Table<C>, rows: readonly CsvRow<C>[]): string {
  const keys = Object.keys(table.columns);
  const data = rows.map((row) => keys.map((key) => formatCell((row as Record<string, Cell>)[key])));
  const body = Papa.unparse({ fields: keys, data }, { quotes: false, newline: '\n', header: true });
  return `${BOM}${body}\n`;
}

export function writeCsv<C extends Columns>(path: string, table: Table<C>, rows: readonly CsvRow<C>[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, formatCsv(table, rows), 'utf8');
}
