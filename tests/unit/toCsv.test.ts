import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import type { ChartDataset } from '../../src/derive/chartData.ts';
import { datasetToCsv } from '../../src/publish/datasetCsv.ts';
import { reconciliationToCsv } from '../../src/publish/reconciliationCsv.ts';
import { propertyRuns } from '../support/propertyRuns.ts';
import { loadDataset } from '../../src/read/loadDataset.ts';
import { editionTable, fundsTable, projectsTable, reportedTable, TABLES, RECORD_KEYS } from '../../src/read/tables.ts';
import { BOM, formatCsv, formatTableCsv, toCsv, type CsvColumnType } from '../../src/publish/toCsv.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function loadFixture(dir: string) {
  const files = new Map(
    readdirSync(dir)
      .filter((name) => name.endsWith('.csv'))
      .map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))] as const),
  );
  const { records, report } = loadDataset(files);
  expect(report.ok).toBe(true);
  return { records, report };
}

const { records: small, report: smallReport } = loadFixture('tests/fixtures/small');

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

  test.each(['=HYPERLINK("http://x","y")', '@SUM(1)', "+cmd|' /C calc'!A0", "'=1", "''@x", '-2+3'])(
    'reads a defused name %s back as it was typed: the published file can go back into data/',
    (name) => {
      const projects = small.projects.map((p, i) => (i === 0 ? { ...p, name } : p));
      const files = new Map<string, Uint8Array>();
      for (const table of TABLES) {
        const key = RECORD_KEYS[table.file as keyof typeof RECORD_KEYS];
        const rows = (key === 'projects' ? projects : small[key]) as unknown as Record<string, unknown>[];
        files.set(table.file, new TextEncoder().encode(toCsv(table, rows)));
      }
      const { records } = loadDataset(files);
      expect(records.projects[0]!.name).toBe(name);
    },
  );
});

/** What a spreadsheet reads as the start of a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Parses with LF rows, so a carriage return inside a quoted cell is not taken for a line ending. */
function parseRows(text: string): string[][] {
  expect(text.startsWith(BOM)).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { newline: '\n' }).data.slice(0, -1);
}

/** What a spreadsheet shows for a written text cell: one leading apostrophe is its text marker. */
const shown = (cell: string): string => cell.replace(/^'(?='*[=+\-@\t\r])/, '');

const HOSTILE = ['=HYPERLINK("http://x","y")', '@SUM(1)', "+cmd|' /C calc'!A0", '-2+3', '\t=1+1', '\r=1+1'];

describe('formula-safe cells (OWASP CSV injection)', () => {
  test.each(HOSTILE)('writes the text cell %j with a leading apostrophe, quoted', (hostile) => {
    const text = formatCsv(['name'], [[hostile]], ['text']);
    expect(text).toBe(`${BOM}name\n"'${hostile.replaceAll('"', '""')}"\n`);
    expect(parseRows(text)[1]).toEqual([`'${hostile}`]);
  });

  test.each(HOSTILE)('defuses %j in a column of no stated type too', (hostile) => {
    expect(parseRows(formatCsv(['name'], [[hostile]]))[1]).toEqual([`'${hostile}`]);
  });

  test('keeps negative numbers as numbers: -1200 and -0.5 in a number column, untyped, or as a number or bigint', () => {
    const rows = parseRows(formatCsv(['a', 'b', 'c', 'd', 'e'], [['-1200', '-0.5', -1200, -0.5, -5n]], ['number', 'number', 'text', 'text', 'text']));
    expect(rows[1]).toEqual(['-1200', '-0.5', '-1200', '-0.5', '-5']);
    expect(parseRows(formatCsv(['a', 'b'], [['-1200', '-0.5']]))[1]).toEqual(['-1200', '-0.5']);
  });

  test('a number column still defuses a cell that is not a plain number', () => {
    expect(parseRows(formatCsv(['a'], [['-2+3']], ['number']))[1]).toEqual(["'-2+3"]);
  });

  test('in a text column, even -5 is text and is defused', () => {
    expect(parseRows(formatCsv(['a'], [['-5']], ['text']))[1]).toEqual(["'-5"]);
  });

  test("adds one more apostrophe to a cell staff defused themselves, so it shows as typed: '=1 → ''=1", () => {
    const rows = parseRows(formatCsv(['a', 'b'], [["'=1", "'plain"]], ['text', 'text']));
    expect(rows[1]).toEqual(["''=1", "'plain"]);
    expect(rows[1]!.map(shown)).toEqual(["'=1", "'plain"]);
  });

  test('refuses column types that do not match the header', () => {
    expect(() => formatCsv(['a', 'b'], [['1', '2']], ['text'])).toThrow();
  });

  test('toCsv defuses a project named =HYPERLINK(…) and keeps its money a number', () => {
    const project = { ...small.projects[0]!, name: '=HYPERLINK("http://x","y")', note: '@SUM(1)' };
    const [header, row] = parseRows(toCsv(projectsTable, [project]));
    expect(row![header!.indexOf('name')]).toBe('\'=HYPERLINK("http://x","y")');
    expect(row![header!.indexOf('note')]).toBe("'@SUM(1)");
    expect(row![header!.indexOf('investment_yuan')]).toBe('26000000');
  });

  test('defuses a cell whose leading tab the reader trimmed away: "\\t=1+1" as typed is published as \'=1+1', () => {
    const files = new Map(
      readdirSync('tests/fixtures/small')
        .filter((name) => name.endsWith('.csv'))
        .map((name) => [name, new Uint8Array(readFileSync(join('tests/fixtures/small', name)))] as const),
    );
    const projects = new TextDecoder().decode(files.get('projects.csv')).replace('汽车三产服务园区', '"\t=1+1"');
    files.set('projects.csv', new TextEncoder().encode(projects));
    const { records, report } = loadDataset(files);
    expect(report.ok).toBe(true);
    // Whether or not the reader keeps the tab, the published cell carries the apostrophe.
    const name = records.projects[0]!.name;
    expect(['=1+1', '\t=1+1']).toContain(name);
    const [header, row] = parseRows(toCsv(projectsTable, records.projects));
    expect(row![header!.indexOf('name')]).toBe(`'${name}`);
  });

  test('formatTableCsv (the data scripts) defuses text cells the same way', () => {
    const rows = parseRows(formatTableCsv(editionTable, [{ region_code: '150627', as_of: '2021-10-14', note: "+cmd|' /C calc'!A0" }]));
    expect(rows[1]![2]).toBe("'+cmd|' /C calc'!A0");
  });

  test('a chart CSV defuses a place called @SUM(1) and keeps its values numbers', () => {
    const dataset: ChartDataset = {
      id: 'funds-by-source',
      kind: 'money',
      rowKind: 'place',
      rows: [{ key: '150627101212', label: { zh: '@SUM(1)', en: '-2+3' } }],
      series: [{ key: 'amount_yuan', label: { zh: 'amount_yuan', en: 'amount_yuan' } }],
      values: [[-120000n]],
      files: ['funds.csv'],
      illustrative: true,
    };
    expect(parseRows(datasetToCsv(dataset))[1]).toEqual(['150627101212', "'@SUM(1)", "'-2+3", '-1200']);
  });

  test('the reconciliation CSV defuses a label and keeps a negative difference a number', () => {
    const figure = { ...smallReport.reconciliation[0]!, label: { zh: '=1+1', en: '@SUM(1)' }, difference: -120000n };
    const [header, row] = parseRows(reconciliationToCsv([figure]));
    expect(row![header!.indexOf('label_zh')]).toBe("'=1+1");
    expect(row![header!.indexOf('label_en')]).toBe("'@SUM(1)");
    expect(row![header!.indexOf('difference')]).toBe('-1200');
  });

  test('property: no text cell read back starts a formula, and the shown text is the original', () => {
    const dangerous = fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", '"', ',', '\n', ' ', '1', '.', '村', 'a');
    const textCell = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: dangerous, maxLength: 8 }));
    const numberCell = fc.oneof(
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => `${n}`),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(textCell, textCell, numberCell), { minLength: 1, maxLength: 8 }), (cells) => {
        const types: CsvColumnType[] = ['text', 'text', 'number'];
        const rows = parseRows(formatCsv(['a', 'b', 'n'], cells, types));
        expect(rows).toHaveLength(cells.length + 1);
        rows.slice(1).forEach((row, i) => {
          for (const text of row.slice(0, 2)) expect(text).not.toMatch(FORMULA_START);
          expect(row.slice(0, 2).map(shown)).toEqual(cells[i]!.slice(0, 2));
          expect(row[2]).toBe(String(cells[i]![2]));
        });
      }),
      propertyRuns(200),
    );
  });
});
