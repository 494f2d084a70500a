/**
 * What the pages about one part of the programme across the region show (projects, funds, talent,
 * pairings, the monthly review): the reported figures beside the data's, the charts, and the table.
 */
import { townOf } from '../../model/divisionCode.ts';
import { talentByPlace, type Counted, type Place, type Summed } from '../aggregate.ts';
import type { Site } from '../buildSite.ts';
import { dataFigures, figuresAbout, figuresOf, type DataFigure, type Pillar } from '../programmeFrame.ts';
import type { RowKey } from '../rowSets.ts';
import type { MonthlyReview, Pairing, Sourced } from '../../read/tables.ts';
import type { FundSourceKind, TalentKind } from '../../model/vocabulary.ts';
import { buildCite, citeDataFigures, citedCharts, withCites, type Citable, type CitedDataFigure, type CitedDataset, type FigureCite } from './figureCite.ts';
import { buildPageFrame, withProvenance, type Charts, type PageFrame, type ShownReconciliation } from './pageFrame.ts';
import { areaPlaces, projectRows, projectTowns, townPlaces, villageRows, type ProjectRow, type VillageRow } from './tableRows.ts';

/** What every topic page shows above its own part. */
export type TopicView = {
  frame: PageFrame;
  illustrative: boolean;
  code: string;
  /** Reported figures, each shown beside the data's, with its panel. */
  reported: (ShownReconciliation & { cite: FigureCite })[];
  /** Figures only the data gives, each with its panel. */
  figures: CitedDataFigure[];
  charts: Charts<CitedDataset>;
  /** The panel of the page's table: the rows it shows. */
  table: Citable;
  /** The panel of the reported-versus-computed chart, on the pages that draw one. */
  comparison: Citable | undefined;
  /** The cities and counties under the region: the tables' first filters, before towns (none for a county). */
  areas: Place[];
};

function buildTopicView(
  site: Site,
  reported: ShownReconciliation[],
  figures: DataFigure[],
  table: { anchor: string; rows: RowKey[] },
  comparison?: { anchor: string; rows: RowKey[] },
): TopicView {
  const code = site.region.code;
  return {
    frame: buildPageFrame(site),
    illustrative: site.illustrative(code),
    code,
    reported: withCites(site, reported),
    figures: citeDataFigures(site, code, figures),
    charts: citedCharts(site, code),
    table: buildCite(site, code, { id: table.anchor, ...table }),
    comparison: comparison === undefined || reported.length === 0 ? undefined : buildCite(site, code, { id: comparison.anchor, ...comparison }),
    areas: areaPlaces(site),
  };
}

/** The region's reported figures about the given parts of the programme, in the frame's order. */
function pillarFigures(site: Site, pillars: readonly Pillar[]): ShownReconciliation[] {
  return withProvenance(site.records, figuresAbout(site.report.reconciliation, site.region.code, pillars));
}

export type ProjectsView = TopicView & { rows: ProjectRow[]; towns: Place[] };

export function buildProjectsView(site: Site): ProjectsView {
  const summary = site.summary(site.region.code);
  const projects = [...summary.projects].sort((a, b) => a.village_code.localeCompare(b.village_code) || a.project_id.localeCompare(b.project_id));
  return {
    ...buildTopicView(site, pillarFigures(site, ['projects']), dataFigures(summary).projects, { anchor: 'projects-table', rows: ['projects.csv'] }),
    rows: projectRows(projects, site.tree),
    towns: projectTowns(projects, site.place),
  };
}

export type FundsView = TopicView & {
  total: bigint;
  /** How many fund rows the total adds up. */
  count: number;
  rows: (VillageRow & { bySource: Summed<FundSourceKind>; total: bigint })[];
  towns: Place[];
};

export function buildFundsView(site: Site): FundsView {
  const code = site.region.code;
  const summary = site.summary(code);
  const reported = figuresOf(site.report.reconciliation, code).filter((r) => r.key === 'funds_yuan');
  const enterpriseFunds = dataFigures(summary).enterprises.filter((f) => f.key === 'enterpriseFunds');
  return {
    ...buildTopicView(site, withProvenance(site.records, reported), enterpriseFunds, { anchor: 'funds-table', rows: ['villages.csv', 'funds.csv'] }),
    total: summary.fundsTotal,
    count: summary.funds.length,
    rows: villageRows(site).map((row) => {
      const villageSummary = site.summary(row.village.code);
      return { ...row, bySource: villageSummary.fundsBySource, total: villageSummary.fundsTotal };
    }),
    towns: townPlaces(site),
  };
}

export type TalentView = TopicView & {
  /** People supported, all kinds. */
  total: number;
  rows: { place: Place; townCode: string; byKind: Counted<TalentKind>; total: number }[];
  towns: Place[];
};

export function buildTalentView(site: Site): TalentView {
  const summary = site.summary(site.region.code);
  const rows = talentByPlace(summary.talent).map((row) => ({ ...row, place: site.place(row.code) }));
  const towns = [...new Set(rows.map((row) => townOf(row.code)))].filter((town) => site.tree.places.has(town));
  return {
    ...buildTopicView(
      site,
      pillarFigures(site, ['talent']),
      [],
      { anchor: 'talent-table', rows: ['talent.csv'] },
      { anchor: 'talent-reported-vs-computed', rows: ['reported-talent'] },
    ),
    total: summary.talentByKind.reduce((sum, k) => sum + k.value, 0),
    rows: rows.map(({ place, byKind, total }) => ({ place, townCode: townOf(place.code), byKind, total })),
    towns: towns.map((town) => site.place(town)),
  };
}

export type PairingsView = TopicView & { rows: (VillageRow & { pairing: Sourced<Pairing> | undefined })[]; towns: Place[] };

export function buildPairingsView(site: Site): PairingsView {
  const summary = site.summary(site.region.code);
  const extra = dataFigures(summary);
  const pairingOf = new Map(summary.pairings.map((p) => [p.village_code, p]));
  return {
    ...buildTopicView(
      site,
      pillarFigures(site, ['units', 'enterprises']),
      [...extra.units, ...extra.enterprises],
      { anchor: 'pairings-table', rows: ['villages.csv', 'pairings.csv'] },
      { anchor: 'pairings-reported-vs-computed', rows: ['reported-pairings'] },
    ),
    rows: villageRows(site).map((row) => ({ ...row, pairing: pairingOf.get(row.village.code) })),
    towns: townPlaces(site),
  };
}

export type MonthlyView = TopicView & {
  /** The latest month of the review; undefined when there is none. */
  latest: string | undefined;
  /** Each village's review in the latest month and in the month before, and whether its stage changed. */
  rows: (VillageRow & { review: Sourced<MonthlyReview> | undefined; before: Sourced<MonthlyReview> | undefined; changed: boolean })[];
  towns: Place[];
};

export function buildMonthlyView(site: Site): MonthlyView {
  const summary = site.summary(site.region.code);
  const months = summary.incomeByMonth.map((p) => p.month);
  const latest = months.at(-1);
  const reviewOf = (month: string | undefined) => new Map(summary.monthly.filter((m) => m.month === month).map((m) => [m.village_code, m]));
  const latestReviews = reviewOf(latest);
  const previousReviews = reviewOf(months.at(-2));
  return {
    ...buildTopicView(site, [], dataFigures(summary).monthly, { anchor: 'monthly-table', rows: ['villages.csv', 'monthly-recent'] }),
    latest,
    rows: villageRows(site).map((row) => {
      const review = latestReviews.get(row.village.code);
      const before = previousReviews.get(row.village.code);
      return { ...row, review, before, changed: review !== undefined && before !== undefined && before.stage !== review.stage };
    }),
    towns: townPlaces(site),
  };
}
