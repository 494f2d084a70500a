/**
 * /editions/<id>/data/<file>: an edition's frozen files, byte for byte as released (their sha256 are
 * on the edition's page and in edition.json), whatever the tool or the live data become.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readEditionFile, readEditionHistory } from '../../../../load/editionHistory.ts';

export const getStaticPaths = (() =>
  readEditionHistory().flatMap(({ manifest }) => Object.keys(manifest.files).map((file) => ({ params: { id: manifest.id, file } })))) satisfies GetStaticPaths;

const TYPES: Record<string, string> = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' };

export const GET: APIRoute = ({ params }) => {
  const { id = '', file = '' } = params;
  const bytes = readEditionFile(id, file);
  return new Response(bytes, { headers: { 'Content-Type': TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream' } });
};
