/**
 * /search-index.json: every place of the region for the header search (src/client/search.ts), or, for a
 * large region, the split that says which /search-index/<shard>.json answers a query (src/client/searchShards.ts).
 */
import type { APIRoute } from 'astro';
import { serializeSearchIndex } from '../derive/searchIndex.ts';
import { searchShards } from '../views/searchShards.ts';

export const GET: APIRoute = () => {
  const { manifest } = searchShards();
  return new Response(Array.isArray(manifest) ? serializeSearchIndex(manifest) : JSON.stringify(manifest), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
