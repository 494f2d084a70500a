/**
 * The download behind one headline figure: exactly the data rows it was added up from (rowsBehind), as
 * CSV in the file's own columns (UTF-8 with BOM, formula-safe, as every published CSV) and as JSON that
 * also says what a citation needs: title, unit, values, source, licence, edition, as-of and notes.
 */
import { buildFigureCite, type FigureCite } from '../derive/views/figureCite.ts';
import type { Site } from '../derive/buildSite.ts';
import { TABLES } from '../read/tables.ts';
import type { AnyTable } from '../read/field.ts';
import { formatHundredths } from '../format/money.ts';
import { formatSources } from './reconciliationCsv.ts';
import { toCellTexts, toCsv } from './toCsv.ts';
import { packageOptions } from './packageOptions.ts';

export type FigureDownload = { csv: string; json: string };

export function figureDownload(cite: FigureCite, about: { edition: string; asOf: string }): FigureDownload {
  const { figure, rows, records } = cite;
  const options = packageOptions(records, about.edition);
  const table = (TABLES as readonly AnyTable[]).find((t) => t.file === rows.file)!;
  const source = records.reported.find((r) => r.row === figure.reportedRow);
  const metadata = {
    id: cite.id,
    title: cite.title,
    unit: figure.unit,
    scope_code: figure.scopeCode,
    reported: formatHundredths(figure.reported),
    computed: figure.computed === undefined ? null : formatHundredths(figure.computed),
    status: figure.status,
    edition: about.edition,
    as_of: about.asOf,
    rows_from: formatSources([{ file: rows.file, rows: rows.records.map((r) => r.row) }]),
    source:
      source === undefined
        ? null
        : { title: source.source_title, publisher: source.source_publisher, date: source.source_date, url: source.source_url ?? null },
    licenses: options.resources?.[rows.file]?.licenses ?? options.licenses,
    notes: {
      zh: '行号是数据文件中的行（表头为第 1 行）；标注“示意”的行为示意数据，不是官方数字。',
      en: 'Row numbers are those of the data file (the header is row 1); rows marked 示意 are illustrative, not official figures.',
    },
  };
  return {
    csv: toCsv(table, rows.records),
    json: `${JSON.stringify({ figure: metadata, columns: Object.keys(table.columns), rows: toCellTexts(table, rows.records) }, null, 2)}\n`,
  };
}

/** Every headline figure's two downloads, by file name (`<id>.csv`, `<id>.json`), for /data/figures/. */
export function figureFiles(site: Pick<Site, 'records' | 'release' | 'place' | 'report' | 'edition' | 'asOf'>): Map<string, string> {
  const files = new Map<string, string>();
  for (const figure of site.report.reconciliation) {
    const cite = buildFigureCite(site, figure);
    const { csv, json } = figureDownload(cite, { edition: site.release?.id ?? site.edition, asOf: site.asOf });
    files.set(`${cite.id}.csv`, csv);
    files.set(`${cite.id}.json`, json);
  }
  return files;
}
