/** What the home page shows: the region's reported figures in the programme's frame, its map and charts. */
import type { Site } from '../buildSite.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { MapPayload } from '../map/buildMapPayload.ts';
import { dataFigures, dataTotals, figuresOf, frameFigures, type Pillar } from '../programmeFrame.ts';
import type { Place, PlaceSummary } from '../aggregate.ts';
import { childrenRows } from './placeView.ts';
import { buildCite, citeDataFigures, citedCharts, withCites, type Citable, type CitedDataFigure, type CitedDataset, type FigureCite } from './figureCite.ts';
import { buildPageFrame, withProvenance, type Charts, type PageFrame, type ShownReconciliation } from './pageFrame.ts';

export type HomeView = {
  frame: PageFrame;
  illustrative: boolean;
  code: string;
  overview: (ShownReconciliation & { cite: FigureCite })[];
  /**
   * While the region has no reported overview figure (a region just started): its totals computed
   * from the data, and its children (a city's counties, a county's towns) with theirs. Else empty.
   */
  totals: CitedDataFigure[];
  children: { place: Place; summary: PlaceSummary }[];
  /** The panel of the children's table, when it is shown. */
  childrenCite: Citable | undefined;
  pillars: { pillar: Pillar; figures: (ShownReconciliation & { cite: FigureCite })[]; extra: CitedDataFigure[] }[];
  /** Every reported figure about the region, for the reported-versus-computed chart. */
  reported: ShownReconciliation[];
  /** The reported-versus-computed chart's panel: the region's rows of reported.csv. */
  comparison: Citable;
  charts: Charts<CitedDataset>;
  map: MapPayload;
};

export function buildHomeView(site: Site, locale: Locale): HomeView {
  const code = site.region.code;
  const framed = frameFigures(site.report.reconciliation, code);
  const extra = dataFigures(site.summary(code));
  const computedOnly = framed.overview.length === 0;
  return {
    frame: buildPageFrame(site),
    illustrative: site.illustrative(code),
    code,
    overview: withCites(site, withProvenance(site.records, framed.overview)),
    totals: computedOnly ? citeDataFigures(site, code, dataTotals(site.summary(code))) : [],
    children: computedOnly ? site.region.childCodes.map((child) => ({ place: site.place(child), summary: site.summary(child) })) : [],
    childrenCite:
      computedOnly && site.region.childCodes.length > 0
        ? buildCite(site, code, { id: 'children', anchor: 'children', rows: childrenRows(site, site.region) })
        : undefined,
    pillars: framed.pillars.map(({ pillar, figures }) => ({
      pillar,
      figures: withCites(site, withProvenance(site.records, figures)),
      extra: citeDataFigures(site, code, extra[pillar]),
    })),
    reported: withProvenance(site.records, figuresOf(site.report.reconciliation, code)),
    comparison: buildCite(site, code, { id: 'reported-vs-computed', anchor: 'reported-vs-computed', rows: ['reported.csv'] }),
    charts: citedCharts(site, code),
    map: site.mapPayload(locale),
  };
}
