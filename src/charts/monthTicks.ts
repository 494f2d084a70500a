/**
 * Month ticks for a time axis, thinned to fit; the calendar itself (day numbers, month starts) is
 * src/model/calendar.ts.
 */
import { monthStarts } from '../model/calendar.ts';

export type MonthTick = { month: string; day: number };

const STEPS = [1, 2, 3, 4, 6, 12, 24, 60, 120] as const;

/**
 * First days of months between two day numbers (inclusive), thinned to at most `maxCount` at a
 * regular step of 1, 2, 3, 4, 6 or 12 months aligned to the calendar (quarters start in January).
 */
export function monthTicks(firstDay: number, lastDay: number, maxCount: number): MonthTick[] {
  const count = monthStarts(firstDay, lastDay).length;
  const step = STEPS.find((each) => Math.ceil(count / each) <= Math.max(1, maxCount)) ?? 120;
  return monthStarts(firstDay, lastDay, step);
}
