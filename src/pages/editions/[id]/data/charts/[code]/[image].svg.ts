/** Each chart of each place in a released edition as a picture: /editions/<id>/data/charts/<code>/<chart>.<locale>.svg. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEditionSite } from '../../../../../../load/site.ts';
import { editionsToRender } from '../../../../../../load/editions.ts';
import { chartImageParams, chartImageSvg } from '../../../../../../views/imageFiles.ts';

export const getStaticPaths = (() =>
  editionsToRender().flatMap(({ id }) => chartImageParams(getEditionSite(id)).map((params) => ({ params: { id, ...params } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const svg = chartImageSvg(getEditionSite(params.id ?? ''), params.code ?? '', params.image ?? '', site);
  return svg === undefined ? new Response(null, { status: 404 }) : new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
