/**
 * Text → header and rows of cells, numbered the way Excel and WPS number them, so every problem can
 * point at a cell staff can find. A record that spans several lines (a quoted cell with a line break)
 * is one spreadsheet row, as it is in Excel.
 */
import Papa from 'papaparse';
import type { Bilingual } from '../i18n/locale.ts';
import { toColumnLetter, type Problem } from './problem.ts';

export type CsvRow = { row: number; cells: string[] };

export type ParsedCsv = {
  header: string[];
  /** Data rows: records after the header with at least one non-blank cell. */
  rows: CsvRow[];
  /** Spreadsheet rows that hold nothing but empty cells (blank lines, or ",,,," as Excel writes them). */
  blankRows: number[];
  problems: Problem[];
};

const DELIMITERS = [',', '\t', ';'] as const;

// Staff paste values with stray spaces, often full-width (U+3000) or non-breaking ones from web pages;
// String.prototype.trim removes exactly those (Unicode white space) and keeps inner spaces.
const trimCell = (cell: string): string => cell.trim();

/**
 * Whether a character is one that String.prototype.trim removes: ASCII white space and control
 * characters up to the space (a superset, which is harmless), and Unicode white space.
 */
export const isWhiteSpace = (code: number): boolean =>
  code <= 32 ||
  code === 0xa0 ||
  code === 0x1680 ||
  (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x202f ||
  code === 0x205f ||
  code === 0x3000 ||
  code === 0xfeff;

/**
 * Whether trim could change the cell. Most cells have nothing to trim; looking at their two ends
 * spares a call per cell of a large file.
 */
const mayNeedTrim = (cell: string): boolean => cell !== '' && (isWhiteSpace(cell.charCodeAt(0)) || isWhiteSpace(cell.charCodeAt(cell.length - 1)));

/**
 * The delimiter is the one of comma, tab and semicolon that occurs most often, outside quotes, in the
 * first non-blank line (the header); comma when none does. papaparse's own guess is not used: it
 * needs several rows of equal width and gives up on short files and on trailing blank lines.
 * CR counts as a line break too, so CRLF text, which is split without being rewritten, gets the same guess.
 */
function guessDelimiter(text: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  let seenContent = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (quoted) continue;
    if (char === '\n' || char === '\r') {
      if (seenContent) break;
      counts.clear();
    } else if ((DELIMITERS as readonly string[]).includes(char)) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
    } else if (trimCell(char) !== '') {
      seenContent = true;
    }
  }
  let best: string = ',';
  for (const delimiter of DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

const LF = 10;
const CR = 13;

/**
 * The line break papaparse is told to split on, and whether the text must first be rewritten to one
 * kind. A file saved by one program has one kind (CRLF from Excel and WPS, LF elsewhere) and is split
 * as it is: a copy of a large text costs as much as a good part of its parsing. Only a file with
 * mixed or old-Mac (lone CR) line ends is rewritten to LF.
 */
function lineEnds(text: string): { newline: '\n' | '\r\n'; mixed: boolean } {
  let lf = 0;
  let crlf = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    lf += 1;
    if (at > 0 && text.charCodeAt(at - 1) === CR) crlf += 1;
  }
  if (crlf === 0) return { newline: '\n', mixed: text.includes('\r') };
  // Every CR must be the first half of a CRLF: count the CRs too (cheap: there are as many as lines).
  let cr = 0;
  for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) cr += 1;
  return { newline: '\r\n', mixed: crlf !== lf || cr !== crlf };
}

/**
 * How much text papaparse splits at a time: a piece's cells are read while they are fresh in the
 * cache and die young, instead of a whole file's cells outliving the split
 * (docs/performance.md, "What made the difference").
 */
const PIECE_LENGTH = 65_536;

/** A file's records, one piece at a time: the cells of each and the quote errors found in each, by record. */
type TakeRecords = (records: string[][], quoteErrors: ReadonlyMap<number, boolean>) => void;

/**
 * papaparse splits the text into records (spreadsheet rows) and reports broken quoting by record. A
 * record that spans lines holds its line break in a cell, as LF whatever the file's line ends.
 *
 * The text is split in pieces that end with a whole record: each piece is split with papaparse's
 * `ignoreLastRow`, which leaves out the record the piece cuts (as papaparse's own streaming does),
 * and the next piece starts where the last whole record ended. A record longer than a piece (a
 * quoted cell of many lines, or a quote that never closes) doubles the piece until it fits. Returns
 * whether the text ends with a line break.
 */
function splitRecords(text: string, delimiter: string, pieceLength: number, take: TakeRecords): { endsWithLineBreak: boolean } {
  const ends = lineEnds(text);
  const input = ends.mixed ? text.replace(/\r\n?/g, '\n') : text;
  const newline = ends.mixed ? '\n' : ends.newline;
  let start = 0;
  let length = pieceLength;
  for (;;) {
    const end = Math.min(input.length, start + length);
    const last = end === input.length;
    const piece = start === 0 && last ? input : input.slice(start, end);
    const result = new Papa.Parser({ delimiter, newline, quoteChar: '"' }).parse(piece, 0, !last) as Papa.ParseResult<string[]>;
    const records = result.data;
    if (!last && records.length === 0) {
      length *= 2;
      continue;
    }
    const split = last ? piece.length : result.meta.cursor;
    if (newline === '\r\n' && spansLines(piece, split, records.length, last)) mendLineBreaks(records);
    take(records, quoteErrorsOf(result.errors, records.length));
    if (last) break;
    start += split;
    length = pieceLength;
  }
  return { endsWithLineBreak: input.charCodeAt(input.length - 1) === LF };
}

/**
 * Whether a record of the piece spans lines: more line breaks in the text split than records end
 * with one (every record but the last of the file does).
 */
function spansLines(piece: string, split: number, records: number, last: boolean): boolean {
  let lineBreaks = 0;
  for (let at = piece.indexOf('\n'); at >= 0 && at < split; at = piece.indexOf('\n', at + 1)) lineBreaks += 1;
  return lineBreaks > (last ? records - 1 : records);
}

/** A cell's line break, CRLF in a CRLF file, reads LF whatever the file's line ends. */
function mendLineBreaks(records: string[][]): void {
  for (const cells of records) {
    for (let i = 0; i < cells.length; i += 1) if (cells[i]!.includes('\r')) cells[i] = cells[i]!.replace(/\r\n/g, '\n');
  }
}

/**
 * Quote errors by record of the piece: whether the quote never closes (else it is misplaced).
 * papaparse may report two for one cell (a misplaced quote that then never closes); one reported
 * for the record a piece cuts is left out: that record is split again, whole, with the next piece.
 */
function quoteErrorsOf(errors: Papa.ParseError[], records: number): Map<number, boolean> {
  const quoteErrors = new Map<number, boolean>();
  for (const error of errors) {
    if (error.type !== 'Quotes' || error.row === undefined || error.row >= records) continue;
    quoteErrors.set(error.row, (quoteErrors.get(error.row) ?? false) || error.code === 'MissingQuotes');
  }
  return quoteErrors;
}

/**
 * Takes a file's data rows as they are split. Called once the header is known, it returns what to
 * do with each data row; `sound` is false for a row whose width or quoting is broken (its problem is
 * among the file's problems): which value belongs to which column is then unknown.
 */
export type RowReader = (header: string[]) => (row: number, cells: string[], sound: boolean) => void;

/** Everything parseCsv returns but the rows, which went to the reader; `rowCount` counts them. */
export type ScannedCsv = Omit<ParsedCsv, 'rows'> & { rowCount: number };

/**
 * parseCsv for a reader that handles rows one at a time: each data row is handed over as soon as it
 * is split and trimmed, so a large file's cells do not all stay in memory at once (the garbage
 * collector's work grows with what is kept). The reader sees the same header and rows parseCsv
 * returns, in order; it is not called for a file without a header.
 */
export function scanCsv(text: string, file: string, read: RowReader, pieceLength = PIECE_LENGTH): ScannedCsv {
  const delimiter = guessDelimiter(text);

  const blankRows: number[] = [];
  const widthProblems: Problem[] = [];
  // Spreadsheet rows with broken quoting: whether the quote never closes.
  const quoteErrors = new Map<number, boolean>();
  let header: string[] | undefined;
  let take: ReturnType<RowReader> | undefined;
  // Rows held back until the end: only when the header ends in empty cells (see below).
  let heldBack: CsvRow[] | undefined;
  let rowCount = 0;
  let rowsBefore = 0;
  let lastIsLoneEmptyCell = false;

  // Where an unclosed quote opened: the last cell of its row, into which the rest ran.
  const openQuotes = new Map<number, QuoteAt>();

  const hand = (row: number, cells: string[]): void => {
    rowCount += 1;
    if (quoteErrors.get(row) === true) openQuotes.set(row, quoteAt(header!, cells));
    const width = header!.length;
    // A row with broken quoting is not also judged by its width.
    const problem = quoteErrors.has(row) ? undefined : checkWidth(file, row, cells, width);
    if (problem !== undefined) widthProblems.push(problem);
    if (problem !== undefined || quoteErrors.has(row)) take!(row, cells, false);
    else take!(row, cells.length === width ? cells : cells.slice(0, width), true);
  };

  const { endsWithLineBreak } = splitRecords(text, delimiter, pieceLength, (records, pieceQuoteErrors) => {
    pieceQuoteErrors.forEach((unterminated, index) => quoteErrors.set(rowsBefore + index + 1, unterminated));
    for (let i = 0; i < records.length; i += 1) {
      const cells = records[i]!;
      const row = rowsBefore + i + 1;
      lastIsLoneEmptyCell = cells.length === 1 && cells[0] === '';
      // Trimmed in place: a copy of every row of a large file would double what the garbage collector does.
      let blank = true;
      for (let j = 0; j < cells.length; j += 1) {
        let cell = cells[j]!;
        if (mayNeedTrim(cell)) cells[j] = cell = trimCell(cell);
        if (cell !== '') blank = false;
      }
      if (blank) blankRows.push(row);
      else if (header === undefined) {
        header = cells.slice();
        // Excel writes "a,b,c,," when cells to the right were once touched; such columns hold nothing,
        // which is known only after the last row. A header that ends with content is final at once.
        if (header[header.length - 1] === '') heldBack = [];
        else take = read(header);
      } else if (heldBack !== undefined) heldBack.push({ row, cells });
      else hand(row, cells);
    }
    rowsBefore += records.length;
  });
  // The line break that ends the last line does not start another row: papaparse gives it one
  // empty cell, which was counted as a blank row.
  if (endsWithLineBreak && lastIsLoneEmptyCell) blankRows.pop();

  if (header === undefined) return { header: [], blankRows: [], rowCount: 0, problems: [emptyFileProblem(file)] };

  if (heldBack !== undefined) {
    const rows = heldBack;
    while (header.length > 0 && header[header.length - 1] === '' && rows.every((r) => (r.cells[header!.length - 1] ?? '') === '')) {
      header.pop();
    }
    take = read(header);
    for (const { row, cells } of rows) hand(row, cells);
  }

  const problems: Problem[] = [];
  quoteErrors.forEach((unterminated, row) => problems.push(brokenQuoting(file, row, unterminated, openQuotes.get(row))));
  for (const problem of widthProblems) problems.push(problem);
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { header, blankRows, problems, rowCount };
}

/** A file (or sheet) with no header at all: said once, as empty. */
export function emptyFileProblem(file: string): Problem {
  return {
    severity: 'error',
    rule: 'empty-file',
    file,
    message: { zh: `${file} 是空的：没有表头`, en: `${file} is empty: it has no header row` },
    hint: {
      zh: '第 1 行填写表头（各列名称），从第 2 行起每行一条记录',
      en: 'Put the column headers in row 1 and one record per row from row 2 on',
    },
  };
}

export function parseCsv(text: string, file: string, pieceLength = PIECE_LENGTH): ParsedCsv {
  const rows: CsvRow[] = [];
  const { header, blankRows, problems } = scanCsv(
    text,
    file,
    () => (row, cells) => {
      rows.push({ row, cells });
    },
    pieceLength,
  );
  return { header, rows, blankRows, problems };
}

type QuoteAt = Pick<Problem, 'column' | 'columnLetter' | 'value'>;

/**
 * The cell an unclosed quote opened: the row's last, shown by its first characters (it may hold the
 * rest of the file), its line breaks as ↵ so that the report keeps one line for it.
 */
function quoteAt(header: string[], cells: string[]): QuoteAt {
  const index = cells.length - 1;
  const cell = (cells[index] ?? '').replace(/\r?\n|\r/g, '↵');
  const value = cell.length > QUOTED_SHOWN ? `${cell.slice(0, QUOTED_SHOWN)}…` : cell;
  const column = header[index];
  return { ...(column === undefined || column === '' ? {} : { column }), columnLetter: toColumnLetter(index), value: `"${value}` };
}

const QUOTED_SHOWN = 20;

function brokenQuoting(file: string, row: number, unterminated: boolean, at: QuoteAt | undefined): Problem {
  return {
    severity: 'error',
    rule: 'broken-quoting',
    file,
    row,
    ...at,
    message: unterminated
      ? {
          zh: `第 ${row} 行有一个引号没有配对，其后的内容都被读进了同一个单元格`,
          en: `Row ${row} has a quote that is never closed, so everything after it ran into one cell`,
        }
      : {
          zh: `第 ${row} 行的引号位置不对：单元格以引号开头时，引号要在单元格末尾结束`,
          en: `Row ${row} has a misplaced quote: a cell that starts with a quote must end with one`,
        },
    hint: {
      zh: '检查引号是否成对；单元格内的引号要写成两个（""）',
      en: 'Check that quotes are paired; a quote inside a cell must be doubled ("")',
    },
  };
}

/** Extra empty cells at the end are fine (Excel writes "a,b,c,,"); a missing cell is not: which one is unknown. */
export function checkWidth(file: string, row: number, cells: string[], width: number): Problem | undefined {
  if (cells.length < width) {
    const letter = toColumnLetter(cells.length);
    return rowWidthProblem(
      file,
      row,
      letter,
      undefined,
      {
        zh: `第 ${row} 行只有 ${cells.length} 个单元格，表头有 ${width} 列：从 ${letter} 列起缺少单元格`,
        en: `Row ${row} has ${cells.length} cells but the header has ${width} columns: cells are missing from column ${letter} on`,
      },
      {
        zh: '每行的逗号数要和表头一样；空着的单元格也要保留它的逗号',
        en: 'Every row needs as many commas as the header; keep the comma of an empty cell too',
      },
    );
  }
  // Only the cells beyond the header can be extra; most rows have none.
  let extra = width;
  while (extra < cells.length && cells[extra] === '') extra += 1;
  if (extra === cells.length) return undefined;
  const letter = toColumnLetter(extra);
  return rowWidthProblem(
    file,
    row,
    letter,
    cells[extra],
    {
      zh: `第 ${row} 行有 ${cells.length} 个单元格，表头只有 ${width} 列：${letter} 列的内容没有表头`,
      en: `Row ${row} has ${cells.length} cells but the header has only ${width} columns: column ${letter} has no header`,
    },
    {
      zh: '检查这一行是否多了逗号（金额中的千位逗号要加引号，或不写逗号）',
      en: 'Check the row for an extra comma (quote amounts with thousands commas, or leave the commas out)',
    },
  );
}

function rowWidthProblem(file: string, row: number, letter: string, value: string | undefined, message: Bilingual, hint: Bilingual): Problem {
  return { severity: 'error', rule: 'row-width', file, row, columnLetter: letter, ...(value === undefined ? {} : { value }), message, hint };
}
