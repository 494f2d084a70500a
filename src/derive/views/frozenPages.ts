/**
 * The pages every released edition has of its own, under /editions/<id>/: the same views as the live
 * site, rendered from the edition's frozen data. Which live paths have a twin in an edition, so the
 * edition's pages link to each other (src/middleware.ts) and the build lists them.
 */
import type { Site } from '../buildSite.ts';
import { codeOfPath, placePath } from '../placePath.ts';

/** The topic pages, in the order of the site's navigation. */
export const TOPIC_PATHS = ['/villages/', '/projects/', '/funds/', '/talent/', '/pairings/', '/monthly/', '/map/', '/data/'] as const;
export type TopicPath = (typeof TOPIC_PATHS)[number];

export const editionRoot = (id: string): string => `/editions/${id}`;

/** The locale-neutral paths of an edition's own pages beside its home: its topic pages, then every place. */
export function frozenPagePaths(site: Pick<Site, 'places'>): string[] {
  return [...TOPIC_PATHS, ...site.places.map((place) => placePath(place.code))];
}

/**
 * Whether a live, locale-neutral path (with no query or fragment) has a twin in every edition: the
 * home (an edition's own page), the topic pages, the place pages, the data files (chart pictures
 * among them) and the charts' embed pages.
 */
export function hasEditionTwin(path: string): boolean {
  return (
    path === '/' ||
    (TOPIC_PATHS as readonly string[]).includes(path) ||
    codeOfPath(path) !== undefined ||
    path.startsWith('/data/') ||
    path.startsWith('/embed/')
  );
}

const EDITION_PATH = /^(?:\/en)?\/editions\/([^/]+)\//;

/** The edition whose pages a served path is in (`/en/editions/<id>/villages/1/` → `<id>`). */
export function editionOfPath(pathname: string): string | undefined {
  return EDITION_PATH.exec(pathname)?.[1];
}
