/** /editions/<id>/data/rows/<code>/<name>.csv and .json: a place's rows of one data file in a released edition. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { editionsToRender } from '../../../../../../load/editions.ts';
import { getEditionSite } from '../../../../../../load/site.ts';
import { rowFiles } from '../../../../../../publish/figureDownload.ts';

const files = (id: string) => rowFiles(getEditionSite(id));

export const getStaticPaths = (() =>
  editionsToRender().flatMap(({ id }) =>
    [...files(id).keys()].map((path) => {
      const [code, file] = path.split('/');
      return { params: { id, code, file } };
    }),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const text = files(params.id ?? '').get(`${params.code ?? ''}/${params.file ?? ''}`)?.();
  if (text === undefined) return new Response(null, { status: 404 });
  const type = params.file?.endsWith('.json') ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8';
  return new Response(text, { headers: { 'Content-Type': type } });
};
