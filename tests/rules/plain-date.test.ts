import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  compareDates,
  dateLabel,
  dayNumber,
  dayOfWeek,
  daysInMonth,
  diffDays,
  fromDayNumber,
  isPlainDate,
  monthOf,
  parsePlainDate,
  plainDate,
  toDayNumber,
  yearOf,
} from '@hub/db/plain-date';

describe('PlainDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2027-02-30', false],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-4-1', false],
    ['2026-04-01T00:00:00Z', false],
    ['', false],
    [20260401, false],
    [null, false],
  ])('isPlainDate(%j) is %s', (value, expected) => {
    expect(isPlainDate(value)).toBe(expected);
  });

  it('parsePlainDate names the bad value', () => {
    expect(() => parsePlainDate('2027-02-30')).toThrow('"2027-02-30" is not a valid date');
    expect(parsePlainDate('2026-03-03')).toBe('2026-03-03');
  });

  it.each([
    ['2026-03-03', 15, '2026-03-18'],
    ['2026-02-20', 9, '2026-03-01'],
    ['2028-02-20', 9, '2028-02-29'],
    ['2026-12-24', 15, '2027-01-08'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
  ])('addDays(%s, %i) is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-03-10', 3, '2029-03-10'],
    ['2028-02-29', 3, '2031-02-28'],
    ['2028-02-29', 4, '2032-02-29'],
    ['2029-03-10', -3, '2026-03-10'],
  ])('addYears(%s, %i) is %s (29 Feb becomes 28 Feb in a common year)', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it('diffDays and compareDates count whole days, across a leap day', () => {
    expect(diffDays('2028-02-28', '2028-03-01')).toBe(2);
    expect(diffDays('2026-03-18', '2026-03-03')).toBe(-15);
    expect(compareDates('2026-10-08', '2026-10-10')).toBeLessThan(0);
    expect(compareDates('2026-10-10', '2026-10-10')).toBe(0);
  });

  it.each([
    ['1970-01-01', 4],
    ['2026-01-04', 0],
    ['2026-02-28', 6],
    ['2026-10-10', 6],
    ['2026-10-08', 4],
    ['1969-12-31', 3],
  ])('dayOfWeek(%s) is %i (0 = Sunday)', (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected);
  });

  it('round-trips day numbers and reads the year and month', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('2026-10-01'))).toBe('2026-10-01');
    expect(dayNumber(2026, 3, 5)).toBe(toDayNumber('2026-03-05'));
    expect(fromDayNumber(dayNumber(2026, 3, 5) + 15)).toBe('2026-03-20');
    expect(yearOf('2027-01-04')).toBe(2027);
    expect(monthOf('2027-01-04')).toBe(1);
  });

  it('builds a date from its parts, and refuses a day that does not exist', () => {
    expect(plainDate(2026, 3, 5)).toBe('2026-03-05');
    expect(plainDate(29, 1, 1)).toBe('0029-01-01');
    expect(() => plainDate(2026, 2, 30)).toThrow('2026-2-30 is not a calendar date');
    expect(() => dayNumber(2026, 13, 1)).toThrow(RangeError);
    expect([daysInMonth(2028, 2), daysInMonth(2027, 2), daysInMonth(2100, 2), daysInMonth(2000, 2), daysInMonth(2026, 4)]).toEqual([
      29, 28, 28, 29, 30,
    ]);
  });

  it.each([
    ['2026-03-05', '2026年3月5日'],
    ['2026-10-31', '2026年10月31日'],
    ['2026-03-05T08:00:00+08:00', '2026年3月5日'],
    ['2026年3月', '2026年3月'],
    [null, '—'],
    [undefined, '—'],
    ['', '—'],
  ])('dateLabel(%j) is %s', (date, expected) => {
    expect(dateLabel(date)).toBe(expected);
  });
});
