/**
 * Mistakes in a file's shape that would otherwise flood the report with cell errors: a title row
 * above the header, a totals row (合计), and a name with an unquoted comma that pushed the rest of
 * its row one column to the right. Each is said once, where it is, with what to do about it.
 */
import type { Bilingual } from '../i18n/locale.ts';
import type { HeaderMapping } from './mapHeaders.ts';
import type { Problem } from './problem.ts';

/** The words a spreadsheet's totals row starts with: the site adds up by itself, so such a row is never data. */
const TOTALS = /^(合\s*计|总\s*计|小\s*计|共\s*计|累\s*计|total|subtotal|grand\s+total|sum)\s*[:：]?$/i;

/** The cell of a row that marks it as a totals row, among its first cells, if there is one. */
export function totalsCell(cells: readonly string[]): { index: number; text: string } | undefined {
  for (let index = 0; index < Math.min(3, cells.length); index += 1) {
    const text = cells[index]!.trim();
    if (TOTALS.test(text)) return { index, text };
  }
  return undefined;
}

export function totalsRowProblem(file: string, row: number, letter: string, text: string): Problem {
  return {
    severity: 'error',
    rule: 'totals-row',
    file,
    row,
    columnLetter: letter,
    value: text,
    message: {
      zh: `第 ${row} 行是合计行（“${text}”），不是一条数据`,
      en: `Row ${row} is a totals row (“${text}”), not a row of data`,
    },
    hint: {
      zh: '删除这一行：网站会自己加总，并与官方报告数字核对',
      en: 'Delete the row: the site adds up by itself and checks the sums against the reported figures',
    },
  };
}

/** How many of a header's cells name a column of the table. */
export const knownColumns = (mapping: HeaderMapping): number => mapping.keys.filter((key) => key !== undefined).length;

/**
 * A title above the header: row 1 names no column, while a later row (the real header) names most of
 * them. Then the file is not read: which row holds what is uncertain, and one problem says why.
 */
export function titleRowProblem(file: string, titleRows: readonly (readonly string[])[], headerRow: number): Problem {
  const title = titleRows[0]?.find((cell) => cell.trim() !== '')?.trim() ?? '';
  const rows = titleRows.length === 1 ? '第 1 行' : `第 1–${titleRows.length} 行`;
  const rowsEn = titleRows.length === 1 ? 'row 1' : `rows 1–${titleRows.length}`;
  return {
    severity: 'error',
    rule: 'title-row',
    file,
    row: 1,
    ...(title === '' ? {} : { value: title }),
    message: {
      zh: `表头在第 ${headerRow} 行，上面的${rows}是标题，不是表头`,
      en: `The header is on row ${headerRow}; ${rowsEn} above it ${titleRows.length === 1 ? 'is a title' : 'are titles'}, not the header`,
    },
    hint: {
      zh: `删除${rows}，让表头成为第 1 行（标题可以写进 edition.csv 的备注）`,
      en: `Delete ${rowsEn} so that the header is row 1 (a title can go in the note of edition.csv)`,
    },
  };
}

/** A row-width problem's words when joining two cells of a text column would make the row whole. */
export function unquotedComma(
  header: string,
  letter: string,
  value: string,
): { message: Bilingual; hint: Bilingual; column: string; columnLetter: string; value: string } {
  return {
    column: header,
    columnLetter: letter,
    value,
    message: {
      zh: `这一行多了一个单元格：“${header}”（${letter} 列）里很可能有一个没加引号的英文逗号，把后面的内容挤到了下一列`,
      en: `This row has one cell too many: “${header}” (column ${letter}) most likely holds an unquoted comma that pushed the rest of the row one column right`,
    },
    hint: {
      zh: '把该单元格用英文双引号括起来（"甲,乙"），或把逗号改为中文的“，”或“、”；用 Excel 或 WPS 另存为 CSV 时会自动加引号',
      en: 'Put the cell in double quotes ("A,B"), or write the Chinese comma ， or 、 instead; Excel and WPS add the quotes themselves when saving as CSV',
    },
  };
}

/**
 * What marks a template's example row: its first cell starts with 示例 (`示例：F00001`), as the
 * templates in data/templates/ write their two examples. Such a row is shown, not read.
 */
export const EXAMPLE_MARK = '示例';

/** Whether a row is an example row of a template: its first cell (trimmed, as the scanners hand it over) starts with 示例. */
export const isExampleRow = (cells: readonly string[]): boolean => cells[0]?.startsWith(EXAMPLE_MARK) === true;

export function exampleRowProblem(file: string, row: number, text: string): Problem {
  return {
    severity: 'info',
    rule: 'example-row',
    file,
    row,
    columnLetter: 'A',
    value: text,
    message: {
      zh: `第 ${row} 行是模板的示例行（以“${EXAMPLE_MARK}”开头），没有读取`,
      en: `Row ${row} is an example row of the template (it starts with “${EXAMPLE_MARK}”) and was not read`,
    },
    hint: {
      zh: '填好自己的数据后删除示例行；要让这一行作为数据读取，删去开头的“示例”',
      en: 'Delete the example rows once your own rows are in; to have this row read as data, delete the 示例 at its start',
    },
  };
}
