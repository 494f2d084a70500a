/** /data/rows/<code>/<name>.csv and .json: a place's rows of one data file, behind its charts, tables and facts (src/derive/rowSets.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../../load/site.ts';
import { rowFiles } from '../../../../publish/figureDownload.ts';

const files = () => rowFiles(getSite());

export const getStaticPaths = (() =>
  [...files().keys()].map((path) => {
    const [code, file] = path.split('/');
    return { params: { code, file } };
  })) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const text = files().get(`${params.code ?? ''}/${params.file ?? ''}`)?.();
  if (text === undefined) return new Response(null, { status: 404 });
  const type = params.file?.endsWith('.json') ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8';
  return new Response(text, { headers: { 'Content-Type': type } });
};
