/**
 * One file, start to finish on its own: bytes → text → cells → canonical columns → typed records.
 * Problems that need another file (unique keys, foreign keys, dates after the edition) are
 * validate.ts's job; this step only judges each cell and each row by itself.
 */
import { decodeBytes, type Encoding } from './decode.ts';
import { scanCsv } from './parseCsv.ts';
import { mapHeaders, type HeaderMapping } from './mapHeaders.ts';
import { compileCell, controlCharacterFailure, isCellFailure, UNDECODABLE } from './coerceCell.ts';
import { hasControlCharacter, showControlCharacters } from '../format/controlCharacters.ts';
import { toColumnLetter, type ColumnPosition, type Problem } from './problem.ts';
import type { AnyTable } from './field.ts';
import type { Sourced } from './tables.ts';
import { makeRecordBuilder, type RecordBuilder } from './recordBuilder.ts';

// One builder per table, made when the table is first read: its code is then optimised once.
const builders = new WeakMap<AnyTable, RecordBuilder>();
function recordBuilderOf(table: AnyTable): RecordBuilder {
  let build = builders.get(table);
  if (build === undefined) builders.set(table, (build = makeRecordBuilder(Object.keys(table.columns))));
  return build;
}

export type TableRead = {
  file: string;
  encoding: Encoding | undefined;
  /** Typed by the table's schema; loadDataset gathers them into `Records`. */
  records: Sourced<Record<string, unknown>>[];
  problems: Problem[];
  /** Where each canonical column was found: the header as typed and its position. */
  columns: Record<string, ColumnPosition>;
  /**
   * The key of each row rejected for a bad cell, by the row it is on (tables with a one-column key,
   * when that cell itself was sound): a row of another file that refers to it is then told that the
   * row is there but rejected, not that it cannot be found.
   */
  rejectedKeys: Map<string, number>;
  /** Data rows found (blank rows excluded), and the spreadsheet rows of blank ones. */
  rowsRead: number;
  blankRows: number[];
};

export function readTable(table: AnyTable, bytes: Uint8Array | undefined): TableRead {
  const { file } = table;
  if (bytes === undefined) {
    return {
      file,
      encoding: undefined,
      records: [],
      columns: {},
      rejectedKeys: new Map(),
      rowsRead: 0,
      blankRows: [],
      problems: [
        {
          severity: 'error',
          rule: 'missing-file',
          file,
          message: { zh: `缺少文件 ${file}`, en: `The file ${file} is missing` },
          hint: {
            zh: `在 data/ 文件夹中放入 ${file}（表头见 data/README.md）`,
            en: `Put ${file} in the data/ folder (its headers are listed in data/README.md)`,
          },
        },
      ],
    };
  }

  const { text, encoding } = decodeBytes(bytes);
  // One scan of the whole text spares a scan of every cell in the usual case of a clean file.
  const undecodable = text.includes('\uFFFD');
  // Likewise for invisible characters: a cell can hold one only if the text holds one besides line
  // ends, or a quote (a quoted cell may hold a line break, which only notes and quotations may).
  const invisible = hasControlCharacter(text, 'file') || text.includes('"');
  const records: TableRead['records'] = [];
  const cellProblems: Problem[] = [];
  let headers: HeaderMapping | undefined;
  const located: TableRead['columns'] = {};
  const rejectedKeys = new Map<string, number>();
  const keyColumn = table.primaryKey.length === 1 ? table.primaryKey[0] : undefined;

  // Each row becomes a record as soon as it is split, so its cells can be collected while young.
  const csv = scanCsv(text, file, (header) => {
    headers = mapHeaders(header, table, file);
    const columns = headers.keys.flatMap((key, index) => {
      const field = key === undefined ? undefined : table.columns[key];
      if (key === undefined || field === undefined) return [];
      const typed = header[index] ?? key;
      located[key] = { header: typed, index };
      const allow = field.meta.multiline === true ? ('lines' as const) : ('none' as const);
      return [{ key, index, header: typed, letter: toColumnLetter(index), parse: compileCell(field, typed), allow }];
    });
    // Without a required column no row can become a record; mapHeaders reports the column once.
    const readable = !headers.problems.some((p) => p.rule === 'missing-column');
    // One value per column of the table, in the table's order, whatever the file's order: the
    // builder then makes every record of the table in one shape. Reused for every row.
    const build = recordBuilderOf(table);
    const slots = Object.keys(table.columns).map((key) => columns.find((column) => column.key === key));
    const values: unknown[] = slots.map(() => undefined);
    const keySlot = slots.find((column) => column !== undefined && column.key === keyColumn);
    return (row, cells, sound) => {
      // A row whose width or quoting is broken cannot be read cell by cell: which value belongs to which column is unknown.
      if (!readable || !sound) return;
      let accepted = true;
      for (let i = 0; i < slots.length; i += 1) {
        const column = slots[i];
        if (column === undefined) continue;
        const cell = cells[column.index] ?? '';
        const result =
          undecodable && cell.includes('\uFFFD')
            ? UNDECODABLE
            : invisible && hasControlCharacter(cell, column.allow)
              ? controlCharacterFailure(cell)
              : column.parse(cell);
        if (!isCellFailure(result)) {
          values[i] = result;
          continue;
        }
        accepted = false;
        const { rule, message, hint, cause } = result;
        // The value is shown with any invisible character escaped, as the message shows it.
        const value = invisible ? showControlCharacters(cell) : cell;
        const problem: Problem = { severity: 'error', rule, file, row, column: column.header, columnLetter: column.letter, value, message, hint };
        if (cause !== undefined) problem.cause = cause;
        cellProblems.push(problem);
      }
      if (accepted) records.push(build(row, values));
      else if (keySlot !== undefined) {
        // Read again, only for a rejected row: the key counts only if its own cell is sound.
        const key = keySlot.parse(cells[keySlot.index] ?? '');
        if (typeof key === 'string' && !rejectedKeys.has(key)) rejectedKeys.set(key, row);
      }
    };
  });
  // A file with no header at all is reported once, as empty, not once more per missing column.
  const empty = csv.problems.some((p) => p.rule === 'empty-file');
  const headerProblems = empty ? [] : (headers ?? mapHeaders(csv.header, table, file)).problems;
  const problems = [...csv.problems, ...headerProblems, ...cellProblems];

  return { file, encoding, records, columns: located, rejectedKeys, problems, rowsRead: csv.rowCount, blankRows: csv.blankRows };
}
