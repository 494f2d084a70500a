import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../../src/pipeline/loadDataset.ts';
import type { Problem, Rule } from '../../src/pipeline/problem.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

function readDir(dir: string): Map<string, Uint8Array> {
  return new Map(readdirSync(dir).map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))]));
}

/** Rewrites one file's text in a set of files. */
function edit(files: Map<string, Uint8Array>, file: string, change: (text: string) => string): void {
  files.set(file, new TextEncoder().encode(change(new TextDecoder().decode(files.get(file)))));
}

/** The small valid dataset with the files of one broken fixture laid over it. */
function loadBroken(rule: string, remove?: string) {
  const files = readDir(join(FIXTURES, 'small'));
  if (remove !== undefined) files.delete(remove);
  else for (const [name, bytes] of readDir(join(FIXTURES, 'broken', rule))) files.set(name, bytes);
  return loadDataset(files).report;
}

describe('the small valid dataset', () => {
  const report = loadDataset(readDir(join(FIXTURES, 'small'))).report;

  it('passes with no errors and no warnings', () => {
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

type Case = {
  rule: Rule;
  file: string;
  /** Spreadsheet cell such as `G4`, `H1`, or a bare row number when no column applies. */
  cell?: string;
  value?: string;
  /** The header as typed, when the problem is about a column. */
  column?: string;
  severity?: Problem['severity'];
  remove?: string;
  /** Words the English message must contain, so the message says what is wrong. */
  says: string;
};

const CASES: Case[] = [
  { rule: 'missing-file', file: 'monthly.csv', remove: 'monthly.csv', says: 'missing' },
  { rule: 'unknown-file', file: 'extra.csv', severity: 'warning', says: 'Unknown file' },
  { rule: 'empty-file', file: 'funds.csv', says: 'empty' },
  { rule: 'encoding', file: 'funds.csv', cell: 'F2', says: 'could not be decoded' },
  { rule: 'broken-quoting', file: 'funds.csv', cell: '2', says: 'quote' },
  { rule: 'row-width', file: 'funds.csv', cell: 'J2', says: 'cells' },
  { rule: 'duplicate-header', file: 'funds.csv', cell: 'H1', says: 'amount_yuan' },
  { rule: 'unknown-column', file: 'funds.csv', cell: 'J1', column: '负责人', says: '负责人' },
  { rule: 'missing-column', file: 'funds.csv', cell: '1', says: 'amount_yuan' },
  { rule: 'required', file: 'funds.csv', cell: 'F3', column: 'source_name', says: 'must not be empty' },
  { rule: 'type', file: 'funds.csv', cell: 'G4', column: 'amount_yuan', value: '一百万', says: 'not valid' },
  { rule: 'allowed-values', file: 'projects.csv', cell: 'D3', value: '渔', says: 'farming' },
  { rule: 'range', file: 'funds.csv', cell: 'G5', value: '-3000000', says: 'negative' },
  { rule: 'unique', file: 'funds.csv', cell: 'A5', value: 'F2', says: 'row 3' },
  { rule: 'one-row', file: 'edition.csv', cell: '3', says: 'exactly one' },
  { rule: 'foreign-key', file: 'funds.csv', cell: 'C5', value: '150627102299', says: 'villages.csv' },
  { rule: 'future-date', file: 'funds.csv', cell: 'B4', value: '2022-05-01', says: '2021-10-14' },
  { rule: 'region', file: 'talent.csv', cell: 'A6', value: '150621101', says: '150627' },
  { rule: 'location', file: 'villages.csv', cell: 'F4', severity: 'warning', says: 'town seat' },
  { rule: 'reconcile', file: 'reported.csv', cell: '3', severity: 'warning', says: '370000000' },
];

function cellOf(problem: Problem): string | undefined {
  if (problem.row === undefined) return undefined;
  return `${problem.columnLetter ?? ''}${problem.row}`;
}

describe('each broken fixture fails with its own located, bilingual message', () => {
  it.each(CASES)('$rule: $file $cell', ({ rule, file, cell, value, column, severity = 'error', remove, says }) => {
    const report = loadBroken(rule, remove);
    const problem = report.problems.find((p) => p.rule === rule);
    expect(problem, JSON.stringify(report.problems.map((p) => [p.rule, p.file, cellOf(p)]))).toBeDefined();
    expect(problem!.file).toBe(file);
    expect(problem!.severity).toBe(severity);
    expect(cellOf(problem!)).toBe(cell);
    if (value !== undefined) expect(problem!.value).toBe(value);
    if (column !== undefined) expect(problem!.column).toBe(column);
    expect(problem!.message.en).toContain(says);
    // Chinese first: the Chinese message and hint are in Chinese, the English ones in English.
    expect(problem!.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(problem!.hint.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(problem!.hint.en).toMatch(/[a-z]{3}/);
    expect(report.ok).toBe(severity !== 'error');
  });

  it('covers every rule the validator knows', async () => {
    const { RULES } = await import('../../src/pipeline/problem.ts');
    expect(new Set(CASES.map((c) => c.rule))).toEqual(new Set(RULES));
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

describe('a fund tied to a project', () => {
  it("must be for the project's own village: the project id cell is named, with both villages", () => {
    const files = readDir(join(FIXTURES, 'small'));
    edit(files, 'funds.csv', (text) => text.replace('F2,2021-08-01,150627101225,P1', 'F2,2021-08-01,150627101212,P1'));
    const problems = loadDataset(files).report.problems.filter((p) => p.rule === 'foreign-key');
    expect(problems.map((p) => [p.file, cellOf(p), p.value])).toEqual([['funds.csv', 'D3', 'P1']]);
    expect(problems[0]!.message.en).toBe("Project P1 belongs to village 150627101225, not to this row's village 150627101212");
    expect(problems[0]!.message.zh).toBe('项目 P1 属于 150627101225，不属于本行的嘎查村 150627101212');
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

