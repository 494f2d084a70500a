/**
 * The interface's words and addresses by locale: zh-CN at `/`, English under `/en/`.
 */
import type { Bilingual, Locale } from './locale.ts';
import type { ReconcileStatus } from '../model/vocabulary.ts';
import { englishName } from '../format/placeName.ts';
import { levelOf } from '../model/divisionCode.ts';
import { en } from './en.ts';
import { zhCN, type Dictionary } from './zh-CN.ts';

// Pages take the language types with the dictionaries; they are defined once, in locale.ts.
export type { Dictionary, Locale };
export { LOCALES } from './locale.ts';

const DICTIONARIES: Readonly<Record<Locale, Dictionary>> = { 'zh-CN': zhCN, en };

export function t(locale: Locale): Dictionary {
  return DICTIONARIES[locale];
}

// Pages import the filler with the dictionaries; it lives in fill.ts so browser code can take it alone.
import { fill } from './fill.ts';
export { fill };

export function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'zh-CN' : 'en';
}

/**
 * What a place's children are called, from the code of one of them: a province's cities, a city's
 * counties, a county's towns, a town's villages. One word for every page, whatever the region's level.
 */
export function childrenWord(text: Dictionary, childCode: string | undefined): string {
  if (childCode === undefined) return text.childrenVillages;
  // A province is never a child; it is listed so that every level has a word.
  const words = {
    province: text.childrenCities,
    city: text.childrenCities,
    county: text.childrenCounties,
    town: text.childrenTowns,
    village: text.childrenVillages,
  };
  return words[levelOf(childCode)];
}

type Values = Readonly<Record<string, string | number>>;

/**
 * A text of the dictionaries in both languages (a citation names what it cites in Chinese and in
 * English), its placeholders filled with `values`, or with the values each language's words give.
 */
export function inBoth(key: keyof Dictionary, values: Values | ((text: Dictionary) => Values) = {}): Bilingual {
  const valuesIn = (text: Dictionary) => (typeof values === 'function' ? values(text) : values);
  return { zh: fill(zhCN[key], valuesIn(zhCN)), en: fill(en[key], valuesIn(en)) };
}

// pick lives with the Bilingual type, so the steps below the site (the staff guide's generator) share it.
export { pick } from './locale.ts';

/**
 * A locale-neutral site path (`/villages/1/`, `/data/funds.csv`) in the given locale: Chinese at the
 * root, English under `/en`. A path already in English is first made neutral, so the function can
 * also switch a page's language.
 */
export function localizePath(path: string, locale: Locale): string {
  const neutral = neutralPath(path);
  return locale === 'en' ? (neutral === '/' ? '/en/' : `/en${neutral}`) : neutral;
}

/** `/en/villages/1/` → `/villages/1/`; a Chinese path is already neutral. */
export function neutralPath(path: string): string {
  const absolute = path.startsWith('/') ? path : `/${path}`;
  if (absolute === '/en' || absolute === '/en/') return '/';
  return absolute.startsWith('/en/') ? absolute.slice(3) : absolute;
}

/** The value of `<html lang>` and `hreflang`. */
export function htmlLang(locale: Locale): string {
  return locale;
}

/** The verdict of a reconciliation in words. */
export function statusText(status: ReconcileStatus, locale: Locale): string {
  const text = t(locale);
  const words: Record<ReconcileStatus, string> = {
    matches: text.statusMatches,
    'at-least': text.statusAtLeast,
    differs: text.statusDiffers,
    'not-computed': text.statusNotComputed,
  };
  return words[status];
}

/**
 * A place's name as plain text (chart labels, select options): Chinese, or in English the pinyin
 * name with the Chinese in brackets. Where markup is possible, PlaceName.astro marks the Chinese.
 */
/** A place's name in the reader's language alone (the region in titles and ledes). */
export function localName(place: { name: string; nameEn?: string | undefined }, locale: Locale): string {
  return locale === 'en' ? (place.nameEn ?? place.name) : place.name;
}

export function placeText(place: { name: string; nameEn?: string | undefined }, locale: Locale): string {
  if (locale !== 'en') return place.name;
  return `${englishName({ name: place.name, name_en: place.nameEn })} (${place.name})`;
}
