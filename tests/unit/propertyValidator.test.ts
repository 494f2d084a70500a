import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { propertyRuns } from '../support/propertyRuns.ts';
import Papa from 'papaparse';
import { loadDataset, type Report } from '../../src/read/loadDataset.ts';
import { fundsTable, TABLES } from '../../src/read/tables.ts';
import type { AnyTable, Field, FieldKind } from '../../src/read/field.ts';

const SMALL = join(import.meta.dirname, '..', 'fixtures', 'small');
const small = new Map<string, Uint8Array>(readdirSync(SMALL).map((name) => [name, new Uint8Array(readFileSync(join(SMALL, name)))]));
const FILES = TABLES.map((table) => table.file);

// Seeded and bounded: the same cases on every run, in well under a few seconds.
const RUNS = propertyRuns(200);

function withFile(name: string, bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(small).set(name, bytes);
}

/** The report's promises that hold whatever the input: every row accounted for, every problem located and explained. */
function expectWellFormed(report: Report): void {
  for (const file of report.files) {
    expect(file.read, `${file.file}: read = accepted + rejected`).toBe(file.accepted + file.rejected);
    expect(file.accepted).toBeGreaterThanOrEqual(0);
    expect(file.rejected).toBeGreaterThanOrEqual(0);
  }
  for (const problem of report.problems) {
    expect(problem.file, JSON.stringify(problem)).toMatch(/\S/);
    expect(problem.message.zh, JSON.stringify(problem)).toMatch(/\S/);
    expect(problem.message.en, JSON.stringify(problem)).toMatch(/\S/);
    expect(problem.hint.zh, JSON.stringify(problem)).toMatch(/\S/);
    expect(problem.hint.en, JSON.stringify(problem)).toMatch(/\S/);
    if (problem.row !== undefined) expect(problem.row, JSON.stringify(problem)).toBeGreaterThanOrEqual(1);
  }
  expect(report.ok).toBe(report.problems.every((problem) => problem.severity !== 'error'));
}

const encoder = new TextEncoder();
const bytesOf = (...texts: string[]): number[] => texts.flatMap((text) => [...encoder.encode(text)]);

/** Bytes that look like a CSV often enough to reach the parser's corners: quotes, line breaks, BOMs, GBK, CJK. */
const csvLikeBytes = fc
  .array(
    fc.oneof(
      fc.constantFrom(...bytesOf(',', '"', '\n', '\r', ';', '\t', ' ', 'a', '1', '.')),
      fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xb4, 0xe5], [0xc3, 0x28], bytesOf('村'), bytesOf('３.７亿'), bytesOf('"",')),
      fc.integer({ min: 0, max: 255 }),
    ),
    { maxLength: 400 },
  )
  .map((parts) => new Uint8Array(parts.flat()));

const anyBytes = fc.oneof(fc.uint8Array({ maxLength: 2000 }), csvLikeBytes);

/** Cells as staff produce them, plus the awkward ones: quotes, commas, line breaks, full-width, CJK, empty. */
const cell = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({
    unit: fc.constantFrom(
      '"',
      ',',
      '\n',
      '\r\n',
      '\r',
      ' ',
      '\u3000',
      '，',
      '１',
      '２',
      '.',
      '高',
      '勒',
      '村',
      '亿',
      '万',
      '元',
      '-',
      '年',
      '月',
      '日',
      'F',
      '1',
      '5',
    ),
    maxLength: 12,
  }),
  fc.constantFrom('', ' ', '""', '150627101225', '150627', '2021-10-14', '2021年10月14日', '3.7亿', '80万元', '1,234.50', '-5', '包联企业', '示意', 'F1', 'P1'),
);

/** Values a column of each kind accepts, some of them keys of the small dataset, so rows pass the cell readers and meet the rules across files. */
const SOUND: Record<FieldKind, string[]> = {
  code: ['150627101225', '150627101212', '150627102200', '150627101', '150627', '150627109001'],
  id: ['P1', 'P2', 'P9', 'F1', 'F2'],
  text: ['高勒庙村', '税务局', '电信公司', '甲企业'],
  url: ['https://example.org/a'],
  money: ['80万', '1,234.50', '0', '3.7亿'],
  decimal: ['3', '2600万'],
  integer: ['0', '3'],
  number: ['109.77822', '39.248359', '200'],
  date: ['2021-10-14', '2020-05-01', '2022-01-01'],
  month: ['2021-08', '2021年9月'],
  enum: [],
};

/**
 * A table for any data file: each column under its canonical key or its Chinese header, or missing
 * (one time in six), in any order, plus arbitrary columns; under each header, mostly cells its column
 * accepts, so that rows are accepted often enough to reach the rules across files.
 */
const anyTable = fc.constantFrom(...(TABLES as readonly AnyTable[])).chain((t) => {
  const column = ([key, field]: [string, Field]) =>
    fc.oneof({ weight: 5, arbitrary: fc.constantFrom(key, field.meta.header).map((header) => [{ header, field }]) }, { weight: 1, arbitrary: fc.constant([]) });
  const cellFor = (field: Field) => {
    const sound = field.meta.vocabulary === undefined ? SOUND[field.meta.kind] : Object.values(field.meta.vocabulary).map((term) => term.zh);
    return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...sound) }, { weight: 1, arbitrary: fc.constant('') }, { weight: 1, arbitrary: cell });
  };
  const columns = Object.entries(t.columns);
  return fc
    .tuple(fc.tuple(...columns.map(column)), fc.array(cell, { maxLength: 2 }))
    .chain(([chosen, other]) => fc.shuffledSubarray(chosen.flat(), { minLength: chosen.flat().length }).map((known) => [known, other] as const))
    .chain(([known, other]) => {
      const row = fc.tuple(...known.map(({ field }) => cellFor(field)), ...other.map(() => cell));
      return fc.record({
        file: fc.constant(t.file),
        header: fc.constant([...known.map(({ header }) => header), ...other]),
        rows: fc.array(
          row.map((cells) => [...cells]),
          { maxLength: 30 },
        ),
      });
    });
});

describe('the validator on arbitrary input', () => {
  it('reads arbitrary bytes as any data file without crashing, accounting for every row', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FILES), anyBytes, (file, bytes) => {
        const { report } = loadDataset(withFile(file, bytes));
        expect(report.files.map((f) => f.file)).toEqual(FILES);
        expectWellFormed(report);
      }),
      RUNS,
    );
  });

  it('reads arbitrary tables as any data file, under any of its headers, and explains every problem in both languages', () => {
    fc.assert(
      fc.property(anyTable, fc.boolean(), ({ file, header, rows }, withHeader) => {
        const csv = Papa.unparse(withHeader ? [header, ...rows] : rows);
        const { report } = loadDataset(withFile(file, encoder.encode(csv)));
        expectWellFormed(report);
        for (const problem of report.problems) expect([...FILES, ...small.keys()]).toContain(problem.file);
      }),
      RUNS,
    );
  });

  it('counts an arbitrary table of full rows as rows read in funds.csv', () => {
    // Rows with a non-blank cell in every column cannot be blank lines, so each must be counted as read.
    const fullRow = fc.array(fc.string({ unit: fc.constantFrom('a', '高', '"', ',', '\n', '１'), minLength: 1, maxLength: 6 }), {
      minLength: Object.keys(fundsTable.columns).length,
      maxLength: Object.keys(fundsTable.columns).length,
    });
    fc.assert(
      fc.property(fc.array(fullRow, { maxLength: 20 }), (rows) => {
        const csv = Papa.unparse([Object.keys(fundsTable.columns), ...rows]);
        const { report } = loadDataset(withFile('funds.csv', encoder.encode(csv)));
        expect(report.files.find((f) => f.file === 'funds.csv')?.read).toBe(rows.length);
        expectWellFormed(report);
      }),
      RUNS,
    );
  });
});
