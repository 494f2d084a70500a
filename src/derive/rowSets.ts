/**
 * The data rows behind what a page shows of one place: for each data file, the rows of the file in the
 * place and below it, exactly those src/derive/aggregate.ts adds up (talent: each place's latest count
 * of each kind), or a named part of them (a chart of the place's children leaves out the place's own
 * talent; a latest-month figure reads one month). Each set is published once, at
 * /data/rows/<code>/<name>.csv and .json (and in every edition), and shared by every chart, table and
 * fact of the place drawn from it, so a page links to a few files instead of one per chart.
 */
import type { Bilingual } from '../i18n/locale.ts';
import type { Records } from '../read/tables.ts';
import type { Site } from './buildSite.ts';
import type { ChartId } from './chartData.ts';
import { rowsWithin, type Place } from './aggregate.ts';
import { figuresAbout, type Pillar } from './programmeFrame.ts';

/** A data row with its spreadsheet row number (the header is row 1). */
export type Row = Record<string, unknown> & { readonly row: number };

/**
 * Rows of one data file behind a figure, where they are published (locale-neutral, without
 * extension), and what part of the file's rows in the place they are, when not all of them.
 */
export type RowsBehind = { file: string; records: readonly Row[]; path: string; part?: Bilingual | undefined };

/** The files a place's rows are published from. */
export const ROW_FILES = ['divisions.csv', 'villages.csv', 'projects.csv', 'funds.csv', 'talent.csv', 'pairings.csv', 'monthly.csv', 'reported.csv'] as const;
export type RowFile = (typeof ROW_FILES)[number];

type RowSite = Pick<Site, 'summary' | 'records' | 'place'> & { report: Pick<Site['report'], 'reconciliation'> };

type Part = { file: RowFile; description: Bilingual; select: (site: RowSite, code: string) => readonly Row[] };

const latestMonths = (site: RowSite, code: string, count: number) => {
  const summary = site.summary(code);
  const months = new Set(summary.incomeByMonth.slice(-count).map((p) => p.month));
  return summary.monthly.filter((m) => months.has(m.month));
};

/** The rows of reported.csv behind a place's reported figures about some parts of the programme. */
function reportedAbout(site: RowSite, code: string, pillars: readonly Pillar[]): readonly Row[] {
  const rows = new Set(figuresAbout(site.report.reconciliation, code, pillars).map((f) => f.reportedRow));
  return site.records.reported.filter((r) => rows.has(r.row));
}

/** Named parts of a file's rows in a place, each what one kind of figure reads. Published for towns and above. */
export const ROW_PARTS = {
  'talent-below': {
    file: 'talent.csv',
    description: { zh: '只含其下各地的行，不含本地自己的行', en: 'Only the rows of the places below it, not its own' },
    select: (site, code) => site.summary(code).talent.filter((t) => t.place_code !== code),
  },
  'monthly-latest': {
    file: 'monthly.csv',
    description: { zh: '最近一个月的调度', en: 'The reviews of the latest month' },
    select: (site, code) => latestMonths(site, code, 1),
  },
  'monthly-recent': {
    file: 'monthly.csv',
    description: { zh: '最近两个月的调度', en: 'The reviews of the latest two months' },
    select: (site, code) => latestMonths(site, code, 2),
  },
  'monthly-each': {
    file: 'monthly.csv',
    description: { zh: '每个嘎查村最近一次调度', en: 'Each village’s latest review' },
    select: (site, code) => {
      const latest = new Map<string, Row & { month: string }>();
      for (const review of site.summary(code).monthly) {
        const before = latest.get(review.village_code);
        if (before === undefined || review.month > before.month) latest.set(review.village_code, review);
      }
      return [...latest.values()];
    },
  },
  'pairings-enterprise': {
    file: 'pairings.csv',
    description: { zh: '有包联企业的嘎查村', en: 'Villages with a paired enterprise' },
    select: (site, code) => site.summary(code).pairings.filter((p) => p.enterprise_name !== undefined),
  },
  'reported-talent': {
    file: 'reported.csv',
    description: { zh: '关于人才的公布数字', en: 'The reported figures about talent' },
    select: (site, code) => reportedAbout(site, code, ['talent']),
  },
  'reported-pairings': {
    file: 'reported.csv',
    description: { zh: '关于包联的公布数字', en: 'The reported figures about pairings' },
    select: (site, code) => reportedAbout(site, code, ['units', 'enterprises']),
  },
  'funds-enterprise': {
    file: 'funds.csv',
    description: { zh: '来自包联企业的资金', en: 'Funds from paired enterprises' },
    select: (site, code) => site.summary(code).funds.filter((f) => f.source_kind === 'paired_enterprise'),
  },
} as const satisfies Record<string, Part>;
export type RowPart = keyof typeof ROW_PARTS;

/** Which rows: a whole file in the place, or a named part of it. */
export type RowKey = RowFile | RowPart;

/** One published set of rows: a file's rows in a place, or a part of them. */
export type RowSet = RowsBehind & {
  place: Place;
  /** The file's stem or the part's name: the download's name. */
  name: string;
  /** What part of the file's rows in the place it holds; undefined for all of them. */
  part: Bilingual | undefined;
};

export const rowSetPath = (code: string, name: string): string => `/data/rows/${code}/${name}`;

const byRow = (rows: readonly Row[]): Row[] => [...rows].sort((a, b) => a.row - b.row);

function allRows(site: RowSite, code: string, file: RowFile): readonly Row[] {
  const summary = site.summary(code);
  switch (file) {
    case 'divisions.csv':
      return rowsWithin(site.records).divisions(code);
    case 'villages.csv':
      return rowsWithin(site.records).villages(code);
    case 'projects.csv':
      return summary.projects;
    case 'funds.csv':
      return summary.funds;
    case 'talent.csv':
      return summary.talent;
    case 'pairings.csv':
      return summary.pairings;
    case 'monthly.csv':
      return summary.monthly;
    case 'reported.csv':
      // The place's own reported figures: what its reported-versus-computed chart draws.
      return rowsWithin(site.records).reported(code);
  }
}

const isPart = (key: RowKey): key is RowPart => key in ROW_PARTS;

/** Parts are published for towns and the places above them, whose pages and topic pages read them. */
const hasParts = (site: RowSite, code: string) => site.place(code).level !== 'village';

const found = new WeakMap<Records, Map<string, RowSet>>();

/**
 * The rows behind a figure of the place. A part holding every row of its file in the place is that
 * file's set, so the two share one download.
 */
export function rowSet(site: RowSite, code: string, key: RowKey): RowSet {
  let sets = found.get(site.records);
  if (sets === undefined) found.set(site.records, (sets = new Map<string, RowSet>()));
  const id = `${code}/${key}`;
  const known = sets.get(id);
  if (known !== undefined) return known;
  let set: RowSet;
  if (isPart(key)) {
    const { file, description, select } = ROW_PARTS[key] as Part;
    if (!hasParts(site, code)) throw new Error(`The rows ${key} are not published for ${code}`);
    const records = select(site, code);
    set =
      records.length === allRows(site, code, file).length
        ? rowSet(site, code, file)
        : { file, records: byRow(records), path: rowSetPath(code, key), place: site.place(code), name: key, part: description };
  } else {
    const name = key.replace(/\.csv$/, '');
    set = { file: key, records: byRow(allRows(site, code, key)), path: rowSetPath(code, name), place: site.place(code), name, part: undefined };
  }
  sets.set(id, set);
  return set;
}

/** Every set of rows the site publishes: each file's and each part's rows in every place, where there are any. */
export function rowSets(site: RowSite & Pick<Site, 'places'>): RowSet[] {
  const sets = new Map<string, RowSet>();
  for (const { code } of site.places) {
    const keys: RowKey[] = [...ROW_FILES, ...(hasParts(site, code) ? (Object.keys(ROW_PARTS) as RowPart[]) : [])];
    for (const key of keys) {
      const set = rowSet(site, code, key);
      if (set.records.length > 0) sets.set(set.path, set);
    }
  }
  return [...sets.values()];
}

/** The rows each chart of a place adds up (src/derive/chartData.ts): a chart of the children leaves out the place's own talent. */
export const CHART_ROWS: Readonly<Record<ChartId, RowKey>> = {
  'funds-by-child': 'funds.csv',
  'funds-by-source': 'funds.csv',
  'funds-over-time': 'funds.csv',
  'projects-by-sector': 'projects.csv',
  'projects-by-stage': 'projects.csv',
  'talent-by-kind': 'talent.csv',
  'talent-by-child': 'talent-below',
  'income-by-month': 'monthly.csv',
  'stages-by-month': 'monthly.csv',
};
