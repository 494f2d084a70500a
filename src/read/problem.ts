/**
 * A problem found in the data: where it is (file, spreadsheet row and column), what rule it breaks,
 * and what to do about it, in Chinese first and English second. Every step of the pipeline reports
 * problems in this one shape so the validator can list them all, not just the first.
 */

export type Severity = 'error' | 'warning' | 'info';

import type { Bilingual } from '../i18n/locale.ts';

export const RULES = [
  'missing-file',
  'unknown-file',
  'empty-file',
  'encoding',
  'broken-quoting',
  'row-width',
  'duplicate-header',
  'unknown-column',
  'missing-column',
  'required',
  'type',
  'allowed-values',
  'range',
  'unique',
  'one-row',
  'foreign-key',
  'future-date',
  'region',
  'location',
  'reconcile',
  'reported-scope',
  'file-system',
  'spreadsheet-file',
  'outside-outline',
  'after-today',
  'implausible-amount',
  'control-character',
  'url-scheme',
  'programme-years',
  'no-rows',
] as const;
export type Rule = (typeof RULES)[number];

export type Problem = {
  severity: Severity;
  rule: Rule;
  file: string;
  /** Row as Excel and WPS number it: the header is row 1. Absent for whole-file problems. */
  row?: number;
  /** The header as it appears in the file (or the canonical key when the column is missing). */
  column?: string;
  /** Spreadsheet column letter: A, B, …, Z, AA. */
  columnLetter?: string;
  /** The offending cell text, as typed. */
  value?: string;
  message: Bilingual;
  hint: Bilingual;
};

/** 0 → A, 25 → Z, 26 → AA: the letters Excel shows above a column. */
export function toColumnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** Where a column sits in its file: the header as typed and its position (0 for column A). */
export type ColumnPosition = { header: string; index: number };

/** Per file, where each canonical column sits, so problems found after reading can name the cell. */
export type ColumnPositions = Record<string, Record<string, ColumnPosition> | undefined>;

/** A column as staff see it: the header as typed in the file and its letter (the key if the file lacks it). */
export function locateColumn(positions: ColumnPositions, file: string, key: string): { column: string; columnLetter?: string } {
  const position = positions[file]?.[key];
  return position === undefined ? { column: key } : { column: position.header, columnLetter: toColumnLetter(position.index) };
}

/** `funds.csv C17`, the cell reference a person can type into Excel's name box, or `funds.csv 第1行 row 1`. */
export function locate(problem: Pick<Problem, 'file' | 'row' | 'columnLetter'>): string {
  if (problem.row === undefined) return problem.file;
  if (problem.columnLetter === undefined) return `${problem.file} 第${problem.row}行 row ${problem.row}`;
  return `${problem.file} ${problem.columnLetter}${problem.row}`;
}

export const isError = (problem: Problem): boolean => problem.severity === 'error';
