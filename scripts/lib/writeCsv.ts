/**
 * Writes a table's CSV file for the data scripts. The bytes come from src/publish/toCsv.ts, the one CSV
 * writer, so a committed data file and a published download have the same form: UTF-8 with a BOM, LF
 * line endings with a final newline, cells quoted only when they must be.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Columns, Table } from '../../src/read/field.ts';
import { formatTableCsv, type CsvRow } from '../../src/publish/toCsv.ts';

export function writeCsv<C extends Columns>(path: string, table: Table<C>, rows: readonly CsvRow<C>[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, formatTableCsv(table, rows), 'utf8');
}
