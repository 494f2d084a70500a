/**
 * What can be wrong with the data folder itself, before any file is read: a folder or a broken link
 * where a CSV should be, a file that cannot be opened, a spreadsheet saved beside (or instead of) its
 * CSV. Each is a located, bilingual problem, never an exception. Pure: src/load/ looks at the disk and
 * says what it found; this module says what that means to staff.
 */
import type { Problem } from './problem.ts';
import { TABLES } from './tables.ts';

/** What the reader found at a name that should have been a readable file. */
export type EntryTrouble = 'folder' | 'broken-link' | 'not-a-file' | 'unreadable';

/** Spreadsheet formats staff save from Excel and WPS; of them the tool reads `.xlsx` workbooks. */
export const SPREADSHEET_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.et', '.ods'] as const;

const lower = (name: string): string => name.toLowerCase();
const stemOf = (name: string): string => name.slice(0, name.lastIndexOf('.'));

/**
 * The names among a folder's entries (or the files dropped on the checker page) that are read: every
 * CSV file, and a workbook that stands for a data file whose CSV file is not there (`funds.xlsx` for
 * `funds.csv`). Any other workbook is only mentioned (spreadsheetProblems), and so is no part of the
 * data: it changes neither the report nor the edition's digest.
 */
export function namesToRead(names: readonly string[]): string[] {
  const present = new Set(names.map(lower));
  return names.filter((name) => {
    if (lower(name).endsWith('.csv')) return true;
    if (!lower(name).endsWith('.xlsx')) return false;
    const csv = `${lower(stemOf(name))}.csv`;
    return KNOWN.has(csv) && !present.has(csv);
  });
}

/** Excel and WPS leave a lock file (`~$funds.xlsx`) beside a file they have open: it is theirs, not data. */
export const isLockFile = (name: string): boolean => name.startsWith('~$');

const TROUBLE = {
  folder: { zh: '是一个文件夹，不是文件', en: 'is a folder, not a file' },
  'broken-link': { zh: '是一个指向不存在文件的链接', en: 'is a link to a file that does not exist' },
  'not-a-file': { zh: '不是普通文件', en: 'is not a regular file' },
  unreadable: { zh: '无法读取', en: 'cannot be read' },
} as const;

const TROUBLE_HINT = {
  folder: { zh: '把该文件夹改名或移出 data/（如旧数据可放到 data/old/）', en: 'Rename the folder or move it out of data/ (old data can go in data/old/)' },
  'broken-link': { zh: '删除该链接，或放入它指向的文件', en: 'Delete the link, or put back the file it points to' },
  'not-a-file': { zh: '把它移出 data/，再放入同名的 CSV 文件', en: 'Move it out of data/ and put a CSV file of that name there' },
  unreadable: { zh: '检查文件权限，或关闭正在占用它的程序后重试', en: 'Check the file permissions, or close the program that holds it, and try again' },
} as const;

const KNOWN = new Set<string>(TABLES.map((table) => table.file));

/**
 * A name in data/ that could not be read. For a data file it is an error (the file it stands for
 * cannot be checked, so nothing is published); for any other `.csv` name, a warning.
 */
export function entryProblem(name: string, trouble: EntryTrouble, detail?: string): Problem {
  const known = KNOWN.has(name);
  return {
    severity: known ? 'error' : 'warning',
    rule: 'file-system',
    file: name,
    ...(detail === undefined ? {} : { value: detail }),
    message: {
      zh: `${name} ${TROUBLE[trouble].zh}${known ? '，无法校验' : ''}`,
      en: `${name} ${TROUBLE[trouble].en}${known ? ', so it cannot be checked' : ''}`,
    },
    hint: TROUBLE_HINT[trouble],
  };
}

/** The data folder itself is missing or is not a folder: the one problem of the report. */
export function folderProblem(dir: string, trouble: 'missing' | 'not-a-folder' | 'unreadable'): Problem {
  const what = {
    missing: { zh: '不存在', en: 'does not exist' },
    'not-a-folder': { zh: '不是文件夹', en: 'is not a folder' },
    unreadable: { zh: '无法读取', en: 'cannot be read' },
  }[trouble];
  return {
    severity: 'error',
    rule: 'file-system',
    file: dir,
    message: { zh: `数据文件夹 ${dir} ${what.zh}`, en: `The data folder ${dir} ${what.en}` },
    hint: {
      zh: '检查路径（--dir 或 DATA_DIR）；数据文件夹里应有 edition.csv、villages.csv 等文件',
      en: 'Check the path (--dir or DATA_DIR); the data folder holds edition.csv, villages.csv and the other files',
    },
  };
}

const SAVE_AS = {
  zh: '另存为 CSV 或 xlsx：Excel 中选“文件 → 另存为 → CSV UTF-8（逗号分隔）”或“Excel 工作簿（*.xlsx）”，WPS 中选“文件 → 另存为 → CSV（逗号分隔）”或“Excel 文件（*.xlsx）”',
  en: 'save it as CSV or xlsx: in Excel, File → Save As → "CSV UTF-8 (Comma delimited)" or "Excel Workbook (*.xlsx)"; in WPS, File → Save As → "CSV (comma delimited)" or "Excel file (*.xlsx)"',
};

/**
 * Spreadsheets beside the data files, each mentioned unless it is read: an `.xlsx` is read in place
 * of a missing CSV file of its name. Beside its CSV file a spreadsheet may hold newer figures than the
 * CSV the site is built from; in place of a data file in a format the tool does not read (`.xls`,
 * `.et`, `.ods`, `.xlsm`) it explains why that file is missing. `dataNames` are the CSV and xlsx names read.
 */
export function spreadsheetProblems(spreadsheets: readonly string[], dataNames: ReadonlySet<string>): Problem[] {
  const present = new Set([...dataNames].map(lower));
  return spreadsheets.flatMap((name): Problem[] => {
    // Windows names are case-insensitive: Funds.XLSX stands for funds.csv.
    const csv = `${lower(stemOf(name))}.csv`;
    const known = KNOWN.has(csv);
    const isXlsx = lower(name).endsWith('.xlsx');
    const hasCsv = present.has(csv);
    if (isXlsx && known && !hasCsv) return [];
    if (known && !hasCsv && !present.has(`${stemOf(csv)}.xlsx`)) {
      return [
        {
          severity: 'error',
          rule: 'spreadsheet-file',
          file: csv,
          value: name,
          message: {
            zh: `缺少 ${csv}，只有 ${name}；本工具只读取 CSV 和 xlsx 文件`,
            en: `${csv} is missing and only ${name} is there; the tool reads CSV and xlsx files only`,
          },
          hint: {
            zh: `打开 ${name}，${SAVE_AS.zh}，文件名为 ${csv} 或 ${stemOf(csv)}.xlsx`,
            en: `Open ${name} and ${SAVE_AS.en}, named ${csv} or ${stemOf(csv)}.xlsx`,
          },
        },
      ];
    }
    const builtFrom = hasCsv ? csv : `${stemOf(csv)}.xlsx`;
    return [
      {
        severity: 'warning',
        rule: 'spreadsheet-file',
        file: name,
        message: known
          ? { zh: `${name} 不会被读取；网站由 ${builtFrom} 生成`, en: `${name} is not read; the site is built from ${builtFrom}` }
          : isXlsx
            ? { zh: `${name} 不会被读取：它不是数据文件之一`, en: `${name} is not read: it is not one of the data files` }
            : { zh: `${name} 不会被读取；本工具只读取 CSV 和 xlsx 文件`, en: `${name} is not read; the tool reads CSV and xlsx files only` },
        hint: known
          ? { zh: `如果 ${name} 较新，打开它，${SAVE_AS.zh}，覆盖 ${builtFrom}`, en: `If ${name} is newer, open it and ${SAVE_AS.en}, replacing ${builtFrom}` }
          : {
              zh: `数据文件为：${TABLES.map((t) => t.file).join('、')}（也可以是同名的 .xlsx）；不需要的表格请移出 data/`,
              en: `The data files are: ${TABLES.map((t) => t.file).join(', ')} (or .xlsx files of those names); move spreadsheets you do not need out of data/`,
            },
      },
    ];
  });
}

/**
 * Files handed over as a list rather than found in a folder (the checker page of the site, where
 * staff drop them): the CSV files and workbooks to read, and what the other names mean, exactly as
 * src/load/readDataDir.ts says them of a folder holding those files.
 */
export function listedFiles(entries: Iterable<{ name: string; bytes: Uint8Array }>): { files: Map<string, Uint8Array>; problems: Problem[] } {
  const kept = [...entries].filter(({ name }) => !isLockFile(name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const names = kept.map(({ name }) => name);
  const read = new Set(namesToRead(names));
  const files = new Map(kept.filter(({ name }) => read.has(name)).map(({ name, bytes }) => [name, bytes]));
  return { files, problems: spreadsheetProblems(names.filter(isSpreadsheet), new Set(files.keys())) };
}

/** Whether a name in data/ is a spreadsheet the tool should mention (case-insensitive, as Windows names are). */
export const isSpreadsheet = (name: string): boolean => SPREADSHEET_EXTENSIONS.some((extension) => name.toLowerCase().endsWith(extension));
