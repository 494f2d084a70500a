/**
 * The offline search index, /search-index.json: every place in the region with the names a reader
 * might type. Built once at build time so the browser needs no pinyin library.
 */
import type { Place } from './aggregate.ts';
import { placePath } from './placePath.ts';
import { englishName } from '../format/placeName.ts';
import { toPinyinKeys } from '../format/pinyin.ts';
import type { Bilingual } from '../i18n/locale.ts';

/** One place in /search-index.json. Keys are short because the file is fetched by phones. */
export type SearchEntry = {
  /** Statistical code. */
  c: string;
  /** Chinese name. */
  n: string;
  /** English name (pinyin with the generic part translated, or the one staff typed). */
  e: string;
  /** Whole pinyin without tones or spaces: `gaolemiaocun`. */
  p: string;
  /** Pinyin initials: `glmc`. */
  i: string;
  /** The page's address in Chinese, under the site's base path: `/villages/150627101225/`. */
  u: string;
  /**
   * The page's address in English: `/en/villages/150627101225/`. Both are written out here, base path
   * and all, so the page's script only picks one (src/client/search.ts; village pages keep to 25 KB).
   */
  h: string;
  /** The parent's Chinese and English names (a village's town), or '' for the top of the tree. */
  t: string;
  te: string;
};

/**
 * One entry per place, in the order given; `places` maps a parent's code to its place; `address` gives
 * a locale-neutral path's address in each language (src/pages/search-index.json.ts: with the base path).
 */
export function buildSearchIndex(entries: readonly Place[], places: ReadonlyMap<string, Place>, address: (path: string) => Bilingual): SearchEntry[] {
  return entries.map((place) => {
    const parent = place.parentCode === undefined ? undefined : places.get(place.parentCode);
    const keys = toPinyinKeys(place.name);
    const { zh, en } = address(placePath(place.code));
    return {
      c: place.code,
      n: place.name,
      e: englishName({ name: place.name, name_en: place.nameEn }),
      p: keys.pinyin,
      i: keys.initials,
      u: zh,
      h: en,
      t: parent?.name ?? '',
      te: parent === undefined ? '' : englishName({ name: parent.name, name_en: parent.nameEn }),
    };
  });
}

/** The index as the text of a JSON file: compact, since it is fetched on a phone's first search. */
export function serializeSearchIndex(entries: readonly SearchEntry[]): string {
  return JSON.stringify(entries);
}
