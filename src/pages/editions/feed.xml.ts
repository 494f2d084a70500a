/**
 * /editions/feed.xml: an Atom feed (RFC 4287) of the released editions, one entry in Chinese and one
 * in English for each, newest first, each linking to the edition's changelog. Its timestamps are the
 * release days, so building the site again never changes the feed.
 */
import type { APIRoute } from 'astro';
import { getSite } from '../../load/site.ts';
import { readEditionHistory } from '../../load/editionHistory.ts';
import { buildEditionsView, type EditionsView } from '../../derive/views/editionsView.ts';
import { fill, localName, localizePath, pick, t } from '../../i18n/index.ts';
import { escapeXml } from '../../format/escapeXml.ts';
import { absoluteUrl } from '../../model/basePath.ts';
import { rootOf, SITE_LANGUAGES } from '../../views/siteAddress.ts';

export const GET: APIRoute = ({ site: siteUrl }) => {
  const view = buildEditionsView(getSite(), readEditionHistory());
  return new Response(editionsFeed(view, rootOf(siteUrl).href), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};

function editionsFeed(view: EditionsView, siteUrl: string): string {
  const url = (path: string) => absoluteUrl(path, siteUrl);
  const zh = t('zh-CN');
  const updated = view.editions[0]?.released ?? view.frame.asOf;
  const entries = view.editions.flatMap((edition) =>
    SITE_LANGUAGES.map((locale) => {
      const text = t(locale);
      const counts = edition.counts === undefined ? text.editionsFirst : fill(text.editionsCounts, { ...edition.counts });
      const link = url(localizePath(edition.changelogPath, locale));
      return [
        `  <entry xml:lang="${locale}">`,
        `    <id>${escapeXml(link)}</id>`,
        `    <title>${escapeXml(`${text.colEdition} ${edition.id}`)}</title>`,
        `    <updated>${edition.released}T00:00:00Z</updated>`,
        `    <link rel="alternate" href="${escapeXml(link)}"/>`,
        `    <summary>${escapeXml(`${pick(edition.note, locale)} · ${counts}`)}</summary>`,
        '  </entry>',
      ].join('\n');
    }),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${escapeXml(url('/editions/'))}</id>`,
    `  <title>${escapeXml(`${localName(view.frame.region, 'zh-CN')} · ${zh.editionsTitle} · ${t('en').editionsTitle}`)}</title>`,
    `  <updated>${updated}T00:00:00Z</updated>`,
    `  <link rel="self" href="${escapeXml(url('/editions/feed.xml'))}"/>`,
    `  <link rel="alternate" href="${escapeXml(url('/editions/'))}"/>`,
    `  <author><name>${escapeXml(localName(view.frame.region, 'zh-CN'))}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
