/**
 * The published data: every data file normalized (/data/<file>.csv), the reconciliation table
 * (/data/reconciliation.csv), the Data Package descriptor (/data/datapackage.json) naming this
 * edition, and all of it as one zip (/data/<region>-<edition>.zip: the latest edition's when the data
 * is released). Built from the validated records, never copied from data/ as typed.
 */
import { datasetZipNameOf, datasetZipOf } from '../../load/datasetZip.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../load/site.ts';
import { packageOptions } from '../../publish/packageOptions.ts';
import { describePackage } from '../../publish/describePackage.ts';
import type { AnyTable } from '../../read/field.ts';
import { reconciliationToCsv } from '../../publish/reconciliationCsv.ts';
import { RECORD_KEYS, TABLES } from '../../read/tables.ts';
import { toCsv } from '../../publish/toCsv.ts';
import { rootOf } from '../../views/siteAddress.ts';

const RECONCILIATION_FILE = 'reconciliation.csv';
const PACKAGE_FILE = 'datapackage.json';

export const getStaticPaths = (() => [
  ...TABLES.map((table) => ({ params: { file: table.file } })),
  { params: { file: RECONCILIATION_FILE } },
  { params: { file: PACKAGE_FILE } },
  { params: { file: datasetZipNameOf(getSite()) } },
]) satisfies GetStaticPaths;

const CSV = { 'Content-Type': 'text/csv; charset=utf-8' };

export const GET: APIRoute = ({ params, site: siteUrl }) => {
  const site = getSite();
  const file = params.file;
  if (file === datasetZipNameOf(site)) {
    if (siteUrl === undefined) throw new Error('astro.config.mjs names no site');
    return new Response(datasetZipOf(site, rootOf(siteUrl)).bytes, { headers: { 'Content-Type': 'application/zip' } });
  }
  if (file === PACKAGE_FILE) {
    const descriptor = describePackage(site.records, packageOptions(site.records, site.edition));
    return new Response(`${JSON.stringify(descriptor, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
  }
  if (file === RECONCILIATION_FILE) return new Response(reconciliationToCsv(site.report.reconciliation), { headers: CSV });
  const table = (TABLES as readonly AnyTable[]).find((t) => t.file === file);
  if (table === undefined) return new Response(null, { status: 404 });
  const records = site.records[RECORD_KEYS[table.file as keyof typeof RECORD_KEYS]] as unknown as Record<string, unknown>[];
  return new Response(toCsv(table, records), { headers: CSV });
};
