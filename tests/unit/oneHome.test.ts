/**
 * One home per concept (issue 13): each concept below is defined in exactly one module, and these
 * checks grep the code for the shapes its former twins had, so a new copy fails here instead of
 * drifting quietly. Each check names the one home to use instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FOLDERS = ['src', 'scripts', 'tests'];
const EXTRA_FILES = ['astro.config.mjs'];

const files = [
  ...FOLDERS.flatMap((folder) =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|astro|mjs)$/.test(file))
      .map((file) => join(folder, file)),
  ),
  ...EXTRA_FILES,
].filter((file) => file !== join('tests', 'unit', 'oneHome.test.ts'));
const texts = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));

/** The files other than `home` (and its unit test) that match any of the patterns. */
function copiesOutside(home: string | readonly string[], patterns: readonly RegExp[], within: readonly string[] = FOLDERS): string[] {
  const homes = (typeof home === 'string' ? [home] : home).flatMap((file) => [file, join('tests', 'unit', `${basename(file, extname(file))}.test.ts`)]);
  return [...texts]
    .filter(([file]) => !homes.includes(file) && (within.some((folder) => file.startsWith(`${folder}/`)) || within.includes(file)))
    .flatMap(([file, text]) => patterns.filter((pattern) => pattern.test(text)).map((pattern) => `${file} ${pattern}`));
}

describe('one home per concept', () => {
  it('money to text: src/format/money.ts', () => {
    expect(
      copiesOutside('src/format/money.ts', [
        /fenToYuanString|yuanStringToFen/,
        /% 100n\)?\.toString\(\)\.padStart/,
        /String\([a-z]+ % 100n\)/,
        /function formatHundredths\b/,
      ]),
    ).toEqual([]);
  });

  it('division codes and levels: src/model/divisionCode.ts', () => {
    expect(
      copiesOutside('src/model/divisionCode.ts', [
        /[cC]ode[\w!?]*\.slice\(0, (2|4|6|9|12)\)/, // townOf, countyOf, ancestorAt
        /\[2, 4, 6/, // LEVEL_LENGTHS
        /\{ ?2: '/,
        /[cC]ode\??\.length === (2|4|6|9|12)\b/, // isLevel
        /[cC]ode[\w!?]*\.startsWith\(/, // isWithin
        /\.startsWith\([\w.]*(region|Region|scope)/,
        /function levelOf\b|function parentCode\b/,
      ]),
    ).toEqual([]);
  });

  it('reconciliation status: RECONCILE_STATUSES and judgeFigure in src/model/vocabulary.ts', () => {
    expect(
      copiesOutside(
        'src/model/vocabulary.ts',
        [/'within-bound'|'equal'|^\s*equal:|ComparisonStatus/m, /=== 'at-least' && computed/, /'matches' \| 'at-least'/],
        ['src', 'scripts'],
      ),
    ).toEqual([]);
  });

  it('the published folder: DIST_DIR, read in scripts/lib/publish.ts and astro.config.mjs only', () => {
    expect(copiesOutside(['scripts/lib/publish.ts', 'astro.config.mjs'], [/OUT_DIR/, /process\.env\.DIST_DIR/], [...FOLDERS, ...EXTRA_FILES])).toEqual([]);
  });

  it('the {placeholder} filler: fill in src/i18n/fill.ts', () => {
    expect(copiesOutside('src/i18n/fill.ts', [/replace\(\/\\\{\(\\w\+\)\\\}\/g/, /function fill(Template|Label)?\b/])).toEqual([]);
  });

  it('the Locale and Bilingual types: src/i18n/locale.ts', () => {
    expect(copiesOutside('src/i18n/locale.ts', [/'zh-CN' \| 'en'/, /type (Locale|Bilingual) =/, /\{ zh: string; en: string \}/])).toEqual([]);
  });

  it('the CSV writer: src/publish/toCsv.ts (scripts/lib/writeCsv.ts only puts its text on disk)', () => {
    expect(copiesOutside('src/publish/toCsv.ts', [/const BOM =/, /function formatCsv\b/, /Papa\.unparse\(\{ fields/], ['src', 'scripts'])).toEqual([]);
  });

  it('digit grouping: Intl.NumberFormat in src/format/formatNumber.ts, no hand-written grouping', () => {
    expect(copiesOutside('src/format/formatNumber.ts', [/\(\?=\(\\d\{3\}\)/, /function groupDigits\b/], ['src', 'scripts'])).toEqual([]);
    expect(texts.get('src/format/formatNumber.ts')).not.toMatch(/\(\?=\(\\d\{3\}\)/);
  });

  it('the calendar: src/model/calendar.ts, on d3-time (cell text is parsed in read/, dates reckoned there)', () => {
    expect(
      copiesOutside(
        'src/model/calendar.ts',
        [
          /Date\.UTC|new Date\(|86_?400_?000/,
          /function (isLeapYear|daysInMonth|daysFromCivil|parseIsoDate|toDayNumber|monthRange)\b/,
          /% 400 === 0/,
          /(date|asOf)\.slice\(0, 7\)/,
        ],
        ['src', 'scripts'],
      ),
    ).toEqual([]);
  });

  it("the data scripts' CSV reader: scripts/lib/readCsvRows.ts", () => {
    expect(copiesOutside('scripts/lib/readCsvRows.ts', [/function readRows\b/, /Papa\.parse<Record<string, string>>/], ['scripts'])).toEqual([]);
  });
});
