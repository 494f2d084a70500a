/**
 * The pages of a released edition (/editions/<id>/…) are the live views rendered from its frozen data;
 * here their links are moved into the edition (src/publish/rebaseLinks.ts), so every page and file a
 * reader reaches from a cited page is the same edition's. Runs as each page is built; live pages pass.
 */
import { defineMiddleware } from 'astro:middleware';
import { editionOfPath, editionRoot, hasEditionTwin } from './derive/views/frozenPages.ts';
import { rebaseLinks } from './publish/rebaseLinks.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const id = editionOfPath(context.url.pathname);
  if (id === undefined || !(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  const html = rebaseLinks(await response.text(), { root: editionRoot(id), inEdition: hasEditionTwin, origin: context.site?.origin });
  return new Response(html, { status: response.status, headers: response.headers });
});
