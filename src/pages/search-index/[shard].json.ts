/** /search-index/<shard>.json: the places a split search index lists for one prefix (src/client/searchShards.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { searchShards } from '../../views/searchShards.ts';

export const getStaticPaths = (() => [...searchShards().byName.keys()].map((shard) => ({ params: { shard } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const text = searchShards().byName.get(params.shard ?? '');
  if (text === undefined) return new Response(null, { status: 404 });
  return new Response(text, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
