/** /search-index.json: every place of the region for the header search (src/client/search.ts). */
import type { APIRoute } from 'astro';
import { getSite } from '../load/site.ts';
import { buildSearchIndex, serializeSearchIndex } from '../derive/searchIndex.ts';
import { localizePath } from '../i18n/index.ts';
import { withBase } from '../model/basePath.ts';
import { BASE_PATH } from '../views/siteAddress.ts';

/** A place's page in each language, under the site's base path. */
const address = (path: string) => ({ zh: withBase(localizePath(path, 'zh-CN'), BASE_PATH), en: withBase(localizePath(path, 'en'), BASE_PATH) });

export const GET: APIRoute = () => {
  const site = getSite();
  return new Response(serializeSearchIndex(buildSearchIndex(site.places, site.tree.places, address)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
