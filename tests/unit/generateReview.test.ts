import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateReview, monthsToAdd } from '../../scripts/generateReview.ts';
import { readCsvRows, type CsvRecord } from '../../scripts/lib/readCsvRows.ts';
import { listEditions } from '../../src/load/editions.ts';
import { TABLES } from '../../src/read/tables.ts';
import { fromDayNumber, lastDayOfMonth, monthOfDate, parseIsoDate, parseIsoMonth, toDayNumber } from '../../src/model/calendar.ts';

// The review starts from the article's edition as the fixture froze it (the default data's first
// edition) and is checked against the reviewed fixture itself; data/ is tested in tests/data.
const REGION = join(import.meta.dirname, '..', 'fixtures', 'region');
const FIRST = listEditions(join(REGION, 'editions'))[0]!;
const THROUGH = readCsvRows(join(REGION, 'edition.csv'))[0]!.as_of!;
/** The last day of the January after the first edition: a review that crosses a new year. */
const NEW_YEAR = fromDayNumber(lastDayOfMonth(`${parseIsoDate(FIRST.asOf).year + 1}-01`));

let temp: string;
const folder = (name: string): string => {
  const dir = join(temp, name);
  cpSync(join(REGION, 'editions', FIRST.id), dir, { recursive: true });
  return dir;
};
const rows = (dir: string, file: string): CsvRecord[] => readCsvRows(join(dir, file));
const yuan = (text: string | undefined): bigint => BigInt(text ?? 'NaN');
const sum = (records: CsvRecord[]): bigint => records.reduce((total, f) => total + yuan(f.amount_yuan), 0n);

let before: string;
let reviewed: string;
let again: string;
let yearEnd: string;

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'review-'));
  before = folder('before');
  reviewed = folder('reviewed');
  again = folder('again');
  yearEnd = folder('new-year');
  generateReview({ inDir: reviewed, outDir: reviewed, through: THROUGH });
  generateReview({ inDir: before, outDir: again, through: THROUGH });
  generateReview({ inDir: yearEnd, outDir: yearEnd, through: NEW_YEAR });
});

afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('npm run data:review', () => {
  it('is deterministic: the same data and date give byte-identical files, those of the fixture', () => {
    expect(THROUGH > FIRST.asOf).toBe(true);
    for (const table of TABLES) {
      const bytes = readFileSync(join(reviewed, table.file));
      expect(bytes.equals(readFileSync(join(again, table.file))), table.file).toBe(true);
      expect(bytes.equals(readFileSync(join(REGION, table.file))), table.file).toBe(true);
    }
  });

  it('changes only edition, monthly, projects and funds, and keeps every monthly row it had', () => {
    const changed = TABLES.filter((t) => !readFileSync(join(before, t.file)).equals(readFileSync(join(reviewed, t.file)))).map((t) => t.file);
    expect(changed.sort()).toEqual(['edition.csv', 'funds.csv', 'monthly.csv', 'projects.csv']);
    const now = new Set(readFileSync(join(reviewed, 'monthly.csv'), 'utf8').split('\n'));
    for (const line of readFileSync(join(before, 'monthly.csv'), 'utf8').split('\n')) expect(now.has(line), line).toBe(true);
  });

  it('moves the as-of date to --through, with a note in both languages, and no date goes beyond it', () => {
    for (const [dir, through] of [
      [reviewed, THROUGH],
      [yearEnd, NEW_YEAR],
    ] as const) {
      const [edition] = rows(dir, 'edition.csv');
      expect(edition?.as_of).toBe(through);
      expect(edition?.note).toMatch(/示意.*官方.* \/ .*illustrative.*official/);
      const dates = [
        ...rows(dir, 'projects.csv').flatMap((p) => [p.start_date, /^(\d{4}-\d{2}-\d{2}) /.exec(p.note ?? '')?.[1]]),
        ...rows(dir, 'funds.csv').map((f) => f.date),
        ...rows(dir, 'pairings.csv').map((p) => p.since),
        ...rows(dir, 'talent.csv').map((t) => t.as_of),
        ...rows(dir, 'reported.csv').flatMap((r) => [r.as_of, r.source_date]),
      ].filter((date): date is string => date !== undefined && date !== '');
      for (const date of dates) expect(date <= through, date).toBe(true);
      for (const m of rows(dir, 'monthly.csv')) expect(lastDayOfMonth(m.month!) <= lastDayOfMonth(monthOfDate(through)), m.month).toBe(true);
    }
  });

  it('adds each whole month after the last one exactly once for every village', () => {
    const old = rows(before, 'monthly.csv');
    const lastMonth = old
      .map((m) => m.month!)
      .sort()
      .at(-1)!;
    const added = monthsToAdd(lastMonth, THROUGH);
    expect(added.length).toBeGreaterThan(0);
    const villages = rows(before, 'villages.csv').map((v) => v.village_code);
    const monthly = rows(reviewed, 'monthly.csv');
    expect(monthly).toHaveLength(old.length + villages.length * added.length);
    expect(new Set(monthly.map((m) => `${m.month}|${m.village_code}`)).size).toBe(monthly.length);
    for (const month of added) {
      expect(
        monthly
          .filter((m) => m.month === month)
          .map((m) => m.village_code)
          .sort(),
        month,
      ).toEqual([...villages].sort());
      expect(
        monthly.filter((m) => m.month === month).every((m) => m.provenance === '示意'),
        month,
      ).toBe(true);
    }
  });

  it('counts only months that have ended by --through', () => {
    expect(monthsToAdd('2021-09', '2021-11-30')).toEqual(['2021-10', '2021-11']);
    expect(monthsToAdd('2021-09', '2021-11-29')).toEqual(['2021-10']);
    expect(monthsToAdd('2021-09', '2021-10-20')).toEqual([]);
    expect(monthsToAdd('2021-11', '2022-02-28')).toEqual(['2021-12', '2022-01', '2022-02']);
  });

  it('refuses to run again with the same date, or with no whole month to add, and leaves the files as they were', () => {
    const files = TABLES.map((t) => readFileSync(join(reviewed, t.file)));
    expect(() => generateReview({ inDir: reviewed, outDir: reviewed, through: THROUGH })).toThrow(/须晚于.*must be later/);
    TABLES.forEach((t, i) => expect(readFileSync(join(reviewed, t.file)).equals(files[i]!), t.file).toBe(true));
    // The day after the first edition: the month it falls in has not ended.
    const soon = fromDayNumber(toDayNumber(FIRST.asOf) + 1);
    expect(() => generateReview({ inDir: before, outDir: join(temp, 'unused'), through: soon })).toThrow(/没有结束的新整月.*no further whole month/);
    expect(() => generateReview({ inDir: before, outDir: join(temp, 'unused'), through: '2021-02-30' })).toThrow(/不是日期.*not a date/);
  });

  it('keeps year-to-date income from falling within a year, and starts it again in January', () => {
    const lastBefore = rows(before, 'monthly.csv')
      .map((m) => m.month!)
      .sort()
      .at(-1)!;
    for (const dir of [reviewed, yearEnd]) {
      const byVillage = new Map<string, CsvRecord[]>();
      for (const m of rows(dir, 'monthly.csv')) byVillage.set(m.village_code!, [...(byVillage.get(m.village_code!) ?? []), m]);
      for (const [code, series] of byVillage) {
        series.sort((a, b) => a.month!.localeCompare(b.month!));
        series.slice(1).forEach((row, i) => {
          const previous = series[i]!;
          const income = yuan(row.collective_income_yuan);
          if (parseIsoMonth(row.month!).year === parseIsoMonth(previous.month!).year) {
            expect(income >= yuan(previous.collective_income_yuan), `${code} ${row.month}`).toBe(true);
          } else if (row.month! > lastBefore) {
            // A January the review adds holds one month's income: carried on from December, it could
            // not be less than December's. (The sample's own Januaries are tested in tests/data.)
            expect(income < yuan(previous.collective_income_yuan), `${code} ${row.month}`).toBe(true);
          }
        });
      }
    }
    expect(rows(yearEnd, 'monthly.csv').some((m) => m.month === monthOfDate(NEW_YEAR))).toBe(true);
  });

  it('opens two to four illustrative projects under construction, never an official one, and the monthly stage shows them', () => {
    const old = new Map(rows(before, 'projects.csv').map((p) => [p.project_id, p]));
    const opened = rows(reviewed, 'projects.csv').filter((p) => p.stage !== old.get(p.project_id)?.stage);
    expect(opened.length).toBeGreaterThanOrEqual(2);
    expect(opened.length).toBeLessThanOrEqual(4);
    const lastMonth = rows(reviewed, 'monthly.csv')
      .map((m) => m.month!)
      .sort()
      .at(-1)!;
    for (const p of opened) {
      expect(old.get(p.project_id)).toMatchObject({ stage: '在建', provenance: '示意' });
      expect(p).toMatchObject({ stage: '运营', provenance: '示意' });
      expect(p.note).toMatch(/转入运营 · operating since/);
      const month = rows(reviewed, 'monthly.csv').find((m) => m.month === lastMonth && m.village_code === p.village_code);
      expect(month?.stage, p.project_id).toBe('运营');
    }
    expect(rows(reviewed, 'projects.csv').filter((p) => p.provenance === '官方')).toEqual([...old.values()].filter((p) => p.provenance === '官方'));
  });

  it('corrects one fund into another of the same village: a whole number of 万元, the total and every project within bounds', () => {
    const old = rows(before, 'funds.csv');
    const now = rows(reviewed, 'funds.csv');
    expect(sum(now)).toBe(sum(old));
    const reported = rows(before, 'reported.csv').find((r) => r.key === 'funds_yuan');
    expect(sum(now)).toBe(yuan(reported?.value));
    const changed = now.filter((f, i) => f.amount_yuan !== old[i]!.amount_yuan || f.note !== old[i]!.note);
    expect(changed).toHaveLength(2);
    expect(new Set(changed.map((f) => f.village_code)).size).toBe(1);
    for (const f of changed) {
      const was = old.find((o) => o.fund_id === f.fund_id)!;
      expect((yuan(f.amount_yuan) - yuan(was.amount_yuan)) % 10_000n).toBe(0n);
      expect(yuan(f.amount_yuan) > 0n).toBe(true);
      expect({ ...f, amount_yuan: was.amount_yuan, note: was.note }).toEqual(was);
      expect(f.provenance).toBe('示意');
      expect(f.note).toMatch(new RegExp(`^${monthOfDate(THROUGH)} 更正.* · corrected in ${monthOfDate(THROUGH)}`));
    }
    for (const p of rows(reviewed, 'projects.csv')) {
      expect(sum(now.filter((f) => f.project_id === p.project_id)) <= yuan(p.investment_yuan), p.project_id).toBe(true);
    }
  });
});

describe('npm run data:review on another region (乌审旗, 150626, started by init-region and data:sample)', () => {
  it('brings it forward with a note of its own, naming no article and no village of the default data, and it validates', async () => {
    const { initRegion } = await import('../../scripts/initRegion.ts');
    const { generateSample } = await import('../../scripts/generateSample.ts');
    const { loadDataDir } = await import('../../src/load/readDataDir.ts');
    const dir = join(temp, 'uxin');
    initRegion({ regionCode: '150626', asOf: '2024-12-31', outDir: dir });
    generateSample({ inDir: dir, outDir: dir });
    const summary = generateReview({ inDir: dir, outDir: dir, through: '2025-02-28' });
    expect(summary.months).toEqual(['2024-12', '2025-01', '2025-02']);
    const note = rows(dir, 'edition.csv')[0]!.note!;
    expect(note).toMatch(/^按月调度示意版本，截止2025年2月28日，接在截止2024年12月31日的示意数据之后/);
    expect(note).toMatch(/ \/ An illustrative monthly review edition as of .*2025.*, after the illustrative data as of /);
    expect(note).not.toMatch(/人民网|报道|article|高勒庙|Gaolemiao/);
    expect(loadDataDir(dir, { today: '2025-03-01' }).report.errors).toBe(0);
  }, 60_000);
});
