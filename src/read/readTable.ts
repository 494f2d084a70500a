/**
 * One file, start to finish on its own: bytes → text → cells → canonical columns → typed records.
 * Problems that need another file (unique keys, foreign keys, dates after the edition) are
 * validate.ts's job; this step only judges each cell and each row by itself.
 */
import { decodeBytes, type Encoding } from './decode.ts';
import { scanCsv, type RowReader, type ScannedCsv } from './parseCsv.ts';
import { scanSheet } from './scanSheet.ts';
import type { Sheet } from './xlsx.ts';
import { mapHeaders, type HeaderMapping } from './mapHeaders.ts';
import { compileCell, controlCharacterFailure, isCellFailure, UNDECODABLE } from './coerceCell.ts';
import { hasControlCharacter, showControlCharacters } from '../format/controlCharacters.ts';
import { toColumnLetter, type ColumnPosition, type Problem } from './problem.ts';
import type { AnyTable } from './field.ts';
import type { Sourced } from './tables.ts';
import { makeRecordBuilder, plainRecordBuilder, type RecordBuilder } from './recordBuilder.ts';
import { exampleRowProblem, isExampleRow, knownColumns, titleRowProblem, totalsCell, totalsRowProblem, unquotedComma } from './fileStructure.ts';
import type { CellParser } from './coerceCell.ts';

// One builder per table, made when the table is first read: its code is then optimised once.
const builders = new WeakMap<AnyTable, RecordBuilder>();
function recordBuilderOf(table: AnyTable, noEval: boolean): RecordBuilder {
  if (noEval) return plainRecordBuilder(Object.keys(table.columns));
  let build = builders.get(table);
  if (build === undefined) builders.set(table, (build = makeRecordBuilder(Object.keys(table.columns))));
  return build;
}

/** How a table is read: `noEval` where code may not be compiled at run time (a page under the site's CSP). */
export type ReadOptions = { noEval?: boolean };

/** How a table's file was written: a CSV file's encoding, or an Excel workbook. */
export type SourceFormat = Encoding | 'xlsx';

export type TableRead = {
  file: string;
  encoding: SourceFormat | undefined;
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

export function readTable(table: AnyTable, bytes: Uint8Array | undefined, { noEval = false }: ReadOptions = {}): TableRead {
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

  const { text, encoding, mislabelled } = decodeBytes(bytes);
  if (mislabelled !== undefined) {
    return { file, encoding, records: [], columns: {}, rejectedKeys: new Map(), problems: [mislabelledProblem(file, mislabelled)], rowsRead: 0, blankRows: [] };
  }
  return readRows(table, encoding, (read) => scanCsv(text, file, read), {
    // One scan of the whole text spares a scan of every cell in the usual case of a clean file.
    undecodable: text.includes('\uFFFD'),
    // Likewise for invisible characters: a cell can hold one only if the text holds one besides line
    // ends, or a quote (a quoted cell may hold a line break, which only notes and quotations may).
    invisible: hasControlCharacter(text, 'file') || text.includes('"'),
    commas: true,
    noEval,
  });
}

/**
 * One worksheet of a workbook read as the table's file: the same rules as a CSV file's rows, located
 * by the sheet's own row numbers and column letters (the caller names the workbook and the sheet).
 */
export function readSheet(table: AnyTable, sheet: Sheet, { noEval = false }: ReadOptions = {}): TableRead {
  // Every cell is looked at for invisible characters; a workbook has no bytes left undecoded, nor unquoted commas.
  return readRows(table, 'xlsx', (read) => scanSheet(sheet.rows, table.file, read), { undecodable: false, invisible: true, commas: false, noEval });
}

type RowsOptions = {
  /** Whether any cell may hold U+FFFD, where decoding met bytes not valid in the file's encoding. */
  undecodable: boolean;
  /** Whether any cell may hold an invisible character. */
  invisible: boolean;
  /** Whether a row one cell too wide may be a name's unquoted comma (CSV only). */
  commas: boolean;
  noEval: boolean;
};

/** The rows of a file or sheet, as its scanner hands them over, into records and problems. */
function readRows(
  table: AnyTable,
  encoding: SourceFormat,
  scan: (read: RowReader) => ScannedCsv,
  { undecodable, invisible, commas, noEval }: RowsOptions,
): TableRead {
  const { file } = table;
  const records: TableRead['records'] = [];
  const cellProblems: Problem[] = [];
  let headers: HeaderMapping | undefined;
  const located: TableRead['columns'] = {};
  const rejectedKeys = new Map<string, number>();
  const keyColumn = table.primaryKey.length === 1 ? table.primaryKey[0] : undefined;
  // Rows 2 and 3, kept in case row 1 is a title above the real header.
  const earlyRows: string[][] = [];
  const totalsRows = new Set<number>();
  const commaRows = new Map<number, ReturnType<typeof unquotedComma>>();
  let exampleRows = 0;

  // Each row becomes a record as soon as it is split, so its cells can be collected while young.
  const csv = scan((header) => {
    headers = mapHeaders(header, table, file);
    const columns = headers.keys.flatMap((key, index) => {
      const field = key === undefined ? undefined : table.columns[key];
      if (key === undefined || field === undefined) return [];
      const typed = header[index] ?? key;
      located[key] = { header: typed, index };
      const allow = field.meta.multiline === true ? ('lines' as const) : ('none' as const);
      return [{ key, index, header: typed, letter: toColumnLetter(index), parse: compileCell(field, typed), allow, kind: field.meta.kind }];
    });
    // Without a required column no row can become a record; mapHeaders reports the column once.
    const readable = !headers.problems.some((p) => p.rule === 'missing-column');
    // One value per column of the table, in the table's order, whatever the file's order: the
    // builder then makes every record of the table in one shape. Reused for every row.
    const build = recordBuilderOf(table, noEval);
    const slots = Object.keys(table.columns).map((key) => columns.find((column) => column.key === key));
    const values: unknown[] = slots.map(() => undefined);
    const keySlot = slots.find((column) => column !== undefined && column.key === keyColumn);
    return (row, cells, sound) => {
      if (earlyRows.length < 2) earlyRows.push([...cells]);
      // A template's example row is shown to staff, not read: said once, and counted as no row.
      if (isExampleRow(cells)) {
        exampleRows += 1;
        cellProblems.push(exampleRowProblem(file, row, cells[0]!));
        return;
      }
      const totals = totalsCell(cells);
      if (totals !== undefined) {
        totalsRows.add(row);
        cellProblems.push(totalsRowProblem(file, row, toColumnLetter(totals.index), totals.text));
        return;
      }
      // A row whose width or quoting is broken cannot be read cell by cell: which value belongs to which column is unknown.
      if (!readable) return;
      if (!sound) {
        const comma = commas && cells.length === header.length + 1 ? findUnquotedComma(cells, columns) : undefined;
        if (comma !== undefined) commaRows.set(row, comma);
        return;
      }
      let accepted = true;
      const problemsBefore = cellProblems.length;
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
      // Extra empty cells at the end pass as sound (and may not reach this reader); if the row's cells
      // fail, a stray comma may have shifted them one column right, over an empty last cell.
      if (!accepted && commas) {
        const widened =
          cells.length > header.length ? cells.slice(0, header.length + 1) : [...cells, ...Array<string>(header.length + 1 - cells.length).fill('')];
        const comma = findUnquotedComma(widened, columns);
        if (comma !== undefined) {
          cellProblems.length = problemsBefore;
          cellProblems.push({ severity: 'error', rule: 'row-width', file, row, ...comma });
        }
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
  const mapping = headers ?? mapHeaders(csv.header, table, file);
  const title = empty || knownColumns(mapping) > 0 ? undefined : findTitleRows(csv.header, earlyRows, table, file);
  if (title !== undefined) {
    return { file, encoding, records: [], columns: {}, rejectedKeys: new Map(), problems: [title], rowsRead: csv.rowCount, blankRows: csv.blankRows };
  }
  // A totals row is said once as such; a row a stray comma widened is said with its likely cell.
  const csvProblems = csv.problems.flatMap((p): Problem[] => {
    if (p.rule !== 'row-width' || p.row === undefined) return [p];
    if (totalsRows.has(p.row)) return [];
    const comma = commaRows.get(p.row);
    return comma === undefined ? [p] : [{ ...p, ...comma }];
  });
  const problems = [...csvProblems, ...(empty ? [] : mapping.problems), ...cellProblems];

  return { file, encoding, records, columns: located, rejectedKeys, problems, rowsRead: csv.rowCount - exampleRows, blankRows: csv.blankRows };
}

type ReadColumn = { key: string; index: number; header: string; letter: string; parse: CellParser; kind: string };

/**
 * Where a name's unquoted comma split one cell in two: the first text column whose cell, joined with
 * the next, makes every cell of the row valid. Undefined when no such column is found.
 */
function findUnquotedComma(cells: readonly string[], columns: readonly ReadColumn[]): ReturnType<typeof unquotedComma> | undefined {
  for (const column of columns) {
    const i = column.index;
    // A name split in two leaves text on both sides of the comma.
    if (column.kind !== 'text' || (cells[i] ?? '').trim() === '' || (cells[i + 1] ?? '').trim() === '') continue;
    const joined = [...cells.slice(0, i), `${cells[i] ?? ''},${cells[i + 1] ?? ''}`, ...cells.slice(i + 2)];
    if (columns.every((c) => !isCellFailure(c.parse(joined[c.index] ?? '')))) return unquotedComma(column.header, column.letter, joined[i]!);
  }
  return undefined;
}

/** Row 1 names no column: if row 2 or 3 is a header with every required column, the rows above it are titles. */
function findTitleRows(header: string[], earlyRows: readonly string[][], table: AnyTable, file: string): Problem | undefined {
  for (let k = 0; k < earlyRows.length; k += 1) {
    const mapping = mapHeaders(earlyRows[k]!, table, file);
    if (knownColumns(mapping) > 0 && !mapping.problems.some((p) => p.rule === 'missing-column')) {
      return titleRowProblem(file, [header, ...earlyRows.slice(0, k)], k + 2);
    }
  }
  return undefined;
}

/** A UTF-8 mark on GBK or Big5 bytes: the whole file in one problem, not an error in every cell of Chinese text. */
function mislabelledProblem(file: string, encoding: 'GBK' | 'Big5'): Problem {
  return {
    severity: 'error',
    rule: 'encoding',
    file,
    value: encoding,
    message: {
      zh: `${file} 开头标着 UTF-8（BOM），但内容是 ${encoding} 编码：按 UTF-8 读会把每个汉字读错，所以没有读取`,
      en: `${file} is marked as UTF-8 (a BOM) but its text is in ${encoding}: read as UTF-8 every Chinese character would be wrong, so it was not read`,
    },
    hint: {
      zh: '用 Excel 或 WPS 打开该文件，确认文字正常后另存为“CSV UTF-8（逗号分隔）”；若用文本编辑器，先按 ' + encoding + ' 打开再以 UTF-8 保存',
      en: `Open the file in Excel or WPS, check the text reads correctly, and save it as "CSV UTF-8 (Comma delimited)"; in a text editor, reopen it as ${encoding} and save it as UTF-8`,
    },
  };
}
