/**
 * An old edition's pages name the latest edition in their banner; they are otherwise the same from
 * one release to the next. So a build that reuses an old edition's pages (scripts/lib/editionCache.ts)
 * fills in this one name, marked by the attribute, instead of rendering every page again.
 */
export const LATEST_EDITION_ATTRIBUTE = 'data-latest-edition';

const SLOT = new RegExp(`(<code\\b[^>]*\\s${LATEST_EDITION_ATTRIBUTE}(?:[\\s=>][^>]*)?>)[^<]*(</code>)`, 'g');

export function fillLatestEdition(html: string, id: string): string {
  return html.replace(SLOT, (_all, open: string, close: string) => `${open}${id}${close}`);
}
