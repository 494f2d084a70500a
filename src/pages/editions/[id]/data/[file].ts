/**
 * /editions/<id>/data/<file>: an edition's frozen files, byte for byte as released (their sha256 are
 * on the edition's page and in edition.json), whatever the tool or the live data become; and, as on
 * the live data page, its reconciliation table, made from its frozen data (whose figures the build
 * checks against the ones it released); and all its files as one zip, made from the frozen files alone.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readEditionFile } from '../../../../load/editionHistory.ts';
import { editionsToRender, listEditions } from '../../../../load/editions.ts';
import { editionDatasetZip } from '../../../../load/datasetZip.ts';
import { datasetZipName } from '../../../../model/editionManifest.ts';
import { getEditionSite } from '../../../../load/site.ts';
import { reconciliationToCsv } from '../../../../publish/reconciliationCsv.ts';
import { rootOf } from '../../../../views/siteAddress.ts';

const RECONCILIATION_FILE = 'reconciliation.csv';

export const getStaticPaths = (() =>
  editionsToRender().flatMap((manifest) =>
    [...Object.keys(manifest.files), RECONCILIATION_FILE, datasetZipName(manifest.regionCode, manifest.id)].map((file) => ({ params: { id: manifest.id, file } })),
  )) satisfies GetStaticPaths;

const TYPES: Record<string, string> = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8', zip: 'application/zip' };

export const GET: APIRoute = ({ params, site: siteUrl }) => {
  const { id = '', file = '' } = params;
  const type = TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream';
  const manifest = listEditions().find((edition) => edition.id === id);
  if (manifest !== undefined && file === datasetZipName(manifest.regionCode, id)) {
    if (siteUrl === undefined) throw new Error('astro.config.mjs names no site');
    return new Response(editionDatasetZip(manifest, rootOf(siteUrl)).bytes, { headers: { 'Content-Type': type } });
  }
  const body = file === RECONCILIATION_FILE ? reconciliationToCsv(getEditionSite(id).report.reconciliation) : readEditionFile(id, file);
  return new Response(body, { headers: { 'Content-Type': type } });
};
