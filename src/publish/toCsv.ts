/**
 * Records → the normalized CSV files the site publishes at /data/<file>.csv: one shape for every
 * edition, whatever encoding, headers or number formats staff typed. UTF-8 with a byte-order mark
 * (Excel on Chinese Windows reads a file without one as GBK), the canonical snake_case headers in the
 * order tables.ts declares them, money as exact yuan (`1234.5`, src/format/money.ts), and closed-list values as their
 * Chinese label, which is what datapackage.json lists as the allowed values.
 */
import Papa from 'papaparse';
import { formatHundredths } from '../format/money.ts';
import type { AnyTable, Columns, Field, Table } from '../read/field.ts';

export const BOM = '\uFEFF';

/** A cell before formatting; `undefined` and `null` are an empty cell. */
export type CsvCell = string | number | bigint | null | undefined;

function formatCell(cell: CsvCell): string {
  if (cell === undefined || cell === null) return '';
  if (typeof cell === 'number' && !Number.isFinite(cell)) throw new RangeError(`Not a finite number: ${cell}`);
  return String(cell);
}

/** One row of a table as the data scripts write it: every column named, so a forgotten column is a type error, not a blank. */
export type CsvRow<C extends Columns> = { [K in keyof C & string]: CsvCell };

/** A header row and rows of cells → the text of a CSV file, BOM and final newline included. */
export function formatCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const data = rows.map((row) => {
    if (row.length !== header.length) throw new RangeError(`A row has ${row.length} cells for ${header.length} columns`);
    return row.map(formatCell);
  });
  // Papa quotes only what needs quoting (commas, quotes, line breaks, edge spaces).
  const body = Papa.unparse({ fields: [...header], data }, { quotes: false, newline: '\n', header: true });
  return `${BOM}${body}\n`;
}

/** One typed value as it is written in the normalized file. */
export function formatValue(field: Field, value: unknown): CsvCell {
  if (value === undefined || value === null) return undefined;
  switch (field.meta.kind) {
    case 'money':
    case 'decimal':
      // Both hold hundredths as a bigint: fen of a yuan, or hundredths of a reported figure.
      return formatHundredths(value as bigint);
    case 'enum': {
      const term = field.meta.vocabulary?.[value as string];
      return term?.zh ?? (value as string);
    }
    default:
      return value as string | number;
  }
}

/**
 * A table's records as its normalized CSV. A blank provenance means official (tables.ts), so it is
 * written out as 官方: a reader of the published file never has to know that rule.
 */
export function toCsv(table: AnyTable, records: readonly Readonly<Record<string, unknown>>[]): string {
  const columns = Object.entries(table.columns);
  const rows = records.map((record) =>
    columns.map(([name, field]) => {
      const value = record[name] ?? (name === 'provenance' ? 'official' : undefined);
      return formatValue(field, value);
    }),
  );
  return formatCsv(
    columns.map(([name]) => name),
    rows,
  );
}

/**
 * Rows already in their written form (as the data scripts make them) → the table's CSV file: the
 * header is the table's canonical snake_case keys in the order tables.ts declares them.
 */
export function formatTableCsv<C extends Columns>(table: Table<C>, rows: readonly CsvRow<C>[]): string {
  const keys = Object.keys(table.columns);
  return formatCsv(
    keys,
    rows.map((row) => keys.map((key) => (row as Record<string, CsvCell>)[key])),
  );
}
