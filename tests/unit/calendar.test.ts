import fc from 'fast-check';
import { propertyRuns } from '../support/propertyRuns.ts';
import { describe, expect, test } from 'vitest';
import {
  addMonths,
  dayAt,
  daysInMonth,
  fromDayNumber,
  isRealDate,
  lastDayOfMonth,
  monthOfDate,
  monthRange,
  monthStarts,
  parseIsoDate,
  parseIsoMonth,
  toDayNumber,
} from '../../src/model/calendar.ts';

describe('the calendar', () => {
  test.each([
    [2021, 2, 28],
    [2024, 2, 29],
    [1900, 2, 28],
    [2000, 2, 29],
    [2021, 4, 30],
    [2021, 12, 31],
    [99, 2, 28],
    [96, 2, 29],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  test('knows which dates exist', () => {
    expect(isRealDate(2021, 2, 29)).toBe(false);
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2021, 13, 1)).toBe(false);
    expect(isRealDate(2021, 1, 0)).toBe(false);
    expect(() => parseIsoDate('2021-02-30')).toThrow(/No such date/);
    expect(() => parseIsoDate('2021-2-3')).toThrow(/Not a YYYY-MM-DD/);
    expect(() => parseIsoMonth('2021-13')).toThrow(/Not a YYYY-MM/);
    expect(parseIsoDate('2021-10-14')).toEqual({ year: 2021, month: 10, day: 14 });
  });

  test('counts days from 1970-01-01 like Date.UTC does, and back, for any date from 1900 to 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 11, 31) }), (time) => {
        const iso = new Date(time).toISOString().slice(0, 10);
        const day = Math.floor(time / 86_400_000);
        expect(toDayNumber(iso)).toBe(day);
        expect(fromDayNumber(day)).toBe(iso);
      }),
      propertyRuns(),
    );
  });

  test('reads a month as its first day, and keeps years below 100 as written', () => {
    expect(toDayNumber('2021-09')).toBe(toDayNumber('2021-09-01'));
    expect(fromDayNumber(toDayNumber('0099-12-31') + 1)).toBe('0100-01-01');
  });

  test('walks months', () => {
    expect(monthOfDate('2021-09-14')).toBe('2021-09');
    expect(addMonths('2021-10', -1)).toBe('2021-09');
    expect(addMonths('2021-01', -1)).toBe('2020-12');
    expect(monthRange('2020-11', '2021-02')).toEqual(['2020-11', '2020-12', '2021-01', '2021-02']);
    expect(monthRange('2021-02', '2021-01')).toEqual([]);
    expect(fromDayNumber(lastDayOfMonth('2024-02'))).toBe('2024-02-29');
  });

  test('puts month starts on calendar-aligned steps', () => {
    const first = toDayNumber('2019-12-15');
    const last = toDayNumber('2024-01-01');
    expect(monthStarts(first, toDayNumber('2020-03-01')).map((m) => m.month)).toEqual(['2020-01', '2020-02', '2020-03']);
    expect(monthStarts(first, toDayNumber('2020-12-31'), 3).map((m) => m.month)).toEqual(['2020-01', '2020-04', '2020-07', '2020-10']);
    expect(monthStarts(first, last, 24).map((m) => m.month)).toEqual(['2020-01', '2022-01', '2024-01']);
    expect(monthStarts(first, last, 1)[0]).toEqual({ month: '2020-01', day: toDayNumber('2020-01-01') });
    expect(() => monthStarts(first, last, 5)).toThrow(RangeError);
  });

  test('dayAt: the calendar day of an instant in a time zone ahead of UTC, with no clock read', () => {
    const instant = Date.UTC(2021, 9, 13, 16, 30);
    expect(dayAt(instant)).toBe('2021-10-13');
    expect(dayAt(instant, 8)).toBe('2021-10-14');
    expect(dayAt(Date.UTC(2021, 9, 13, 9, 59), 14)).toBe('2021-10-13');
    expect(dayAt(Date.UTC(2021, 9, 13, 10, 0), 14)).toBe('2021-10-14');
  });
});
