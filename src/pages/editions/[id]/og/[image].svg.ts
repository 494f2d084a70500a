/** Each place's social card in a released edition: /editions/<id>/og/<code>.<locale>.svg. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEditionSite } from '../../../../load/site.ts';
import { editionsToRender } from '../../../../load/editions.ts';
import { socialImageParams, socialImageSvg } from '../../../../views/imageFiles.ts';

export const getStaticPaths = (() =>
  editionsToRender().flatMap(({ id }) => socialImageParams(getEditionSite(id)).map((params) => ({ params: { id, ...params } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const svg = socialImageSvg(getEditionSite(params.id ?? ''), params.image ?? '');
  return svg === undefined ? new Response(null, { status: 404 }) : new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
