/**
 * What the page of one place (region, town or village) shows, computed once from the site's data so
 * that PlaceView.astro only lays it out: its ancestors and children with their summaries, its
 * reported figures, monthly reviews in order, the comparison with its town, its seat and how
 * precisely its villages are located.
 */
import type { Place, PlaceSummary, PlaceTree } from './aggregate.ts';
import type { ChartDataset, ChartId } from './chartData.ts';
import { compareWithTown, type TownComparison } from './compareWithTown.ts';
import { dataFigures, type DataFigure, type Pillar } from './programmeFrame.ts';
import { isIllustrative, summaryIllustrative } from './provenance.ts';
import type { Reconciliation } from '../read/reconcile.ts';
import type { MonthlyReview, Pairing, Records, Sourced } from '../read/tables.ts';

/** What the builder reads; the Site of src/load/site.ts is one. */
export type PlaceViewSource = {
  tree: PlaceTree;
  records: Pick<Records, 'divisions'>;
  report: { reconciliation: readonly Reconciliation[] };
  summary: (code: string) => PlaceSummary;
  datasets: (code: string) => readonly ChartDataset[];
};

export type PlaceView = {
  code: string;
  place: Place;
  summary: PlaceSummary;
  isVillage: boolean;
  /** Whether the page carries the illustrative banner. */
  illustrative: boolean;
  /** From the top down; places above the region have no page. */
  ancestors: { place: Place; hasPage: boolean }[];
  parent: { place: Place; hasPage: boolean } | undefined;
  children: { place: Place; summary: PlaceSummary }[];
  reported: Reconciliation[];
  extra: Record<Pillar, DataFigure[]>;
  pairing: Sourced<Pairing> | undefined;
  /** This place's own reviews (a village's), oldest first. */
  monthly: Sourced<MonthlyReview>[];
  /** Every review shown is illustrative. */
  allIllustrative: boolean;
  /** A village beside the other villages of its town. */
  comparison: TownComparison | undefined;
  /** The seat divisions.csv gives, if any. */
  seat: { lon: number; lat: number } | undefined;
  /** How many of its villages have a surveyed point and how many stand at their town seat. */
  precisionCounts: { surveyed: number; townSeat: number };
  talentTotal: number;
  charts: Partial<Record<ChartId, ChartDataset>>;
};

export function buildPlaceView(site: PlaceViewSource, code: string): PlaceView {
  const { tree } = site;
  const placeOf = (target: string): Place => {
    const found = tree.places.get(target);
    if (found === undefined) throw new Error(`No place with code ${target}`);
    return found;
  };
  const hasPage = (target: string) => target.startsWith(tree.regionCode);
  const place = placeOf(code);
  const summary = site.summary(code);
  const isVillage = place.level === 'village';
  const parentPlace = place.parentCode === undefined ? undefined : tree.places.get(place.parentCode);
  const monthly = [...summary.monthly].filter((m) => m.village_code === code).sort((a, b) => a.month.localeCompare(b.month));
  const division = site.records.divisions.find((d) => d.code === code);
  const precisionOf = (c: string) => tree.places.get(c)?.village?.location_precision;
  return {
    code,
    place,
    summary,
    isVillage,
    illustrative: summaryIllustrative(summary),
    ancestors: place.ancestorCodes.map((ancestor) => ({ place: placeOf(ancestor), hasPage: hasPage(ancestor) })),
    parent: parentPlace === undefined ? undefined : { place: parentPlace, hasPage: hasPage(parentPlace.code) },
    children: place.childCodes.map((child) => ({ place: placeOf(child), summary: site.summary(child) })),
    reported: site.report.reconciliation.filter((r) => r.scopeCode === code),
    extra: dataFigures(summary),
    pairing: summary.pairings.find((p) => p.village_code === code),
    monthly,
    allIllustrative: monthly.length > 0 && monthly.every(isIllustrative),
    comparison: isVillage && parentPlace !== undefined ? compareWithTown(code, parentPlace.villageCodes.map((c) => site.summary(c))) : undefined,
    seat:
      division?.seat_lon_wgs84 !== undefined && division.seat_lat_wgs84 !== undefined
        ? { lon: division.seat_lon_wgs84, lat: division.seat_lat_wgs84 }
        : undefined,
    precisionCounts: {
      surveyed: place.villageCodes.filter((c) => precisionOf(c) === 'surveyed').length,
      townSeat: place.villageCodes.filter((c) => precisionOf(c) === 'town-seat').length,
    },
    talentTotal: summary.talentByKind.reduce((sum, k) => sum + k.value, 0),
    charts: Object.fromEntries(site.datasets(code).map((d) => [d.id, d])),
  };
}
