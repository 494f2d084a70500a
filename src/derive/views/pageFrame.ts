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

export type PageFrame = {
  csp: string;
  region: Place;
  edition: string;
  asOf: string;
};

export function buildPageFrame(site: Pick<Site, 'csp' | 'region' | 'edition' | 'asOf'>): PageFrame {
  return { csp: site.csp, region: site.region, edition: site.edition, asOf: site.asOf };
}

/** A reported figure as a page shows it: with whether the computed value rests on illustrative rows. */
export type ShownReconciliation = Reconciliation & { illustrative: boolean };

export function withProvenance(records: Records, figures: readonly Reconciliation[]): ShownReconciliation[] {
  return figures.map((figure) => ({ ...figure, illustrative: sourcesIllustrative(records, figure.sources) }));
}

/** A place's chart datasets by id, for the page to pick from. */
export type Charts = Partial<Record<ChartId, ChartDataset>>;

export function chartsById(datasets: readonly ChartDataset[]): Charts {
  const charts: Charts = {};
  // The first of an id wins, as a search by id would find it.
  for (const dataset of datasets) charts[dataset.id] ??= dataset;
  return charts;
}
