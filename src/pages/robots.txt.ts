/** /robots.txt: made at build time, so that it names the sitemap's absolute address on the configured site. */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../publish/sitemap.ts';
import { pageUrl } from '../views/siteAddress.ts';

export const GET: APIRoute = ({ site: siteUrl }) => {
  if (siteUrl === undefined) throw new Error('astro.config.mjs names no site');
  return new Response(robotsTxt(pageUrl('/sitemap.xml', siteUrl)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
