/**
 * Calendar arithmetic on `YYYY-MM-DD` / `YYYY-MM` strings without Date objects, so no time zone or
 * daylight-saving rule can move a point on a time axis.
 */
import { parseIsoDate } from '../format/formatNumber.ts';

/** Days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** `2021-09-14` → its day number; a month `2021-09` counts as its first day. */
export function toDayNumber(text: string): number {
  const { year, month, day } = parseIsoDate(/^\d{4}-\d{2}$/.test(text) ? `${text}-01` : text);
  return daysFromCivil(year, month, day);
}

export type MonthTick = { month: string; day: number };

const STEPS = [1, 2, 3, 4, 6, 12, 24, 60, 120] as const;

const monthText = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}`;

/**
 * First days of months between two day numbers (inclusive), thinned to at most `maxCount` at a
 * regular step of 1, 2, 3, 4, 6 or 12 months aligned to the calendar (quarters start in January).
 */
export function monthTicks(firstDay: number, lastDay: number, maxCount: number): MonthTick[] {
  const all: (MonthTick & { index: number })[] = [];
  // Walk from the month of `firstDay`; day numbers are monotonic in (year, month) so stop past lastDay.
  let year = 1970 + Math.floor(firstDay / 366) - 1;
  let month = 1;
  while (daysFromCivil(year, month, 1) < firstDay) [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  for (let day = daysFromCivil(year, month, 1); day <= lastDay; day = daysFromCivil(year, month, 1)) {
    all.push({ month: monthText(year, month), day, index: year * 12 + month - 1 });
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  const step = STEPS.find((each) => Math.ceil(all.length / each) <= Math.max(1, maxCount)) ?? 120;
  return all.filter((tick) => tick.index % step === 0).map(({ month: text, day }) => ({ month: text, day }));
}
