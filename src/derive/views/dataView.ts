/**
 * What the data-and-methods page shows from the data: the sources of the reported figures, each
 * file's provenance, how precisely villages are located, and the full reconciliation table.
 */
import { isWithin } from '../../model/divisionCode.ts';
import type { Place } from '../aggregate.ts';
import type { Site } from '../buildSite.ts';
import { provenanceOf } from '../provenance.ts';
import type { AnyTable } from '../../read/field.ts';
import { TABLES, type Project, type Reported, type Sourced } from '../../read/tables.ts';
import { buildPageFrame, withProvenance, type PageFrame, type ShownReconciliation } from './pageFrame.ts';

export type DataView = {
  frame: PageFrame;
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

export function buildDataView(site: Site): DataView {
  const tables = TABLES as readonly AnyTable[];
  const files = tables.map((table) => ({ table, ...provenanceOf(site.records, table) }));
  const villagePlaces = site.villages.map((v) => v.village).filter((v) => v !== undefined);
  const surveyed = villagePlaces.filter((v) => v.location_precision === 'surveyed').length;
  return {
    frame: buildPageFrame(site),
    illustrative: files.some((p) => p.provenance === 'illustrative'),
    exampleVillageCode: site.villages[0]?.code,
    sources: [...new Map(site.records.reported.map((r) => [`${r.source_title}|${r.source_publisher}|${r.source_date}`, r])).values()],
    files,
    surveyed,
    townSeat: villagePlaces.length - surveyed,
    reconciliation: withProvenance(site.records, site.report.reconciliation).map((figure) => ({
      figure,
      scope: site.tree.places.get(figure.scopeCode),
      scopeHasPage: isWithin(figure.scopeCode, site.region.code),
      project: figure.projectId === undefined ? undefined : site.records.projects.find((p) => p.project_id === figure.projectId),
      source: site.records.reported.find((row) => row.row === figure.reportedRow),
    })),
  };
}
