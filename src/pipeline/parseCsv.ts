/**
 * Text → header and rows of cells, numbered the way Excel and WPS number them, so every problem can
 * point at a cell staff can find. A record that spans several lines (a quoted cell with a line break)
 * is one spreadsheet row, as it is in Excel.
 */
import Papa from 'papaparse';
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

const isBlank = (cells: readonly string[]): boolean => cells.every((cell) => trimCell(cell) === '');

/**
 * The delimiter is the one of comma, tab and semicolon that occurs most often, outside quotes, in the
 * first non-blank line (the header); comma when none does. papaparse's own guess is not used: it
 * needs several rows of equal width and gives up on short files and on trailing blank lines.
 */
function guessDelimiter(text: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  let seenContent = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (quoted) continue;
    if (char === '\n') {
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

export function parseCsv(text: string, file: string): ParsedCsv {
  // One kind of line break, so a file edited on both Windows and elsewhere still splits on every line.
  const normalized = text.replace(/\r\n?/g, '\n');
  const result = Papa.parse<string[]>(normalized, {
    header: false,
    delimiter: guessDelimiter(normalized),
    newline: '\n',
    quoteChar: '"',
    skipEmptyLines: false,
  });
  const records = result.data;
  // The line break that ends the last line does not start another row.
  if (normalized.endsWith('\n') && records.length > 0 && records[records.length - 1]!.join('') === '') records.pop();

  // papaparse may report two quote errors for one cell (a misplaced quote that then never closes).
  const quoteErrors = new Map<number, boolean>();
  for (const error of result.errors) {
    if (error.type !== 'Quotes' || error.row === undefined) continue;
    const row = error.row + 1;
    quoteErrors.set(row, (quoteErrors.get(row) ?? false) || error.code === 'MissingQuotes');
  }
  const problems: Problem[] = [...quoteErrors].map(([row, unterminated]) => brokenQuoting(file, row, unterminated));

  const headerIndex = records.findIndex((cells) => !isBlank(cells));
  if (headerIndex < 0) {
    return {
      header: [],
      rows: [],
      blankRows: [],
      problems: [
        {
          severity: 'error',
          rule: 'empty-file',
          file,
          message: { zh: `${file} 是空的：没有表头`, en: `${file} is empty: it has no header row` },
          hint: {
            zh: '第 1 行填写表头（各列名称），从第 2 行起每行一条记录',
            en: 'Put the column headers in row 1 and one record per row from row 2 on',
          },
        },
      ],
    };
  }

  const blankRows: number[] = [];
  const dataRecords: CsvRow[] = [];
  records.forEach((cells, index) => {
    const row = index + 1;
    if (isBlank(cells)) blankRows.push(row);
    else if (index > headerIndex) {
      // In place: a copy of every row of a large file would double what the garbage collector does.
      for (let i = 0; i < cells.length; i += 1) cells[i] = trimCell(cells[i]!);
      dataRecords.push({ row, cells });
    }
  });

  const header = (records[headerIndex] ?? []).map(trimCell);
  // Excel writes "a,b,c,," when cells to the right were once touched; such columns hold nothing.
  while (header.length > 0 && header[header.length - 1] === '' && dataRecords.every((r) => (r.cells[header.length - 1] ?? '') === '')) {
    header.pop();
  }

  const rows: CsvRow[] = [];
  for (const record of dataRecords) {
    if (quoteErrors.has(record.row)) {
      rows.push(record);
      continue;
    }
    const problem = checkWidth(file, record, header.length);
    if (problem === undefined) {
      rows.push(record.cells.length === header.length ? record : { row: record.row, cells: record.cells.slice(0, header.length) });
    }
    else {
      problems.push(problem);
      rows.push(record);
    }
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { header, rows, blankRows, problems };
}

function brokenQuoting(file: string, row: number, unterminated: boolean): Problem {
  return {
    severity: 'error',
    rule: 'broken-quoting',
    file,
    row,
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
function checkWidth(file: string, record: CsvRow, width: number): Problem | undefined {
  const { row, cells } = record;
  if (cells.length < width) {
    const letter = toColumnLetter(cells.length);
    return {
      severity: 'error',
      rule: 'row-width',
      file,
      row,
      columnLetter: letter,
      message: {
        zh: `第 ${row} 行只有 ${cells.length} 个单元格，表头有 ${width} 列：从 ${letter} 列起缺少单元格`,
        en: `Row ${row} has ${cells.length} cells but the header has ${width} columns: cells are missing from column ${letter} on`,
      },
      hint: {
        zh: '每行的逗号数要和表头一样；空着的单元格也要保留它的逗号',
        en: 'Every row needs as many commas as the header; keep the comma of an empty cell too',
      },
    };
  }
  const extra = cells.findIndex((cell, index) => index >= width && cell !== '');
  if (extra < 0) return undefined;
  const letter = toColumnLetter(extra);
  return {
    severity: 'error',
    rule: 'row-width',
    file,
    row,
    columnLetter: letter,
    value: cells[extra],
    message: {
      zh: `第 ${row} 行有 ${cells.length} 个单元格，表头只有 ${width} 列：${letter} 列的内容没有表头`,
      en: `Row ${row} has ${cells.length} cells but the header has only ${width} columns: column ${letter} has no header`,
    },
    hint: {
      zh: '检查这一行是否多了逗号（金额中的千位逗号要加引号，或不写逗号）',
      en: 'Check the row for an extra comma (quote amounts with thousands commas, or leave the commas out)',
    },
  };
}
