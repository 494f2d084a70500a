import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The tool's tests (tests/unit, tests/browser) run on tests/fixtures, never on data/: a county that
 * replaces data/ with its own still gets a green `npm test`. Tests of data/ live in tests/data.
 */
const TESTS = join(import.meta.dirname, '..');
const READS_DATA =
  /(['"]\.\.['"],\s*['"]\.\.['"],\s*['"]data['"])|(loadDataDir\(\s*\))|(loadDataDir\(\s*['"]\.?\/?data['"])|(join\(ROOT,\s*['"]data['"])|(resolve\(\s*['"]data['"])/;

describe("the tool's tests", () => {
  it('recognise a read of data/', () => {
    expect(READS_DATA.test("const DATA = join(import.meta.dirname, '..', '..', 'data');")).toBe(true);
    expect(READS_DATA.test("loadDataDir('data')")).toBe(true);
    expect(READS_DATA.test("join(ROOT, 'tests', 'fixtures', 'region')")).toBe(false);
  });

  it('never read data/', () => {
    const files = ['unit', 'browser'].flatMap((folder) =>
      readdirSync(join(TESTS, folder), { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.ts') && !name.endsWith('fixturesOnly.test.ts'))
        .map((name) => join(TESTS, folder, name)),
    );
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((file) => READS_DATA.test(readFileSync(file, 'utf8'))).map((file) => relative(TESTS, file))).toEqual([]);
  });
});
