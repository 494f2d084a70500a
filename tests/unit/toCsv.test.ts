import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { loadDataset } from '../../src/read/loadDataset.ts';
import { fundsTable, projectsTable, reportedTable, TABLES, RECORD_KEYS, type Records } from '../../src/read/tables.ts';
import { BOM, formatCsv, toCsv } from '../../src/publish/toCsv.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function loadFixture(dir: string): Records {
  const files = new Map(
    readdirSync(dir)
      .filter((name) => name.endsWith('.csv'))
      .map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))] as const),
  );
  const { records, report } = loadDataset(files);
  expect(report.ok).toBe(true);
  return records;
}

const small = loadFixture('tests/fixtures/small');

/** Parses a published CSV back into header and rows (without the BOM). */
function parse(text: string): string[][] {
  expect(text.startsWith(BOM)).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
}

describe('formatCsv', () => {
  test('starts with a byte-order mark and ends with one newline', () => {
    const text = formatCsv(['a'], [['1']]);
    expect(text).toBe(`${BOM}a\n1\n`);
  });

  test('quotes cells holding commas, quotes and line breaks so they read back unchanged', () => {
    const tricky = ['a,b', 'say "hi"', 'two\nlines', '<img src=x onerror=alert(1)>'];
    const text = formatCsv(['x', 'y', 'z', 'w'], [tricky]);
    expect(parse(text)[1]).toEqual(tricky);
  });

  test('writes undefined and null as empty cells and bigints in full', () => {
    expect(parse(formatCsv(['a', 'b', 'c'], [[undefined, null, 12345678901234567890n]]))[1]).toEqual(['', '', '12345678901234567890']);
  });

  test('refuses a row whose width differs from the header', () => {
    expect(() => formatCsv(['a', 'b'], [['1']])).toThrow();
  });
});

describe('toCsv', () => {
  test('writes the canonical headers in the order tables.ts declares them', () => {
    for (const table of TABLES) {
      const rows = small[RECORD_KEYS[table.file as keyof typeof RECORD_KEYS]] as unknown as Record<string, unknown>[];
      expect(parse(toCsv(table, rows))[0]).toEqual(Object.keys(table.columns));
    }
  });

  test('writes 2600万 as exact yuan 26000000 and "1,200,000" as 1200000', () => {
    const rows = parse(toCsv(projectsTable, small.projects));
    const investment = rows[0]!.indexOf('investment_yuan');
    expect(rows.slice(1).map((row) => row[investment])).toEqual(['26000000', '1200000', '3000000']);
  });

  test('keeps fen: 1234.5 yuan is written exactly, 1234.5 (the one form of src/format/money.ts)', () => {
    const fund = { ...small.funds[0]!, amount_yuan: 123450n };
    const rows = parse(toCsv(fundsTable, [fund]));
    expect(rows[1]![rows[0]!.indexOf('amount_yuan')]).toBe('1234.5');
  });

  test('writes closed-list values as their Chinese label, as staff type them', () => {
    const rows = parse(toCsv(projectsTable, small.projects));
    const header = rows[0]!;
    expect(rows.slice(1).map((row) => row[header.indexOf('sector')])).toEqual(['商', '养', '工']);
    expect(rows.slice(1).map((row) => row[header.indexOf('stage')])).toEqual(['前期手续', '运营', '在建']);
  });

  test('writes a blank provenance as 官方 and leaves other blank optional cells empty', () => {
    const project = { ...small.projects[1]!, provenance: undefined };
    const rows = parse(toCsv(projectsTable, [project]));
    const header = rows[0]!;
    expect(rows[1]![header.indexOf('provenance')]).toBe('官方');
    expect(rows[1]![header.indexOf('expected_annual_net_income_yuan')]).toBe('');
  });

  test('reads back through the pipeline to the same records', () => {
    const files = new Map<string, Uint8Array>();
    for (const table of TABLES) {
      const rows = small[RECORD_KEYS[table.file as keyof typeof RECORD_KEYS]] as unknown as Record<string, unknown>[];
      files.set(table.file, new TextEncoder().encode(toCsv(table, rows)));
    }
    const { records, report } = loadDataset(files);
    expect(report.ok).toBe(true);
    const strip = (rows: readonly { provenance?: string }[]) => rows.map((row) => ({ ...row, provenance: row.provenance ?? 'official' }));
    expect(strip(records.projects)).toEqual(strip(small.projects));
    expect(records.funds).toEqual(small.funds);
    expect(records.reported.map((r) => r.value)).toEqual(small.reported.map((r) => r.value));
    const [header, , funds] = parse(toCsv(reportedTable, small.reported));
    expect(funds![header!.indexOf('value')]).toBe('30200000');
  });
});
