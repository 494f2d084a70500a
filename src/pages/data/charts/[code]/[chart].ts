/** The numbers behind each chart of each place: /data/charts/<code>/<chart>.csv. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../../load/site.ts';
import { datasetToCsv } from '../../../../publish/datasetCsv.ts';

export const getStaticPaths = (() => {
  const site = getSite();
  return site.places.flatMap((place) =>
    site.datasets(place.code).map((dataset) => ({ params: { code: place.code, chart: `${dataset.id}.csv` } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const site = getSite();
  const dataset = site.datasets(params.code ?? '').find((d) => `${d.id}.csv` === params.chart);
  if (dataset === undefined) return new Response(null, { status: 404 });
  return new Response(datasetToCsv(dataset), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
