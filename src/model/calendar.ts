/**
 * The one calendar: `YYYY-MM-DD` dates and `YYYY-MM` months as the data writes them, and the
 * arithmetic on them (days in a month, day numbers for a time axis, ranges of months), built on
 * d3-time's UTC intervals so that no time zone or daylight-saving rule can move a day. Reading what
 * staff typed in a cell (2021/10/14, 2021年10月) stays in src/read/coerce.ts, which asks here whether
 * the date exists.
 */
import { utcDay, utcMonth, utcYear } from 'd3-time';

export type YearMonth = { year: number; month: number };
export type YearMonthDay = YearMonth & { day: number };

const EPOCH = new Date(0);

/** Midnight UTC of a day; setUTCFullYear, unlike Date.UTC, does not turn year 99 into 1999. */
function utcDate(year: number, month: number, day = 1): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const yearText = (year: number): string => String(year).padStart(4, '0');

/** `YYYY-MM` of a UTC date. */
const monthText = (date: Date): string => `${yearText(date.getUTCFullYear())}-${pad2(date.getUTCMonth() + 1)}`;

/** `YYYY-MM-DD` of a UTC date. */
const dateText = (date: Date): string => `${monthText(date)}-${pad2(date.getUTCDate())}`;

// A cell reader asks for every row; the answer for a month never changes, so it is worked out once.
const monthLengths = new Map<number, number>();

/** 28 to 31: the days between the first of the month and the first of the next. */
export function daysInMonth(year: number, month: number): number {
  const key = year * 12 + month;
  let days = monthLengths.get(key);
  if (days === undefined) {
    const start = utcDate(year, month);
    days = utcDay.count(start, utcMonth.offset(start, 1));
    monthLengths.set(key, days);
  }
  return days;
}

/** Whether year-month-day is a day of the calendar (2021-02-29 is not). */
export function isRealDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(month) && month >= 1 && month <= 12 && Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

/** Splits `YYYY-MM` into numbers; throws for anything else. */
export function parseIsoMonth(text: string): YearMonth {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (match === null || month < 1 || month > 12) throw new RangeError(`Not a YYYY-MM month: ${text}`);
  return { year, month };
}

/** Splits `YYYY-MM-DD` into numbers, refusing dates that do not exist (2021-02-30). */
export function parseIsoDate(text: string): YearMonthDay {
  const match = /^(\d{4}-\d{2})-(\d{2})$/.exec(text);
  if (match === null) throw new RangeError(`Not a YYYY-MM-DD date: ${text}`);
  const { year, month } = parseIsoMonth(match[1]!);
  const day = Number(match[2]);
  if (!isRealDate(year, month, day)) throw new RangeError(`No such date: ${text}`);
  return { year, month, day };
}

/** `2021-09-14` → `2021-09`: the month a date falls in (its first seven characters, as ISO writes it). */
export function monthOfDate(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`Not a YYYY-MM-DD date: ${isoDate}`);
  return isoDate.slice(0, 7);
}

/** Midnight UTC of `YYYY-MM-DD`, or of the first day of `YYYY-MM`: the same instant in every time zone. */
export function startOf(text: string): Date {
  if (/^\d{4}-\d{2}$/.test(text)) {
    const { year, month } = parseIsoMonth(text);
    return utcDate(year, month);
  }
  const { year, month, day } = parseIsoDate(text);
  return utcDate(year, month, day);
}

const dayNumberOf = (date: Date): number => utcDay.count(EPOCH, date);
const dateOfDayNumber = (day: number): Date => utcDay.offset(EPOCH, day);

/** Days since 1970-01-01 (negative before) of `YYYY-MM-DD`; a month `YYYY-MM` counts as its first day. */
export function toDayNumber(text: string): number {
  return dayNumberOf(startOf(text));
}

/** The `YYYY-MM-DD` of a day number. */
export function fromDayNumber(day: number): string {
  return dateText(dateOfDayNumber(day));
}

/**
 * The `YYYY-MM-DD` on the calendar of a time zone `utcOffsetHours` ahead of UTC at an instant
 * (milliseconds since 1970, as Date.now gives it). The clock itself is read by the caller, never here.
 */
export function dayAt(epochMilliseconds: number, utcOffsetHours = 0): string {
  return dateText(utcDay.floor(new Date(epochMilliseconds + utcOffsetHours * 3_600_000)));
}

/**
 * The latest date anywhere on earth (UTC+14) at an instant: the day of the build, against which an
 * as-of date may not be later, on the command line (src/load/readDataDir.ts) as in the browser.
 */
export function latestDayOnEarth(epochMilliseconds: number): string {
  return dayAt(epochMilliseconds, 14);
}

/** How many hours this machine's time zone is ahead of UTC at an instant (8 in China). */
export function utcOffsetHoursAt(epochMilliseconds: number): number {
  return -new Date(epochMilliseconds).getTimezoneOffset() / 60;
}

/**
 * An instant at which this machine's clock reads 12:00 on `YYYY-MM-DD`, for formats that store a
 * wall-clock time with no zone (a zip entry's DOS time is read with local getters): the fields written
 * are then the same in every time zone. Noon, because no daylight-saving change skips it.
 */
export function localNoonOf(isoDate: string): Date {
  const { year, month, day } = parseIsoDate(isoDate);
  const date = new Date(0);
  date.setFullYear(year, month - 1, day);
  date.setHours(12, 0, 0, 0);
  return date;
}

/** The day number of the last day of `YYYY-MM`. */
export function lastDayOfMonth(isoMonth: string): number {
  return dayNumberOf(utcMonth.offset(startOf(isoMonth), 1)) - 1;
}

/** `2021-10` moved by whole months: (2021-10, -1) → 2021-09. */
export function addMonths(isoMonth: string, months: number): string {
  return monthText(utcMonth.offset(startOf(isoMonth), months));
}

/** Months `from` … `to`, both included, as `YYYY-MM`; empty when `to` is before `from`. */
export function monthRange(from: string, to: string): string[] {
  return utcMonth.range(startOf(from), utcMonth.offset(startOf(to), 1)).map(monthText);
}

/**
 * The first days of months from day `firstDay` to day `lastDay` (both included), every `step` months
 * aligned to the calendar: a step that divides 12 counts from January (quarters start in January), a
 * multiple of 12 from years divisible by step / 12.
 */
export function monthStarts(firstDay: number, lastDay: number, step = 1): { month: string; day: number }[] {
  const interval = step % 12 === 0 ? utcYear.every(step / 12) : 12 % step === 0 ? utcMonth.every(step) : null;
  if (interval === null) throw new RangeError(`A step of ${step} months does not align with the calendar`);
  return interval.range(dateOfDayNumber(firstDay), dateOfDayNumber(lastDay + 1)).map((date) => ({ month: monthText(date), day: dayNumberOf(date) }));
}
