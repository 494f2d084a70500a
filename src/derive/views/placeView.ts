/**
 * What the page of one place (the region, a town or a village) shows: where it is and how precisely,
 * its figures, pairing, projects, funds, talent, monthly review, its children, and for a village how
 * it compares with the other villages of its town.
 */
import { isWithin } from '../../model/divisionCode.ts';
import { rowsWithin, type Place, type PlaceSummary } from '../aggregate.ts';
import type { Site } from '../buildSite.ts';
import type { TownComparison } from '../compareWithTown.ts';
import { dataFigures, figuresOf, type DataFigure, type Pillar } from '../programmeFrame.ts';
import { anyIllustrative, isIllustrative } from '../provenance.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { MapPayload } from '../map/buildMapPayload.ts';
import type { MonthlyReview, Pairing, Sourced } from '../../read/tables.ts';
import type { RowKey } from '../rowSets.ts';
import { buildCite, citedCharts, withCites, type Citable, type CitedDataset, type FigureCite } from './figureCite.ts';
import { buildPageFrame, withProvenance, type Charts, type PageFrame, type ShownReconciliation } from './pageFrame.ts';
import { projectRows, type ProjectRow } from './tableRows.ts';

/** A place linked from this one; only places in the region have a page. */
export type LinkedPlace = { place: Place; hasPage: boolean };

export type PlaceView = {
  frame: PageFrame;
  illustrative: boolean;
  place: Place;
  summary: PlaceSummary;
  isVillage: boolean;
  /** From the top of the division tree down to the place's parent. */
  ancestors: LinkedPlace[];
  parent: LinkedPlace | undefined;
  children: { place: Place; summary: PlaceSummary }[];
  reported: (ShownReconciliation & { cite: FigureCite })[];
  extra: Record<Pillar, DataFigure[]>;
  /** Whether each key figure rests on illustrative rows. */
  figuresIllustrative: { projects: boolean; funds: boolean; talent: boolean; pairings: boolean; latestStage: boolean };
  /** People supported, all kinds. */
  talentTotal: number;
  /** The town government's seat, when divisions.csv gives one. */
  seat: { lon: number; lat: number } | undefined;
  /** Villages under the place by how precisely they are located. */
  precisionCounts: { surveyed: number; townSeat: number; countySeat: number };
  map: MapPayload;
  /** A village's own pairing. */
  pairing: Sourced<Pairing> | undefined;
  projects: ProjectRow[];
  charts: Charts<CitedDataset>;
  /** The panels of the page's fact boxes and tables, each with the rows it shows; undefined where the page has none. */
  cites: PlaceCites;
  /** A village's own reviews, oldest first, each marked when its stage differs from the month before. */
  timeline: { review: Sourced<MonthlyReview>; changed: boolean }[];
  /** Every review of the timeline is illustrative: then one mark for all. */
  timelineIllustrative: boolean;
  comparison: TownComparison | undefined;
};

export type PlaceCites = {
  figures: Citable;
  location: Citable;
  pairing: Citable | undefined;
  projects: Citable | undefined;
  timeline: Citable | undefined;
  compare: Citable | undefined;
  children: Citable | undefined;
  /** The reported-versus-computed chart above village level: the place's rows of reported.csv. */
  reported: Citable | undefined;
};

/** The rows behind a table of a place's children: a town's villages' own rows, or each child's totals. */
export function childrenRows(site: Site, place: Place): RowKey[] {
  const villageChildren = place.childCodes.some((child) => site.place(child).level === 'village');
  return villageChildren ? ['projects.csv', 'funds.csv', 'monthly-each'] : ['villages.csv', 'projects.csv', 'funds.csv'];
}

/**
 * The rows behind each fact box and table of a place's page: the key figures (villages, projects,
 * funds, talent, and a village's latest stage), where it is, its pairing (a town's: its villages'
 * pairings and the funds of paired enterprises), its projects, a village's monthly timeline, how a
 * village compares with its town's villages (the town's rows), and its children (a village's latest
 * stage is its latest review).
 */
function placeCites(site: Site, place: Place, summary: PlaceSummary): PlaceCites {
  const code = place.code;
  const isVillage = place.level === 'village';
  const cite = (id: string, rows: RowKey[], rowsOf?: string) => buildCite(site, code, { id, anchor: id, rows, ...(rowsOf === undefined ? {} : { rowsOf }) });
  return {
    figures: cite(
      'figures',
      isVillage ? ['projects.csv', 'funds.csv', 'talent.csv', 'monthly.csv'] : ['villages.csv', 'projects.csv', 'funds.csv', 'talent.csv'],
    ),
    location: cite('location', place.level === 'town' ? ['divisions.csv', 'villages.csv'] : ['villages.csv']),
    pairing: isVillage
      ? summary.pairings.length === 0
        ? undefined
        : cite('pairing', ['pairings.csv'])
      : cite('pairing', ['pairings.csv', 'funds-enterprise']),
    projects: summary.projects.length > 0 && (isVillage || place.level === 'town') ? cite('projects', ['projects.csv']) : undefined,
    timeline: isVillage && summary.monthly.length > 0 ? cite('monthly', ['monthly.csv']) : undefined,
    compare:
      isVillage && place.parentCode !== undefined
        ? cite('compare', ['funds.csv', 'projects.csv', 'talent-below', 'monthly-latest'], place.parentCode)
        : undefined,
    children: place.childCodes.length === 0 ? undefined : cite('children', childrenRows(site, place)),
    // A village's reported figures each carry their own panel just above its chart; one more would
    // put the village page over its 25 KB budget.
    reported: !isVillage && rowsWithin(site.records).reported(code).length > 0 ? cite('place-reported-vs-computed', ['reported.csv']) : undefined,
  };
}

export function buildPlaceView(site: Site, code: string, locale: Locale): PlaceView {
  const place = site.place(code);
  const summary = site.summary(code);
  const isVillage = place.level === 'village';
  const linked = (target: Place): LinkedPlace => ({ place: target, hasPage: isWithin(target.code, site.region.code) });
  const parent = place.parentCode === undefined ? undefined : site.tree.places.get(place.parentCode);
  const monthly = [...summary.monthly].filter((m) => m.village_code === code).sort((a, b) => a.month.localeCompare(b.month));
  const seat = (() => {
    const division = rowsWithin(site.records).division(code);
    return division?.seat_lon_wgs84 !== undefined && division.seat_lat_wgs84 !== undefined
      ? { lon: division.seat_lon_wgs84, lat: division.seat_lat_wgs84 }
      : undefined;
  })();
  return {
    frame: buildPageFrame(site),
    illustrative: site.illustrative(code),
    place,
    summary,
    isVillage,
    ancestors: place.ancestorCodes.map((ancestor) => linked(site.place(ancestor))),
    parent: parent === undefined ? undefined : linked(parent),
    children: place.childCodes.map((child) => ({ place: site.place(child), summary: site.summary(child) })),
    reported: withCites(site, withProvenance(site.records, figuresOf(site.report.reconciliation, code))),
    extra: dataFigures(summary),
    figuresIllustrative: {
      projects: anyIllustrative(summary.projects),
      funds: anyIllustrative(summary.funds),
      talent: anyIllustrative(summary.talent),
      pairings: anyIllustrative(summary.pairings),
      latestStage: anyIllustrative(monthly.slice(-1)),
    },
    talentTotal: summary.talentByKind.reduce((sum, k) => sum + k.value, 0),
    seat,
    precisionCounts: {
      surveyed: place.villageCodes.filter((c) => site.tree.places.get(c)?.village?.location_precision === 'surveyed').length,
      townSeat: place.villageCodes.filter((c) => site.tree.places.get(c)?.village?.location_precision === 'town-seat').length,
      countySeat: place.villageCodes.filter((c) => ['county-seat', 'city-seat'].includes(site.tree.places.get(c)?.village?.location_precision ?? '')).length,
    },
    map: site.placeMap(code, locale),
    pairing: summary.pairings.find((p) => p.village_code === code),
    projects: projectRows(summary.projects, site.tree),
    charts: citedCharts(site, code),
    cites: placeCites(site, place, summary),
    timeline: monthly.map((review, index) => ({ review, changed: index > 0 && monthly[index - 1]?.stage !== review.stage })),
    timelineIllustrative: monthly.length > 0 && monthly.every(isIllustrative),
    comparison: site.townComparison(code),
  };
}
