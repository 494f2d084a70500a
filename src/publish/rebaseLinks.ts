/**
 * An edition's pages are the live views rendered from its frozen data, so their links name live paths.
 * This moves each link to a page or file the edition has its own copy of under the edition's root
 * (`/villages/1/` → `/editions/<id>/villages/1/`, `/en/data/funds.csv` → `/en/editions/<id>/data/funds.csv`,
 * and the canonical `https://site/…` alike), so a reader who follows a cited page stays in its edition.
 * Left alone: assets, other sites, the list of editions, and any link marked `data-live` (the banner's
 * link to the same page in the latest edition).
 */

import { withBase } from '../model/basePath.ts';

const TAG = /<(?:a|link|form)\b[^>]*>/gi;
const ANY_TAG = /<[a-z][^>]*>/gi;
/** The attributes that hold an address the browser follows or fetches (`data-index`: the search index, src/client/search.ts). */
const BASE_ATTRIBUTE = /(\s(?:href|src|action|poster|data-index)=")([^"]*)(")/gi;
const URL_ATTRIBUTE = /(\s(?:href|action)=")([^"]*)(")/gi;
const LIVE = /\sdata-live(?:[\s=>]|$)/i;

export type RebaseOptions = {
  /** The edition's root, e.g. `/editions/2021-10-14-e0662d8d`. */
  root: string;
  /** Whether a locale-neutral path has a twin in the edition. */
  inEdition: (path: string) => boolean;
  /** The site's origin, for absolute links to itself (canonical, hreflang). */
  origin?: string | undefined;
};

function rebasePath(url: string, { root, inEdition }: RebaseOptions): string {
  const split = url.search(/[?#]/);
  const [path, rest] = split === -1 ? [url, ''] : [url.slice(0, split), url.slice(split)];
  const english = path === '/en' || path === '/en/' || path.startsWith('/en/');
  const neutral = english ? path.slice(3) || '/' : path;
  if (!inEdition(neutral)) return url;
  return `${english ? '/en' : ''}${root}${neutral}${rest}`;
}

function rebaseUrl(url: string, options: RebaseOptions): string {
  if (url.startsWith('/') && !url.startsWith('//')) return rebasePath(url, options);
  const { origin } = options;
  if (origin !== undefined && url.startsWith(`${origin}/`)) return origin + rebasePath(url.slice(origin.length), options);
  return url;
}

export function rebaseLinks(html: string, options: RebaseOptions): string {
  return html.replace(TAG, (tag) =>
    LIVE.test(tag) ? tag : tag.replace(URL_ATTRIBUTE, (_all, before: string, url: string, after: string) => before + rebaseUrl(url, options) + after),
  );
}

/**
 * Moves every root-relative link, source and form action of a page under the site's base path
 * (`/villages/1/` → `/xczx/villages/1/`), in any tag; addresses already under it (Astro's own assets),
 * other sites, fragments and relative ones stay as they are. With the base `/`, the page is unchanged.
 */
export function prefixBase(html: string, base: string): string {
  if (base === '/') return html;
  return html.replace(ANY_TAG, (tag) =>
    tag.replace(BASE_ATTRIBUTE, (_all, before: string, url: string, after: string) => before + withBase(url, base) + after),
  );
}
