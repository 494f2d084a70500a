/**
 * A template (src/publish/templates.ts) as an Excel workbook, written with exceljs: the data sheet
 * named after the table, its header frozen, code columns formatted as text (so a 12-digit code typed
 * in stays a code, never 1.50627E+11), a drop-down list on every closed-list column, the dictionary's
 * help as a comment on each header, and a second sheet 说明 Help with the whole dictionary of the file.
 * The same bytes for the same template: the workbook's dates and its zip entries' are fixed.
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { localNoonOf, startOf } from '../../src/model/calendar.ts';
import type { Template } from '../../src/publish/templates.ts';
import { toColumnLetter } from '../../src/read/problem.ts';

/** How far down the drop-down lists and the text format reach: far more rows than a county has villages. */
export const TEMPLATE_ROWS = 5000;

/** The help sheet's name: after the data sheet, so the reader never takes it for the data. */
export const HELP_SHEET = '说明 Help';

// A fixed date: the workbook's own timestamps would otherwise change its bytes at every run.
const WRITTEN = startOf('2021-10-14');

const GREY = { argb: 'FF6B6B6B' };
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } } as const;

/** The comment on a header cell: what the column holds, in Chinese and English. */
function headerNote(column: Template['columns'][number]): string {
  const { help } = column;
  return [
    `${help.description.zh}${help.example === undefined ? '' : `（例 ${help.example}）`}`,
    help.description.en,
    `类型 type: ${help.type}`,
    `必填 required: ${help.required ? '是 yes' : '否 no'}`,
    ...(help.others.length === 0 ? [] : [`也可写作 also accepted: ${help.others.join('、')}`]),
    `列名 key: ${help.key}`,
  ].join('\n');
}

export async function xlsxTemplate(template: Template): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'rural-revitalization-progress';
  workbook.lastModifiedBy = 'rural-revitalization-progress';
  workbook.created = WRITTEN;
  workbook.modified = WRITTEN;

  const sheet = workbook.addWorksheet(template.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = template.columns.map((column) => ({
    key: column.key,
    width: Math.max(12, Math.min(40, [...column.header].length * 2.4 + 4)),
    // Text, so Excel keeps every digit of a code typed into the column.
    ...(column.text ? { style: { numFmt: '@' } } : {}),
  }));
  const header = sheet.getRow(1);
  template.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.note = headerNote(column);
  });
  for (const example of template.examples) {
    const row = sheet.addRow(example);
    row.font = { italic: true, color: GREY };
    // Every example cell is text: an example of a code keeps its digits, of a date its form.
    row.eachCell((cell) => {
      cell.numFmt = '@';
    });
  }
  template.columns.forEach((column, index) => {
    if (column.choices === undefined) return;
    const letter = toColumnLetter(index);
    const list = column.choices.join('、');
    (sheet as unknown as { dataValidations: { add: (range: string, rule: ExcelJS.DataValidation) => void } }).dataValidations.add(
      `${letter}2:${letter}${TEMPLATE_ROWS}`,
      {
        type: 'list',
        allowBlank: !column.required,
        formulae: [`"${column.choices.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'error',
        errorTitle: `${column.header} ${column.key}`,
        error: `只能填写：${list}\nMust be one of: ${column.choices.join(', ')}`,
        showInputMessage: true,
        promptTitle: column.header,
        prompt: `从列表中选择 · pick from the list: ${list}`,
      },
    );
  });
  const help = workbook.addWorksheet(HELP_SHEET);
  help.columns = [{ width: 26 }, { width: 16 }, { width: 26 }, { width: 30 }, { width: 12 }, { width: 44 }, { width: 44 }];
  const lines: (string | undefined)[][] = [
    [`${template.stem}.csv / ${template.stem}.xlsx`, `${template.title.zh} · ${template.title.en}`],
    [template.description.zh, template.description.en],
    [`主键 Primary key: ${template.primaryKey.join(' + ')}`],
    [
      `第一个工作表“${template.sheet}”填写数据；以“示例”开头的两行是示例，不会被读取，填好后请删除。`,
      `Fill in the first sheet, “${template.sheet}”; the two rows starting with 示例 are examples, never read: delete them once your rows are in.`,
    ],
    [],
    ['列 column', '表头 header', '也可写作 also accepted', '类型 type', '必填 required', '说明', 'description'],
    ...template.columns.map(({ help: h }) => [
      h.key,
      h.header,
      h.others.join('、'),
      h.type,
      h.required ? '是 yes' : '否 no',
      `${h.description.zh}${h.example === undefined ? '' : `（例 ${h.example}）`}`,
      h.description.en,
    ]),
    [],
    ...template.rules.map((rule) => [rule.zh, rule.en]),
  ];
  for (const line of lines) help.addRow(line);
  help.getRow(6).font = { bold: true };
  help.getRow(1).font = { bold: true };

  return sameBytes(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/**
 * The workbook zipped again with every entry dated the same day: exceljs dates them at the time of
 * writing, which would make every `npm run data:templates` change all the templates' bytes.
 */
function sameBytes(xlsx: Uint8Array): Uint8Array {
  const mtime = localNoonOf('2021-10-14');
  const entries: Zippable = {};
  for (const [name, bytes] of Object.entries(unzipSync(xlsx))) entries[name] = [bytes, { mtime, level: 6 }];
  return zipSync(entries);
}
