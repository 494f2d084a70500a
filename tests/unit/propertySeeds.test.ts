import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every fast-check run is seeded (tests/support/propertyRuns.ts), so a failure reproduces. This reads
 * each test file and finds every `fc.assert(…)` call whose options are not `propertyRuns(…)` or a
 * constant made by it (this file is left out: its examples are unseeded on purpose).
 */
const TESTS = join(import.meta.dirname, '..');

/** The text of each `fc.assert(` call's arguments after the property, matching brackets. */
export function assertOptions(code: string): string[] {
  const found: string[] = [];
  for (let start = code.indexOf('fc.assert('); start >= 0; start = code.indexOf('fc.assert(', start + 1)) {
    let depth = 0;
    let firstComma = -1;
    let quote: string | undefined;
    for (let at = start + 'fc.assert'.length; at < code.length; at += 1) {
      const c = code[at]!;
      if (quote !== undefined) {
        if (c === '\\') at += 1;
        else if (c === quote) quote = undefined;
      } else if (c === "'" || c === '"' || c === '`') quote = c;
      else if ('([{'.includes(c)) depth += 1;
      else if (')]}'.includes(c)) {
        depth -= 1;
        if (depth === 0) {
          found.push(
            firstComma < 0
              ? ''
              : code
                  .slice(firstComma + 1, at)
                  .trim()
                  .replace(/,$/, '')
                  .trim(),
          );
          break;
        }
      } else if (c === ',' && depth === 1 && firstComma < 0) firstComma = at;
    }
  }
  return found;
}

const seeded = (options: string, code: string): boolean =>
  /^propertyRuns\([^)]*\)$/.test(options) || (/^[A-Za-z_]+$/.test(options) && new RegExp(`\\b${options} = propertyRuns\\(`).test(code));

const files = readdirSync(TESTS, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts') && !name.includes('fixtures') && !name.endsWith('propertySeeds.test.ts'))
  .map((name) => join(TESTS, name));

describe('property runs', () => {
  it('finds the options of fc.assert calls, or their absence', () => {
    expect(assertOptions('fc.assert(fc.property(a, (x) => f(x, ")")), propertyRuns(5));')).toEqual(['propertyRuns(5)']);
    expect(assertOptions('fc.assert(fc.property(a, (x) => { g(x, 1); }));')).toEqual(['']);
    expect(seeded('{ numRuns: 5 }', '')).toBe(false);
    expect(seeded('RUNS', 'const RUNS = propertyRuns(200);')).toBe(true);
  });

  it('every fc.assert in tests/ is seeded', () => {
    const unseeded = files.flatMap((file) => {
      const code = readFileSync(file, 'utf8');
      return assertOptions(code)
        .filter((options) => !seeded(options, code))
        .map((options) => `${relative(TESTS, file)}: ${options || '(no options)'}`);
    });
    expect(unseeded).toEqual([]);
    expect(files.filter((file) => readFileSync(file, 'utf8').includes('fc.assert(')).length).toBeGreaterThan(5);
  });
});
