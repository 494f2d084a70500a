/** /editions/<id>/data/figures/<figure>.csv and .json: the rows behind each headline figure of a released edition. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { editionsToRender } from '../../../../../load/editions.ts';
import { getEditionSite } from '../../../../../load/site.ts';
import { figureFiles } from '../../../../../publish/figureDownload.ts';

const files = (id: string) => figureFiles(getEditionSite(id));

export const getStaticPaths = (() =>
  editionsToRender().flatMap(({ id }) => [...files(id).keys()].map((file) => ({ params: { id, file } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const text = files(params.id ?? '').get(params.file ?? '');
  if (text === undefined) return new Response(null, { status: 404 });
  const type = params.file?.endsWith('.json') ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8';
  return new Response(text, { headers: { 'Content-Type': type } });
};
