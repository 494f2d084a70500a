/**
 * A file with one systematic mistake (Excel's 1.50627E+11 codes, decimal commas, a changed region
 * code) gives hundreds or thousands of problems; the text report leads with the cause and its fix and
 * fits on one screen, while the JSON report keeps every problem.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../../src/read/loadDataset.ts';
import { formatReport, reportToJson } from '../../src/read/formatReport.ts';
import { GROUP_ABOVE, groupProblems } from '../../src/read/groupProblems.ts';
import type { Problem } from '../../src/read/problem.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
/** Lines of a terminal screen: a report of one systematic mistake must fit in them. */
const ONE_SCREEN = 50;

const readDir = (dir: string) =>
  new Map(
    readdirSync(dir)
      .filter((n) => n.endsWith('.csv'))
      .map((n) => [n, new Uint8Array(readFileSync(join(dir, n)))]),
  );
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

/** The region fixture (a copy of the default data, 3,000+ rows) with one file rewritten. */
function regionWith(file: string, change: (text: string) => string) {
  const files = readDir(join(FIXTURES, 'region'));
  files.set(file, new TextEncoder().encode(change(text(files.get(file)))));
  return loadDataset(files).report;
}

const MISTAKES = {
  'codes Excel turned into 1.50627E+11': () => regionWith('funds.csv', (t) => t.replace(/,1506271\d{5},/g, ',1.50627E+11,')),
  'decimal commas in longitudes': () => regionWith('villages.csv', (t) => t.replace(/,(1\d\d)\.(\d+),/g, ',"$1,$2",')),
  'a region code changed by mistake': () => regionWith('edition.csv', (t) => t.replace('150627,2021', '150626,2021')),
};

describe('a report of one systematic mistake', () => {
  it.each(Object.entries(MISTAKES))('fits on one screen and leads with the cause: %s', (_name, load) => {
    const report = load();
    expect(report.errors).toBeGreaterThan(100);
    const lines = formatReport(report).split('\n');
    expect(lines.length).toBeLessThanOrEqual(ONE_SCREEN);
    const firstProblem = lines.findIndex((line) => line.startsWith('✗ '));
    expect(lines[firstProblem + 1]).toMatch(/^ {4}原因：/);
    expect(lines[firstProblem + 2]).toMatch(/^ {4}Cause: /);
    expect(lines[firstProblem + 3]).toMatch(/^ {4}修正：/);
    expect(lines[firstProblem + 4]).toMatch(/^ {4}Fix: /);
  });

  it('names the cause, the cells and the count of Excel’s scientific codes, and how to recover the digits', () => {
    const lines = formatReport(MISTAKES['codes Excel turned into 1.50627E+11']()).split('\n');
    expect(lines).toContain('✗ 错误 error  funds.csv C 列 column village_code：639 处 · 639 alike  [type]');
    expect(lines.join('\n')).toContain('从 villages.csv 或 divisions.csv');
    expect(lines.join('\n')).toContain('例如 e.g. funds.csv C2 = "1.50627E+11"; funds.csv C3 = "1.50627E+11"; funds.csv C4 = "1.50627E+11"');
    expect(lines.join('\n')).toContain('and 636 more');
  });

  it('names the region code the rows use when the stated one was changed', () => {
    const report = MISTAKES['a region code changed by mistake']();
    const cell = report.problems.find((p) => p.file === 'edition.csv' && p.cause === 'region-code-changed');
    expect(cell).toMatchObject({ row: 2, columnLetter: 'A', value: '150626' });
    expect(cell!.message.zh).toMatch(/^地区代码为 150626，但 \d+ 个代码属于 150627$/);
    expect(cell!.message.en).toMatch(/^The region code is 150626, but \d+ codes belong to 150627$/);
  });

  it('puts what follows from an error (a reference to a rejected row) after the error itself', () => {
    const lines = formatReport(MISTAKES['decimal commas in longitudes']()).split('\n');
    const heads = lines.filter((line) => line.startsWith('✗ '));
    expect(heads[0]).toContain('villages.csv D 列 column lon_wgs84');
    expect(heads[1]).toContain('[foreign-key]');
  });

  it('keeps every problem in the JSON report, with the groups pointing to them', () => {
    const report = MISTAKES['codes Excel turned into 1.50627E+11']();
    const json = JSON.parse(reportToJson(report)) as { problems: unknown[]; groups: { cause?: string; count: number; problems: number[] }[] };
    expect(json.problems).toHaveLength(report.problems.length);
    const group = json.groups.find((g) => g.cause === 'excel-scientific-code');
    expect(group?.count).toBe(639);
    expect(group?.problems.map((i) => report.problems[i]!.cause)).toEqual(Array(639).fill('excel-scientific-code'));
  });
});

describe('groupProblems', () => {
  const problem = (row: number, extra: Partial<Problem> = {}): Problem => ({
    severity: 'error',
    rule: 'type',
    file: 'funds.csv',
    row,
    column: 'amount_yuan',
    columnLetter: 'G',
    message: { zh: 'x', en: 'x' },
    hint: { zh: 'y', en: 'y' },
    ...extra,
  });

  it(`leaves up to ${GROUP_ABOVE} alike problems one by one and groups more`, () => {
    const few = Array.from({ length: GROUP_ABOVE }, (_, i) => problem(i + 2));
    expect(groupProblems(few)).toEqual({ groups: [], single: few });
    const many = Array.from({ length: GROUP_ABOVE + 1 }, (_, i) => problem(i + 2));
    const { groups, single } = groupProblems(many);
    expect(single).toEqual([]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ files: ['funds.csv'], column: 'amount_yuan', count: GROUP_ABOVE + 1 });
  });

  it('groups a named cause even once, across files, and puts every problem in exactly one place', () => {
    const problems = [
      problem(2, { cause: 'excel-scientific-code' }),
      problem(3, { file: 'talent.csv', cause: 'excel-scientific-code' }),
      problem(4, { column: 'date', columnLetter: 'B' }),
    ];
    const { groups, single } = groupProblems(problems);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ files: ['funds.csv', 'talent.csv'], count: 2 });
    expect(groups[0]!.column).toBeUndefined();
    expect(single).toEqual([problems[2]]);
  });
});

describe('the terminal is safe from what a cell holds', () => {
  it('shows escape sequences and other control characters as visible escapes, never raw', () => {
    const files = readDir(join(FIXTURES, 'small'));
    files.set('funds.csv', new TextEncoder().encode(text(files.get('funds.csv')).replace('伊金霍洛旗财政局', '\u001b[2J\u001b[32m通过\u001b[0m')));
    files.set('x\u001b[31m.csv', new Uint8Array());
    const report = loadDataset(files).report;
    const output = formatReport(report);
    expect(report.ok).toBe(false);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point.
    expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(output).toContain('\\u001b[2J\\u001b[32m通过');
    expect(output).toContain('x\\u001b[31m.csv');
  });
});
