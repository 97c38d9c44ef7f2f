/**
 * Day counting for the spot-check procedure (003 Art. 34) and the official working-day calendar
 * it needs.
 *
 * 003 Art. 34: 本办法中所称"日"为公历日。期间届满的最后一日为法定节假日的，以法定节假日后的第一个
 * 工作日为期间届满的日期。 The hub's reading (docs/sources/DOMAIN.md "Day counting"):
 * - periods are calendar days, and the day the period starts from is not counted
 *   (15 days from receipt on 3 March ends on 18 March);
 * - a last day that is not a working day — a public holiday or a weekend, but not an adjusted
 *   working day (调休上班) — moves to the next working day;
 * - the State Council publishes the calendar one year at a time, so the calendar is data with the
 *   list of years it covers. A deadline that needs a day of an uncovered year is reported as
 *   `calendarMissing` with no date: never guessed from the Monday–Friday rule. But once the
 *   nominal last day plus the longest move the official calendar has ever made (from the years
 *   the hub carries: 春节 with its weekends) has passed, the period is over under any calendar:
 *   `latestDueOn` says from when, and `calendarMissing` stays true.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { CalendarDayKind } from '@hub/db/vocabulary';
import { addDays, isPlainDate, isWeekend, weekdayName, yearOf, type PlainDate } from '@hub/db/plain-date';

/** A day that differs from the Monday–Friday rule. */
export interface CalendarDay {
  date: PlainDate;
  /** 'holiday' = 法定节假日 (day off); 'workday' = 调休上班 (an adjusted working Saturday/Sunday) */
  kind: CalendarDayKind;
  /** 春节, 国庆节 … */
  name: string;
}

/** The calendar as data: what the bureau imports and the database stores (calendar_year, calendar_day). */
export interface CalendarData {
  /** the years whose official State Council calendar is covered */
  years: number[];
  days: CalendarDay[];
}

/** The working-day calendar of the years it covers. */
export class WorkCalendar {
  readonly years: ReadonlySet<number>;
  private readonly days: ReadonlyMap<PlainDate, CalendarDay>;
  private shift: number | null | undefined;

  constructor(data: CalendarData) {
    this.years = new Set(data.years);
    this.days = new Map(data.days.map((day) => [day.date, day]));
  }

  covers(year: number): boolean {
    return this.years.has(year);
  }

  /** The holiday or adjusted working day on `date`, if it is one. */
  specialDay(date: PlainDate): CalendarDay | undefined {
    return this.days.get(date);
  }

  /**
   * Whether `date` is a working day: an adjusted working day (调休上班) is one, a public holiday is
   * not, otherwise Monday–Friday. `undefined` when the date's year is not covered.
   */
  isWorkingDay(date: PlainDate): boolean | undefined {
    if (!this.covers(yearOf(date))) return undefined;
    const special = this.days.get(date);
    if (special) return special.kind === 'workday';
    return !isWeekend(date);
  }

  /**
   * The most days a last day has ever moved under 003 Art. 34 in the years covered: for every day
   * that is not a working day, how far the next working day is. Null when no year is covered.
   */
  longestShift(): number | null {
    if (this.shift !== undefined) return this.shift;
    let longest: number | null = null;
    for (const year of this.years) {
      for (let date = `${year}-01-01` as PlainDate; yearOf(date) === year; date = addDays(date, 1)) {
        let shift = 0;
        let day = date;
        let working = this.isWorkingDay(day);
        while (working === false) {
          day = addDays(day, 1);
          shift++;
          working = this.isWorkingDay(day);
        }
        // a run into an uncovered year tells nothing
        if (working === true) longest = Math.max(longest ?? 0, shift);
      }
    }
    this.shift = longest;
    return longest;
  }
}

export interface PeriodEnd {
  /** the last day of the period after Art. 34's move; null when the calendar is missing */
  dueOn: PlainDate | null;
  /** start + days, before any move */
  nominalDueOn: PlainDate;
  /** whether the last day fell on a non-working day and moved */
  moved: boolean;
  /** a day that had to be inspected lies in a year the calendar does not cover */
  calendarMissing: boolean;
  /**
   * with `calendarMissing`: the nominal last day plus the longest move the calendar has ever made
   * (WorkCalendar.longestShift) — after it the period is over under any calendar; null when unknown
   */
  latestDueOn?: PlainDate | null;
  /** why the date moved, or why there is none */
  reason?: string;
}

/**
 * The last day of a period of `days` calendar days counted from `start` (003 Art. 34).
 * `start` itself is not counted; a last day that is not a working day moves to the next one.
 */
export function periodEnd(start: PlainDate, days: number, calendar: WorkCalendar): PeriodEnd {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`a period is a whole number of days, got ${days}`);
  // 003 Art. 34: 公历日, the start day not counted.
  const nominalDueOn = addDays(start, days);
  let candidate = nominalDueOn;
  // A run of non-working days is at most a couple of weeks (春节 with weekends); a year is a safe bound.
  for (let step = 0; step <= 366; step++) {
    const working = calendar.isWorkingDay(candidate);
    if (working === undefined) {
      const shift = calendar.longestShift();
      const latestDueOn = shift === null ? null : addDays(nominalDueOn, shift);
      return {
        dueOn: null,
        nominalDueOn,
        moved: false,
        calendarMissing: true,
        latestDueOn,
        reason:
          `no official holiday calendar for ${yearOf(candidate)}: the exact last day cannot be computed until it is loaded (003 Art. 34)` +
          (latestDueOn ? `; it is ${latestDueOn} at the latest (${nominalDueOn} + the longest holiday move on record, ${shift} days)` : ''),
      };
    }
    if (working) {
      if (candidate === nominalDueOn) return { dueOn: candidate, nominalDueOn, moved: false, calendarMissing: false };
      return {
        dueOn: candidate,
        nominalDueOn,
        moved: true,
        calendarMissing: false,
        reason: `${nominalDueOn} is ${describeDayOff(nominalDueOn, calendar)}: moved to the next working day ${candidate} (003 Art. 34)`,
      };
    }
    candidate = addDays(candidate, 1);
  }
  throw new Error(`no working day within a year after ${nominalDueOn}: the calendar data is wrong`);
}

function describeDayOff(date: PlainDate, calendar: WorkCalendar): string {
  const special = calendar.specialDay(date);
  return special ? `a public holiday (${special.name})` : `a ${weekdayName(date)}`;
}

// ---------------------------------------------------------------------------------------------
// The chinese-days package as a source

interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/**
 * The years the chinese-days package carries (2004–2026 in 1.5.7). Its entries read
 * "English name,中文名,days" and are keyed by date; its functions work in local time (wrong west
 * of UTC), so only its data is used.
 */
export function chineseDaysYears(): number[] {
  const data = chineseDays as ChineseDaysJson;
  const years = new Set([...Object.keys(data.holidays), ...Object.keys(data.workdays)].map(yearOf));
  return [...years].sort((a, b) => a - b);
}

/**
 * The package's calendar as CalendarData, for `years` (default: every year it carries). Asking
 * for a year it does not carry is an error rather than an empty, silently "covered" year.
 */
export function calendarDataFromChineseDays(years?: readonly number[]): CalendarData {
  const data = chineseDays as ChineseDaysJson;
  const available = chineseDaysYears();
  const wanted = years ? [...new Set(years)].sort((a, b) => a - b) : available;
  const unavailable = wanted.filter((year) => !available.includes(year));
  if (unavailable.length > 0) {
    throw new RangeError(`chinese-days has no calendar for ${unavailable.join(', ')} (it covers ${available[0]}–${available.at(-1)})`);
  }
  const days: CalendarDay[] = [];
  const add = (entries: Record<string, string>, kind: CalendarDayKind) => {
    for (const [date, value] of Object.entries(entries)) {
      if (wanted.includes(yearOf(date))) days.push({ date, kind, name: value.split(',')[1] ?? value });
    }
  };
  add(data.holidays, 'holiday');
  add(data.workdays, 'workday');
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { years: wanted, days };
}

// ---------------------------------------------------------------------------------------------
// Import files

/** Thrown by {@link parseCalendarData} with every problem found, each with its location. */
export class CalendarDataError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The calendar file has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `- ${p}`).join('\n')}`,
    );
    this.name = 'CalendarDataError';
  }
}

const DAY_FIELDS = ['date', 'kind', 'name'];
/** A State Council notice can start in the last days of the year before (2012's made 2011-12-31 a working day). */
const ADJACENT_YEARS = 1;

/**
 * Validates an imported calendar file (CalendarData as JSON, already `JSON.parse`d) and returns
 * it, or throws one {@link CalendarDataError} listing every problem with its location, e.g.
 * `days[3].date: "2027-02-30" is not a valid date`.
 */
export function parseCalendarData(json: unknown): CalendarData {
  const problems: string[] = [];
  if (!isRecord(json)) throw new CalendarDataError(['the file must hold an object { "years": [...], "days": [...] }']);
  for (const key of Object.keys(json)) {
    if (key !== 'years' && key !== 'days') problems.push(`${key}: unknown field (expected "years" and "days")`);
  }

  const years: number[] = [];
  if (!Array.isArray(json.years)) {
    problems.push('years: must be a list of the years the calendar covers, e.g. [2027]');
  } else {
    if (json.years.length === 0) problems.push('years: lists no year; a calendar must cover at least one');
    json.years.forEach((year, i) => {
      if (typeof year !== 'number' || !Number.isInteger(year) || year < 1949 || year > 2200) {
        problems.push(`years[${i}]: ${JSON.stringify(year)} is not a year between 1949 and 2200`);
      } else if (years.includes(year)) {
        problems.push(`years[${i}]: ${year} is listed twice`);
      } else {
        years.push(year);
      }
    });
  }

  const days: CalendarDay[] = [];
  const firstIndexOfDate = new Map<string, number>();
  if (!Array.isArray(json.days)) {
    problems.push('days: must be a list of { "date", "kind", "name" }');
  } else {
    json.days.forEach((entry, i) => {
      const at = `days[${i}]`;
      if (!isRecord(entry)) {
        problems.push(`${at}: must be an object { "date", "kind", "name" }`);
        return;
      }
      let valid = true;
      for (const key of Object.keys(entry)) {
        if (!DAY_FIELDS.includes(key)) problems.push(`${at}.${key}: unknown field (expected ${DAY_FIELDS.join(', ')})`);
      }
      const { date, kind, name } = entry;
      if (!isPlainDate(date)) {
        problems.push(`${at}.date: ${JSON.stringify(date)} is not a valid date (YYYY-MM-DD)`);
        valid = false;
      }
      if (kind !== 'holiday' && kind !== 'workday') {
        problems.push(
          `${at}.kind: ${JSON.stringify(kind)} must be "holiday" (${CalendarDayKind.label('holiday')}) or "workday" (${CalendarDayKind.label('workday')})`,
        );
        valid = false;
      }
      if (typeof name !== 'string' || name.trim() === '') {
        problems.push(`${at}.name: must name the holiday, e.g. "春节"`);
        valid = false;
      }
      if (isPlainDate(date)) {
        const earlier = firstIndexOfDate.get(date);
        if (earlier !== undefined) {
          problems.push(`${at}.date: "${date}" is already listed at days[${earlier}]`);
          valid = false;
        } else {
          firstIndexOfDate.set(date, i);
        }
        if (kind === 'workday' && !isWeekend(date)) {
          problems.push(`${at}: "${date}" is a ${weekdayName(date)}; an adjusted working day (调休上班) is a Saturday or Sunday`);
          valid = false;
        }
        const year = yearOf(date);
        if (years.length > 0 && !years.some((covered) => Math.abs(covered - year) <= ADJACENT_YEARS)) {
          problems.push(
            `${at}.date: "${date}" is far from the covered years (${years.join(', ')}); add its year to "years" or remove the day`,
          );
          valid = false;
        }
      }
      if (valid) days.push({ date: date as PlainDate, kind: kind as CalendarDayKind, name: (name as string).trim() });
    });
  }

  if (problems.length > 0) throw new CalendarDataError(problems);
  return { years: years.sort((a, b) => a - b), days };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
