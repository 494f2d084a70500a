/** Each chart of each place as a picture: /data/charts/<code>/<chart>.<locale>.svg (its PNG is rendered after the build). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../../load/site.ts';
import { chartImageParams, chartImageSvg } from '../../../../views/imageFiles.ts';

export const getStaticPaths = (() => chartImageParams(getSite()).map((params) => ({ params }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const svg = chartImageSvg(getSite(), params.code ?? '', params.image ?? '', site);
  return svg === undefined ? new Response(null, { status: 404 }) : new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
