import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataDir, readDataFiles } from '../../src/load/readDataDir.ts';
import { formatReport } from '../../src/read/formatReport.ts';
import { makeXlsx } from '../support/makeXlsx.ts';

const SMALL = join(import.meta.dirname, '..', 'fixtures', 'small');
const made: string[] = [];

/** A copy of the small dataset in a temporary folder, changed by `arrange` as staff might leave data/. */
function dataFolder(arrange: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'data-folder-'));
  made.push(dir);
  for (const name of readdirSync(SMALL)) copyFileSync(join(SMALL, name), join(dir, name));
  arrange(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('a data folder with something odd in it gives a located, bilingual problem, never an exception', () => {
  it.each([
    [
      'a folder named like a data file',
      'funds.csv',
      (dir: string) => (unlinkSync(join(dir, 'funds.csv')), mkdirSync(join(dir, 'funds.csv'))),
      'error',
      /文件夹/,
      /folder/,
    ],
    ['a folder named like an old copy', 'old.csv', (dir: string) => mkdirSync(join(dir, 'old.csv')), 'warning', /文件夹/, /folder/],
    [
      'a broken link in place of a data file',
      'talent.csv',
      (dir: string) => (unlinkSync(join(dir, 'talent.csv')), symlinkSync('gone.csv', join(dir, 'talent.csv'))),
      'error',
      /链接/,
      /link/,
    ],
    [
      'a broken link beside the data',
      'backup.csv',
      (dir: string) => symlinkSync(join(dir, 'nowhere', 'x.csv'), join(dir, 'backup.csv')),
      'warning',
      /链接/,
      /link/,
    ],
    [
      'a link to a folder',
      'monthly.csv',
      (dir: string) => (unlinkSync(join(dir, 'monthly.csv')), symlinkSync(tmpdir(), join(dir, 'monthly.csv'))),
      'error',
      /文件夹/,
      /folder/,
    ],
  ] as const)('%s', (_name, file, arrange, severity, zh, en) => {
    const dir = dataFolder(arrange);
    const { report } = loadDataDir(dir);
    const problems = report.problems.filter((p) => p.file === file);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: 'file-system', severity });
    expect(problems[0]!.message.zh).toMatch(zh);
    expect(problems[0]!.message.en).toMatch(en);
    expect(report.ok).toBe(severity === 'warning');
    // The text report shows it too, in both languages, with no stack trace.
    expect(formatReport(report)).toContain(`[file-system]`);
    expect(formatReport(report)).not.toMatch(/\n\s+at /);
  });

  it('reads a link to a real file as that file', () => {
    const dir = dataFolder((d) => {
      copyFileSync(join(d, 'funds.csv'), join(d, 'funds-real.txt'));
      unlinkSync(join(d, 'funds.csv'));
      symlinkSync('funds-real.txt', join(d, 'funds.csv'));
    });
    expect(loadDataDir(dir).report.ok).toBe(true);
  });

  it.each([
    ['does not exist', (dir: string) => join(dir, 'missing'), /不存在/, /does not exist/],
    ['is a file', (dir: string) => join(dir, 'funds.csv'), /不是文件夹/, /is not a folder/],
  ] as const)('says so, alone, when the folder itself %s', (_name, pathIn, zh, en) => {
    const dir = dataFolder(() => {});
    const { report } = loadDataDir(pathIn(dir));
    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ rule: 'file-system', severity: 'error', file: pathIn(dir) });
    expect(report.problems[0]!.message.zh).toMatch(zh);
    expect(report.problems[0]!.message.en).toMatch(en);
  });
});

describe('a spreadsheet in the data folder is mentioned, never silently ignored', () => {
  it('beside its CSV: a warning that it is not read and how to save it as CSV if it is newer', () => {
    const dir = dataFolder((d) => writeFileSync(join(d, 'projects.xlsx'), 'PK'));
    const { report } = loadDataDir(dir);
    expect(report.ok).toBe(true);
    const problem = report.problems.find((p) => p.file === 'projects.xlsx');
    expect(problem).toMatchObject({ rule: 'spreadsheet-file', severity: 'warning' });
    expect(problem!.hint.zh).toContain('另存为');
    expect(problem!.hint.en).toContain('Save As');
  });

  it.each(['pairings.et', 'Pairings.XLS'])('instead of its CSV (%s): one error naming both, in place of "the file is missing"', (spreadsheet) => {
    const dir = dataFolder((d) => (unlinkSync(join(d, 'pairings.csv')), writeFileSync(join(d, spreadsheet), 'x')));
    const { report } = loadDataDir(dir);
    expect(report.ok).toBe(false);
    expect(report.problems.filter((p) => p.file === 'pairings.csv').map((p) => [p.rule, p.severity, p.value])).toEqual([
      ['spreadsheet-file', 'error', spreadsheet],
    ]);
  });

  it('ignores the lock files Excel and WPS leave beside an open file', () => {
    const dir = dataFolder((d) => (writeFileSync(join(d, '~$funds.csv'), 'lock'), writeFileSync(join(d, '~$资金.xlsx'), 'lock')));
    const { report } = loadDataDir(dir);
    expect(report.problems.filter((p) => p.file.startsWith('~$'))).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('beside its CSV: read no more than before, so the edition stays the same', () => {
    const plain = loadDataDir(dataFolder(() => undefined));
    const beside = loadDataDir(dataFolder((d) => writeFileSync(join(d, 'funds.xlsx'), makeXlsx({ sheets: [{ name: 'a', rows: [['x']] }] }))));
    expect(beside.edition).toBe(plain.edition);
    expect(beside.records).toEqual(plain.records);
    expect([...beside.files.keys()]).not.toContain('funds.xlsx');
  });

  it('instead of its CSV (an xlsx): read in its place, and part of the edition', () => {
    const text = readFileSync(join(SMALL, 'funds.csv'), 'utf8');
    const rows = text
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    const dir = dataFolder((d) => (unlinkSync(join(d, 'funds.csv')), writeFileSync(join(d, 'Funds.xlsx'), makeXlsx({ sheets: [{ name: '资金', rows }] }))));
    const loaded = loadDataDir(dir);
    const plain = loadDataDir(dataFolder(() => undefined));
    expect(loaded.report.problems).toEqual(plain.report.problems);
    expect(loaded.records.funds).toEqual(plain.records.funds);
    expect(loaded.edition).not.toBe(plain.edition);
    expect([...loaded.files.keys()]).toContain('Funds.xlsx');
    expect(loaded.report.files.find((f) => f.file === 'Funds.xlsx')).toMatchObject({ sheet: '资金', encoding: 'xlsx' });
  });

  it('of any other name: a warning listing the data files', () => {
    const dir = dataFolder((d) => writeFileSync(join(d, '资金台账.xlsx'), 'PK'));
    const problem = readDataFiles(dir).problems.find((p) => p.file === '资金台账.xlsx');
    expect(problem).toMatchObject({ rule: 'spreadsheet-file', severity: 'warning' });
    expect(problem!.hint.en).toContain('funds.csv');
  });
});
