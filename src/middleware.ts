/**
 * Every page's links as the reader must follow them: a released edition's pages (/editions/<id>/…)
 * are the live views rendered from its frozen data, so their links are first moved into the edition
 * (src/publish/rebaseLinks.ts); then, when the site lives under a base path (region.json, BASE_PATH),
 * every root-relative link, source and form action of any page is moved under it. Pages name their
 * links as if the site stood at the root; this is the one place that knows otherwise. Runs as each
 * page is built (and served by `npm run dev`).
 */
import { defineMiddleware } from 'astro:middleware';
import { editionOfPath, editionRoot, hasEditionTwin } from './derive/views/frozenPages.ts';
import { prefixBase, rebaseLinks } from './publish/rebaseLinks.ts';
import { withoutBase } from './model/basePath.ts';
import { BASE_PATH, rootOf } from './views/siteAddress.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  const id = editionOfPath(withoutBase(context.url.pathname, BASE_PATH));
  if (id === undefined && BASE_PATH === '/') return response;
  let html = await response.text();
  // The site's own absolute addresses (canonical, hreflang) start with its root: its origin and base path.
  if (id !== undefined) html = rebaseLinks(html, { root: editionRoot(id), inEdition: hasEditionTwin, origin: rootOf(context.site).href.replace(/\/$/, '') });
  html = prefixBase(html, BASE_PATH);
  return new Response(html, { status: response.status, headers: response.headers });
});
