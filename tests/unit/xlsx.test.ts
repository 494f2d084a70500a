import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { numberText, readWorkbook, type Sheet } from '../../src/read/xlsx.ts';
import { chooseSheet } from '../../src/read/scanSheet.ts';
import { loadDataset } from '../../src/read/loadDataset.ts';
import { locate, locateIn } from '../../src/read/problem.ts';
import { formatReport } from '../../src/read/formatReport.ts';
import { fundsTable } from '../../src/read/tables.ts';
import { listedFiles } from '../../src/read/dataFolder.ts';
import { makeXlsx, type CellSpec } from '../support/makeXlsx.ts';

const SMALL = join(import.meta.dirname, '..', 'fixtures', 'small');
const readSmall = (): Map<string, Uint8Array> => new Map(readdirSync(SMALL).map((name) => [name, new Uint8Array(readFileSync(join(SMALL, name)))]));

function sheets(bytes: Uint8Array): Sheet[] {
  const read = readWorkbook(bytes);
  if (!read.ok) throw new Error(`not read: ${read.trouble}`);
  return read.sheets;
}

const cellsOf = (bytes: Uint8Array, sheet = 0): string[][] => sheets(bytes)[sheet]!.rows.map((row) => row.cells);

/** The small dataset's funds.csv as a workbook: its header and rows, each cell as the spreadsheet would hold it. */
function fundsRows(): string[][] {
  const text = new TextDecoder().decode(readSmall().get('funds.csv'));
  return text
    .trim()
    .split('\n')
    .map((line) => line.split(','));
}

describe('readWorkbook: cells as text, as staff meant them', () => {
  it('reads numbers in full: a 12-digit code in a General cell is never 1.50627E+11', () => {
    const bytes = makeXlsx({
      sheets: [{ name: 'Sheet1', rows: [[150627101225, { v: '1.50627101225E+11' }, 2600, { v: '1234.5000000000002' }, { v: '0.1' }, -3]] }],
    });
    expect(cellsOf(bytes)).toEqual([['150627101225', '150627101225', '2600', '1234.5', '0.1', '-3']]);
  });

  it.each([
    ['1234.5000000000002', '1234.5'],
    ['109.77822', '109.77822'],
    ['1.5E-3', '0.0015'],
    ['3.7E+8', '370000000'],
    ['0.30000000000000004', '0.3'],
    ['150627101225', '150627101225'],
    ['1.2345678901234567E+17', '123456789012346000'],
  ])('numberText(%s) is %s', (raw, text) => {
    expect(numberText(raw)).toBe(text);
  });

  it('reads dates by their number format: a day, a month when no day is shown, a time of day when there is one', () => {
    const bytes = makeXlsx({
      numFmts: [
        { id: 176, code: 'yyyy/m/d h:mm' },
        { id: 177, code: 'yyyy"年"m"月"' },
        { id: 178, code: '[$-804]yyyy"年"m"月"d"日";@' },
        { id: 179, code: '#,##0.00" 元"' },
      ],
      // Styles: 0 General, 1 m/d/yyyy (14), 2 custom date-time, 3 custom month, 4 Chinese date, 5 yyyy年m月 (57), 6 money, 7 text (@).
      cellXfs: [0, 14, 176, 177, 178, 57, 179, 49],
      sheets: [
        {
          name: 'Sheet1',
          rows: [
            [
              { s: 1, v: '44483' },
              { s: 2, v: '44361' },
              { s: 2, v: '44361.354166666664' },
              { s: 3, v: '44470' },
              { s: 4, v: '44483' },
              { s: 5, v: '44470' },
              { s: 6, v: '26000000' },
              { s: 7, t: 's', v: '0' },
            ],
          ],
        },
      ],
      extraSharedStrings: ['<si><t>150627101225</t></si>'],
    });
    expect(cellsOf(bytes)).toEqual([['2021-10-14', '2021-06-14', '2021-06-14 08:30', '2021-10', '2021-10-14', '2021-10', '26000000', '150627101225']]);
  });

  it('reads serial days of the 1900 calendar before its false 29 February, and of the 1904 calendar', () => {
    const rows: CellSpec[][] = [
      [
        { s: 1, v: '1' },
        { s: 1, v: '59' },
        { s: 1, v: '61' },
      ],
    ];
    expect(cellsOf(makeXlsx({ cellXfs: [0, 14], sheets: [{ name: 'a', rows }] }))).toEqual([['1900-01-01', '1900-02-28', '1900-03-01']]);
    expect(cellsOf(makeXlsx({ cellXfs: [0, 14], date1904: true, sheets: [{ name: 'a', rows: [[{ s: 1, v: '42966' }]] }] }))).toEqual([['2021-08-20']]);
  });

  it('reads text as typed: rich text runs joined, phonetic guides left out, escaped characters and line breaks restored', () => {
    const bytes = makeXlsx({
      sheets: [
        {
          name: 'Sheet1',
          rows: [
            [
              { t: 's', v: '0' },
              { t: 's', v: '1' },
              { t: 's', v: '2' },
              { t: 'inlineStr', is: '内联文字' },
            ],
          ],
        },
      ],
      extraSharedStrings: [
        '<si><r><rPr><b/></rPr><t>高勒</t></r><r><t xml:space="preserve">庙村 </t></r></si>',
        '<si><t>札萨克</t><rPh sb="0" eb="3"><t>ザサク</t></rPh></si>',
        '<si><t>第一行_x000D_\n第二行</t></si>',
      ],
    });
    expect(cellsOf(bytes)).toEqual([['高勒庙村 ', '札萨克', '第一行\n第二行', '内联文字']]);
  });

  it('reads booleans, errors and the cached results of formulas', () => {
    const bytes = makeXlsx({
      sheets: [
        {
          name: 'Sheet1',
          rows: [[{ t: 'b', v: '1' }, { t: 'e', v: '#N/A' }, { f: 'SUM(1,2)', v: '3' }, { t: 'str', f: 'A1&"x"', v: 'TRUEx' }, { f: 'NOW()' }]],
        },
      ],
    });
    expect(cellsOf(bytes)).toEqual([['TRUE', '#N/A', '3', 'TRUEx', '']]);
  });

  it('places cells by their reference, leaves rows without a value out, and numbers rows as the sheet does', () => {
    const bytes = makeXlsx({
      sheets: [
        {
          name: 'Sheet1',
          rows: [
            { row: 2, cells: [null, 'B2', null, 'D2'] },
            { row: 5, cells: [{ s: 0 }] },
            { row: 7, cells: ['A7'] },
          ],
        },
      ],
    });
    expect(sheets(bytes)[0]!.rows).toEqual([
      { row: 2, cells: ['', 'B2', '', 'D2'] },
      { row: 7, cells: ['A7'] },
    ]);
  });

  it('reads worksheets whose elements carry a namespace prefix', () => {
    const bytes = makeXlsx({ prefix: 'x', sheets: [{ name: 'Sheet1', rows: [['村代码', 150627101225]] }] });
    expect(cellsOf(bytes)).toEqual([['村代码', '150627101225']]);
  });

  it('lists the sheets in the workbook order, with their names and whether they are hidden', () => {
    const bytes = makeXlsx({
      sheets: [
        { name: '说明', hidden: true, rows: [['x']] },
        { name: '资金', rows: [['y']] },
      ],
    });
    expect(sheets(bytes).map(({ name, hidden }) => ({ name, hidden }))).toEqual([
      { name: '说明', hidden: true },
      { name: '资金', hidden: false },
    ]);
  });

  it.each([
    ['an old .xls or a workbook with a password (an OLE file)', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'encrypted-or-xls'],
    ['a text file', strToU8('fund_id,date\n'), 'not-a-workbook'],
    ['a zip that is no workbook', zipSync({ 'word/document.xml': strToU8('<w/>') }), 'not-a-workbook'],
    ['a cut-off zip', makeXlsx({ sheets: [{ name: 'a', rows: [['x']] }] }).subarray(0, 200), 'damaged'],
    ['a workbook with malformed XML', zipSync({ 'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="a"') }), 'damaged'],
    ['a workbook without a worksheet', zipSync({ 'xl/workbook.xml': strToU8('<workbook><sheets/></workbook>') }), 'no-sheets'],
  ])('says why %s cannot be read, never throwing', (_name, bytes, trouble) => {
    const read = readWorkbook(bytes);
    expect(read.ok).toBe(false);
    expect(read.ok ? undefined : read.trouble).toBe(trouble);
  });
});

describe('chooseSheet', () => {
  const sheet = (name: string, hidden = false): Sheet => ({ name, hidden, rows: [] });
  const names = { file: fundsTable.file, title: fundsTable.title };

  it.each([
    [[sheet('说明'), sheet('funds')], 'funds'],
    [[sheet('说明'), sheet('帮扶资金')], '帮扶资金'],
    [[sheet('Read me'), sheet('FUNDS ')], 'FUNDS '],
    [[sheet('说明', true), sheet('资金')], '资金'],
    [[sheet('Sheet1'), sheet('Sheet2')], 'Sheet1'],
    [[sheet('a', true), sheet('b', true)], 'a'],
  ])('picks the sheet named like the file or the table, else the first visible one (%#)', (list, name) => {
    expect(chooseSheet(list, names)?.name).toBe(name);
  });
});

/** The small dataset with funds.csv replaced by funds.xlsx holding the given rows on a sheet of the given name. */
function withFundsWorkbook(rows: CellSpec[][], sheetName = '资金', extra: Partial<Parameters<typeof makeXlsx>[0]> = {}) {
  const files = readSmall();
  files.delete('funds.csv');
  files.set('funds.xlsx', makeXlsx({ sheets: [{ name: sheetName, rows }], ...extra }));
  return loadDataset(files);
}

describe('a workbook in place of a CSV file', () => {
  it('is read as its CSV would be: the same records', () => {
    const fromCsv = loadDataset(readSmall());
    const { records, report } = withFundsWorkbook(fundsRows());
    expect(report.problems).toEqual(fromCsv.report.problems);
    expect(records.funds).toEqual(fromCsv.records.funds);
    expect(report.files.find((f) => f.file === 'funds.xlsx')).toMatchObject({ sheet: '资金', encoding: 'xlsx', read: 4, accepted: 4 });
  });

  it('takes codes, amounts and dates as Excel stores them: numbers, and dates as serial days', () => {
    const [header, ...rows] = fundsRows();
    const typed: CellSpec[][] = [
      header!,
      ...rows.map((cells) =>
        cells.map((cell, index): CellSpec => {
          if (index === 1) return { s: 1, v: String(Math.round((Date.parse(cell) - Date.UTC(1899, 11, 30)) / 86_400_000)) };
          if ((index === 2 || index === 6) && /^\d+$/.test(cell)) return Number(cell);
          return cell === '' ? null : cell;
        }),
      ),
    ];
    const { records, report } = withFundsWorkbook(typed, 'Sheet1', { cellXfs: [0, 14] });
    expect(report.problems).toEqual([]);
    expect(records.funds).toEqual(loadDataset(readSmall()).records.funds);
  });

  it('locates a problem on the sheet: funds.xlsx 工作表 资金 !G4, in both languages', () => {
    const rows = fundsRows();
    rows[3]![6] = '一百万';
    const { report } = withFundsWorkbook(rows);
    const problem = report.problems.find((p) => p.rule === 'type')!;
    expect(problem).toMatchObject({ file: 'funds.xlsx', sheet: '资金', row: 4, columnLetter: 'G', column: 'amount_yuan', value: '一百万' });
    expect(locateIn(problem, 'zh-CN')).toBe('funds.xlsx 工作表 资金 !G4');
    expect(locateIn(problem, 'en')).toBe('funds.xlsx sheet 资金 !G4');
    expect(locate(problem)).toBe('funds.xlsx 工作表 sheet 资金 !G4');
    expect(formatReport(report)).toContain('funds.xlsx 工作表 sheet 资金 !G4 amount_yuan = "一百万"');
    expect(report.files.find((f) => f.file === 'funds.xlsx')).toMatchObject({ read: 4, accepted: 3, rejected: 1, errors: 1 });
  });

  it('locates a problem on row 17 of a sheet whose rows start lower: funds.xlsx 工作表 资金 !C17', () => {
    const [header, ...rows] = fundsRows();
    const placed = [
      { row: 1, cells: header! },
      ...rows.map((cells, index) => ({ row: 14 + index, cells: index === 3 ? cells.map((c, i) => (i === 2 ? '15062710220' : c)) : cells })),
    ];
    const files = readSmall();
    files.delete('funds.csv');
    files.set(
      'funds.xlsx',
      makeXlsx({
        sheets: [
          { name: '说明', hidden: true, rows: [['帮助']] },
          { name: '资金', rows: placed },
        ],
      }),
    );
    const problem = loadDataset(files).report.problems.find((p) => p.file === 'funds.xlsx')!;
    expect(problem.rule).toBe('type');
    expect(locateIn(problem, 'zh-CN')).toBe('funds.xlsx 工作表 资金 !C17');
    expect(locateIn(problem, 'en')).toBe('funds.xlsx sheet 资金 !C17');
  });

  it('says once that a workbook cannot be opened, instead of the file being missing', () => {
    const files = readSmall();
    files.delete('funds.csv');
    files.set('Funds.xlsx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const problems = loadDataset(files).report.problems.filter((p) => p.file.toLowerCase().startsWith('funds'));
    expect(problems.map(({ rule, severity, file }) => ({ rule, severity, file }))).toEqual([
      { rule: 'spreadsheet-file', severity: 'error', file: 'Funds.xlsx' },
    ]);
    expect(problems[0]!.message.zh).toBe('Funds.xlsx 不是 xlsx 工作簿：它设置了打开密码，或是改了扩展名的旧版 .xls 文件');
  });

  it('is not read when its CSV file is there: the CSV file is, and the workbook is mentioned', () => {
    const files = readSmall();
    const dropped = [...files].map(([name, bytes]) => ({ name, bytes }));
    const { files: listed, problems } = listedFiles([...dropped, { name: 'funds.xlsx', bytes: makeXlsx({ sheets: [{ name: 'a', rows: [['x']] }] }) }]);
    const { report } = loadDataset(listed, { folderProblems: problems });
    expect(report.ok).toBe(true);
    expect(report.problems.map((p) => [p.rule, p.severity, p.file])).toEqual([['spreadsheet-file', 'warning', 'funds.xlsx']]);
  });
});

describe('codes as other tools write them', () => {
  it.each([
    ["Excel's leading apostrophe", "'150627101225"],
    ['a trailing .0', '150627101225.0'],
    ['both', "'150627101225.00"],
    ['a full-width apostrophe', '＇150627101225'],
  ])('reads a code with %s as the code', (_name, written) => {
    const files = readSmall();
    const text = new TextDecoder().decode(files.get('funds.csv')).replace('F1,2021-07-01,150627101225,', `F1,2021-07-01,${written},`);
    files.set('funds.csv', new TextEncoder().encode(text));
    const { records, report } = loadDataset(files);
    expect(report.problems).toEqual([]);
    expect(records.funds.find((f) => f.fund_id === 'F1')?.village_code).toBe('150627101225');
  });

  it.each(["'1506271012", '150627101225.5', "''150627101225", '150627101225.0x'])('still refuses %s', (written) => {
    const files = readSmall();
    const text = new TextDecoder().decode(files.get('funds.csv')).replace('F1,2021-07-01,150627101225,', `F1,2021-07-01,${written},`);
    files.set('funds.csv', new TextEncoder().encode(text));
    const problem = loadDataset(files).report.problems.find((p) => p.file === 'funds.csv' && p.row === 2);
    expect(problem).toMatchObject({ rule: 'type', columnLetter: 'C', value: written });
  });
});

describe('the validator without compiled code (the checker page)', () => {
  it('gives the same report and records with noEval as without', () => {
    const files = readSmall();
    files.set('funds.csv', readFileSync(join(SMALL, '..', 'broken', 'type', 'funds.csv')));
    const compiled = loadDataset(files);
    const plain = loadDataset(files, { noEval: true });
    expect(plain.report).toEqual(compiled.report);
    expect(plain.records).toEqual(compiled.records);
  });
});
