/**
 * sitemap.xml (sitemaps.org 0.9): one entry per page in each language, each naming its twin in the
 * other language (and the Chinese one as x-default), as search engines ask of translated pages; a
 * site in Chinese alone (region.json `languages`) lists its pages with no twins.
 * No lastmod: pages change with releases and with the tool, and a wrong date is worse than none.
 */
import type { Locale } from '../i18n/locale.ts';
import { escapeXml } from '../format/escapeXml.ts';

/** One page's absolute address in every language the site publishes (zh-CN always). */
export type SitemapPage = { 'zh-CN': string } & Partial<Record<Locale, string>>;

export function sitemapXml(pages: readonly SitemapPage[]): string {
  const entries = pages.flatMap((page) => {
    // A site in one language has no twins to name.
    const alternates =
      Object.keys(page).length < 2
        ? []
        : [
            ...Object.entries(page).map(([locale, url]) => `    <xhtml:link rel="alternate" hreflang="${locale}" href="${escapeXml(url)}"/>`),
            `    <xhtml:link rel="alternate" hreflang="x-default" href="${escapeXml(page['zh-CN'])}"/>`,
          ];
    return Object.values(page).map((url) => ['  <url>', `    <loc>${escapeXml(url)}</loc>`, ...alternates, '  </url>'].join('\n'));
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...entries,
    '</urlset>',
    '',
  ].join('\n');
}

/** robots.txt: everything may be crawled, and the sitemap is at its absolute address (as the format requires). */
export function robotsTxt(sitemapUrl: string): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${sitemapUrl}`, ''].join('\n');
}
