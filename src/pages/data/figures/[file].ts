/** /data/figures/<figure>.csv and .json: exactly the rows behind each headline figure, with its metadata. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../load/site.ts';
import { figureFiles } from '../../../publish/figureDownload.ts';

const files = () => figureFiles(getSite());

export const getStaticPaths = (() => [...files().keys()].map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const text = files().get(params.file ?? '');
  if (text === undefined) return new Response(null, { status: 404 });
  const type = params.file?.endsWith('.json') ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8';
  return new Response(text, { headers: { 'Content-Type': type } });
};
