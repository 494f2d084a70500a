import { describe, expect, it } from 'vitest';
import { acceptedHeaders, mapHeaders, type HeaderSource } from '../../src/read/mapHeaders.ts';
import { foldText } from '../../src/format/foldText.ts';
import { fundsTable, projectsTable, TABLES, talentTable, villagesTable } from '../../src/read/tables.ts';

const keysOf = (table: (typeof TABLES)[number]): string[] => Object.keys(table.columns);
const chineseOf = (table: HeaderSource): string[] => Object.values(table.columns).map((f) => f.meta.header);

describe('mapHeaders for every table', () => {
  it.each(TABLES.map((table) => [table.file, table] as const))('%s: maps its canonical keys completely', (_file, table) => {
    expect(mapHeaders(keysOf(table), table)).toEqual({ keys: keysOf(table), problems: [] });
  });

  it.each(TABLES.map((table) => [table.file, table] as const))('%s: maps its Chinese headers completely', (_file, table) => {
    expect(mapHeaders(chineseOf(table), table)).toEqual({ keys: keysOf(table), problems: [] });
  });

  it.each(TABLES.map((table) => [table.file, table] as const))('%s: maps every alias to its own column', (_file, table) => {
    for (const { key, headers } of acceptedHeaders(table)) {
      for (const header of headers) expect(mapHeaders([header], table).keys, `${header}`).toEqual([key]);
    }
  });

  it.each(TABLES.map((table) => [table.file, table] as const))('%s: gives no folded header to two columns', (_file, table) => {
    const owners = new Map<string, string>();
    for (const { key, headers } of acceptedHeaders(table)) {
      for (const header of headers) {
        const folded = foldText(header);
        expect(owners.get(folded) ?? key, `${header} is accepted by both ${owners.get(folded)} and ${key}`).toBe(key);
        owners.set(folded, key);
      }
    }
  });

  it.each(TABLES.map((table) => [table.file, table] as const))('%s: maps columns in any order', (_file, table) => {
    const reversed = [...chineseOf(table)].reverse();
    expect(mapHeaders(reversed, table).keys).toEqual([...keysOf(table)].reverse());
  });
});

describe('mapHeaders: folding', () => {
  it.each<[string, HeaderSource, string]>([
    ['村名', villagesTable, 'name'],
    ['嘎查村名称', villagesTable, 'name'],
    ['VILLAGE_CODE', villagesTable, 'village_code'],
    ['ｖｉｌｌａｇｅ＿ｃｏｄｅ', villagesTable, 'village_code'],
    ['金额（元）', fundsTable, 'amount_yuan'],
    ['金额(元)', fundsTable, 'amount_yuan'],
    [' 金额 （元） ', fundsTable, 'amount_yuan'],
    ['金额（ 元 ）', fundsTable, 'amount_yuan'],
    ['金\u3000额(元)', fundsTable, 'amount_yuan'],
    ['金额', fundsTable, 'amount_yuan'],
    ['Amount_Yuan', fundsTable, 'amount_yuan'],
    ['经度(WGS-84)', villagesTable, 'lon_wgs84'],
    ['经度（wgs－84）', villagesTable, 'lon_wgs84'],
  ])('maps %s to its column', (header, table, key) => {
    expect(mapHeaders([header], table).keys).toEqual([key]);
  });

  it.each<[string, HeaderSource, string, string]>([
    ['年纯收入', projectsTable, 'expected_annual_net_income_yuan', 'no unit where the header has 元'],
    ['总投资(元)', projectsTable, 'investment_yuan', 'a unit of 元 on an alias written without one'],
    ['投资额（元）', projectsTable, 'investment_yuan', 'a unit of 元 on an alias written without one'],
    ['人数（人）', talentTable, 'count', 'a unit without a scale'],
    ['经度（度）', villagesTable, 'lon_wgs84', 'a unit without a scale'],
  ])('maps %s to its column (%s)', (header, table, key) => {
    expect(mapHeaders([header], table)).toMatchObject({ keys: [key] });
  });

  it.each<[string, HeaderSource, string, string]>([
    ['金额（万元）', fundsTable, 'amount_yuan', '万元'],
    ['金额(亿元)', fundsTable, 'amount_yuan', '亿元'],
    ['金额（美元）', fundsTable, 'amount_yuan', '美元'],
    ['总投资（万元）', projectsTable, 'investment_yuan', '万元'],
    ['人数（万人）', talentTable, 'count', '万人'],
  ])('refuses %s, whose unit would change the values', (header, table, key, unit) => {
    const { keys, problems } = mapHeaders([header], table);
    expect(keys).toEqual([undefined]);
    const problem = problems.find((p) => p.columnLetter === 'A');
    expect(problem).toMatchObject({ rule: 'unknown-column', row: 1, column: header, severity: 'error' });
    expect(problem?.message.zh).toContain(unit);
    expect(problem?.message.en).toContain(key);
    // The column is still missing, so the rows are not read with amounts in the wrong unit.
    expect(problems.some((p) => p.rule === 'missing-column' && p.column?.includes(key))).toBe(true);
  });

  it('tells staff to keep amounts in yuan when a money header has another unit', () => {
    const [problem] = mapHeaders(['金额（万元）'], fundsTable).problems;
    expect(problem?.hint).toEqual({
      zh: '把表头改为“金额（元）”，金额按元填写；可以写成 80万、1.5亿',
      en: 'Rename the header to 金额（元） and give amounts in yuan; 80万 and 1.5亿 are accepted',
    });
  });
});

describe('mapHeaders: problems', () => {
  const funds = ['资金编号', '日期', '村代码', '资金来源类别', '资金来源', '金额（元）'];

  it('accepts a file without its optional columns', () => {
    expect(mapHeaders(funds, fundsTable)).toEqual({
      keys: ['fund_id', 'date', 'village_code', 'source_kind', 'source_name', 'amount_yuan'],
      problems: [],
    });
  });

  it('reports a header that names no column, at its letter in row 1, and lists the columns still possible', () => {
    const { keys, problems } = mapHeaders([...funds, '负责人'], fundsTable);
    expect(keys[6]).toBeUndefined();
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'unknown-column',
        file: 'funds.csv',
        row: 1,
        column: '负责人',
        columnLetter: 'G',
        message: { zh: 'G 列的表头“负责人”不是 funds.csv 的列', en: 'The header “负责人” in column G is not a column of funds.csv' },
        hint: {
          zh: '本表还可以有这些列：“项目编号”、“数据性质”、“备注”（全部表头见 data/README.md）',
          en: 'Columns this file may still have: 项目编号 (project_id), 数据性质 (provenance), 备注 (note) (all headers are listed in data/README.md)',
        },
      },
    ]);
  });

  it('reports an empty header over data as an unknown column', () => {
    const { keys, problems } = mapHeaders(['村代码', '', '村名'], villagesTable);
    expect(keys).toEqual(['village_code', undefined, 'name']);
    const problem = problems.find((p) => p.rule === 'unknown-column');
    expect(problem).toMatchObject({ row: 1, columnLetter: 'B', message: { zh: 'B 列有内容，但没有表头', en: 'Column B has content but no header' } });
    expect(problem).not.toHaveProperty('column');
  });

  it('reports two headers for the same column as a duplicate at the second, and keeps the first', () => {
    const { keys, problems } = mapHeaders([...funds, '金额'], fundsTable);
    expect(keys).toEqual(['fund_id', 'date', 'village_code', 'source_kind', 'source_name', 'amount_yuan', undefined]);
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'duplicate-header',
        file: 'funds.csv',
        row: 1,
        column: '金额',
        columnLetter: 'G',
        message: {
          zh: 'G 列的表头“金额”与 F 列的“金额（元）”是同一列“金额（元）”',
          en: 'The header “金额” in column G names the same column as “金额（元）” in column F: 金额（元） (amount_yuan)',
        },
        hint: {
          zh: '每列只能出现一次：删除 G 列，或把它的数据并入 F 列',
          en: 'Each column may appear only once: delete column G or merge its data into column F',
        },
      },
    ]);
  });

  it('reports identical headers as duplicates even when they differ only in width and spaces', () => {
    const { problems } = mapHeaders([...funds, ' 金额(元)'], fundsTable);
    expect(problems.map((p) => [p.rule, p.columnLetter])).toEqual([['duplicate-header', 'G']]);
  });

  it('reports an identical unknown header once as unknown and then as a duplicate', () => {
    const { problems } = mapHeaders([...funds, '负责人', '负责人'], fundsTable);
    expect(problems.map((p) => [p.rule, p.columnLetter])).toEqual([
      ['unknown-column', 'G'],
      ['duplicate-header', 'H'],
    ]);
  });

  it('reports each missing required column with its Chinese header and key, in row 1 without a letter', () => {
    const { problems } = mapHeaders(['资金编号', '日期', '村代码', '资金来源类别'], fundsTable);
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'missing-column',
        file: 'funds.csv',
        row: 1,
        column: '资金来源 (source_name)',
        message: { zh: '缺少必填的列“资金来源”（source_name）', en: 'The required column 资金来源 (source_name) is missing' },
        hint: {
          zh: '在第 1 行加上表头“资金来源”，并在该列填写出资单位或企业名称（包联单位、包联企业按 pairings.csv 的写法）',
          en: 'Add the header 资金来源 (or source_name) to row 1 and fill in: Name of the funder (a paired unit or enterprise as pairings.csv names it)',
        },
      },
      expect.objectContaining({ rule: 'missing-column', column: '金额（元） (amount_yuan)', row: 1 }),
    ]);
    expect(problems.every((p) => p.columnLetter === undefined)).toBe(true);
  });

  it('names the file it is given rather than the table file', () => {
    const { problems } = mapHeaders(['负责人'], fundsTable, 'data/资金.csv');
    expect(problems.every((p) => p.file === 'data/资金.csv')).toBe(true);
  });

  it('reports every required column missing from an empty header', () => {
    const required = Object.entries(villagesTable.columns)
      .filter(([, f]) => f.meta.required)
      .map(([key]) => key);
    const { keys, problems } = mapHeaders([], villagesTable);
    expect(keys).toEqual([]);
    expect(problems.map((p) => p.column)).toEqual(
      required.map((key) => `${villagesTable.columns[key as keyof typeof villagesTable.columns].meta.header} (${key})`),
    );
  });
});

describe('acceptedHeaders', () => {
  it('lists each column once, in table order, Chinese header first, then key, then aliases', () => {
    const accepted = acceptedHeaders(fundsTable);
    expect(accepted.map((a) => a.key)).toEqual(Object.keys(fundsTable.columns));
    expect(accepted.find((a) => a.key === 'amount_yuan')).toEqual({
      key: 'amount_yuan',
      headers: ['金额（元）', 'amount_yuan', '金额', '资金（元）', '金额(元)'],
    });
  });

  it('does not repeat a header', () => {
    for (const table of TABLES) {
      for (const { headers } of acceptedHeaders(table)) expect(new Set(headers).size).toBe(headers.length);
    }
  });
});
