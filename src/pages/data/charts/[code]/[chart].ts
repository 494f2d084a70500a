/** The numbers behind each chart of each place: /data/charts/<code>/<chart>.csv. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../../load/site.ts';
import { chartCsv, chartCsvParams } from '../../../../publish/datasetCsv.ts';

export const getStaticPaths = (() => chartCsvParams(getSite()).map((params) => ({ params }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const csv = chartCsv(getSite(), params.code ?? '', params.chart ?? '');
  return csv === undefined ? new Response(null, { status: 404 }) : new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
