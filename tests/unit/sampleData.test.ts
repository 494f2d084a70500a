import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TABLES } from '../../src/read/tables.ts';
import { initRegion } from '../../scripts/initRegion.ts';
import { apportion, generateSample } from '../../scripts/generateSample.ts';
import { generateReview } from '../../scripts/generateReview.ts';
import { formatTableCsv } from '../../src/publish/toCsv.ts';
import { listEditions } from '../../src/load/editions.ts';
import { readCsvRows } from '../../scripts/lib/readCsvRows.ts';

const ROOT = join(import.meta.dirname, '..', '..');
// The full-region fixture is the default data as the scripts made it; data/ itself is tested in tests/data.
const REGION = join(ROOT, 'tests', 'fixtures', 'region');
const EDITIONS = join(REGION, 'editions');

describe('the scripts reproduce the full-region fixture', () => {
  it('initRegion and generateSample write the first edition, and generateReview the fixture, byte for byte, in an empty folder', () => {
    const out = mkdtempSync(join(tmpdir(), 'sample-'));
    const first = listEditions(EDITIONS)[0]!;
    try {
      // The county's own points (the fixture's geo/) and the national ones agree for 150627.
      initRegion({ regionCode: '150627', geoDir: join(REGION, 'geo'), outDir: out });
      generateSample({ inDir: out, outDir: out });
      // The article's own edition, frozen: its normalised files are the bytes the scripts write.
      for (const table of TABLES) {
        expect(readFileSync(join(out, table.file)).equals(readFileSync(join(EDITIONS, first.id, table.file))), table.file).toBe(true);
      }
      const through = readCsvRows(join(REGION, 'edition.csv'))[0]!.as_of!;
      if (through !== first.asOf) generateReview({ inDir: out, outDir: out, through });
      for (const table of TABLES) {
        expect(readFileSync(join(out, table.file)).equals(readFileSync(join(REGION, table.file))), table.file).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('generateSample on data reviewed past the article', () => {
  it('refuses, and says how to start again from the article’s day', () => {
    const out = mkdtempSync(join(tmpdir(), 'sample-'));
    try {
      cpSync(REGION, out, { recursive: true });
      expect(() => generateSample({ inDir: out, outDir: out })).toThrow(/init-region.*data:sample.*data:review/);
      for (const table of TABLES) expect(readFileSync(join(out, table.file)).equals(readFileSync(join(REGION, table.file))), table.file).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('helpers', () => {
  it.each([
    [344_000_000 / 10_000, [3, 1, 1, 1]],
    [10, [1, 1, 1]],
    [7, [0.2, 0.3, 0.5]],
  ] as const)('apportions %d into whole parts that add up exactly', (total, weights) => {
    const parts = apportion(total, weights);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
    const sum = weights.reduce((a, b) => a + b, 0);
    parts.forEach((part, i) => expect(Math.abs(part - (total * weights[i]!) / sum)).toBeLessThan(1));
  });

  it('writes a cell with a comma or quote in quotes and leaves others bare', () => {
    const [table] = TABLES;
    const text = formatTableCsv(table, [{ region_code: '150627', as_of: '2021-10-14', note: 'a, "b"' }]);
    expect(text).toBe('\uFEFFregion_code,as_of,note\n150627,2021-10-14,"a, ""b"""\n');
  });
});
