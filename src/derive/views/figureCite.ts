/**
 * What a "cite and download" panel shows of anything a reader may quote: a reported headline figure, a
 * chart, a table or a place's fact box. Its anchor on the page, the place it is about, the edition to
 * cite (the latest released one on live pages, the page's own on an edition's pages, none on a
 * preview), exactly the data rows behind it, and how the place's reported figures drawn from the same
 * rows reconcile with the data.
 */
import type { Bilingual } from '../../i18n/locale.ts';
import type { Place } from '../aggregate.ts';
import type { Site } from '../buildSite.ts';
import type { ChartDataset } from '../chartData.ts';
import { figuresOf, type DataFigure } from '../programmeFrame.ts';
import { anyIllustrative } from '../provenance.ts';
import { englishName } from '../../format/placeName.ts';
import { chartsById, type Charts } from './pageFrame.ts';
import { CHART_ROWS, rowSet, type RowKey, type RowsBehind } from '../rowSets.ts';
import { figureId, type Reconciliation } from '../../read/reconcile.ts';
import { RECORD_KEYS, type Records } from '../../read/tables.ts';
import type { ReconcileStatus } from '../../model/vocabulary.ts';

export type { RowsBehind } from '../rowSets.ts';

/** A reported figure of the place drawn from the same rows, and whether the data agrees with it. */
export type Check = { label: Bilingual; status: ReconcileStatus };

export type Citable = {
  /** Names the thing in its citation key and its downloads' file names, the same in every build. */
  id: string;
  /** The element id on the page, for the permalink. */
  anchor: string;
  place: Place;
  /** The whole title, where the data gives it (a reported figure's label); else the page's words do, after the place's name. */
  title: Bilingual | undefined;
  /** The rows behind it, one set per data file (empty when it rests on no row). */
  rows: readonly RowsBehind[];
  checks: readonly Check[];
  /** Whether any row behind it is illustrative. */
  illustrative: boolean;
  /** Every record of the edition: the downloads' metadata (sources, licences) comes from them. */
  records: Records;
  /** The edition a citation names: undefined for data not released (a preview cites nothing frozen). */
  release: Site['release'];
};

export type FigureCite = Citable & { figure: Reconciliation; title: Bilingual };

type CiteSite = Pick<Site, 'records' | 'release' | 'place' | 'summary'> & { report: Pick<Site['report'], 'reconciliation'> };

/** The rows a figure was computed from, else (a figure the data does not compute) its own row of reported.csv. */
export function rowsBehind(records: Records, figure: Reconciliation): RowsBehind {
  const source = figure.sources.find((s) => s.rows.length > 0) ?? { file: 'reported.csv', rows: [figure.reportedRow] };
  const rows = new Set(source.rows);
  const all = records[RECORD_KEYS[source.file as keyof typeof RECORD_KEYS]] as unknown as RowsBehind['records'];
  return { file: source.file, records: all.filter((record) => rows.has(record.row)), path: figureFilePath(figureId(figure)) };
}

/** Where a reported figure's own downloads are, locale-neutral: `/data/figures/<id>` (.csv, .json). */
export const figureFilePath = (id: string): string => `/data/figures/${id}`;

export function buildFigureCite(site: Pick<Site, 'records' | 'release' | 'place'>, figure: Reconciliation): FigureCite {
  const id = figureId(figure);
  const place = site.place(figure.scopeCode);
  return {
    id,
    anchor: `figure-${id}`,
    place,
    title: { zh: `${place.name}：${figure.label.zh}`, en: `${englishName({ name: place.name, name_en: place.nameEn })}: ${figure.label.en}` },
    figure,
    rows: [rowsBehind(site.records, figure)],
    checks: [],
    illustrative: false,
    records: site.records,
    release: site.release,
  };
}

/** Figures as a page shows them, each with its panel. */
export function withCites<F extends Reconciliation>(site: Pick<Site, 'records' | 'release' | 'place'>, figures: readonly F[]): (F & { cite: FigureCite })[] {
  return figures.map((figure) => ({ ...figure, cite: buildFigureCite(site, figure) }));
}

/**
 * The place's own reported figures (not one project's) that are computed from the given files: what
 * a chart, table or fact drawn from those rows can be checked against.
 */
function checksOf(site: CiteSite, code: string, files: ReadonlySet<string>): Check[] {
  return figuresOf(site.report.reconciliation, code)
    .filter((r) => r.projectId === undefined && r.computed !== undefined && r.sources.some((s) => files.has(s.file)))
    .map((r) => ({ label: r.label, status: r.status }));
}

/**
 * A chart, table or fact of the place, drawn from the given rows of the place (or of `rowsOf`, the
 * place a comparison reads). `id` names it within the place (a chart's id, a table's or a section's
 * name); `anchor` is its element id on the page.
 */
export function buildCite(site: CiteSite, code: string, what: { id: string; anchor: string; rows: readonly RowKey[]; rowsOf?: string }): Citable {
  const from = what.rowsOf ?? code;
  const sets = [...new Map(what.rows.map((key) => rowSet(site, from, key)).map((set) => [set.path, set])).values()];
  return {
    id: `${code}-${what.id}`,
    anchor: what.anchor,
    place: site.place(code),
    title: undefined,
    rows: sets,
    checks: checksOf(site, from, new Set(sets.map((set) => set.file))),
    illustrative: sets.some((set) => anyIllustrative(set.records as readonly { provenance?: string }[])),
    records: site.records,
    release: site.release,
  };
}

/** A chart of a place with its panel: the rows it adds up, anchored at the chart's own figure. */
export type CitedDataset = ChartDataset & { cite: Citable };

export function citeChart(site: CiteSite, code: string, dataset: ChartDataset): CitedDataset {
  return { ...dataset, cite: buildCite(site, code, { id: dataset.id, anchor: dataset.id, rows: [CHART_ROWS[dataset.id]] }) };
}

/** Every chart of a place by id, each with its panel. */
export function citedCharts(site: CiteSite & Pick<Site, 'datasets'>, code: string): Charts<CitedDataset> {
  return chartsById(site.datasets(code).map((dataset) => citeChart(site, code, dataset)));
}

/** A figure only the data gives, with its panel: anchored `fact-<key>`. */
export type CitedDataFigure = DataFigure & { cite: Citable };

export function citeDataFigures(site: CiteSite, code: string, figures: readonly DataFigure[]): CitedDataFigure[] {
  return figures.map((figure) => ({ ...figure, cite: buildCite(site, code, { id: figure.key, anchor: `fact-${figure.key}`, rows: [figure.rows] }) }));
}
