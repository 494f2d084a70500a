import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset, type DatasetOptions } from '../../src/read/loadDataset.ts';
import type { Problem, Rule } from '../../src/read/problem.ts';
import { readConfigText, readDataFiles, readOutlines } from '../../src/load/readDataDir.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/**
 * What the scripts pass in: a fixed day of the build (never the clock) and the region's outline,
 * the copy of the default data's in tests/fixtures/region/geo.
 */
const TODAY = '2024-06-30';
const OPTIONS: DatasetOptions = { today: TODAY, outlines: readOutlines(join(FIXTURES, 'region')) };

function readDir(dir: string): Map<string, Uint8Array> {
  return new Map(readdirSync(dir).map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))]));
}

/** Rewrites one file's text in a set of files. */
function edit(files: Map<string, Uint8Array>, file: string, change: (text: string) => string): void {
  files.set(file, new TextEncoder().encode(change(new TextDecoder().decode(files.get(file)))));
}

/**
 * The small valid dataset with the files of one broken fixture laid over it. The fixture is read as
 * data/ is, so a folder or a spreadsheet in it is found as staff would have it; a name that could
 * not be read no longer stands for the small dataset's file of that name.
 */
function loadBroken(rule: string, remove?: string) {
  const files = readDir(join(FIXTURES, 'small'));
  if (remove !== undefined) {
    files.delete(remove);
    return loadDataset(files, OPTIONS).report;
  }
  const overlay = readDataFiles(join(FIXTURES, 'broken', rule));
  for (const [name, bytes] of overlay.files) files.set(name, bytes);
  for (const problem of overlay.problems) files.delete(problem.file);
  const config = readConfigText(join(FIXTURES, 'broken', rule));
  return loadDataset(files, { ...OPTIONS, folderProblems: overlay.problems, ...(config === undefined ? {} : { config }) }).report;
}

describe('the small valid dataset', () => {
  const report = loadDataset(readDir(join(FIXTURES, 'small')), OPTIONS).report;

  it('passes with no errors and no warnings, with every check on (day of the build, outline)', () => {
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('accounts for every row: read = accepted + rejected in every file', () => {
    for (const file of report.files) {
      expect(file.read, file.file).toBe(file.accepted + file.rejected);
      expect(file.rejected, file.file).toBe(0);
    }
    expect(report.files.find((f) => f.file === 'funds.csv')?.read).toBe(4);
  });

  it('reconciles each reported figure with the rows', () => {
    const status = Object.fromEntries(report.reconciliation.map((r) => [r.key, r.status]));
    expect(status).toEqual({
      villages: 'matches',
      funds_yuan: 'matches',
      commissioners: 'matches',
      projects_investment_yuan: 'matches',
      area_km2: 'not-computed',
    });
  });
});

/**
 * One case per rule: the fixture in tests/fixtures/broken/<rule>/ laid over the small dataset, and
 * the whole problem it must produce — file, row, column as typed and its letter, value, rule, and
 * the message and hint in Chinese and English, word for word.
 */
type Case = { rule: Rule; remove?: string; problem: Omit<Problem, 'rule'> };

const AMOUNT_HINT = {
  zh: '金额写成 150000000、150,000,000、1.5亿、2600万 或 80万元，最多两位小数',
  en: 'Write amounts like 150000000, 150,000,000, 1.5亿, 2600万 or 80万元, with at most two decimals',
};

const CASES: Case[] = [
  {
    rule: 'missing-file',
    remove: 'monthly.csv',
    problem: {
      severity: 'error',
      file: 'monthly.csv',
      message: { zh: '缺少文件 monthly.csv', en: 'The file monthly.csv is missing' },
      hint: {
        zh: '在 data/ 文件夹中放入 monthly.csv（表头见 data/README.md）',
        en: 'Put monthly.csv in the data/ folder (its headers are listed in data/README.md)',
      },
    },
  },
  {
    rule: 'unknown-file',
    problem: {
      severity: 'warning',
      file: 'extra.csv',
      message: { zh: '未知文件 extra.csv，不会发布', en: 'Unknown file extra.csv; it is not published' },
      hint: {
        zh: '数据文件为：edition.csv、divisions.csv、villages.csv、projects.csv、funds.csv、talent.csv、pairings.csv、monthly.csv、reported.csv',
        en: 'The data files are: edition.csv, divisions.csv, villages.csv, projects.csv, funds.csv, talent.csv, pairings.csv, monthly.csv, reported.csv',
      },
    },
  },
  {
    rule: 'empty-file',
    problem: {
      severity: 'error',
      file: 'funds.csv',
      message: { zh: 'funds.csv 是空的：没有表头', en: 'funds.csv is empty: it has no header row' },
      hint: { zh: '第 1 行填写表头（各列名称），从第 2 行起每行一条记录', en: 'Put the column headers in row 1 and one record per row from row 2 on' },
    },
  },
  {
    rule: 'encoding',
    problem: {
      severity: 'error',
      file: 'funds.csv',
      row: 2,
      column: 'source_name',
      columnLetter: 'F',
      value: '\uFFFD\uFFFD\uFFFD',
      message: {
        zh: '此单元格含有无法识别的字节（文件编码不是 UTF-8 或 GB18030，或已损坏）',
        en: 'This cell has bytes that could not be decoded (the file is neither UTF-8 nor GB18030, or is damaged)',
      },
      hint: {
        zh: '在 Excel 或 WPS 中另存为“CSV UTF-8”，并检查此单元格的文字',
        en: 'Save the file again as “CSV UTF-8” in Excel or WPS, and check the text of this cell',
      },
    },
  },
  {
    rule: 'broken-quoting',
    problem: {
      severity: 'error',
      file: 'funds.csv',
      row: 2,
      column: 'source_name',
      columnLetter: 'F',
      value: '"电信公司,2000万,示意,↵F2,20…',
      message: {
        zh: '第 2 行有一个引号没有配对，其后的内容都被读进了同一个单元格',
        en: 'Row 2 has a quote that is never closed, so everything after it ran into one cell',
      },
      hint: { zh: '检查引号是否成对；单元格内的引号要写成两个（""）', en: 'Check that quotes are paired; a quote inside a cell must be doubled ("")' },
    },
  },
  {
    rule: 'row-width',
    problem: {
      severity: 'error',
      file: 'funds.csv',
      row: 2,
      columnLetter: 'J',
      value: '多出来的',
      message: {
        zh: '第 2 行有 10 个单元格，表头只有 9 列：J 列的内容没有表头',
        en: 'Row 2 has 10 cells but the header has only 9 columns: column J has no header',
      },
      hint: {
        zh: '检查这一行是否多了逗号（金额中的千位逗号要加引号，或不写逗号）',
        en: 'Check the row for an extra comma (quote amounts with thousands commas, or leave the commas out)',
      },
    },
  },
  {
    rule: 'duplicate-header',
    problem: {
      severity: 'error',
      file: 'funds.csv',
      row: 1,
      column: 'amount_yuan',
      columnLetter: 'H',
      message: {
        zh: 'H 列的表头“amount_yuan”与 G 列的“金额（元）”是同一列“金额（元）”',
        en: 'The header “amount_yuan” in column H names the same column as “金额（元）” in column G: 金额（元） (amount_yuan)',
      },
      hint: {
        zh: '每列只能出现一次：删除 H 列，或把它的数据并入 G 列',
        en: 'Each column may appear only once: delete column H or merge its data into column G',
      },
    },
  },
  {
    rule: 'unknown-column',
    problem: {
      severity: 'error',
      file: 'funds.csv',
      row: 1,
      column: '负责人',
      columnLetter: 'J',
      message: { zh: 'J 列的表头“负责人”不是 funds.csv 的列', en: 'The header “负责人” in column J is not a column of funds.csv' },
      hint: {
        zh: 'funds.csv 的所有列都已齐全：删除这一列，或把内容移到“备注”等已有的列',
        en: 'funds.csv already has all its columns: delete this column or move its content to an existing one',
      },
    },
  },
  {
    rule: 'missing-column',
    problem: {
      severity: 'error',
      file: 'funds.csv',
      row: 1,
      column: '金额（元） (amount_yuan)',
      message: { zh: '缺少必填的列“金额（元）”（amount_yuan）', en: 'The required column 金额（元） (amount_yuan) is missing' },
      hint: {
        zh: '在第 1 行加上表头“金额（元）”，并在该列填写金额（元）；可写 80万、1.5亿、1,234.50',
        en: 'Add the header 金额（元） (or amount_yuan) to row 1 and fill in: Amount (yuan); 80万, 1.5亿 and 1,234.50 are accepted',
      },
    },
  },
  {
    rule: 'required',
    problem: {
      severity: 'error',
      file: 'funds.csv',
      row: 3,
      column: 'source_name',
      columnLetter: 'F',
      value: '',
      message: { zh: '“source_name”不能为空', en: 'source_name must not be empty' },
      hint: {
        zh: '填写出资单位或企业名称（包联单位、包联企业按 pairings.csv 的写法）',
        en: 'Fill in: Name of the funder (a paired unit or enterprise as pairings.csv names it)',
      },
    },
  },
  {
    rule: 'type',
    problem: {
      severity: 'error',
      file: 'funds.csv',
      row: 4,
      column: 'amount_yuan',
      columnLetter: 'G',
      value: '一百万',
      message: {
        zh: '“一百万”无效：不是金额：只能写数字，可带千位逗号、“万”“亿”、“元”和“¥”',
        en: '“一百万” is not valid: not an amount: write digits, optionally with thousands commas, 万 or 亿, 元 and ¥',
      },
      hint: AMOUNT_HINT,
    },
  },
  {
    rule: 'allowed-values',
    problem: {
      severity: 'error',
      file: 'projects.csv',
      row: 3,
      column: 'sector',
      columnLetter: 'D',
      value: '渔',
      message: { zh: '“渔”无效：只能填写：农、工、商、养', en: '“渔” is not valid: Must be one of: 农 (farming), 工 (industry), 商 (commerce), 养 (herding)' },
      hint: { zh: '从允许的值中选一个（见 data/README.md）', en: 'Pick one of the allowed values (see data/README.md)' },
    },
  },
  {
    rule: 'range',
    problem: {
      severity: 'error',
      file: 'funds.csv',
      row: 5,
      column: 'amount_yuan',
      columnLetter: 'G',
      value: '-3000000',
      message: { zh: '“-3000000”无效：金额不能为负数', en: '“-3000000” is not valid: amounts cannot be negative' },
      hint: AMOUNT_HINT,
    },
  },
  {
    rule: 'unique',
    problem: {
      severity: 'error',
      file: 'funds.csv',
      row: 5,
      column: 'fund_id',
      columnLetter: 'A',
      value: 'F2',
      message: { zh: 'fund_id 为“F2”的行重复，第 3 行已有', en: 'fund_id “F2” appears again; row 3 has it already' },
      hint: { zh: '删除重复行，或改成唯一的值', en: 'Delete the duplicate row or make the value unique' },
    },
  },
  {
    rule: 'one-row',
    problem: {
      severity: 'error',
      file: 'edition.csv',
      row: 3,
      message: { zh: 'edition.csv 应正好有一行数据，现在有 2 行', en: 'edition.csv must have exactly one data row; it has 2' },
      hint: { zh: '只保留一行：地区代码和数据截止日期', en: 'Keep one row: the region code and the as-of date' },
    },
  },
  {
    rule: 'foreign-key',
    problem: {
      severity: 'error',
      file: 'funds.csv',
      row: 5,
      column: 'village_code',
      columnLetter: 'C',
      value: '150627102299',
      message: { zh: '“150627102299”在 villages.csv 中找不到', en: '“150627102299” is not found in villages.csv' },
      hint: { zh: '检查是否输错；或先在 villages.csv 中添加它', en: 'Check for a typing error, or add it to villages.csv first' },
    },
  },
  {
    rule: 'future-date',
    problem: {
      severity: 'error',
      file: 'funds.csv',
      row: 4,
      column: 'date',
      columnLetter: 'B',
      value: '2022-05-01',
      message: { zh: '2022-05-01 晚于数据截止日期 2021-10-14', en: "2022-05-01 is after the data's as-of date 2021-10-14" },
      hint: { zh: '改正日期；或在 edition.csv 中更新数据截止日期', en: 'Correct the date, or move the as-of date forward in edition.csv' },
    },
  },
  {
    rule: 'region',
    problem: {
      severity: 'error',
      file: 'talent.csv',
      row: 6,
      column: 'place_code',
      columnLetter: 'A',
      value: '150621101',
      message: { zh: '150621101 不在本数据集的地区 150627 之内', en: "150621101 is not inside this dataset's region 150627" },
      hint: { zh: '检查代码；或在 edition.csv 中改正地区代码', en: 'Check the code, or correct the region code in edition.csv' },
    },
  },
  {
    rule: 'location',
    problem: {
      severity: 'warning',
      file: 'villages.csv',
      row: 4,
      column: 'location_precision',
      columnLetter: 'F',
      value: '镇政府驻地',
      message: { zh: '位置精度为“镇政府驻地”，但经纬度不是该镇的驻地', en: 'Location precision is town-seat, but the point is not the town seat' },
      hint: { zh: '若这是实测位置，把位置精度改为“实测点位”', en: 'If the point was surveyed, set the location precision to 实测点位 (surveyed)' },
    },
  },
  {
    rule: 'reconcile',
    problem: {
      severity: 'warning',
      file: 'reported.csv',
      row: 3,
      column: 'value',
      columnLetter: 'E',
      value: '370000000',
      message: {
        zh: '帮扶资金（150627）：数据计算为 30200000，报告为 370000000，相差 -339800000',
        en: 'assistance funds (150627): computed 30200000 from the data, reported 370000000, difference -339800000',
      },
      hint: {
        zh: '核对相关数据行；若数据无误，网站会并列显示两个数字',
        en: 'Check the rows behind the figure; if they are right, the site shows both numbers side by side',
      },
    },
  },
  {
    rule: 'site-config',
    problem: {
      severity: 'error',
      file: 'region.json',
      column: 'site.base',
      message: {
        zh: '格式不对（如 "/"、"/xczx/"，以 / 开头和结尾）',
        en: 'wrong form (such as "/" or "/xczx/", starting and ending with /)',
      },
      hint: {
        zh: '按 README 的“配置 · Configure”一节改正 region.json（可用 npm run init-region 重新生成）',
        en: 'Correct region.json as the README\'s "Configure · 配置" section describes (npm run init-region writes one afresh)',
      },
    },
  },
  {
    rule: 'outside-outline',
    problem: {
      severity: 'error',
      file: 'villages.csv',
      row: 4,
      column: 'lon_wgs84',
      columnLetter: 'D',
      value: '116.397128, 39.916527',
      message: {
        zh: '经纬度（116.397128, 39.916527）在地区 150627 的边界之外约 508 公里（允许误差 5 公里）',
        en: 'The point (116.397128, 39.916527) lies about 508 km outside the outline of region 150627 (tolerance 5 km)',
      },
      hint: {
        zh: '检查经度、纬度是否填反、漏填成 0 或属于别的地区；经纬度用 WGS-84（经度在前）',
        en: 'Check that longitude and latitude are not swapped, zero or from another place; both are WGS-84, longitude first',
      },
    },
  },
  {
    rule: 'after-today',
    problem: {
      severity: 'error',
      file: 'edition.csv',
      row: 2,
      column: 'as_of',
      columnLetter: 'B',
      value: '2099-10-14',
      message: {
        zh: '数据截止日期 2099-10-14 晚于今天（生成网站的日期 2024-06-30）',
        en: 'The as-of date 2099-10-14 is later than today, the day of the build (2024-06-30)',
      },
      hint: {
        zh: '填写数据实际截止的日期，不能是将来的日期；其他日期在改正前按今天检查',
        en: 'Write the date the data is actually current to, which cannot be in the future; until then other dates are checked against today',
      },
    },
  },
  {
    rule: 'implausible-amount',
    problem: {
      severity: 'warning',
      file: 'funds.csv',
      row: 5,
      column: 'amount_yuan',
      columnLetter: 'G',
      value: '320000000000',
      message: {
        zh: '金额 3200亿元 不成比例：超过全地区报告的总数 3020万元（reported.csv 第 3 行）；是本列其他 3 行中位数 600万元 的 53,333 倍（超过 100 倍）',
        en: "The amount CNY 320 billion is out of all proportion: it is larger than the region's reported total of CNY 30.2 million (row 3 of reported.csv); it is 53,333 times CNY 6 million, the median of the column's other 3 rows (more than 100 times)",
      },
      hint: {
        zh: '检查单位和位数（如把“万”写成“亿”，或多输了 0）；金额无误时可以发布，但请再核对一次',
        en: 'Check the unit and the digits (亿 typed for 万, or extra zeros); if the amount is right it can be published, but check it once more',
      },
    },
  },
  {
    rule: 'control-character',
    problem: {
      severity: 'error',
      file: 'funds.csv',
      row: 3,
      column: 'source_name',
      columnLetter: 'F',
      value: '税务\\u0000局\\u001b[2J',
      message: {
        zh: '“税务\\u0000局\\u001b[2J”含有不可见的控制字符或文字方向字符：\\u0000、\\u001b',
        en: '“税务\\u0000局\\u001b[2J” holds invisible control or text-direction characters: \\u0000, \\u001b',
      },
      hint: {
        zh: '删除这些字符：重新输入该单元格，或在 Excel 中用 CLEAN() 清除；只有备注和原文可以换行',
        en: "Delete them: type the cell again, or clean it with Excel's CLEAN(); only notes and quotations may hold line breaks",
      },
    },
  },
  {
    rule: 'url-scheme',
    problem: {
      severity: 'error',
      file: 'reported.csv',
      row: 3,
      column: 'source_url',
      columnLetter: 'L',
      value: 'javascript:alert(1)',
      message: {
        zh: '“javascript:alert(1)”无效：只接受以 http:// 或 https:// 开头的链接',
        en: '“javascript:alert(1)” is not valid: only links starting with http:// or https:// are accepted',
      },
      hint: { zh: '填写以 http:// 或 https:// 开头的完整链接', en: 'Write a full link starting with http:// or https://' },
    },
  },
  {
    rule: 'programme-years',
    problem: {
      severity: 'error',
      file: 'funds.csv',
      row: 4,
      column: 'date',
      columnLetter: 'B',
      value: '1920-05-01',
      message: {
        zh: '1920-05-01 的年份 1920 早于 1949 年：这一列的日期不会这么早',
        en: '1920-05-01: the year 1920 is before 1949, earlier than any date of this column can be',
      },
      hint: { zh: '检查年份是否输错（如把 2021 写成 1921）', en: 'Check the year for a typing error (such as 1921 for 2021)' },
    },
  },
  {
    rule: 'no-rows',
    problem: {
      severity: 'info',
      file: 'talent.csv',
      message: { zh: 'talent.csv 只有表头，没有数据行', en: 'talent.csv has a header but no rows' },
      hint: {
        zh: '新地区可以从空表开始；若本应有数据，检查是否保存了正确的文件',
        en: 'A new region may start with empty tables; if it should have rows, check that the right file was saved',
      },
    },
  },
  {
    rule: 'reported-scope',
    problem: {
      severity: 'error',
      file: 'reported.csv',
      row: 5,
      column: 'project_id',
      columnLetter: 'N',
      value: 'P3',
      message: {
        zh: '项目 P3 属于 150627102200，不在本行地区 150627101225 之内',
        en: "Project P3 belongs to 150627102200, outside this row's place 150627101225",
      },
      hint: { zh: '改正项目编号或地区代码', en: 'Correct the project id or the place code' },
    },
  },
  {
    rule: 'file-system',
    problem: {
      severity: 'error',
      file: 'funds.csv',
      message: { zh: 'funds.csv 是一个文件夹，不是文件，无法校验', en: 'funds.csv is a folder, not a file, so it cannot be checked' },
      hint: {
        zh: '把该文件夹改名或移出 data/（如旧数据可放到 data/old/）',
        en: 'Rename the folder or move it out of data/ (old data can go in data/old/)',
      },
    },
  },
  {
    rule: 'spreadsheet-file',
    problem: {
      severity: 'warning',
      file: 'funds.xlsx',
      message: { zh: 'funds.xlsx 不会被读取；网站由 funds.csv 生成', en: 'funds.xlsx is not read; the site is built from funds.csv' },
      hint: {
        zh: '如果 funds.xlsx 较新，打开它，另存为 CSV 或 xlsx：Excel 中选“文件 → 另存为 → CSV UTF-8（逗号分隔）”或“Excel 工作簿（*.xlsx）”，WPS 中选“文件 → 另存为 → CSV（逗号分隔）”或“Excel 文件（*.xlsx）”，覆盖 funds.csv',
        en: 'If funds.xlsx is newer, open it and save it as CSV or xlsx: in Excel, File → Save As → "CSV UTF-8 (Comma delimited)" or "Excel Workbook (*.xlsx)"; in WPS, File → Save As → "CSV (comma delimited)" or "Excel file (*.xlsx)", replacing funds.csv',
      },
    },
  },
  {
    rule: 'example-row',
    problem: {
      severity: 'info',
      file: 'funds.csv',
      row: 2,
      columnLetter: 'A',
      value: '示例：F00001',
      message: {
        zh: '第 2 行是模板的示例行（以“示例”开头），没有读取',
        en: 'Row 2 is an example row of the template (it starts with “示例”) and was not read',
      },
      hint: {
        zh: '填好自己的数据后删除示例行；要让这一行作为数据读取，删去开头的“示例”',
        en: 'Delete the example rows once your own rows are in; to have this row read as data, delete the 示例 at its start',
      },
    },
  },
  {
    rule: 'title-row',
    problem: {
      severity: 'error',
      file: 'funds.csv',
      row: 1,
      value: '伊金霍洛旗帮扶资金台账（2021年）',
      message: { zh: '表头在第 2 行，上面的第 1 行是标题，不是表头', en: 'The header is on row 2; row 1 above it is a title, not the header' },
      hint: {
        zh: '删除第 1 行，让表头成为第 1 行（标题可以写进 edition.csv 的备注）',
        en: 'Delete row 1 so that the header is row 1 (a title can go in the note of edition.csv)',
      },
    },
  },
  {
    rule: 'totals-row',
    problem: {
      severity: 'error',
      file: 'funds.csv',
      row: 6,
      columnLetter: 'A',
      value: '合计',
      message: { zh: '第 6 行是合计行（“合计”），不是一条数据', en: 'Row 6 is a totals row (“合计”), not a row of data' },
      hint: {
        zh: '删除这一行：网站会自己加总，并与官方报告数字核对',
        en: 'Delete the row: the site adds up by itself and checks the sums against the reported figures',
      },
    },
  },
];

function cellOf(problem: Problem): string | undefined {
  if (problem.row === undefined) return undefined;
  return `${problem.columnLetter ?? ''}${problem.row}`;
}

describe('each broken fixture fails with its own located, bilingual message', () => {
  it.each(CASES)('$rule: $problem.file', ({ rule, remove, problem }) => {
    const report = loadBroken(rule, remove);
    const found = report.problems.find((p) => p.rule === rule);
    expect(found, JSON.stringify(report.problems.map((p) => [p.rule, p.file, cellOf(p)]))).toEqual({ rule, ...problem });
    expect(report.ok).toBe(problem.severity !== 'error');
  });

  it('covers every rule the validator knows', async () => {
    const { RULES } = await import('../../src/read/problem.ts');
    expect(new Set(CASES.map((c) => c.rule))).toEqual(new Set(RULES));
  });

  it('warns of a village at its county seat (县政府驻地) whose point is not the seat, and not of one that is', () => {
    const files = readDir(join(FIXTURES, 'small'));
    edit(files, 'divisions.csv', (text) => text.replace('150627,伊金霍洛旗,Ejin Horo Banner,,', '150627,伊金霍洛旗,Ejin Horo Banner,109.742,39.5636'));
    const atSeat = (lon: string) => (text: string) =>
      text.replace(
        '150627102200,乌兰木伦村,村,110.200196,39.289277,镇政府驻地,town seat,',
        `150627102200,乌兰木伦村,村,${lon},39.5636,县政府驻地,county seat,`,
      );
    edit(files, 'villages.csv', atSeat('109.742'));
    expect(loadDataset(files, OPTIONS).report.problems.filter((p) => p.rule === 'location')).toEqual([]);
    edit(files, 'villages.csv', (text) => text.replace('109.742,39.5636,县政府驻地', '109.8,39.5636,县政府驻地'));
    const problems = loadDataset(files, OPTIONS).report.problems.filter((p) => p.rule === 'location');
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'villages.csv',
        row: 4,
        value: '县政府驻地',
        message: { zh: '位置精度为“县政府驻地”，但经纬度不是该县的驻地', en: 'Location precision is county-seat, but the point is not the county seat' },
      }),
    ]);
  });

  it('warns of a village at its city seat (市政府驻地) whose point is not the seat', () => {
    const files = readDir(join(FIXTURES, 'small'));
    edit(files, 'divisions.csv', (text) => text.replace('1506,鄂尔多斯市,Ordos,,', '1506,鄂尔多斯市,Ordos,109.78,39.61'));
    edit(files, 'villages.csv', (text) =>
      text.replace('150627102200,乌兰木伦村,村,110.200196,39.289277,镇政府驻地,town seat,', '150627102200,乌兰木伦村,村,109.9,39.61,市政府驻地,city seat,'),
    );
    expect(loadDataset(files, OPTIONS).report.problems.filter((p) => p.rule === 'location')).toEqual([
      expect.objectContaining({
        row: 4,
        value: '市政府驻地',
        message: { zh: '位置精度为“市政府驻地”，但经纬度不是该市的驻地', en: 'Location precision is city-seat, but the point is not the city seat' },
      }),
    ]);
  });

  it('reports an empty file once, not once more for each column it lacks', () => {
    const problems = loadBroken('empty-file').problems.filter((p) => p.file === 'funds.csv');
    expect(problems.map((p) => p.rule)).toEqual(['empty-file']);
  });

  it('leaves example rows out of the count: read = accepted + rejected, with every row of data accepted', () => {
    const report = loadBroken('example-row');
    expect(report.files.find((f) => f.file === 'funds.csv')).toMatchObject({ read: 4, accepted: 4, rejected: 0 });
    expect(report.problems.filter((p) => p.rule === 'example-row').map((p) => p.row)).toEqual([2, 3]);
  });

  it('rejects the row with the error and keeps the count: read = accepted + rejected', () => {
    const funds = loadBroken('type').files.find((f) => f.file === 'funds.csv')!;
    expect(funds).toMatchObject({ read: 4, accepted: 3, rejected: 1 });
  });

  it('reports every problem, not only the first', () => {
    const files = readDir(join(FIXTURES, 'small'));
    files.set('funds.csv', readDir(join(FIXTURES, 'broken', 'type')).get('funds.csv')!);
    files.set('projects.csv', readDir(join(FIXTURES, 'broken', 'allowed-values')).get('projects.csv')!);
    const rules = loadDataset(files).report.problems.map((p) => p.rule);
    expect(rules).toContain('type');
    expect(rules).toContain('allowed-values');
  });
});

/** The small valid dataset with some lines of some files rewritten. */
function loadEdited(edits: Record<string, (text: string) => string>) {
  const files = readDir(join(FIXTURES, 'small'));
  for (const [file, change] of Object.entries(edits)) edit(files, file, change);
  return loadDataset(files).report;
}

const dropLine = (start: string) => (text: string) => text.replace(new RegExp(`^${start}[^\\n]*\\n`, 'm'), '');
const NOT_FOUND_HINT = (files: string) => ({ zh: `检查是否输错；或先在 ${files} 中添加它`, en: `Check for a typing error, or add it to ${files} first` });

/**
 * Every link between files, one case each: `link` names the referring file and column (as TABLES
 * lists its references), the edits break that link alone, and the problem is the whole located,
 * bilingual message expected on the referring file.
 */
type Link = { link: string; edits: Record<string, (text: string) => string>; problem: Omit<Problem, 'rule' | 'severity'> };

const LINKS: Link[] = [
  {
    link: 'edition.csv region_code',
    edits: { 'divisions.csv': dropLine('150627,') },
    problem: {
      file: 'edition.csv',
      row: 2,
      column: 'region_code',
      columnLetter: 'A',
      value: '150627',
      message: { zh: '“150627”在 divisions.csv 中找不到', en: '“150627” is not found in divisions.csv' },
      hint: NOT_FOUND_HINT('divisions.csv'),
    },
  },
  {
    link: 'divisions.csv code',
    edits: { 'divisions.csv': dropLine('1506,') },
    problem: {
      file: 'divisions.csv',
      row: 3,
      column: 'code',
      columnLetter: 'A',
      value: '150627',
      message: { zh: '“150627”的上级区划 1506 不在 divisions.csv 中', en: 'The parent division 1506 of “150627” is not in divisions.csv' },
      hint: NOT_FOUND_HINT('divisions.csv'),
    },
  },
  {
    link: 'villages.csv village_code',
    edits: { 'villages.csv': (text) => `${text}150627109001,新村,村,109.7,39.2,实测点位,,\n` },
    problem: {
      file: 'villages.csv',
      row: 5,
      column: 'village_code',
      columnLetter: 'A',
      value: '150627109001',
      message: {
        zh: '“150627109001”的上级区划 150627109 不在 divisions.csv 中',
        en: 'The parent division 150627109 of “150627109001” is not in divisions.csv',
      },
      hint: NOT_FOUND_HINT('divisions.csv'),
    },
  },
  {
    link: 'projects.csv village_code',
    edits: { 'projects.csv': (text) => text.replace('P3,150627102200', 'P3,150627102299') },
    problem: {
      file: 'projects.csv',
      row: 4,
      column: 'village_code',
      columnLetter: 'B',
      value: '150627102299',
      message: { zh: '“150627102299”在 villages.csv 中找不到', en: '“150627102299” is not found in villages.csv' },
      hint: NOT_FOUND_HINT('villages.csv'),
    },
  },
  {
    link: 'funds.csv village_code',
    edits: { 'funds.csv': (text) => text.replace('F4,2021-04-01,150627102200', 'F4,2021-04-01,150627102299') },
    problem: {
      file: 'funds.csv',
      row: 5,
      column: 'village_code',
      columnLetter: 'C',
      value: '150627102299',
      message: { zh: '“150627102299”在 villages.csv 中找不到', en: '“150627102299” is not found in villages.csv' },
      hint: NOT_FOUND_HINT('villages.csv'),
    },
  },
  {
    link: 'funds.csv project_id',
    edits: { 'funds.csv': (text) => text.replace('F4,2021-04-01,150627102200,,', 'F4,2021-04-01,150627102200,P9,') },
    problem: {
      file: 'funds.csv',
      row: 5,
      column: 'project_id',
      columnLetter: 'D',
      value: 'P9',
      message: { zh: '“P9”在 projects.csv 中找不到', en: '“P9” is not found in projects.csv' },
      hint: NOT_FOUND_HINT('projects.csv'),
    },
  },
  {
    link: "funds.csv project_id: the project's own village",
    edits: { 'funds.csv': (text) => text.replace('F3,2020-05-01,150627101212,P2', 'F3,2020-05-01,150627101225,P2') },
    problem: {
      file: 'funds.csv',
      row: 4,
      column: 'project_id',
      columnLetter: 'D',
      value: 'P2',
      message: {
        zh: '项目 P2 属于 150627101212，不属于本行的嘎查村 150627101225',
        en: "Project P2 belongs to village 150627101212, not to this row's village 150627101225",
      },
      hint: { zh: '改正村代码或项目编号', en: 'Correct the village code or the project id' },
    },
  },
  {
    link: "funds.csv source_name: the village's paired unit",
    edits: { 'funds.csv': (text) => text.replace('包联单位,税务局', '包联单位,财政局') },
    problem: {
      file: 'funds.csv',
      row: 3,
      column: 'source_name',
      columnLetter: 'F',
      value: '财政局',
      message: {
        zh: '“财政局”不是嘎查村 150627101225 的包联单位：pairings.csv 第 2 行写的是“税务局”',
        en: '“财政局” is not the paired unit of village 150627101225: row 2 of pairings.csv names “税务局”',
      },
      hint: { zh: '改成“税务局”；若包联关系有变，先改 pairings.csv', en: 'Write “税务局”, or, if the pairing has changed, correct pairings.csv first' },
    },
  },
  {
    link: "funds.csv source_name: a village's missing paired enterprise",
    edits: { 'funds.csv': (text) => text.replace('村集体,乌兰木伦村集体', '包联企业,乌兰木伦村集体') },
    problem: {
      file: 'funds.csv',
      row: 5,
      column: 'source_name',
      columnLetter: 'F',
      value: '乌兰木伦村集体',
      message: {
        zh: '嘎查村 150627102200 在 pairings.csv 第 4 行没有包联企业，本行却写来自包联企业“乌兰木伦村集体”',
        en: "Village 150627102200 has no paired enterprise on row 4 of pairings.csv, yet this row's money comes from paired enterprise “乌兰木伦村集体”",
      },
      hint: {
        zh: '在 pairings.csv 第 4 行填上包联企业；或改正资金来源类别',
        en: 'Fill in the paired enterprise on row 4 of pairings.csv, or correct the source kind',
      },
    },
  },
  {
    link: 'funds.csv village_code: a paired source needs a pairing',
    edits: {
      'pairings.csv': dropLine('150627101212,'),
      'funds.csv': (text) => text.replace('P2,财政资金,伊金霍洛旗财政局', 'P2,包联单位,农牧局'),
    },
    problem: {
      file: 'funds.csv',
      row: 4,
      column: 'village_code',
      columnLetter: 'C',
      value: '150627101212',
      message: {
        zh: '本行资金来自包联单位，但嘎查村 150627101212 在 pairings.csv 中没有包联记录',
        en: "This row's money comes from a paired unit, but village 150627101212 has no row in pairings.csv",
      },
      hint: {
        zh: '在 pairings.csv 中添加该村的包联单位和包联企业；或改正资金来源类别',
        en: "Add the village's paired unit and enterprise to pairings.csv, or correct the source kind",
      },
    },
  },
  {
    link: 'talent.csv place_code',
    edits: { 'talent.csv': (text) => text.replace('150627101225,科技特派员', '150627101299,科技特派员') },
    problem: {
      file: 'talent.csv',
      row: 2,
      column: 'place_code',
      columnLetter: 'A',
      value: '150627101299',
      message: { zh: '“150627101299”在 villages.csv / divisions.csv 中找不到', en: '“150627101299” is not found in villages.csv / divisions.csv' },
      hint: NOT_FOUND_HINT('villages.csv / divisions.csv'),
    },
  },
  {
    link: 'pairings.csv village_code',
    edits: { 'pairings.csv': (text) => text.replace('150627102200,农牧局', '150627102299,农牧局') },
    problem: {
      file: 'pairings.csv',
      row: 4,
      column: 'village_code',
      columnLetter: 'A',
      value: '150627102299',
      message: { zh: '“150627102299”在 villages.csv 中找不到', en: '“150627102299” is not found in villages.csv' },
      hint: NOT_FOUND_HINT('villages.csv'),
    },
  },
  {
    link: 'monthly.csv village_code',
    edits: { 'monthly.csv': (text) => text.replace('2021-08,150627101225', '2021-08,150627101299') },
    problem: {
      file: 'monthly.csv',
      row: 2,
      column: 'village_code',
      columnLetter: 'B',
      value: '150627101299',
      message: { zh: '“150627101299”在 villages.csv 中找不到', en: '“150627101299” is not found in villages.csv' },
      hint: NOT_FOUND_HINT('villages.csv'),
    },
  },
  {
    link: 'reported.csv scope_code',
    edits: { 'reported.csv': (text) => text.replace('area_km2,面积,area,150627,', 'area_km2,面积,area,150627109,') },
    problem: {
      file: 'reported.csv',
      row: 6,
      column: 'scope_code',
      columnLetter: 'D',
      value: '150627109',
      message: { zh: '“150627109”在 divisions.csv / villages.csv 中找不到', en: '“150627109” is not found in divisions.csv / villages.csv' },
      hint: NOT_FOUND_HINT('divisions.csv / villages.csv'),
    },
  },
  {
    link: 'reported.csv project_id',
    edits: { 'reported.csv': (text) => text.replace('筹措2600余万元,P1,', '筹措2600余万元,P9,') },
    problem: {
      file: 'reported.csv',
      row: 5,
      column: 'project_id',
      columnLetter: 'N',
      value: 'P9',
      message: { zh: '“P9”在 projects.csv 中找不到', en: '“P9” is not found in projects.csv' },
      hint: NOT_FOUND_HINT('projects.csv'),
    },
  },
];

describe('every link between files is checked, each with its own located message', () => {
  it.each(LINKS)('$link', ({ edits, problem }) => {
    const report = loadEdited(edits);
    const found = report.problems.filter((p) => p.rule === 'foreign-key' && p.file === problem.file);
    expect(found).toEqual([{ rule: 'foreign-key', severity: 'error', ...problem }]);
    expect(report.ok).toBe(false);
  });

  it('has a case for every reference a table declares', async () => {
    const { TABLES } = await import('../../src/read/tables.ts');
    const declared = TABLES.flatMap((table) => table.references.map((reference) => `${table.file} ${reference.columns}`));
    expect(declared.filter((link) => !LINKS.some((c) => c.link === link))).toEqual([]);
  });

  it('says so when the row referred to is there but was rejected for an error of its own', () => {
    // Longitude 209 rejects village 150627101212: the rows that refer to it are told why, not "not found".
    const report = loadEdited({ 'villages.csv': (text) => text.replace('嘎查,109.700427', '嘎查,209.700427') });
    const referring = report.problems.filter((p) => p.rule === 'foreign-key');
    expect(referring.map((p) => `${p.file} ${cellOf(p)}`)).toEqual([
      'projects.csv B3',
      'funds.csv C4',
      'talent.csv A3',
      'pairings.csv A3',
      'monthly.csv B4',
      'monthly.csv B5',
    ]);
    expect(referring[0]).toMatchObject({
      value: '150627101212',
      message: {
        zh: '“150627101212”在 villages.csv 第 3 行，但那一行有错误，未被接受',
        en: '“150627101212” is on row 3 of villages.csv, but that row has an error and was rejected',
      },
      hint: { zh: '先改正 villages.csv 第 3 行的错误', en: 'Fix the error on row 3 of villages.csv first' },
    });
    expect(new Set(referring.map((p) => p.message.en)).size).toBe(1);
  });

  it("says so too when a paired fund's village has its pairing on a rejected row", () => {
    // A pairing whose start date is no date: rejected, so the paired fund of its village is pointed to that row.
    const report = loadEdited({ 'pairings.csv': (text) => text.replace('150627101225,税务局,电信公司,2021-01-01', '150627101225,税务局,电信公司,2021-13-01') });
    expect(report.problems.filter((p) => p.rule === 'foreign-key').map((p) => [`${p.file} ${cellOf(p)}`, p.message.en])).toEqual([
      ['funds.csv C2', '“150627101225” is on row 2 of pairings.csv, but that row has an error and was rejected'],
      ['funds.csv C3', '“150627101225” is on row 2 of pairings.csv, but that row has an error and was rejected'],
    ]);
  });

  it('adds up the reported figures from accepted rows only, not from a row a rule across files rejected', () => {
    // A fourth village whose town is not in divisions.csv: rejected, so the villages still number 3, as reported.
    const report = loadEdited({ 'villages.csv': (text) => `${text}150627109001,新村,村,109.7,39.2,实测点位,,\n` });
    expect(report.files.find((f) => f.file === 'villages.csv')).toMatchObject({ read: 4, accepted: 3, rejected: 1 });
    expect(report.reconciliation.find((r) => r.key === 'villages')).toMatchObject({ computed: 300n, status: 'matches' });
  });

  it('names a repeated key of several columns by the headers and labels staff typed', () => {
    const report = loadEdited({ 'talent.csv': (text) => `${text}150627101,大学生,3,2021-10-14,示意,\n` });
    expect(report.problems.filter((p) => p.rule === 'unique')).toEqual([
      {
        severity: 'error',
        rule: 'unique',
        file: 'talent.csv',
        row: 6,
        column: 'place_code',
        columnLetter: 'A',
        value: '150627101',
        message: {
          zh: 'place_code + kind + as_of 为“150627101 + 大中专毕业生 + 2021-10-14”的行重复，第 5 行已有',
          en: 'place_code + kind + as_of “150627101 + 大中专毕业生 + 2021-10-14” appears again; row 5 has it already',
        },
        hint: {
          zh: '删除重复行；同一组 place_code + kind + as_of 只能有一行',
          en: 'Delete the duplicate row: each combination of place_code + kind + as_of may appear once',
        },
      },
    ]);
  });
});

describe('the list of problems', () => {
  it('is ordered by severity, then file, then row, then column from left to right', () => {
    const files = readDir(join(FIXTURES, 'small'));
    edit(files, 'funds.csv', (text) =>
      text
        .replace('F2,2021-08-01,150627101225,P1,包联单位,税务局,600万', 'F2,2021-08-41,150627101225,P1,包联单位,税务局,六百万')
        .replace('F1,2021-07-01,150627101225,P1,包联企业,电信公司,2000万', 'F1,2021-07-01,150627101225,P1,包联企业,电信公司,-5'),
    );
    // A village at its town seat but away from it: a warning, listed after every error.
    edit(files, 'villages.csv', (text) =>
      text.replace(/^(\d{12},[^,\n]*,[^,\n]*,)(\d+\.\d+)/m, (_, head: string, lon: string) => `${head}${(Number(lon) + 1).toFixed(6)}`),
    );
    const problems = loadDataset(files).report.problems;
    expect(problems.map((p) => `${p.severity} ${p.file} ${cellOf(p)}`)).toEqual([
      'error funds.csv G2',
      'error funds.csv B3',
      'error funds.csv G3',
      ...problems.filter((p) => p.severity === 'warning').map((p) => `warning ${p.file} ${cellOf(p)}`),
    ]);
    expect(problems.some((p) => p.severity === 'warning')).toBe(true);
  });
});
