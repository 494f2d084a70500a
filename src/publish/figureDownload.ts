/**
 * The downloads behind what a reader may cite: exactly the data rows a headline figure was added up
 * from (rowsBehind), or a place's rows of one data file that its charts, tables and facts are drawn
 * from (src/derive/rowSets.ts). Each as CSV in the file's own columns (UTF-8 with BOM, formula-safe,
 * as every published CSV: the rows alone, so any spreadsheet or parser reads it) and as JSON that
 * holds the same cells and also says what a citation needs: title, unit, source, licence, edition,
 * as-of and notes.
 */
import { buildFigureCite, type Citable, type FigureCite, type RowsBehind } from '../derive/views/figureCite.ts';
import { rowSets, type RowSet } from '../derive/rowSets.ts';
import type { Site } from '../derive/buildSite.ts';
import { TABLES, type Records } from '../read/tables.ts';
import type { AnyTable } from '../read/field.ts';
import { formatHundredths } from '../format/money.ts';
import { englishName } from '../format/placeName.ts';
import type { Bilingual } from '../i18n/locale.ts';
import { formatSources } from './reconciliationCsv.ts';
import { toCellTexts, toCsv } from './toCsv.ts';
import { packageOptions } from './packageOptions.ts';

export type FigureDownload = { csv: string; json: string };

type About = { edition: string; asOf: string };

const NOTES = {
  zh: '行号是数据文件中的行（表头为第 1 行）；标注“示意”的行为示意数据，不是官方数字。',
  en: 'Row numbers are those of the data file (the header is row 1); rows marked 示意 are illustrative, not official figures.',
};

const tableOf = (file: string): AnyTable => (TABLES as readonly AnyTable[]).find((t) => t.file === file)!;

const rowsFrom = (rows: RowsBehind) => formatSources([{ file: rows.file, rows: rows.records.map((r) => r.row) }]);

/** The one writer of both files: the rows as CSV, and as JSON under what they are (`key`). */
function writeDownload(key: 'figure' | 'rows_of', metadata: Record<string, unknown>, rows: RowsBehind): FigureDownload {
  const table = tableOf(rows.file);
  return {
    csv: toCsv(table, rows.records),
    json: `${JSON.stringify({ [key]: metadata, columns: Object.keys(table.columns), rows: toCellTexts(table, rows.records) }, null, 2)}\n`,
  };
}

export function figureDownload(cite: FigureCite, about: About): FigureDownload {
  const { figure, records } = cite;
  const rows = cite.rows[0]!;
  const options = packageOptions(records, about.edition);
  const source = records.reported.find((r) => r.row === figure.reportedRow);
  return writeDownload(
    'figure',
    {
      id: cite.id,
      title: cite.title,
      unit: figure.unit,
      scope_code: figure.scopeCode,
      reported: formatHundredths(figure.reported),
      computed: figure.computed === undefined ? null : formatHundredths(figure.computed),
      status: figure.status,
      edition: about.edition,
      as_of: about.asOf,
      rows_from: rowsFrom(rows),
      source:
        source === undefined
          ? null
          : { title: source.source_title, publisher: source.source_publisher, date: source.source_date, url: source.source_url ?? null },
      licenses: options.resources?.[rows.file]?.licenses ?? options.licenses,
      notes: NOTES,
    },
    rows,
  );
}

/** The columns of a file that hold money, each in yuan. */
function unitsOf(table: AnyTable): Record<string, Bilingual> {
  return Object.fromEntries(
    Object.entries(table.columns)
      .filter(([, field]) => field.meta.kind === 'money')
      .map(([name]) => [name, { zh: '元', en: 'yuan' }]),
  );
}

/** A place's rows of one file (or a part of them), with what they are and where they are from. */
export function rowSetDownload(set: RowSet, records: Records, about: About): FigureDownload {
  const table = tableOf(set.file);
  const options = packageOptions(records, about.edition);
  const { place, part } = set;
  const name = { zh: place.name, en: englishName({ name: place.name, name_en: place.nameEn }) };
  const title = (locale: 'zh' | 'en') =>
    locale === 'zh'
      ? `${name.zh}：${table.title.zh}（${set.file}）${part === undefined ? '' : `，${part.zh}`}`
      : `${name.en}: ${table.title.en} (${set.file})${part === undefined ? '' : `, ${part.en}`}`;
  return writeDownload(
    'rows_of',
    {
      id: `${place.code}-${set.name}`,
      title: { zh: title('zh'), en: title('en') },
      place: { code: place.code, name: place.name, name_en: place.nameEn ?? null },
      file: set.file,
      part: part ?? null,
      units: unitsOf(table),
      edition: about.edition,
      as_of: about.asOf,
      rows_from: rowsFrom(set),
      source: { title: options.title, file: set.file, sources: options.resources?.[set.file]?.sources ?? null },
      licenses: options.resources?.[set.file]?.licenses ?? options.licenses,
      notes: NOTES,
    },
    set,
  );
}

/** The bytes of a download's two files, as its panel shows them. */
export type DownloadSizes = { csv: number; json: number };

const measured = new WeakMap<Records, Map<string, DownloadSizes>>();

/** The download of rows behind a citable: a place's shared set of rows, or a reported figure's own. */
export function rowsDownload(cite: Citable, rows: RowsBehind, about: About): FigureDownload {
  return 'place' in rows ? rowSetDownload(rows as RowSet, cite.records, about) : figureDownload(cite as FigureCite, about);
}

/**
 * A download's sizes, worked out once per edition and kept: every panel that shows them asks for the
 * same set. Only the sizes are kept; a province's row files are half a gigabyte of text, which held
 * for the whole build made Astro's garbage collection most of its time (docs/performance.md).
 */
export function downloadSizes(cite: Citable, rows: RowsBehind, about: About): DownloadSizes {
  let sizes = measured.get(cite.records);
  if (sizes === undefined) measured.set(cite.records, (sizes = new Map<string, DownloadSizes>()));
  const key = `${about.edition} ${rows.path}`;
  let found = sizes.get(key);
  if (found === undefined) {
    const { csv, json } = rowsDownload(cite, rows, about);
    const encoder = new TextEncoder();
    sizes.set(key, (found = { csv: encoder.encode(csv).length, json: encoder.encode(json).length }));
  }
  return found;
}

type FileSite = Pick<Site, 'records' | 'release' | 'place' | 'report' | 'edition' | 'asOf'>;

const aboutSite = (site: FileSite): About => ({ edition: site.release?.id ?? site.edition, asOf: site.asOf });

/** Every headline figure's two downloads, by file name (`<id>.csv`, `<id>.json`), for /data/figures/. */
export function figureFiles(site: FileSite): Map<string, string> {
  const files = new Map<string, string>();
  for (const figure of site.report.reconciliation) {
    const cite = buildFigureCite(site, figure);
    const { csv, json } = rowsDownload(cite, cite.rows[0]!, aboutSite(site));
    files.set(`${cite.id}.csv`, csv);
    files.set(`${cite.id}.json`, json);
  }
  return files;
}

const published = new WeakMap<Records, Map<string, () => string>>();

/**
 * Every place's rows of each file, by path under /data/rows/ (`<code>/<name>.csv`, `.json`), each
 * written when asked for: the paths are listed once per edition, the text is not kept.
 */
export function rowFiles(site: FileSite & Pick<Site, 'summary' | 'places'>): Map<string, () => string> {
  const known = published.get(site.records);
  if (known !== undefined) return known;
  const files = new Map<string, () => string>();
  const about = aboutSite(site);
  for (const set of rowSets(site)) {
    const path = `${set.place.code}/${set.name}`;
    files.set(`${path}.csv`, () => rowSetDownload(set, site.records, about).csv);
    files.set(`${path}.json`, () => rowSetDownload(set, site.records, about).json);
  }
  published.set(site.records, files);
  return files;
}
