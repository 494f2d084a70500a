/** The numbers behind each chart of each place in a released edition: /editions/<id>/data/charts/<code>/<chart>.csv. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEditionSite } from '../../../../../../load/site.ts';
import { editionsToRender } from '../../../../../../load/editions.ts';
import { chartCsv, chartCsvParams } from '../../../../../../publish/datasetCsv.ts';

export const getStaticPaths = (() =>
  editionsToRender().flatMap(({ id }) => chartCsvParams(getEditionSite(id)).map((params) => ({ params: { id, ...params } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const csv = chartCsv(getEditionSite(params.id ?? ''), params.code ?? '', params.chart ?? '');
  return csv === undefined ? new Response(null, { status: 404 }) : new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
