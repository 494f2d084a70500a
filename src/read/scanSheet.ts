/**
 * A worksheet read like a CSV file: which sheet of a workbook holds a table, and its rows handed to
 * the same row reader as a CSV file's (readTable.ts), numbered as the spreadsheet numbers them. So an
 * `.xlsx` is checked by exactly the rules a CSV is, and each problem names the cell staff see.
 */
import type { Problem } from './problem.ts';
import { checkWidth, emptyFileProblem, type RowReader, type ScannedCsv } from './parseCsv.ts';
import type { Sheet, SheetRow, WorkbookTrouble } from './xlsx.ts';
import { foldText } from '../format/foldText.ts';
import type { Bilingual } from '../i18n/locale.ts';

/** What a table is called, to find its sheet by name: `funds`, 帮扶资金, Funds. */
export type SheetNames = { file: string; title: Bilingual };

/**
 * The sheet that holds a table: the one named like the file (`funds`), or like the table (帮扶资金,
 * Funds); otherwise the first visible sheet, as Excel opens the workbook on it; otherwise the first.
 */
export function chooseSheet(sheets: readonly Sheet[], { file, title }: SheetNames): Sheet | undefined {
  const names = new Set([file.replace(/\.[^.]*$/, ''), title.zh, title.en].map(foldText));
  return sheets.find((sheet) => names.has(foldText(sheet.name))) ?? sheets.find((sheet) => !sheet.hidden) ?? sheets[0];
}

/**
 * scanCsv for a sheet: the first row with a value is the header (less its empty cells at the end),
 * each later row is handed to the reader as it stands (a cell the file leaves out is empty), and a
 * value right of the header's last column is a row-width problem, as in a CSV file.
 */
export function scanSheet(rows: readonly SheetRow[], file: string, read: RowReader): ScannedCsv {
  const blankRows: number[] = [];
  const problems: Problem[] = [];
  let header: string[] | undefined;
  let take: ReturnType<RowReader> | undefined;
  let rowCount = 0;
  for (const { row, cells: raw } of rows) {
    const cells = raw.map((cell) => cell.trim());
    if (cells.every((cell) => cell === '')) {
      blankRows.push(row);
      continue;
    }
    if (header === undefined) {
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      header = cells;
      take = read(header);
      continue;
    }
    rowCount += 1;
    while (cells.length < header.length) cells.push('');
    const problem = checkWidth(file, row, cells, header.length);
    if (problem !== undefined) problems.push(problem);
    take!(row, problem === undefined ? cells.slice(0, header.length) : cells, problem === undefined);
  }
  if (header === undefined) return { header: [], blankRows: [], rowCount: 0, problems: [emptyFileProblem(file)] };
  return { header, blankRows, rowCount, problems };
}

const TROUBLE: Record<WorkbookTrouble, { message: Bilingual; hint: Bilingual }> = {
  'encrypted-or-xls': {
    message: {
      zh: '不是 xlsx 工作簿：它设置了打开密码，或是改了扩展名的旧版 .xls 文件',
      en: 'is not an xlsx workbook: it has a password to open, or it is an old .xls file renamed',
    },
    hint: {
      zh: '在 Excel 或 WPS 中打开它，取消打开密码（文件 → 信息 → 保护工作簿），另存为“Excel 工作簿（*.xlsx）”或 CSV',
      en: 'Open it in Excel or WPS, remove the password (File → Info → Protect Workbook) and save it as "Excel Workbook (*.xlsx)" or as CSV',
    },
  },
  'not-a-workbook': {
    message: { zh: '不是 Excel 工作簿', en: 'is not an Excel workbook' },
    hint: {
      zh: '在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”或 CSV UTF-8',
      en: 'Save it from Excel or WPS as "Excel Workbook (*.xlsx)" or as CSV UTF-8',
    },
  },
  'no-sheets': {
    message: { zh: '里面没有工作表', en: 'has no worksheet' },
    hint: { zh: '把数据放在工作簿的第一个工作表中', en: 'Put the data on the first worksheet of the workbook' },
  },
  damaged: {
    message: { zh: '已损坏，无法读取', en: 'is damaged and cannot be read' },
    hint: {
      zh: '在 Excel 或 WPS 中打开它（它会尝试修复），再另存为“Excel 工作簿（*.xlsx）”或 CSV UTF-8',
      en: 'Open it in Excel or WPS (which tries to repair it) and save it again as "Excel Workbook (*.xlsx)" or as CSV UTF-8',
    },
  },
};

/** A workbook that could not be opened: one error for the whole file, in place of its rows. */
export function workbookProblem(file: string, trouble: WorkbookTrouble, detail?: string): Problem {
  const { message, hint } = TROUBLE[trouble];
  return {
    severity: 'error',
    rule: 'spreadsheet-file',
    file,
    ...(detail === undefined ? {} : { value: detail }),
    message: { zh: `${file} ${message.zh}`, en: `${file} ${message.en}` },
    hint,
  };
}
