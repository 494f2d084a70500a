/**
 * Records → the normalized CSV files the site publishes at /data/<file>.csv: one shape for every
 * edition, whatever encoding, headers or number formats staff typed. UTF-8 with a byte-order mark
 * (Excel on Chinese Windows reads a file without one as GBK), the canonical snake_case headers in the
 * order tables.ts declares them, money as exact yuan (`1234.5`, src/format/money.ts), and closed-list values as their
 * Chinese label, which is what datapackage.json lists as the allowed values.
 *
 * Every file it writes is safe to open in Excel and WPS (OWASP "CSV injection"): a text cell that
 * starts with = + - @, a tab or a carriage return would run as a formula, so it is written with a
 * leading apostrophe (which the spreadsheet hides) and quoted; numbers stay numbers. No JSON the site
 * publishes is meant for a spreadsheet (datapackage.json holds no rows, search-index.json feeds the search box).
 */
import { defuseFormula, isDefused } from '../model/formulaCell.ts';
import Papa from 'papaparse';
import { formatHundredths } from '../format/money.ts';
import type { AnyTable, Columns, Field, Table } from '../read/field.ts';

export const BOM = '\uFEFF';

/** A cell before formatting; `undefined` and `null` are an empty cell. */
export type CsvCell = string | number | bigint | null | undefined;

/**
 * What a column holds, when the writer knows: in a `number` column a plain number such as `-1200`
 * is a number and stays as it is; in a `text` column it is text like any other, so `-2+3` and even
 * `-5` are defused. Without a type, a cell that is wholly a plain number counts as a number.
 */
export type CsvColumnType = 'number' | 'text';

function formatCell(cell: CsvCell, type: CsvColumnType | undefined): string {
  if (cell === undefined || cell === null) return '';
  if (typeof cell === 'number' && !Number.isFinite(cell)) throw new RangeError(`Not a finite number: ${cell}`);
  // A number or bigint is a number whatever the column: String(-5) is the number -5, not a formula.
  if (typeof cell !== 'string') return String(cell);
  return defuseFormula(cell, type);
}

/** One row of a table as the data scripts write it: every column named, so a forgotten column is a type error, not a blank. */
export type CsvRow<C extends Columns> = { [K in keyof C & string]: CsvCell };

/**
 * A header row and rows of cells → the text of a CSV file, BOM and final newline included. `types`
 * says which columns hold numbers and which text (see CsvColumnType); a column without one is judged
 * cell by cell.
 */
export function formatCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], types: readonly (CsvColumnType | undefined)[] = []): string {
  if (types.length > 0 && types.length !== header.length) throw new RangeError(`${types.length} column types for ${header.length} columns`);
  const data = rows.map((row) => {
    if (row.length !== header.length) throw new RangeError(`A row has ${row.length} cells for ${header.length} columns`);
    return row.map((cell, column) => formatCell(cell, types[column]));
  });
  // Papa quotes only what needs quoting (commas, quotes, line breaks, edge spaces), and a defused
  // cell too, as OWASP advises.
  const body = Papa.unparse(
    { fields: header.map((name) => defuseFormula(name, 'text')), data },
    { quotes: (value: unknown) => typeof value === 'string' && isDefused(value), newline: '\n', header: true },
  );
  return `${BOM}${body}\n`;
}

/** Money, decimals, integers and measurements are numbers; codes, dates, names and labels are text. */
function columnType(field: Field): CsvColumnType {
  return ['money', 'decimal', 'integer', 'number'].includes(field.meta.kind) ? 'number' : 'text';
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
    columns.map(([, field]) => columnType(field)),
  );
}

/**
 * A table's records as the cells of its CSV file, by column name: the same text, formula-safe, for a
 * JSON download as for the CSV one.
 */
export function toCellTexts(table: AnyTable, records: readonly Readonly<Record<string, unknown>>[]): Record<string, string>[] {
  const columns = Object.entries(table.columns);
  return records.map((record) =>
    Object.fromEntries(
      columns.map(([name, field]) => [
        name,
        formatCell(formatValue(field, record[name] ?? (name === 'provenance' ? 'official' : undefined)), columnType(field)),
      ]),
    ),
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
    keys.map((key) => columnType(table.columns[key]!)),
  );
}
