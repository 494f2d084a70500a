/** /search-index.json: every place of the region for the header search (src/client/search.ts). */
import type { APIRoute } from 'astro';
import { getSite } from '../load/site.ts';
import { buildSearchIndex, serializeSearchIndex } from '../derive/searchIndex.ts';

export const GET: APIRoute = () => {
  const site = getSite();
  return new Response(serializeSearchIndex(buildSearchIndex(site.places, site.tree.places)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
