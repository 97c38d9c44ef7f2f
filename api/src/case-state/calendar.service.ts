import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CalendarDataError, parseCalendarData, type CalendarData } from '../rules/calendar.ts';
import { queryable, type Database } from '@hub/db';
import { todayInChina } from '../clock.ts';
import { notifyChanged } from '../live/changes.ts';
import { refreshStatistics } from '../stats/stats-aggregate.ts';
import { storeCalendar } from './calendar.store.ts';
import { refreshCaseState, type RefreshResult } from './case-state.service.ts';

/**
 * Loads a year (or several) of the State Council's holiday calendar — the bureau does this when
 * a new notice is published — and recomputes every case, since deadlines may move (003 Art. 34).
 * One transaction: a bad file changes nothing; on commit every API process drops its cached answers.
 */
export async function importCalendar(
  db: Database,
  data: CalendarData,
  source: string,
): Promise<{ years: number[]; days: number; refreshed: RefreshResult }> {
  return queryable(db).transaction(async (tx) => {
    await storeCalendar(tx, data, source);
    const refreshed = await refreshCaseState(tx);
    await notifyChanged(tx, { reason: 'calendar' });
    await refreshStatistics(tx, todayInChina());
    return { years: data.years, days: data.days.length, refreshed };
  });
}

/** Reads and checks a calendar file (JSON: { years: [2027], days: [{ date, kind: holiday|workday, name }] }). */
export async function readCalendarFile(file: string): Promise<CalendarData> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new CalendarDataError([`${basename(file)}: not a JSON file (${(cause as Error).message})`]);
  }
  return parseCalendarData(json);
}
