/**
 * How to cite a figure of one edition: GB/T 7714-2015 (电子资源 [EB/OL]) in Chinese, APA 7 in English,
 * and BibTeX. The one home of citation text, for the pages (built with the day of the build as the
 * access date) and for the browser, which puts the reader's own day in its place (accessedText).
 */
import type { Bilingual } from '../i18n/locale.ts';
import { parseIsoDate } from '../model/calendar.ts';
import { accessedTextOn, longDay, MONTHS, type CitationStyle } from './accessedText.ts';

export type Citation = {
  /** Who publishes the figures: the site, by its name in each language. */
  author: Bilingual;
  /** What is cited: the figure and its place, e.g. "伊金霍洛旗：资金总额". */
  title: Bilingual;
  /** The edition and its as-of date. */
  edition: string;
  asOf: string;
  /** The day the edition was released (its date of publication). */
  released: string;
  /** The figure's address in its frozen edition: the same numbers whenever it is opened. */
  url: string;
  /** The day the reader looked (ISO). */
  accessed: string;
};

export type { CitationStyle };
export const CITATION_STYLES: readonly CitationStyle[] = ['gbt7714', 'apa', 'bibtex'];

const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const longDate = (iso: string) => longDay(parseIsoDate(iso));

/** The access date as each style writes it: what the browser replaces with the reader's day. */
export function accessedText(style: CitationStyle, iso: string): string {
  return accessedTextOn(style, parseIsoDate(iso));
}

/** GB/T 7714-2015, 电子资源: 主要责任者. 题名[EB/OL]. (发布日期)[引用日期]. 获取和访问路径. */
export function citeGbt7714(c: Citation): string {
  return `${c.author.zh}. ${c.title.zh}（${c.edition} 版，数据截止 ${c.asOf}）[EB/OL]. (${c.released})${accessedText('gbt7714', c.accessed)}. ${c.url}.`;
}

/** APA 7, data set: Author. (Year, Month Day). Title (Edition) [Data set]. Retrieved …, from URL */
export function citeApa(c: Citation): string {
  const { year, month, day } = parseIsoDate(c.released);
  return `${c.author.en}. (${year}, ${MONTHS[month - 1]!} ${day}). ${c.title.en} (Edition ${c.edition}, data as of ${longDate(c.asOf)}) [Data set]. ${accessedText('apa', c.accessed)} ${c.url}`;
}

/** Braces, backslashes and the characters TeX treats specially, escaped. */
const escapeTex = (text: string) => text.replace(/[\\{}]/g, (ch) => `\\${ch}`).replace(/[%&#_$^~]/g, (ch) => `\\${ch}`);

/** A BibTeX @misc entry; the key is the edition and the figure's anchor, so it is the same in every build. */
export function citeBibtex(c: Citation, key: string): string {
  const { year, month } = parseIsoDate(c.released);
  return [
    `@misc{${key.replace(/[^\w:-]/g, '-')},`,
    `  author = {{${escapeTex(c.author.en)}}},`,
    `  title = {${escapeTex(c.title.en)} / ${escapeTex(c.title.zh)}},`,
    `  year = {${year}},`,
    `  month = ${BIBTEX_MONTHS[month - 1]!},`,
    `  note = {Edition ${escapeTex(c.edition)}, data as of ${c.asOf}},`,
    `  url = {${c.url}},`,
    `  ${accessedText('bibtex', c.accessed)}`,
    `}`,
  ].join('\n');
}

/**
 * A whole edition's data, as its zip's README cites it: no author, and the access date left for the
 * reader to fill in. Released zips hold this text, so a change to it changes their bytes.
 */
export type DatasetCitation = { title: Bilingual; edition: string; released: string; url: string };

/** GB/T 7714-2015 for an electronic resource with no named author: 题名[EB/OL]. (更新日期)[引用日期]. 网址. */
export function citeDatasetGbt({ title, edition, released, url }: DatasetCitation): string {
  return `${title.zh}：数据版本 ${edition}[EB/OL]. (${released})[引用日期]. ${url}.`;
}

/** APA (7th edition) for a data set with no named author: the title takes the author's place. */
export function citeDatasetApa({ title, edition, released, url }: DatasetCitation): string {
  return `${title.en} (Version ${edition}) [Data set]. (${released.slice(0, 4)}). ${url}`;
}
