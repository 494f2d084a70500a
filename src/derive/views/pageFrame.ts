/**
 * What every page's frame shows, the same on every page: the Content-Security-Policy, the region
 * (site name, titles), and the edition and as-of date (footer). Every view model carries one.
 */
import type { Place } from '../aggregate.ts';
import type { Site } from '../buildSite.ts';
import { sourcesIllustrative } from '../provenance.ts';
import type { ChartDataset, ChartId } from '../chartData.ts';
import type { Reconciliation } from '../../read/reconcile.ts';
import type { Records } from '../../read/tables.ts';
import type { Level } from '../../model/divisionCode.ts';

/**
 * Which data the pages show: the live pages of released data, the live pages of data not yet released
 * (a preview: the last edition, if any, is named), or the frozen pages of one released edition, which
 * say when a later edition replaced it and link each page to its live twin.
 */
export type EditionStanding =
  { kind: 'released' } | { kind: 'unreleased'; last: string | undefined } | { kind: 'frozen'; latest: string | undefined; livePath: (path: string) => string };

export type PageFrame = {
  csp: string;
  region: Place;
  edition: string;
  asOf: string;
  standing: EditionStanding;
  /** The deepest level whose places have pictures and a social card (src/derive/regionSize.ts). */
  pictureLevel: Level;
};

export function buildPageFrame(site: Pick<Site, 'csp' | 'region' | 'edition' | 'asOf' | 'standing' | 'pictureLevel'>): PageFrame {
  return { csp: site.csp, region: site.region, edition: site.edition, asOf: site.asOf, standing: site.standing, pictureLevel: site.pictureLevel };
}

/** A reported figure as a page shows it: with whether the computed value rests on illustrative rows. */
export type ShownReconciliation = Reconciliation & { illustrative: boolean };

export function withProvenance(records: Records, figures: readonly Reconciliation[]): ShownReconciliation[] {
  return figures.map((figure) => ({ ...figure, illustrative: sourcesIllustrative(records, figure.sources) }));
}

/** A place's chart datasets by id, for the page to pick from. */
export type Charts<D extends ChartDataset = ChartDataset> = Partial<Record<ChartId, D>>;

export function chartsById<D extends ChartDataset>(datasets: readonly D[]): Charts<D> {
  const charts: Charts<D> = {};
  // The first of an id wins, as a search by id would find it.
  for (const dataset of datasets) charts[dataset.id] ??= dataset;
  return charts;
}
