/** What the home page shows: the region's reported figures in the programme's frame, its map and charts. */
import type { Site } from '../buildSite.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { MapPayload } from '../map/buildMapPayload.ts';
import { dataFigures, frameFigures, type Pillar } from '../programmeFrame.ts';
import { buildCite, citeDataFigures, citedCharts, withCites, type Citable, type CitedDataFigure, type CitedDataset, type FigureCite } from './figureCite.ts';
import { buildPageFrame, withProvenance, type Charts, type PageFrame, type ShownReconciliation } from './pageFrame.ts';

export type HomeView = {
  frame: PageFrame;
  illustrative: boolean;
  code: string;
  overview: (ShownReconciliation & { cite: FigureCite })[];
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
  return {
    frame: buildPageFrame(site),
    illustrative: site.illustrative(code),
    code,
    overview: withCites(site, withProvenance(site.records, framed.overview)),
    pillars: framed.pillars.map(({ pillar, figures }) => ({
      pillar,
      figures: withCites(site, withProvenance(site.records, figures)),
      extra: citeDataFigures(site, code, extra[pillar]),
    })),
    reported: withProvenance(
      site.records,
      site.report.reconciliation.filter((r) => r.scopeCode === code),
    ),
    comparison: buildCite(site, code, { id: 'reported-vs-computed', anchor: 'reported-vs-computed', rows: ['reported.csv'] }),
    charts: citedCharts(site, code),
    map: site.mapPayload(locale),
  };
}
