/**
 * /sitemap.xml: the live pages and each released edition's own page, in both languages (the list:
 * src/derive/views/sitemapPaths.ts). A live route, built at every build from every edition, so the
 * edition page cache has no part in it.
 */
import type { APIRoute } from 'astro';
import { getSite } from '../load/site.ts';
import { listEditions } from '../load/editions.ts';
import { sitemapPaths } from '../derive/views/sitemapPaths.ts';
import { localizePath } from '../i18n/index.ts';
import { sitemapXml, type SitemapPage } from '../publish/sitemap.ts';
import { pageUrl, SITE_LANGUAGES } from '../views/siteAddress.ts';

export const GET: APIRoute = ({ site: siteUrl }) => {
  if (siteUrl === undefined) throw new Error('astro.config.mjs names no site');
  const paths = sitemapPaths(
    getSite(),
    listEditions().map((edition) => edition.id),
  );
  const pages = paths.map((path) => Object.fromEntries(SITE_LANGUAGES.map((locale) => [locale, pageUrl(localizePath(path, locale), siteUrl)])) as SitemapPage);
  return new Response(sitemapXml(pages), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
