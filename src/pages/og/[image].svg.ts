/** Each place's social card (Open Graph): /og/<code>.<locale>.svg (its PNG is rendered after the build). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../load/site.ts';
import { socialImageParams, socialImageSvg } from '../../views/imageFiles.ts';

export const getStaticPaths = (() => socialImageParams(getSite()).map((params) => ({ params }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const svg = socialImageSvg(getSite(), params.image ?? '');
  return svg === undefined ? new Response(null, { status: 404 }) : new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
