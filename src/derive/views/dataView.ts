/**
 * What the data-and-methods page shows from the data: the sources of the reported figures, each
 * file's provenance, how precisely villages are located, the full reconciliation table, and the whole
 * dataset as one zip with what its schema.org description needs (src/publish/datasetJsonLd.ts).
 */
import { extent } from 'd3-array';
import type { Bilingual } from '../../i18n/locale.ts';
import { isWithin } from '../../model/divisionCode.ts';
import type { Place } from '../aggregate.ts';
import type { Site } from '../buildSite.ts';
import { provenanceOf } from '../provenance.ts';
import type { AnyTable } from '../../read/field.ts';
import { PACKAGE_FILE } from '../../model/editionManifest.ts';
import { RECORD_KEYS, TABLES, type Project, type Reported, type Sourced } from '../../read/tables.ts';
import { editionRoot } from './frozenPages.ts';
import { buildPageFrame, withProvenance, type PageFrame, type ShownReconciliation } from './pageFrame.ts';

/** The whole dataset as one zip, as src/load/datasetZip.ts made it, with the title and licences it is published under. */
export type DatasetDownload = {
  name: string;
  /** Where it is served: under the edition on a frozen page, else under /data/. */
  path: string;
  bytes: number;
  sha256: string;
  /** The day its entries are stamped with: the release day, or a preview's as-of date. */
  day: string;
  /** Data not yet released: the zip is a preview, not to be cited. */
  preview: boolean;
  title: Bilingual;
  licenses: { name: string; path: string; title: string }[];
};

/** What a description of the dataset (schema.org Dataset) says beyond the zip: its files, time and place. */
export type DatasetFacts = {
  edition: string;
  /** Where this page's files are: `/data/`, or `/editions/<id>/data/` for a released edition's own page. */
  dataRoot: string;
  /** The page's locale-neutral path: `/data/` or `/editions/<id>/data/`. */
  pagePath: string;
  /** The data files (CSV) in the order of the tables, then the Data Package descriptor. */
  csvFiles: string[];
  packageFile: string;
  /** The earliest date or month anywhere in the data, through the as-of date. */
  period: { start: string; end: string };
  region: { code: string; name: string; nameEn: string | undefined };
  /** South, west, north, east (WGS-84) of the villages' points; undefined without villages. */
  box: [number, number, number, number] | undefined;
};

export type DataView = {
  frame: PageFrame;
  /** The zip and what it holds; undefined where no zip was made (a unit test's Site). */
  download: DatasetDownload | undefined;
  dataset: DatasetFacts;
  /** Whether any data file holds an illustrative row. */
  illustrative: boolean;
  /** A village whose page address the citation advice shows; undefined without villages. */
  exampleVillageCode: string | undefined;
  /** Each distinct source of the reported figures (title, publisher, date), once, in order of first mention. */
  sources: Sourced<Reported>[];
  files: ({ table: AnyTable } & ReturnType<typeof provenanceOf>)[];
  /** Villages by how precisely they are located. */
  surveyed: number;
  townSeat: number;
  /** Villages placed at their county's or city's seat (neither their point nor their town's seat known). */
  countySeat: number;
  reconciliation: {
    figure: ShownReconciliation;
    /** The place the figure is about, when it is in the tree. */
    scope: Place | undefined;
    scopeHasPage: boolean;
    /** The one project the figure is about, when it names one. */
    project: Sourced<Project> | undefined;
    /** The reported.csv row the figure comes from. */
    source: Sourced<Reported> | undefined;
  }[];
};

/** The earliest value of any date or month column, as written (`2019-03` or `2019-03-01`), or undefined. */
function earliestDate(site: Site): string | undefined {
  let earliest: string | undefined;
  for (const table of TABLES as readonly AnyTable[]) {
    const columns = Object.entries(table.columns)
      .filter(([, field]) => field.meta.kind === 'date' || field.meta.kind === 'month')
      .map(([key]) => key);
    const rows = site.records[RECORD_KEYS[table.file as keyof typeof RECORD_KEYS]] as unknown as Record<string, unknown>[];
    for (const row of rows) {
      for (const column of columns) {
        const value = row[column];
        // Months (`2021-09`) sort before days of that month (`2021-09-01`), as they should.
        if (typeof value === 'string' && (earliest === undefined || value < earliest)) earliest = value;
      }
    }
  }
  return earliest;
}

function datasetFacts(site: Site): DatasetFacts {
  const root = site.standing.kind === 'frozen' ? editionRoot(site.edition) : '';
  const [south, north] = extent(site.records.villages, (v) => v.lat_wgs84);
  const [west, east] = extent(site.records.villages, (v) => v.lon_wgs84);
  return {
    edition: site.edition,
    dataRoot: `${root}/data/`,
    pagePath: `${root}/data/`,
    csvFiles: TABLES.map((table) => table.file),
    packageFile: PACKAGE_FILE,
    period: { start: earliestDate(site) ?? site.asOf, end: site.asOf },
    region: { code: site.region.code, name: site.region.name, nameEn: site.region.nameEn },
    box: south === undefined || west === undefined || north === undefined || east === undefined ? undefined : [south, west, north, east],
  };
}

export function buildDataView(site: Site, download?: DatasetDownload): DataView {
  const tables = TABLES as readonly AnyTable[];
  const files = tables.map((table) => ({ table, ...provenanceOf(site.records, table) }));
  const villagePlaces = site.villages.map((v) => v.village).filter((v) => v !== undefined);
  const surveyed = villagePlaces.filter((v) => v.location_precision === 'surveyed').length;
  return {
    frame: buildPageFrame(site),
    download,
    dataset: datasetFacts(site),
    illustrative: files.some((p) => p.provenance === 'illustrative'),
    exampleVillageCode: site.villages[0]?.code,
    sources: [...new Map(site.records.reported.map((r) => [`${r.source_title}|${r.source_publisher}|${r.source_date}`, r])).values()],
    files,
    surveyed,
    townSeat: villagePlaces.filter((v) => v.location_precision === 'town-seat').length,
    countySeat: villagePlaces.filter((v) => v.location_precision === 'county-seat' || v.location_precision === 'city-seat').length,
    reconciliation: withProvenance(site.records, site.report.reconciliation).map((figure) => ({
      figure,
      scope: site.tree.places.get(figure.scopeCode),
      scopeHasPage: isWithin(figure.scopeCode, site.region.code),
      project: figure.projectId === undefined ? undefined : site.records.projects.find((p) => p.project_id === figure.projectId),
      source: site.records.reported.find((row) => row.row === figure.reportedRow),
    })),
  };
}
