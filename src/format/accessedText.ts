/**
 * The access date of a citation as each style writes it (src/format/citation.ts is the home of the
 * citations themselves). A leaf of its own, with no import, so that the browser's script that puts in
 * the reader's own day (src/client/citePanel.ts) carries no calendar library.
 */
export type CitationStyle = 'gbt7714' | 'apa' | 'bibtex';

/** A day of the calendar as numbers (month 1–12), already known to exist. */
export type Day = { year: number; month: number; day: number };

/** The months' English names, as APA writes them. */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `December 1, 2021`, as APA writes a day. */
export const longDay = ({ year, month, day }: Day): string => `${MONTHS[month - 1]!} ${day}, ${year}`;

const isoDay = ({ year, month, day }: Day): string => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The access date as each style writes it: what the browser replaces with the reader's day. */
export function accessedTextOn(style: CitationStyle, day: Day): string {
  return style === 'apa' ? `Retrieved ${longDay(day)}, from` : style === 'bibtex' ? `urldate = {${isoDay(day)}}` : `[${isoDay(day)}]`;
}
