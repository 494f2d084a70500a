/**
 * The site's two languages, Simplified Chinese first, and text that exists in both: the types every
 * step shares, from a data problem's message to a page's words.
 */

export type Locale = 'zh-CN' | 'en';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** Text a person reads, always in both languages. */
export type Bilingual = { zh: string; en: string };

/** The text of a bilingual pair in the reader's language. */
export function pick(text: Bilingual, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}
