/**
 * What the pages about one part of the programme across the region show (projects, funds, talent,
 * pairings, the monthly review): the reported figures beside the data's, the charts, and the table;
 * for a large region (more villages than a page can carry, src/derive/regionSize.ts), each county's towns
 * with their totals instead of a row per project or village, the full table being the download.
 */
import { LEVEL_LENGTHS, townOf } from '../../model/divisionCode.ts';
import { talentByPlace, type Counted, type Place, type Summed } from '../aggregate.ts';
import type { Site } from '../buildSite.ts';
import { dataFigures, figuresAbout, figuresOf, type DataFigure, type Pillar } from '../programmeFrame.ts';
import type { RowKey } from '../rowSets.ts';
import type { MonthlyReview, Pairing, Sourced, Talent } from '../../read/tables.ts';
import type { FundSourceKind, TalentKind } from '../../model/vocabulary.ts';
import { buildCite, citeDataFigures, citedCharts, withCites, type Citable, type CitedDataFigure, type CitedDataset, type FigureCite } from './figureCite.ts';
import { buildPageFrame, withProvenance, type Charts, type PageFrame, type ShownReconciliation } from './pageFrame.ts';
import { countyGroups, titleOf, type CountyTowns } from './villagesView.ts';
import { LARGE_REGION_VILLAGES } from '../regionSize.ts';
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

/**
 * In a large region (above LARGE_REGION_VILLAGES villages), the page's table by county: each county (its city before it in
 * the title) with a row of totals per town, each town's page showing its own rows. The page's
 * `rows` and `towns` are then empty and its table's panel (`table`) is the full list as a download.
 */
export type ByCounty<T> = {
  /** How many villages and towns the region has. */
  villages: number;
  towns: number;
  counties: { county: Place; title: Place[]; rows: (T & { place: Place })[] }[];
};

/** The region's towns by county when it has more villages than `limit`, else undefined. */
function townsByCounty(site: Site, limit: number): CountyTowns[] | undefined {
  return site.villages.length > limit ? countyGroups(site) : undefined;
}

/** Each county's towns, each with what `row` makes of it. */
function byTown<T>(site: Site, groups: readonly CountyTowns[], row: (town: Place) => T): ByCounty<T> {
  return {
    villages: site.villages.length,
    towns: groups.reduce((sum, group) => sum + group.towns.length, 0),
    counties: groups.map(({ county, title, towns }) => ({ county, title, rows: towns.map((place) => ({ ...row(place), place })) })),
  };
}

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

/** A town's projects: how many, how many operating, and their planned investment. */
export type ProjectTotals = { projects: number; operating: number; investment: bigint };

export type ProjectsView = TopicView & {
  /** How many projects the region has. */
  count: number;
  rows: ProjectRow[];
  towns: Place[];
  byCounty: ByCounty<ProjectTotals> | undefined;
};

export function buildProjectsView(site: Site, limit = LARGE_REGION_VILLAGES): ProjectsView {
  const summary = site.summary(site.region.code);
  const topic = buildTopicView(site, pillarFigures(site, ['projects']), dataFigures(summary).projects, { anchor: 'projects-table', rows: ['projects.csv'] });
  const groups = townsByCounty(site, limit);
  if (groups !== undefined) {
    const byCounty = byTown(site, groups, (town): ProjectTotals => {
      const its = site.summary(town.code);
      return { projects: its.projects.length, operating: its.projectsByStage.find((s) => s.key === 'operating')?.value ?? 0, investment: its.investment };
    });
    return { ...topic, count: summary.projects.length, rows: [], towns: [], byCounty };
  }
  const projects = [...summary.projects].sort((a, b) => a.village_code.localeCompare(b.village_code) || a.project_id.localeCompare(b.project_id));
  return {
    ...topic,
    count: projects.length,
    rows: projectRows(projects, site.tree),
    towns: projectTowns(projects, site.place),
    byCounty: undefined,
  };
}

export type FundsView = TopicView & {
  total: bigint;
  /** How many fund rows the total adds up. */
  count: number;
  rows: (VillageRow & FundTotals)[];
  towns: Place[];
  byCounty: ByCounty<FundTotals> | undefined;
};

/** A village's or town's funds by source and in all. */
export type FundTotals = { bySource: Summed<FundSourceKind>; total: bigint };

export function buildFundsView(site: Site, limit = LARGE_REGION_VILLAGES): FundsView {
  const code = site.region.code;
  const summary = site.summary(code);
  const reported = figuresOf(site.report.reconciliation, code).filter((r) => r.key === 'funds_yuan');
  const enterpriseFunds = dataFigures(summary).enterprises.filter((f) => f.key === 'enterpriseFunds');
  const totals = (place: Place): FundTotals => {
    const its = site.summary(place.code);
    return { bySource: its.fundsBySource, total: its.fundsTotal };
  };
  const groups = townsByCounty(site, limit);
  return {
    ...buildTopicView(site, withProvenance(site.records, reported), enterpriseFunds, { anchor: 'funds-table', rows: ['villages.csv', 'funds.csv'] }),
    total: summary.fundsTotal,
    count: summary.funds.length,
    rows: groups !== undefined ? [] : villageRows(site).map((row) => ({ ...row, ...totals(row.village) })),
    towns: groups !== undefined ? [] : townPlaces(site),
    byCounty: groups === undefined ? undefined : byTown(site, groups, totals),
  };
}

/**
 * People counted at a place by kind and in all: by scale, a town's with its villages', and a place
 * above the towns only its own (`own`), so that the rows add up to the region's.
 */
export type TalentTotals = { byKind: Counted<TalentKind>; total: number; own: boolean };

export type TalentView = TopicView & {
  /** People supported, all kinds. */
  total: number;
  rows: { place: Place; townCode: string; byKind: Counted<TalentKind>; total: number }[];
  towns: Place[];
  /** By scale: also a group for each city (and the region) that counts talent itself, named by it. */
  byCounty: ByCounty<TalentTotals> | undefined;
};

/** Talent counted by places above the towns themselves (a county's own cadres), by county, city or the region. */
function talentAboveTowns(site: Site, talent: readonly Sourced<Talent>[]): Map<string, TalentTotals> {
  const above = talent.filter((row) => row.place_code.length < LEVEL_LENGTHS.town && site.tree.places.has(row.place_code));
  return new Map(talentByPlace(above).map(({ code, byKind, total }) => [code, { byKind, total, own: true }]));
}

/** By scale: each county's own count (when it has one) before its towns', and a group for each city or region counting itself. */
function talentByCounty(site: Site, groups: readonly CountyTowns[], talent: readonly Sourced<Talent>[]): ByCounty<TalentTotals> {
  const own = talentAboveTowns(site, talent);
  const byCounty = byTown(site, groups, (town): TalentTotals => {
    const its = site.summary(town.code).talentByKind;
    return { byKind: its, total: its.reduce((sum, k) => sum + k.value, 0), own: false };
  });
  const counties = byCounty.counties.map((group) => {
    const county = own.get(group.county.code);
    return county === undefined ? group : { ...group, rows: [{ ...county, place: group.county }, ...group.rows] };
  });
  const named = new Set(groups.map((group) => group.county.code));
  const cities = [...own]
    .filter(([code]) => !named.has(code))
    .map(([code, totals]) => ({ county: site.place(code), title: titleOf(site, code), rows: [{ ...totals, place: site.place(code) }] }));
  // A city's own count before its counties (codes sort a place before those under it).
  return { ...byCounty, counties: [...cities, ...counties].sort((a, b) => a.county.code.localeCompare(b.county.code)) };
}

export function buildTalentView(site: Site, limit = LARGE_REGION_VILLAGES): TalentView {
  const summary = site.summary(site.region.code);
  const groups = townsByCounty(site, limit);
  const rows = groups !== undefined ? [] : talentByPlace(summary.talent).map((row) => ({ ...row, place: site.place(row.code) }));
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
    byCounty: groups === undefined ? undefined : talentByCounty(site, groups, summary.talent),
  };
}

/** A town's villages, how many of them are paired with a unit, and how many with an enterprise. */
export type PairingTotals = { villages: number; paired: number; withEnterprise: number };

export type PairingsView = TopicView & {
  rows: (VillageRow & { pairing: Sourced<Pairing> | undefined })[];
  towns: Place[];
  byCounty: ByCounty<PairingTotals> | undefined;
};

export function buildPairingsView(site: Site, limit = LARGE_REGION_VILLAGES): PairingsView {
  const summary = site.summary(site.region.code);
  const extra = dataFigures(summary);
  const groups = townsByCounty(site, limit);
  const pairingOf = new Map((groups !== undefined ? [] : summary.pairings).map((p) => [p.village_code, p]));
  return {
    ...buildTopicView(
      site,
      pillarFigures(site, ['units', 'enterprises']),
      [...extra.units, ...extra.enterprises],
      { anchor: 'pairings-table', rows: ['villages.csv', 'pairings.csv'] },
      { anchor: 'pairings-reported-vs-computed', rows: ['reported-pairings'] },
    ),
    rows: groups !== undefined ? [] : villageRows(site).map((row) => ({ ...row, pairing: pairingOf.get(row.village.code) })),
    towns: groups !== undefined ? [] : townPlaces(site),
    byCounty:
      groups === undefined
        ? undefined
        : byTown(site, groups, (town): PairingTotals => {
            const its = site.summary(town.code);
            // A village has one pairing (its key), so villages paired are its rows.
            const paired = new Set(its.pairings.map((p) => p.village_code));
            return {
              villages: its.villages,
              paired: paired.size,
              withEnterprise: new Set(its.pairings.filter((p) => p.enterprise_name !== undefined).map((p) => p.village_code)).size,
            };
          }),
  };
}

export type MonthlyView = TopicView & {
  /** The latest month of the review; undefined when there is none. */
  latest: string | undefined;
  /** Each village's review in the latest month and in the month before, and whether its stage changed. */
  rows: (VillageRow & { review: Sourced<MonthlyReview> | undefined; before: Sourced<MonthlyReview> | undefined; changed: boolean })[];
  towns: Place[];
  byCounty: ByCounty<MonthlyTotals> | undefined;
};

/** A town's villages reviewed in the latest month, their collective income, and how many changed stage since the month before. */
export type MonthlyTotals = { reviewed: number; income: bigint; changed: number };

/** Each village's review of a month, by village code. */
const reviewsIn = (monthly: readonly Sourced<MonthlyReview>[], month: string | undefined) =>
  new Map(monthly.filter((m) => m.month === month).map((m) => [m.village_code, m]));

export function buildMonthlyView(site: Site, limit = LARGE_REGION_VILLAGES): MonthlyView {
  const summary = site.summary(site.region.code);
  const months = summary.incomeByMonth.map((p) => p.month);
  const latest = months.at(-1);
  const topic = buildTopicView(site, [], dataFigures(summary).monthly, { anchor: 'monthly-table', rows: ['villages.csv', 'monthly-recent'] });
  const groups = townsByCounty(site, limit);
  if (groups !== undefined) {
    const byCounty = byTown(site, groups, (town): MonthlyTotals => {
      const its = site.summary(town.code).monthly;
      const now = reviewsIn(its, latest);
      const before = reviewsIn(its, months.at(-2));
      let income = 0n;
      let changed = 0;
      for (const [village, review] of now) {
        income += review.collective_income_yuan;
        const earlier = before.get(village);
        if (earlier !== undefined && earlier.stage !== review.stage) changed += 1;
      }
      return { reviewed: now.size, income, changed };
    });
    return { ...topic, latest, rows: [], towns: [], byCounty };
  }
  const latestReviews = reviewsIn(summary.monthly, latest);
  const previousReviews = reviewsIn(summary.monthly, months.at(-2));
  return {
    ...topic,
    latest,
    byCounty: undefined,
    rows: villageRows(site).map((row) => {
      const review = latestReviews.get(row.village.code);
      const before = previousReviews.get(row.village.code);
      return { ...row, review, before, changed: review !== undefined && before !== undefined && before.stage !== review.stage };
    }),
    towns: townPlaces(site),
  };
}
