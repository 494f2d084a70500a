/**
 * The search index split for a large region, so that a query loads only what can answer it.
 *
 * A query matches a place when its folded text begins the code or the initials, or occurs anywhere in
 * the Chinese name, the pinyin or the English name (matchSearch.ts). So whatever matches a query also
 * matches each of its prefixes: the places matching a prefix are all a longer query can find. The index
 * is a tree of prefixes, grown one character at a time (a hanzi, a letter or a digit) until the places
 * matching the prefix fit the budget; that prefix's shard holds them all and answers every query that
 * begins with it. A prefix matched by too many places (`c`, `村`, `15`) is split further, and its own
 * shard holds only its best SEARCH_LIMIT, as the query that is exactly the prefix shows no more.
 * Splitting by first character alone would not do: every code begins with the region's digits and
 * most pinyin holds an `a`, so those shards would hold the whole province.
 *
 * The manifest (/search-index.json, the form's data-index) is the index itself when it fits the
 * budget, as for a county; otherwise it lists each split prefix with the characters that follow it,
 * so the browser knows which one file to fetch, or that nothing can match, before fetching anything.
 * The split is built at build time (src/views/searchShards.ts) and read in the browser (search.ts).
 */
import { foldQuery, matchSearch, scoreSearch, searchKeys, SEARCH_LIMIT, type SearchEntry, type SearchKeys } from './matchSearch.ts';

/** Each split prefix ('' for the start) and the characters that can follow it, in one string. */
export type SearchSplit = Record<string, string>;
/** The file at the form's data-index: the whole index, or the split that says where to look. */
export type SearchManifest = SearchEntry[] | { split: SearchSplit };

export type SplitIndex = {
  manifest: SearchManifest;
  /** Each prefix's shard: all places matching it (a leaf), or its best `limit` (a split prefix). */
  shards: Map<string, SearchEntry[]>;
};

/** What a shard may weigh as JSON text, in UTF-8 bytes; gzip makes it 4–5 times smaller. */
export const SHARD_BUDGET = 160_000;

/**
 * Splits the index so that no shard weighs more than `budget` bytes (a single prefix's best `limit`
 * always fits). Shards keep the index's order; the results are the same in any order (matchSearch
 * sorts by score, then code), so a query answered from its shard lists what the whole index would.
 */
export function splitSearchIndex(entries: readonly SearchEntry[], budget = SHARD_BUDGET, limit = SEARCH_LIMIT): SplitIndex {
  // Made here, not at the top of the module, so that the browser's bundle (which never splits) leaves it out.
  const encoder = new TextEncoder();
  const size = new Map(entries.map((entry) => [entry, encoder.encode(JSON.stringify(entry)).length + 1]));
  const weight = (list: readonly SearchEntry[]): number => list.reduce((sum, entry) => sum + size.get(entry)!, 1);
  const shards = new Map<string, SearchEntry[]>();
  if (weight(entries) <= budget) return { manifest: [...entries], shards };
  const order = new Map(entries.map((entry, at) => [entry, at]));
  const keys = new Map<SearchEntry, SearchKeys>(entries.map((entry) => [entry, searchKeys(entry)]));
  // A query is folded: characters folding drops or changes (spaces, capitals) never reach a shard.
  const chars = new Map(
    entries.map((entry) => [
      entry,
      [...new Set(Object.values(keys.get(entry)!).flatMap((key: string) => Array.from(key)))].filter((char) => foldQuery(char) === char),
    ]),
  );
  const split: SearchSplit = {};

  // The places matching prefix+x, for each x that follows, out of those matching the prefix.
  const children = (prefix: string, pool: readonly SearchEntry[]): Map<string, SearchEntry[]> => {
    const next = new Map<string, SearchEntry[]>();
    for (const entry of pool) {
      for (const char of chars.get(entry)!) {
        if (scoreSearch(keys.get(entry)!, prefix + char) === undefined) continue;
        const list = next.get(char);
        if (list) list.push(entry);
        else next.set(char, [entry]);
      }
    }
    return new Map([...next].sort(([a], [b]) => a.codePointAt(0)! - b.codePointAt(0)!));
  };

  const grow = (prefix: string, pool: readonly SearchEntry[]): void => {
    const next = children(prefix, pool);
    split[prefix] = [...next.keys()].join('');
    for (const [char, list] of next) {
      const longer = prefix + char;
      list.sort((a, b) => order.get(a)! - order.get(b)!);
      if (weight(list) <= budget) {
        shards.set(longer, list);
      } else {
        shards.set(longer, matchSearch(list, longer, limit));
        grow(longer, list);
      }
    }
  };
  grow('', entries);
  return { manifest: { split }, shards };
}

/**
 * The prefix whose shard answers a query, or undefined when nothing can match it (a character no
 * place has there) or the query is blank.
 */
export function shardFor(split: SearchSplit, text: string): string | undefined {
  const chars = Array.from(foldQuery(text));
  if (chars.length === 0) return undefined;
  let prefix = '';
  for (const char of chars) {
    if (!(split[prefix] ?? '').includes(char)) return undefined;
    prefix += char;
    if (split[prefix] === undefined) return prefix;
  }
  return prefix;
}

/** A shard's file name: its characters' code points in hex (`巴彦` → `5df4-5f66`), safe on any server. */
export function shardName(prefix: string): string {
  return Array.from(prefix, (char) => char.codePointAt(0)!.toString(16)).join('-');
}

/** A shard's address beside the manifest's: /search-index.json → /search-index/5df4-5f66.json. */
export function shardAddress(manifestAddress: string, prefix: string): string {
  return `${manifestAddress.replace(/\.json$/, '')}/${shardName(prefix)}.json`;
}
