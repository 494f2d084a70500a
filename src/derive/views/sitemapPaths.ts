/**
 * The pages sitemap.xml lists, locale-neutral: the live site (home, topic pages, every place, the list
 * of editions, the spreadsheet checker) and each released edition's own page. An edition's copies of the live pages are left
 * out: they repeat the live pages once per edition, and each edition's page links to its own.
 */
import type { Site } from '../buildSite.ts';
import { editionPath } from './editionsView.ts';
import { frozenPagePaths } from './frozenPages.ts';

export function sitemapPaths(site: Pick<Site, 'places'>, editions: readonly string[]): string[] {
  return ['/', ...frozenPagePaths(site), '/editions/', '/check/', ...editions.map(editionPath)];
}
