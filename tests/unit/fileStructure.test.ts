/**
 * Mistakes in a file's shape, as Excel, WPS and editors make them, on a file of realistic size (the
 * region fixture's 639 funds): each is said once, where it is, with its fix, instead of one error per cell.
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../../src/read/loadDataset.ts';
import { formatReport } from '../../src/read/formatReport.ts';

const REGION = join(import.meta.dirname, '..', 'fixtures', 'region');
const readDir = (dir: string) =>
  new Map<string, Uint8Array>(
    readdirSync(dir)
      .filter((n) => n.endsWith('.csv'))
      .map((n) => [n, new Uint8Array(readFileSync(join(dir, n)))]),
  );
const BOM = [0xef, 0xbb, 0xbf];
const FUNDS = new TextDecoder().decode(readFileSync(join(REGION, 'funds.csv'))).replace(/^\uFEFF/, '');

function withFunds(bytes: Uint8Array) {
  const files = readDir(REGION);
  files.set('funds.csv', bytes);
  return loadDataset(files).report;
}

const fundsProblems = (report: ReturnType<typeof withFunds>) => report.problems.filter((p) => p.file === 'funds.csv');

describe('a GBK or Big5 file marked as UTF-8', () => {
  it.each([
    ['GBK', 'gbk'],
    ['Big5', 'big5'],
  ] as const)('%s bytes after a UTF-8 BOM: one error naming the encoding, not an error per cell', (name, encoding) => {
    const bytes = new Uint8Array([...BOM, ...iconv.encode(FUNDS, encoding)]);
    const report = withFunds(bytes);
    const problems = fundsProblems(report);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', rule: 'encoding', value: name });
    expect(problems[0]!.message.zh).toContain(`内容是 ${name} 编码`);
    expect(problems[0]!.message.en).toContain(`its text is in ${name}`);
    expect(problems[0]!.hint.en).toContain('CSV UTF-8');
    expect(report.ok).toBe(false);
    expect(formatReport(report).split('\n').length).toBeLessThanOrEqual(50);
  });

  it('still reads a UTF-8 file whose last character was cut off', () => {
    const utf8 = new TextEncoder().encode(`${FUNDS.trimEnd()}测`);
    const report = withFunds(new Uint8Array([...BOM, ...utf8.subarray(0, utf8.length - 1)]));
    expect(fundsProblems(report).some((p) => p.value === 'GBK' || p.value === 'Big5')).toBe(false);
    expect(report.files.find((f) => f.file === 'funds.csv')?.accepted).toBe(638);
  });
});

describe('a title row above the header', () => {
  it.each([
    ['one title cell', '伊金霍洛旗帮扶资金台账\n'],
    ['a title spread over the columns, and a blank-ish second title', '伊金霍洛旗帮扶资金台账,,,,,,,,\n单位：元,,,,,,,,\n'],
  ])('%s: one error on row 1 and the row of the real header', (_name, titles) => {
    const report = withFunds(new TextEncoder().encode(titles + FUNDS));
    const problems = fundsProblems(report);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: 'title-row', row: 1, value: '伊金霍洛旗帮扶资金台账' });
    const headerRow = titles.split('\n').length;
    expect(problems[0]!.message.zh).toContain(`表头在第 ${headerRow} 行`);
    expect(problems[0]!.message.en).toContain(`The header is on row ${headerRow}`);
  });
});

describe('a totals row', () => {
  it.each([
    ['at the end', (rows: string[]) => [...rows, '合计,,,,,,370000000,,']],
    ['in the middle, in English', (rows: string[]) => [...rows.slice(0, 100), 'Total,,,,,,1000,,', ...rows.slice(100)]],
    ['with spaces and a colon', (rows: string[]) => [...rows, '总  计：,,,,,,370000000,,']],
  ])('%s: one error for that row, and no cell errors on it', (_name, insert) => {
    const rows = FUNDS.trimEnd().split('\n');
    const report = withFunds(new TextEncoder().encode(insert(rows).join('\n')));
    const problems = fundsProblems(report);
    expect(problems.map((p) => p.rule)).toEqual(['totals-row']);
    expect(problems[0]!.hint.zh).toContain('网站会自己加总');
  });
});

describe('an unquoted comma inside a name', () => {
  it('names the column whose cell it split and how to quote it', () => {
    const rows = FUNDS.trimEnd().split('\n');
    // Row 5 of the file: a source name with an ASCII comma and no quotes.
    const cells = rows[4]!.split(',');
    cells[5] = `${cells[5]},第二分公司`;
    rows[4] = cells.join(',');
    const problems = fundsProblems(withFunds(new TextEncoder().encode(rows.join('\n'))));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: 'row-width', row: 5, columnLetter: 'F', column: 'source_name' });
    expect(problems[0]!.value).toMatch(/,第二分公司$/);
    expect(problems[0]!.message.zh).toContain('没加引号的英文逗号');
    expect(problems[0]!.message.en).toContain('unquoted comma');
  });
});
