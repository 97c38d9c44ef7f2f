import { queryable, type Database, type Queryable } from '@hub/db';
import { WorkCalendar, calendarDataFromChineseDays, type CalendarData } from '../rules/calendar.ts';

/**
 * The official calendar lives in the database (calendar_year, calendar_day) so the bureau can
 * load a year the State Council publishes (`pnpm hub calendar import FILE`): 003 Art. 34.
 */
export async function loadWorkCalendar(db: Queryable): Promise<WorkCalendar> {
  const [years, days] = await Promise.all([
    db.query<{ year: number }>('SELECT year FROM calendar_year ORDER BY year'),
    db.query<{ date: string; kind: 'holiday' | 'workday'; name: string }>(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name FROM calendar_day ORDER BY date`,
    ),
  ]);
  return new WorkCalendar({ years: years.map((r) => r.year), days });
}

/** Replaces the given years' calendars (a year is loaded whole or not at all). */
export async function storeCalendar(db: Queryable, data: CalendarData, source: string): Promise<void> {
  await db.execute('DELETE FROM calendar_year WHERE year = ANY($1)', [data.years]);
  await db.execute(`INSERT INTO calendar_year (year, source) SELECT unnest($1::int[]), $2`, [data.years, source]);
  // a day belongs to the notice of its own year, or of the nearest covered year (the 2012 notice
  // made 2011-12-31 a working day)
  const noticeYear = (date: string) => {
    const y = Number(date.slice(0, 4));
    return data.years.includes(y) ? y : [...data.years].sort((a, b) => Math.abs(a - y) - Math.abs(b - y))[0];
  };
  await db.execute(
    `INSERT INTO calendar_day (date, year, kind, name)
     SELECT d::date, y, k, n FROM unnest($1::text[], $2::int[], $3::text[], $4::text[]) AS t(d, y, k, n)
     ON CONFLICT (date) DO UPDATE SET year = excluded.year, kind = excluded.kind, name = excluded.name`,
    [data.days.map((d) => d.date), data.days.map((d) => noticeYear(d.date)), data.days.map((d) => d.kind), data.days.map((d) => d.name)],
  );
}

/** A new database gets the years the chinese-days package carries; loaded years are never overwritten. */
export async function ensureCalendar(database: Database): Promise<number[]> {
  const db = queryable(database);
  const rows = await db.query<{ year: number }>('SELECT year FROM calendar_year');
  const known = new Set(rows.map((r) => r.year));
  const data = calendarDataFromChineseDays();
  const missing = data.years.filter((y) => !known.has(y));
  if (missing.length) {
    await storeCalendar(db, { years: missing, days: data.days }, 'chinese-days 1.5.7 (State Council notices)');
  }
  return missing;
}
