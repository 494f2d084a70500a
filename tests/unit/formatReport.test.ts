import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataset } from '../../src/read/loadDataset.ts';
import { formatReport, reportToJson } from '../../src/read/formatReport.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures');

function readDir(dir: string): Map<string, Uint8Array> {
  return new Map(readdirSync(dir).map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))]));
}

/** The small valid dataset, with one broken fixture's files laid over it when a rule is named. */
function filesOf(rule?: string): Map<string, Uint8Array> {
  const files = readDir(join(FIXTURES, 'small'));
  if (rule !== undefined) for (const [name, bytes] of readDir(join(FIXTURES, 'broken', rule))) files.set(name, bytes);
  return files;
}

describe('the text report', () => {
  it('opens with the edition and a row per file: read, accepted, rejected, blank', () => {
    const lines = formatReport(loadDataset(filesOf('type')).report, '2021-10-14-abcdef12').split('\n');
    expect(lines.slice(0, 2)).toEqual(['数据校验报告 · Data validation report', '数据版本 Edition: 2021-10-14-abcdef12']);
    expect(lines.find((line) => line.startsWith('funds.csv'))?.split(/\s+/)).toEqual(['funds.csv', 'utf-8', '4', '3', '1', '0']);
    expect(lines).toContain('错误 1 个 · 1 error(s)；警告 1 个 · 1 warning(s)');
  });

  it('gives each problem its cell, column, value and rule, then the message and hint in Chinese and English', () => {
    const text = formatReport(loadDataset(filesOf('type')).report);
    expect(text).toContain(
      [
        '✗ 错误 error  funds.csv G4 amount_yuan = "一百万"  [type]',
        '    “一百万”无效：不是金额：只能写数字，可带千位逗号、“万”“亿”、“元”和“¥”',
        '    “一百万” is not valid: not an amount: write digits, optionally with thousands commas, 万 or 亿, 元 and ¥',
        '    提示：金额写成 150000000、150,000,000、1.5亿、2600万 或 80万元，最多两位小数',
        '    Hint: Write amounts like 150000000, 150,000,000, 1.5亿, 2600万 or 80万元, with at most two decimals',
      ].join('\n'),
    );
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      '结果：未通过，修正以上错误前不会发布。 Result: failed; nothing is published until the errors above are fixed.',
    );
  });

  it('sets each reported figure beside the computed one, with the difference when there is one', () => {
    const lines = formatReport(loadDataset(filesOf('reconcile')).report).split('\n');
    const funds = lines.find((line) => line.startsWith('  帮扶资金 '));
    expect(funds?.replace(/\s+/g, ' ').trim()).toBe(
      '帮扶资金 assistance funds 报告 reported 370000000 元 · 计算 computed 30200000 · 相差 difference -339800000 · 不一致 differs',
    );
    const villages = lines.find((line) => line.startsWith('  嘎查村 '));
    expect(villages?.replace(/\s+/g, ' ').trim()).toBe('嘎查村 villages 报告 reported 3 个 · 计算 computed 3 · 一致 matches');
  });

  it('ends with a pass when there is no error', () => {
    const text = formatReport(loadDataset(filesOf()).report);
    expect(text).toContain('错误 0 个 · 0 error(s)；警告 0 个 · 0 warning(s)');
    expect(text.trimEnd().split('\n').at(-1)).toBe('结果：通过，可以发布。 Result: passed, ready to publish.');
  });
});

describe('the JSON report', () => {
  it('is the same report, with exact decimals where the pipeline holds bigints', () => {
    const { report } = loadDataset(filesOf('reconcile'));
    const json = JSON.parse(reportToJson(report, 'e1')) as Record<string, unknown> & typeof report;
    expect(json.edition).toBe('e1');
    expect(json.ok).toBe(true);
    expect(json.problems).toEqual(report.problems);
    expect(json.files).toEqual(report.files);
    expect(json.reconciliation.find((r) => r.key === 'funds_yuan')).toMatchObject({
      reported: '370000000',
      computed: '30200000',
      difference: '-339800000',
      status: 'differs',
    });
  });
});

describe('npm run validate', () => {
  const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
  const run = (dir: string, ...args: string[]) =>
    spawnSync(TSX, [join(ROOT, 'scripts', 'validate.ts'), '--dir', dir, ...args], { cwd: ROOT, encoding: 'utf8' });

  /** Runs `check` on a folder with the small dataset and one broken fixture over it, as staff would have in data/. */
  function withBrokenDir(rule: string, check: (dir: string) => void): void {
    const dir = mkdtempSync(join(tmpdir(), 'validate-'));
    try {
      for (const name of readdirSync(join(FIXTURES, 'small'))) copyFileSync(join(FIXTURES, 'small', name), join(dir, name));
      for (const name of readdirSync(join(FIXTURES, 'broken', rule))) copyFileSync(join(FIXTURES, 'broken', rule, name), join(dir, name));
      check(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('exits 0 and says so when the data is valid', () => {
    const result = run(join(FIXTURES, 'small'));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Result: passed, ready to publish.');
  });

  it('exits 1 on any error, in text and in JSON, naming the cell', () => {
    withBrokenDir('type', (dir) => {
      const text = run(dir);
      expect(text.status).toBe(1);
      expect(text.stdout).toContain('funds.csv G4 amount_yuan = "一百万"  [type]');
      const json = run(dir, '--json');
      expect(json.status).toBe(1);
      const report = JSON.parse(json.stdout) as { ok: boolean; errors: number; problems: { file: string; row: number; columnLetter: string }[] };
      expect(report).toMatchObject({ ok: false, errors: 1 });
      expect(report.problems[0]).toMatchObject({ file: 'funds.csv', row: 4, columnLetter: 'G' });
    });
  });

  it('exits 0 on warnings alone: they are published beside the figures', () => {
    withBrokenDir('reconcile', (dir) => {
      const result = run(dir);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('警告 1 个 · 1 warning(s)');
    });
  });
});
