/**
 * A problem found in the data: where it is (file, spreadsheet row and column), what rule it breaks,
 * and what to do about it, in Chinese first and English second. Every step of the pipeline reports
 * problems in this one shape so the validator can list them all, not just the first.
 */

export type Severity = 'error' | 'warning' | 'info';

import type { Bilingual, Locale } from '../i18n/locale.ts';

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
  'title-row',
  'totals-row',
  'outside-outline',
  'after-today',
  'implausible-amount',
  'control-character',
  'url-scheme',
  'programme-years',
  'no-rows',
  'example-row',
  'site-config',
] as const;
export type Rule = (typeof RULES)[number];

/**
 * Typical spreadsheet mistakes that break many cells the same way. A problem that one of them
 * explains carries its cause, and the report leads with the cause and its fix (groupProblems.ts).
 */
export const CAUSES = {
  'excel-scientific-code': {
    message: {
      zh: 'Excel 或 WPS 把长代码显示成了科学计数法（如 1.50627E+11）并按此保存，代码的后几位已经丢失',
      en: 'Excel or WPS showed long codes in scientific notation (such as 1.50627E+11) and saved them so: their last digits are lost',
    },
    fix: {
      zh: '不能从这个文件恢复：从 villages.csv 或 divisions.csv（或原始台账）复制完整代码；粘贴前把该列设为“文本”格式，或用“数据 → 自文本导入”并把该列设为文本',
      en: 'They cannot be recovered from this file: copy the full codes from villages.csv or divisions.csv (or the original ledger); set the column to Text before pasting, or import the CSV with Data → From Text and mark the column as Text',
    },
  },
  'decimal-comma': {
    message: {
      zh: '数字用逗号作小数点（如 1234,5 或 1.234,56），这是欧洲地区的写法',
      en: 'Numbers use a comma as the decimal mark (such as 1234,5 or 1.234,56), as European settings write them',
    },
    fix: {
      zh: '把小数点改为英文句点“.”；或在 Windows 的“区域”设置（WPS/Excel 选项）中把小数符号设为“.”后重新导出',
      en: 'Use a point "." as the decimal mark, or set the decimal symbol to "." in the Windows Region settings (or Excel/WPS options) and export again',
    },
  },
  'region-code-changed': {
    message: {
      zh: 'edition.csv 的地区代码与数据中的代码不一致：很可能地区代码改错了',
      en: "The region code in edition.csv does not match the data's codes: most likely the region code was changed by mistake",
    },
    fix: {
      zh: '把 edition.csv 的地区代码改回数据所用的代码（见下方示例）；若确实换了地区，请用新地区的数据',
      en: "Set the region code in edition.csv back to the one the rows use (see the examples); if the region really changed, use the new region's data",
    },
  },
  'rejected-reference': {
    message: {
      zh: '这些行引用的行因为自身的错误未被接受：它们是上面那些错误的后果',
      en: 'These rows refer to rows that were rejected for errors of their own: they follow from the errors above',
    },
    fix: {
      zh: '先改正上面列出的错误，再重新校验；这些问题会随之消失',
      en: 'Fix the errors listed above first and validate again; these go away with them',
    },
    consequence: true,
  },
} as const satisfies Record<string, { message: Bilingual; fix: Bilingual; consequence?: true }>;
export type Cause = keyof typeof CAUSES;

export type Problem = {
  severity: Severity;
  rule: Rule;
  /** The systematic mistake behind this problem, when one is recognised. */
  cause?: Cause;
  /** The file as staff named it: `funds.csv`, or `funds.xlsx` for a table read from a workbook. */
  file: string;
  /** For a workbook, the worksheet (the tab at the bottom) the table was read from. */
  sheet?: string;
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

type Located = Pick<Problem, 'file' | 'sheet' | 'row' | 'columnLetter'>;

/**
 * `funds.csv C17`, the cell reference a person can type into Excel's name box, or `funds.csv 第1行 row 1`;
 * in a workbook `funds.xlsx 工作表 sheet 资金 !C17`. Both languages at once, for the terminal's report.
 */
export function locate(problem: Located): string {
  const { file, sheet, row, columnLetter } = problem;
  const where = sheet === undefined ? file : `${file} 工作表 sheet ${sheet}`;
  if (row === undefined) return where;
  if (columnLetter === undefined) return `${where} 第${row}行 row ${row}`;
  return `${where} ${sheet === undefined ? '' : '!'}${columnLetter}${row}`;
}

/** The same place in one language: `funds.xlsx 工作表 资金 !C17`, `funds.xlsx sheet 资金 !C17`, `funds.csv 第3行`, `funds.csv row 3`. */
export function locateIn(problem: Located, locale: Locale): string {
  const { file, sheet, row, columnLetter } = problem;
  const where = sheet === undefined ? file : `${file} ${locale === 'en' ? 'sheet' : '工作表'} ${sheet}`;
  if (row === undefined) return where;
  if (columnLetter === undefined) return locale === 'en' ? `${where} row ${row}` : `${where} 第${row}行`;
  return `${where} ${sheet === undefined ? '' : '!'}${columnLetter}${row}`;
}

export const isError = (problem: Problem): boolean => problem.severity === 'error';
