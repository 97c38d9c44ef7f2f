/**
 * Calendar dates as day numbers (days since 1970-01-01): plain dates, no time zone, no `Date`
 * at local midnight — the data's dates are calendar dates in China, whatever the machine's TZ.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

/** 'YYYY-MM-DD' → day number; throws on anything else. */
export function parseDay(text: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new Error(`not a date (YYYY-MM-DD): ${text}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new Error(`not a calendar date: ${text}`);
  }
  return ms / MS_PER_DAY;
}

export function day(year: number, month: number, date: number): Day {
  return Date.UTC(year, month - 1, date) / MS_PER_DAY;
}

const ISO_CACHE = new Map<Day, string>();

/** day number → 'YYYY-MM-DD' (cached: the sample formats a few thousand distinct days millions of times) */
export function iso(d: Day): string {
  let text = ISO_CACHE.get(d);
  if (text === undefined) ISO_CACHE.set(d, (text = new Date(d * MS_PER_DAY).toISOString().slice(0, 10)));
  return text;
}

/** The same calendar date `years` later (29 February → 28 February). */
export function addYears(d: Day, years: number): Day {
  const [y, m, dd] = iso(d).split('-').map(Number);
  const target = day(y + years, m, dd);
  return monthOf(target) === m ? target : target - 1;
}

export function yearOf(d: Day): number {
  return new Date(d * MS_PER_DAY).getUTCFullYear();
}

export function monthOf(d: Day): number {
  return new Date(d * MS_PER_DAY).getUTCMonth() + 1;
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(d: Day): number {
  return (((d + 4) % 7) + 7) % 7;
}

/** The same day or the next Monday when it falls on a weekend (offices publish on weekdays). */
export function weekdayOnOrAfter(d: Day): Day {
  const w = weekday(d);
  return w === 6 ? d + 2 : w === 0 ? d + 1 : d;
}

/** A timestamp in China Standard Time on day `d`, `minutes` after midnight. */
export function stamp(d: Day, minutes: number): string {
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${iso(d)} ${hh}:${mm}:00+08`;
}

/** '2026年3月5日' */
export function chineseDate(d: Day): string {
  const [y, m, dd] = iso(d).split('-').map(Number);
  return `${y}年${m}月${dd}日`;
}

/** '20260305' */
export function compact(d: Day): string {
  return iso(d).replaceAll('-', '');
}
