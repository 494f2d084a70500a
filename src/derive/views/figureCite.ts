/**
 * What a headline figure's "cite and download" panel shows: its anchor on the page, a title naming the
 * place, the edition to cite (the latest released one on live pages, the page's own on an edition's
 * pages, none on a preview), and exactly the data rows behind the figure.
 */
import type { Bilingual } from '../../i18n/locale.ts';
import type { Site } from '../buildSite.ts';
import { figureId, type Reconciliation } from '../../read/reconcile.ts';
import { RECORD_KEYS, type Records } from '../../read/tables.ts';

export type RowsBehind = { file: string; records: (Record<string, unknown> & { row: number })[] };

/** The rows a figure was computed from, else (a figure the data does not compute) its own row of reported.csv. */
export function rowsBehind(records: Records, figure: Reconciliation): RowsBehind {
  const source = figure.sources.find((s) => s.rows.length > 0) ?? { file: 'reported.csv', rows: [figure.reportedRow] };
  const rows = new Set(source.rows);
  const all = records[RECORD_KEYS[source.file as keyof typeof RECORD_KEYS]] as unknown as RowsBehind['records'];
  return { file: source.file, records: all.filter((record) => rows.has(record.row)) };
}

export type FigureCite = {
  id: string;
  /** The element id on the page, for the permalink. */
  anchor: string;
  title: Bilingual;
  figure: Reconciliation;
  rows: RowsBehind;
  /** Where the figure's downloads are, locale-neutral: `/data/figures/<id>.csv` and `.json`. */
  csvPath: string;
  jsonPath: string;
  /** Every record of the edition: the downloads' metadata (sources, licences) comes from them. */
  records: Records;
  /** The edition a citation names: undefined for data not released (a preview cites nothing frozen). */
  release: Site['release'];
};

export const figureFilePath = (id: string, extension: 'csv' | 'json'): string => `/data/figures/${id}.${extension}`;

export function buildFigureCite(site: Pick<Site, 'records' | 'release' | 'place'>, figure: Reconciliation): FigureCite {
  const id = figureId(figure);
  const place = site.place(figure.scopeCode);
  return {
    id,
    anchor: `figure-${id}`,
    title: { zh: `${place.name}：${figure.label.zh}`, en: `${place.nameEn ?? place.name}: ${figure.label.en}` },
    figure,
    rows: rowsBehind(site.records, figure),
    records: site.records,
    csvPath: figureFilePath(id, 'csv'),
    jsonPath: figureFilePath(id, 'json'),
    release: site.release,
  };
}

/** Figures as a page shows them, each with its panel. */
export function withCites<F extends Reconciliation>(site: Pick<Site, 'records' | 'release' | 'place'>, figures: readonly F[]): (F & { cite: FigureCite })[] {
  return figures.map((figure) => ({ ...figure, cite: buildFigureCite(site, figure) }));
}
