import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { TABLES, fundsTable } from '../../src/read/tables.ts';
import type { AnyTable } from '../../src/read/field.ts';
import { csvTemplate, templateOf } from '../../src/publish/templates.ts';
import { HELP_SHEET, xlsxTemplate } from '../../scripts/lib/xlsxTemplate.ts';
import { loadDataset } from '../../src/read/loadDataset.ts';
import { locateIn } from '../../src/read/problem.ts';

const SMALL = join(import.meta.dirname, '..', 'fixtures', 'small');
const readSmall = (): Map<string, Uint8Array> => new Map(readdirSync(SMALL).map((name) => [name, new Uint8Array(readFileSync(join(SMALL, name)))]));
const tables = TABLES as readonly AnyTable[];

/** The small dataset with one table's CSV file replaced by a template file of the given name. */
function withTemplate(table: AnyTable, name: string, bytes: Uint8Array) {
  const files = readSmall();
  files.delete(table.file);
  files.set(name, bytes);
  return loadDataset(files).report;
}

/**
 * What the validator says of a template read back as the only file of its table: that it has no row,
 * and that its two examples are examples; edition.csv must also have its one row.
 */
const EMPTY_TEMPLATE = (table: AnyTable, where: string, onSheet = false): string[][] => [
  ...(table.file === 'edition.csv' ? [['one-row', 'error', where]] : []),
  ['no-rows', 'info', where],
  ['example-row', 'info', `${where} ${onSheet ? '!' : ''}A2`],
  ['example-row', 'info', `${where} ${onSheet ? '!' : ''}A3`],
];

/** The problems of the template's own file, as [rule, severity, where]. */
const ownProblems = (report: ReturnType<typeof withTemplate>, name: string) =>
  report.problems.filter((p) => p.file === name).map((p) => [p.rule, p.severity, locateIn(p, 'zh-CN')]);

async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

describe('the CSV templates', () => {
  it.each(tables.map((table) => [table.file, table] as const))('%s: UTF-8 with a BOM, the Chinese headers, two examples marked as examples', (file, table) => {
    const text = csvTemplate(templateOf(table));
    const bytes = new TextEncoder().encode(text);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.slice(1).trimEnd().split('\n');
    expect(lines[0]!.split(',')).toEqual(Object.values(table.columns).map((field) => field.meta.header));
    expect(lines.slice(1).map((line) => line.slice(0, 3))).toEqual(['示例：', '示例：']);
    // Read back by the validator: the examples are shown and not read, and nothing else is said of the file.
    expect(ownProblems(withTemplate(table, file, bytes), file)).toEqual(EMPTY_TEMPLATE(table, file));
  });
});

describe('the xlsx templates', () => {
  it.each(tables.map((table) => [table.file, table] as const))('%s round-trips through the validator: its examples shown, not read', async (_file, table) => {
    const template = templateOf(table);
    const name = `${template.stem}.xlsx`;
    const report = withTemplate(table, name, await xlsxTemplate(template));
    expect(ownProblems(report, name)).toEqual(EMPTY_TEMPLATE(table, `${name} 工作表 ${table.title.zh}`, true));
  });

  it('formats code and id columns as text, lists the allowed values of closed lists, and comments every header', async () => {
    const workbook = await openWorkbook(await xlsxTemplate(templateOf(fundsTable)));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['帮扶资金', HELP_SHEET]);
    const sheet = workbook.getWorksheet('帮扶资金')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(Object.values(fundsTable.columns).map((field) => field.meta.header));
    const textColumns = headers.flatMap((_header, index) => (sheet.getColumn(index + 1).numFmt === '@' ? [Object.keys(fundsTable.columns)[index]] : []));
    expect(textColumns).toEqual(['fund_id', 'village_code', 'project_id']);
    // A drop-down list on the closed lists, far down the sheet.
    expect(sheet.getCell('E4000').dataValidation).toMatchObject({ type: 'list', formulae: ['"财政资金,包联单位,包联企业,村集体,其他"'] });
    expect(sheet.getCell('H2').dataValidation).toMatchObject({ type: 'list', formulae: ['"官方,示意"'], allowBlank: true });
    expect(sheet.getCell('C2').dataValidation).toBeUndefined();
    const note = sheet.getCell('C1').note;
    const noteText = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
    expect(noteText).toContain('嘎查村的12位统计用区划代码');
    expect(noteText).toContain("The village's 12-digit statistical division code");
    const help = workbook.getWorksheet(HELP_SHEET)!;
    const helpText = help
      .getSheetValues()
      .flat()
      .filter((value): value is string => typeof value === 'string')
      .join(' ');
    expect(helpText).toContain('village_code 必须在 villages.csv 中存在');
    expect(helpText).toContain('Amount (yuan); 80万, 1.5亿 and 1,234.50 are accepted');
  });

  it('the projects template offers the stages, the sectors and the provenance as lists', async () => {
    const projects = tables.find((table) => table.file === 'projects.csv')!;
    const sheet = (await openWorkbook(await xlsxTemplate(templateOf(projects)))).worksheets[0]!;
    const lists = Object.keys(projects.columns).flatMap((key, index) => {
      const rule = sheet.getCell(10, index + 1).dataValidation;
      return rule === undefined ? [] : [[key, rule.formulae[0]]];
    });
    expect(lists).toEqual([
      ['sector', '"农,工,商,养"'],
      ['stage', '"谋划,前期手续,在建,运营,暂停"'],
      ['provenance', '"官方,示意"'],
    ]);
  });

  it('reads rows typed into the template below its examples as the CSV file of the same rows', async () => {
    const workbook = await openWorkbook(await xlsxTemplate(templateOf(fundsTable)));
    const sheet = workbook.worksheets[0]!;
    const [, ...rows] = new TextDecoder().decode(readSmall().get('funds.csv')).trim().split('\n');
    for (const line of rows) {
      const cells = line.split(',');
      // As Excel stores what is typed: codes as text in their text columns, amounts as numbers, dates as dates.
      sheet.addRow(
        cells.map((cell, index) => {
          if (index === 1) return new Date(`${cell}T00:00:00Z`);
          if (index === 6 && /^\d+$/.test(cell)) return Number(cell);
          return cell === '' ? null : cell;
        }),
      );
    }
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const files = readSmall();
    const expected = loadDataset(files).records.funds;
    files.delete('funds.csv');
    files.set('funds.xlsx', bytes);
    const { records, report } = loadDataset(files);
    expect(report.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    // The same records, two rows lower: below the examples.
    expect(records.funds).toEqual(expected.map((record) => ({ ...record, row: record.row + 2 })));
    expect(report.files.find((f) => f.file === 'funds.xlsx')).toMatchObject({ sheet: '帮扶资金', read: 4, accepted: 4 });
  });

  it('writes the same bytes every time', async () => {
    const template = templateOf(fundsTable);
    expect(await xlsxTemplate(template)).toEqual(await xlsxTemplate(template));
  });
});
