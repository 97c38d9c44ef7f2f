/**
 * Calendar dates without a time of day or a time zone ('YYYY-MM-DD'): the one date module of
 * the hub, used by the rules (deadlines), the importer (normalised dates), the case state, the
 * sample generator and the site (the Chinese date label).
 *
 * Dates in the programme's documents are dates in China. A `Date` at local midnight names a
 * different day west of UTC, so nothing here makes one: arithmetic runs on whole day numbers
 * (days since 1970-01-01, computed through UTC), and every function gives the same answer under
 * any TZ. What day it is today is not here: the clock is `api/src/clock.ts`. Reading the
 * bureau's ways of writing a date (Excel serials, `2026年3月5日`, `2026.3.5`) is import
 * normalisation: `api/src/import/date-input.ts`.
 */

/** A calendar date written 'YYYY-MM-DD', validated by {@link isPlainDate} / {@link parsePlainDate}. */
export type PlainDate = string;

/** Days since 1970-01-01 (negative before): the form to count in when dates are many (the sample generator). */
export type DayNumber = number;

/** 0 = Sunday … 6 = Saturday, as `Date#getUTCDay`. */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Day numbers of the dates seen, and dates of the day numbers: the case state evaluates the rules
 * on a few thousand distinct dates millions of times while publishing (parsing each again was half
 * its time). Only valid dates enter; both are emptied when they grow past {@link MEMO_MAX}.
 */
const dayNumbers = new Map<string, DayNumber>();
const datesOf = new Map<DayNumber, PlainDate>();
const MEMO_MAX = 100_000;

/** True when `value` is a 'YYYY-MM-DD' string naming a day that exists (no 2027-02-30). */
export function isPlainDate(value: unknown): value is PlainDate {
  if (typeof value !== 'string') return false;
  if (dayNumbers.has(value)) return true;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Returns `value` as a PlainDate, or throws a RangeError saying what is wrong with it. */
export function parsePlainDate(value: unknown): PlainDate {
  if (isPlainDate(value)) return value;
  throw new RangeError(`${JSON.stringify(value)} is not a valid date (expected YYYY-MM-DD)`);
}

/** The date of a year, month (1–12) and day; throws a RangeError when that day does not exist. */
export function plainDate(year: number, month: number, day: number): PlainDate {
  if (!isCalendarDay(year, month, day)) throw new RangeError(`${year}-${month}-${day} is not a calendar date`);
  return format(year, month, day);
}

/** The number of days of a month (1–12) in the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(utcMidnight(year, month + 1, 0)).getUTCDate();
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(date: PlainDate): DayNumber {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const { year, month, day } = partsOf(date);
  const n = utcMidnight(year, month, day) / MS_PER_DAY;
  if (dayNumbers.size >= MEMO_MAX) dayNumbers.clear();
  dayNumbers.set(date, n);
  return n;
}

export function fromDayNumber(dayNumber: DayNumber): PlainDate {
  const known = datesOf.get(dayNumber);
  if (known !== undefined) return known;
  if (!Number.isInteger(dayNumber)) throw new RangeError(`day number ${dayNumber} is not an integer`);
  const utc = new Date(dayNumber * MS_PER_DAY);
  const date = format(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
  if (datesOf.size >= MEMO_MAX) datesOf.clear();
  datesOf.set(dayNumber, date);
  return date;
}

/** The day number of a year, month (1–12) and day; throws a RangeError when that day does not exist. */
export function dayNumber(year: number, month: number, day: number): DayNumber {
  if (!isCalendarDay(year, month, day)) throw new RangeError(`${year}-${month}-${day} is not a calendar date`);
  return utcMidnight(year, month, day) / MS_PER_DAY;
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * The same month and day `years` later (or earlier); 29 February becomes 28 February in a
 * common year (Civil Code Art. 202: without a corresponding day, the month's last day).
 */
export function addYears(date: PlainDate, years: number): PlainDate {
  const { year, month, day } = partsOf(date);
  const target = year + years;
  return format(target, month, Math.min(day, daysInMonth(target, month)));
}

/** Negative when `a` is earlier, 0 on the same day, positive when later. */
export function compareDates(a: PlainDate, b: PlainDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function diffDays(from: PlainDate, to: PlainDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function dayOfWeek(date: PlainDate): DayOfWeek {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(date) + 4) % 7) + 7) % 7) as DayOfWeek;
}

export function isWeekend(date: PlainDate): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

export function yearOf(date: PlainDate): number {
  return partsOf(date).year;
}

/** 1 = January … 12 = December. */
export function monthOf(date: PlainDate): number {
  return partsOf(date).month;
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** 'Saturday' etc., for messages. */
export function weekdayName(date: PlainDate): string {
  return WEEKDAY_NAMES[dayOfWeek(date)];
}

/**
 * The date as the site and the bureau's documents write it: '2026-03-05' → '2026年3月5日'
 * (month and day without a leading zero); '—' when there is none. A text that does not start
 * with 'YYYY-MM-DD' is returned as it is.
 */
export function dateLabel(date: string | null | undefined): string {
  if (!date) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

function partsOf(date: PlainDate): { year: number; month: number; day: number } {
  const valid = parsePlainDate(date);
  return { year: Number(valid.slice(0, 4)), month: Number(valid.slice(5, 7)), day: Number(valid.slice(8, 10)) };
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 0 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Milliseconds at UTC midnight; `setUTCFullYear` because `Date.UTC` reads years 0–99 as 1900–1999. */
function utcMidnight(year: number, month: number, day: number): number {
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  return utc.getTime();
}

function format(year: number, month: number, day: number): PlainDate {
  if (year < 0 || year > 9999) throw new RangeError(`year ${year} is outside 0000–9999`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
