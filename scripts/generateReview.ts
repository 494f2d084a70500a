/**
 * npm run data:review -- --through 2021-11-30 [--in data] [--out data]
 *
 * Turns the illustrative data of one as-of date into an illustrative monthly review (按月调度) up
 * to a later date, the way staff would bring the data forward month by month, so that the default
 * data (or any initialised region's sample) has a second edition to show a changelog, an
 * old-edition banner and the feed with:
 * - edition.csv: the as-of date becomes --through, and the note says what this edition is.
 * - monthly.csv: every village gets a row for each whole month after the last month present whose
 *   last day is on or before --through. Income is this year to date (reset in January, never falling
 *   within a year), continuing the village's own pace; the stage follows its projects.
 * - projects.csv: two to four illustrative projects under construction open (在建 → 运营), never
 *   an official one.
 * - funds.csv: one correction, a whole number of 万元 moved between two illustrative funds of one
 *   village, so every total stays as reported and no project gets more than its investment.
 * Nothing else changes: reported.csv keeps the article's figures, talent and pairings stay.
 *
 * Determinism: the draws come from streams of their own (streamFor in generateSample.ts, named for
 * this step and the --through date), so the same input and date give byte-identical files.
 */
import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { editionTable, fundsTable, monthlyTable, projectsTable, TABLES } from '../src/read/tables.ts';
import type { Columns, Table } from '../src/read/field.ts';
import { lookUpTerm, PROVENANCES, SECTORS, STAGES } from '../src/model/vocabulary.ts';
import { addMonths, fromDayNumber, lastDayOfMonth, monthOfDate, monthRange, parseIsoDate, parseIsoMonth, toDayNumber } from '../src/model/calendar.ts';
import { formatHundredths, parseHundredthsText } from '../src/format/money.ts';
import { formatDate, formatMonth, formatYuan } from '../src/format/formatNumber.ts';
import type { CsvCell, CsvRow } from '../src/publish/toCsv.ts';
import type { Bilingual, Locale } from '../src/i18n/locale.ts';
import {
  between,
  dayBetween,
  monthlyNote,
  pick,
  readContext,
  roundTo,
  shuffle,
  type SOURCE,
  streamFor,
  uniform,
  villageStageOn,
  type PlannedProject,
} from './generateSample.ts';
import { readCsvRows, type CsvRecord } from './lib/readCsvRows.ts';
import { writeCsv } from './lib/writeCsv.ts';
import { runCommand, type CommandSpec } from './lib/command.ts';
import { DATA_PACKAGE_FILE, refreshDataPackage } from './lib/dataPackage.ts';

/** A project opens only after it has been under construction for about a season at least. */
const MIN_DAYS_BUILDING = 90;
/** 1万元 in fen: a correction moves a whole number of 万元 (1 to 10), as every illustrative fund is. */
const TEN_THOUSAND_FEN = 1_000_000n;

type Row<C extends Columns> = CsvRow<C>;

/**
 * The reviewed edition's note: after the article's edition for the region with a published source
 * (the default data), else after the illustrative data of the previous as-of date.
 */
function reviewNote(source: typeof SOURCE | undefined, asOf: string, through: string, span: Bilingual, opened: number): string {
  const done = {
    zh: `新增${span.zh}各嘎查村的月度数据，${opened}个项目转入运营，更正一笔资金。`,
    en: `monthly figures of every village for ${span.en}, ${opened} projects now operating and one fund corrected.`,
  };
  if (source === undefined) {
    return (
      `按月调度示意版本，截止${formatDate(through, 'zh-CN')}，接在截止${formatDate(asOf, 'zh-CN')}的示意数据之后：${done.zh}` +
      '除标注“官方”的行外，项目、资金、人才、包联和月度数据均为示意数据。' +
      ` / An illustrative monthly review edition as of ${formatDate(through, 'en')}, after the illustrative data as of ${formatDate(asOf, 'en')}: ${done.en} ` +
      'Except rows marked official, projects, funds, talent, pairings and monthly data are illustrative.'
    );
  }
  return (
    `按月调度示意版本，截止${formatDate(through, 'zh-CN')}，接在人民网内蒙古频道报道${source.title}（${formatDate(source.date, 'zh-CN')}）的版本之后：` +
    `${done.zh}报告数字仍是该报道公布的数字；` +
    '除标注“官方”的行（高勒庙村的项目和包联，来自报道）外，项目、资金、人才、包联和月度数据均为示意数据。' +
    ` / An illustrative monthly review edition as of ${formatDate(through, 'en')}, after the edition of the People’s Daily Online (Inner Mongolia) article of ${formatDate(source.date, 'en')}: ` +
    `${done.en} The reported figures are still the article's; ` +
    'except rows marked official (the Gaolemiao project and pairing, from the article), projects, funds, talent, pairings and monthly data are illustrative.'
  );
}

/** A plain row read back as the written row of its table: every column, in the table's order. */
function asRow<C extends Columns>(table: Table<C>, record: CsvRecord): Row<C> {
  return Object.fromEntries(Object.keys(table.columns).map((key) => [key, record[key] ?? ''])) as Row<C>;
}

const readTable = <C extends Columns>(dir: string, table: Table<C>): Row<C>[] => readCsvRows(join(dir, table.file)).map((record) => asRow(table, record));

const text = (cell: CsvCell): string => (cell === undefined || cell === null ? '' : String(cell));

/**
 * The whole months a review through `through` adds after `lastMonth`: each month after it whose last
 * day is on or before `through` (2021-09 through 2021-11-30 → 2021-10, 2021-11; through 2021-11-29
 * → 2021-10 only).
 */
export function monthsToAdd(lastMonth: string, through: string): string[] {
  const day = toDayNumber(through);
  const month = monthOfDate(through);
  const lastWhole = lastDayOfMonth(month) <= day ? month : addMonths(month, -1);
  return monthRange(addMonths(lastMonth, 1), lastWhole);
}

/** The reviewed months as both languages write them: 2021年10月–2021年11月 · Oct 2021–Nov 2021. */
function monthSpan(months: readonly string[]): Bilingual {
  const [first, last] = [months[0]!, months[months.length - 1]!];
  const span = (locale: Locale) => (first === last ? formatMonth(first, locale) : `${formatMonth(first, locale)}–${formatMonth(last, locale)}`);
  return { zh: span('zh-CN'), en: span('en') };
}

/** A project row as the sample planned it, enough for villageStageOn and monthlyNote: from its start, its current stage. */
function plannedFrom(row: Row<typeof projectsTable.columns>): PlannedProject {
  const stage = lookUpTerm(STAGES, text(row.stage));
  const sector = lookUpTerm(SECTORS, text(row.sector));
  if (stage === undefined || sector === undefined) {
    throw new Error(`projects.csv 中 ${text(row.project_id)} 的阶段或产业无法识别 · ${text(row.project_id)} in projects.csv has an unknown stage or sector`);
  }
  const start = toDayNumber(text(row.start_date));
  const income = text(row.expected_annual_net_income_yuan);
  return {
    id: text(row.project_id),
    villageCode: text(row.village_code),
    name: text(row.name),
    sector,
    investment: Number(parseHundredthsText(text(row.investment_yuan)) / 100n),
    income: income === '' ? undefined : Number(parseHundredthsText(income) / 100n),
    stage,
    start,
    milestones: [{ stage, from: start }],
    official: lookUpTerm(PROVENANCES, text(row.provenance)) !== 'illustrative',
  };
}

const isIllustrative = (cell: CsvCell): boolean => lookUpTerm(PROVENANCES, text(cell)) === 'illustrative';

/**
 * What a village earned a month lately: the mean of its last three months within the year (fewer in
 * the first months of a year), so a project that opened this summer counts as much as it earns now.
 * Year-to-date figures of months missing from the file fall back to the year's average.
 */
function recentPace(incomeIn: ReadonlyMap<string, number>, lastMonth: string): number {
  const yearToDate = incomeIn.get(lastMonth)!;
  const { month } = parseIsoMonth(lastMonth);
  const span = Math.min(3, month - 1);
  const before = span === 0 ? 0 : incomeIn.get(addMonths(lastMonth, -span));
  return before === undefined ? yearToDate / month : (yearToDate - before) / Math.max(span, 1);
}

export type ReviewSummary = {
  asOf: string;
  through: string;
  months: string[];
  /** Projects that opened, with the day they did. */
  opened: { id: string; day: string }[];
  correction: { from: string; to: string; yuan: string };
  rows: Record<string, number>;
};

export function generateReview(options: { inDir: string; outDir: string; through: string }): ReviewSummary {
  const { inDir, outDir, through } = options;
  try {
    parseIsoDate(through);
  } catch {
    throw new Error(`--through ${through} 不是日期，请写成 2021-11-30 · --through ${through} is not a date: write it as 2021-11-30`);
  }
  const ctx = readContext(inDir);
  if (through <= ctx.asOf) {
    throw new Error(
      `数据截止日期已是 ${ctx.asOf}，--through ${through} 须晚于它；按月调度已补到该日期，无需再运行 · ` +
        `The data is already as of ${ctx.asOf}; --through ${through} must be later (the review already reaches that date, nothing to add)`,
    );
  }
  const asOf = toDayNumber(ctx.asOf);
  const monthly = readTable(inDir, monthlyTable);
  const projectRows = readTable(inDir, projectsTable);
  const funds = readTable(inDir, fundsTable);

  const lastMonth = monthly.map((m) => text(m.month)).reduce((a, b) => (b > a ? b : a), '');
  if (lastMonth === '') throw new Error('monthly.csv 没有数据行，无从接续 · monthly.csv has no rows to continue');
  const months = monthsToAdd(lastMonth, through);
  if (months.length === 0) {
    throw new Error(
      `monthly.csv 已到 ${lastMonth}，截至 ${through} 没有结束的新整月可加 · monthly.csv already reaches ${lastMonth}; no further whole month ends by ${through}`,
    );
  }
  const lastEnd = lastDayOfMonth(months[months.length - 1]!);

  // Projects: a few that have been building for a season open on a day of the reviewed months, so
  // the last reviewed month already shows them operating.
  const projects = projectRows.map(plannedFrom);
  const projectRng = streamFor(`review projects.csv ${through}`);
  const candidates = projects.filter((p) => !p.official && p.stage === 'construction' && p.income !== undefined && p.start <= asOf - MIN_DAYS_BUILDING);
  const opening = shuffle(projectRng, candidates).slice(0, Math.min(candidates.length, between(projectRng, 2, 4)));
  if (opening.length < 2) throw new Error('没有足够的在建示意项目可转入运营 · too few illustrative projects under construction to open');
  const openedOn = new Map(opening.map((p) => [p.id, dayBetween(projectRng, asOf + 1, lastEnd)]));
  for (const p of opening) p.milestones.push({ stage: 'operating', from: openedOn.get(p.id)! });
  const newProjects = projectRows.map((row) => {
    const day = openedOn.get(text(row.project_id));
    if (day === undefined) return row;
    const date = fromDayNumber(day);
    return { ...row, stage: STAGES.operating.zh, note: `${date} 转入运营 · operating since ${date}` };
  });

  // Monthly: each village keeps the pace of its own year so far, plus what the newly opened
  // projects earn (a twelfth of their expected annual income, give or take).
  const monthlyRng = streamFor(`review monthly.csv ${through}`);
  const added: Row<typeof monthlyTable.columns>[] = [];
  for (const village of ctx.villages) {
    const own = projects.filter((p) => p.villageCode === village.code);
    const incomeIn = new Map(
      monthly.filter((m) => m.village_code === village.code).map((m) => [text(m.month), Number(parseHundredthsText(text(m.collective_income_yuan)) / 100n)]),
    );
    let yearToDate = incomeIn.get(lastMonth);
    if (yearToDate === undefined)
      throw new Error(`monthly.csv 中 ${village.code} 没有 ${lastMonth} 的数据 · ${village.code} has no row for ${lastMonth} in monthly.csv`);
    const pace = recentPace(incomeIn, lastMonth);
    for (const month of months) {
      const end = lastDayOfMonth(month);
      if (parseIsoMonth(month).month === 1) yearToDate = 0;
      const opened = opening.filter((p) => p.villageCode === village.code && openedOn.get(p.id)! <= end);
      const earning = opened.reduce((sum, p) => sum + ((p.income ?? 0) / 12) * uniform(monthlyRng, 0.6, 1.2), 0);
      yearToDate += Math.max(0, roundTo(pace * uniform(monthlyRng, 0.6, 1.4) + earning, 100));
      added.push({
        month,
        village_code: village.code,
        collective_income_yuan: yearToDate,
        stage: STAGES[villageStageOn(own, end)].zh,
        note: monthlyNote(own, end),
        provenance: PROVENANCES.illustrative.zh,
      });
    }
  }
  const newMonthly = [...monthly, ...added].sort(
    (a, b) => text(a.month).localeCompare(text(b.month)) || text(a.village_code).localeCompare(text(b.village_code)),
  );

  // Funds: one amount was booked to the wrong row of a village. Only illustrative rows without a
  // note take part (P0001's split keeps its note and its 2600万), and a row tied to a project
  // may receive only what the project's investment still leaves room for.
  const fundsRng = streamFor(`review funds.csv ${through}`);
  const amountOf = (row: Row<typeof fundsTable.columns>): bigint => parseHundredthsText(text(row.amount_yuan));
  const investmentOf = new Map(projects.map((p) => [p.id, BigInt(p.investment) * 100n]));
  const tiedTo = (id: string): bigint => funds.filter((f) => f.project_id === id).reduce((sum, f) => sum + amountOf(f), 0n);
  const movable = funds.filter((f) => isIllustrative(f.provenance) && text(f.note) === '');
  const moved = BigInt(between(fundsRng, 1, 10)) * TEN_THOUSAND_FEN;
  let correction: { from: Row<typeof fundsTable.columns>; to: Row<typeof fundsTable.columns> } | undefined;
  for (const from of shuffle(fundsRng, movable)) {
    if (amountOf(from) < moved * 2n) continue;
    const fits = movable.filter(
      (to) =>
        to !== from &&
        to.village_code === from.village_code &&
        (text(to.project_id) === '' || tiedTo(text(to.project_id)) + moved <= investmentOf.get(text(to.project_id))!),
    );
    if (fits.length === 0) continue;
    correction = { from, to: pick(fundsRng, fits) };
    break;
  }
  if (correction === undefined) throw new Error('找不到可以更正的一对示意资金 · no pair of illustrative funds can take the correction');
  const correctedIn = monthOfDate(through);
  const movedText = { zh: formatYuan(moved, 'zh-CN'), en: formatYuan(moved, 'en') };
  const [fromId, toId] = [text(correction.from.fund_id), text(correction.to.fund_id)];
  const newFunds = funds.map((row) => {
    if (row === correction.from) {
      return {
        ...row,
        amount_yuan: formatHundredths(amountOf(row) - moved),
        note: `${correctedIn} 更正：其中${movedText.zh}应记入 ${toId} · corrected in ${correctedIn}: ${movedText.en} of it belongs to ${toId}`,
      };
    }
    if (row === correction.to) {
      return {
        ...row,
        amount_yuan: formatHundredths(amountOf(row) + moved),
        note: `${correctedIn} 更正：含由 ${fromId} 移来的${movedText.zh} · corrected in ${correctedIn}: includes ${movedText.en} moved from ${fromId}`,
      };
    }
    return row;
  });

  const span = monthSpan(months);
  const edition = readTable(inDir, editionTable)[0]!;
  const note = reviewNote(ctx.profile.reported?.source, ctx.asOf, through, span, opening.length);

  const rows: Record<string, number> = {};
  const write = <C extends Columns>(table: Table<C>, tableRows: Row<C>[]): void => {
    writeCsv(join(outDir, table.file), table, tableRows);
    rows[table.file] = tableRows.length;
  };
  write(editionTable, [{ ...edition, as_of: through, note }]);
  write(projectsTable, newProjects);
  write(fundsTable, newFunds);
  write(monthlyTable, newMonthly);
  // Another folder gets the unchanged files too, so that it is a whole data folder of its own.
  if (resolve(outDir) !== resolve(inDir)) {
    for (const table of TABLES) if (rows[table.file] === undefined) copyFileSync(join(inDir, table.file), join(outDir, table.file));
  }
  return {
    asOf: ctx.asOf,
    through,
    months,
    opened: opening.map((p) => ({ id: p.id, day: fromDayNumber(openedOn.get(p.id)!) })),
    correction: { from: fromId, to: toId, yuan: formatHundredths(moved) },
    rows,
  };
}

const REVIEW: CommandSpec = {
  name: 'npm run data:review',
  summary: {
    zh: '把示意数据按月调度推进到 --through 日期：补上各嘎查村此后每个整月的数据，几个项目转入运营，更正一笔资金，并改写截止日期；会覆盖 edition、monthly、projects、funds 四个文件。',
    en: 'Brings the illustrative data forward to the --through date as a monthly review: each whole month after the last for every village, a few projects opening and one corrected fund, and the new as-of date; overwrites edition, monthly, projects and funds.',
  },
  options: {
    through: {
      type: 'string',
      value: '日期 date',
      description: { zh: '新的数据截止日期（必填，须晚于现在的截止日期）', en: 'The new as-of date (required; later than the current one)' },
      check: (value) => {
        try {
          parseIsoDate(value);
          return undefined;
        } catch {
          return { zh: '应为 YYYY-MM-DD 格式的日期', en: 'must be a date written YYYY-MM-DD' };
        }
      },
    },
    in: {
      type: 'string',
      default: 'data',
      value: '文件夹 folder',
      description: { zh: '读取数据的文件夹', en: 'The folder to read the data from' },
    },
    out: { type: 'string', value: '文件夹 folder', description: { zh: '写入的文件夹（默认同 --in）', en: 'The folder to write (the --in folder unless set)' } },
  },
  exitCodes: {
    1: { zh: '未能生成（例如截止日期已到 --through），原因见提示', en: 'nothing generated (such as data already as of --through); the message says why' },
  },
  examples: ['npm run data:review -- --through 2021-11-30', 'npm run data:review -- --through 2021-11-30 --in data --out /tmp/review'],
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runCommand(REVIEW, ({ values }, io) => {
    const through = values.through as string | undefined;
    if (through === undefined) {
      io.err('请用 --through 写明新的截止日期，如 --through 2021-11-30。 Give the new as-of date with --through, such as --through 2021-11-30.\n');
      return 2;
    }
    const inDir = resolve(values.in as string);
    const outDir = resolve((values.out as string | undefined) ?? inDir);
    const summary = generateReview({ inDir, outDir, through });
    io.out(
      `截止日期 ${summary.asOf} → ${summary.through}；新增月份 ${summary.months.join('、')} · As of ${summary.asOf} → ${summary.through}; months added: ${summary.months.join(', ')}\n`,
    );
    io.out(`转入运营 Opened: ${summary.opened.map((p) => `${p.id} (${p.day})`).join(', ')}\n`);
    io.out(`更正 Corrected: ${summary.correction.yuan} 元 yuan ${summary.correction.from} → ${summary.correction.to}\n`);
    for (const [file, rows] of Object.entries(summary.rows)) {
      io.out(`已写入 ${join(outDir, file)}（${rows} 行） · Wrote ${join(outDir, file)} (${rows} rows)\n`);
    }
    const described = join(outDir, DATA_PACKAGE_FILE);
    if (refreshDataPackage(outDir)) io.out(`已更新 ${described} · Updated ${described}\n`);
  });
}
