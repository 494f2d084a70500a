/**
 * Finding a place in the offline search index by what a reader types: its Chinese name, its pinyin
 * (whole, or the initials 拼音首字母 as Chinese readers often type them), its English name or its code.
 * Runs in the browser (src/client/search.ts), so it imports only types: the index is built ahead of
 * time by searchIndex.ts, where the pinyin library lives.
 */

import type { SearchEntry } from '../derive/searchIndex.ts';

export type { SearchEntry };

/** What folding makes equal: case, width, spaces, apostrophes and hyphens, ü written as u or v. */
export function foldQuery(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s'’\-·]/g, '')
    .replace(/[üv]/g, 'u');
}

/** How many places a search lists (src/client/search.ts); a split index stores this many per prefix. */
export const SEARCH_LIMIT = 8;

/** The texts of an entry a query is matched against, folded as a query is. */
export type SearchKeys = { c: string; name: string; pinyin: string; english: string; initials: string };

export function searchKeys(entry: SearchEntry): SearchKeys {
  return {
    c: entry.c,
    name: entry.n.normalize('NFKC').toLowerCase(),
    pinyin: foldQuery(entry.p),
    english: foldQuery(entry.e),
    initials: foldQuery(entry.i),
  };
}

/** Smaller is better; undefined is no match. `query` is folded (foldQuery). */
export function scoreSearch(keys: SearchKeys, query: string): number | undefined {
  const { c, name, pinyin, english, initials } = keys;
  if (c === query || name === query) return 0;
  if (c.startsWith(query)) return 1;
  if (name.startsWith(query)) return 2;
  if (pinyin.startsWith(query) || english.startsWith(query)) return 3;
  if (initials.startsWith(query)) return 4;
  if (name.includes(query)) return 5;
  if (pinyin.includes(query) || english.includes(query)) return 6;
  return undefined;
}

/** The entries that match, best first (then shorter codes, so a town comes before its villages). */
export function matchSearch(entries: readonly SearchEntry[], text: string, limit = 10): SearchEntry[] {
  const query = foldQuery(text);
  if (query === '') return [];
  return entries
    .map((entry) => ({ entry, score: scoreSearch(searchKeys(entry), query) }))
    .filter((hit): hit is { entry: SearchEntry; score: number } => hit.score !== undefined)
    .sort((a, b) => a.score - b.score || a.entry.c.length - b.entry.c.length || a.entry.c.localeCompare(b.entry.c))
    .slice(0, limit)
    .map((hit) => hit.entry);
}
