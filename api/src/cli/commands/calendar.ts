import { CalendarDataError, type CalendarData } from '../../rules/calendar.ts';
import { importCalendar, readCalendarFile } from '../../case-state/calendar.service.ts';
import type { Command } from '../command.ts';
import { InputError, UsageError, withDatabase } from '../command.ts';

/** `pnpm hub calendar import FILE`: load a year of the State Council holiday calendar. */
export const calendar: Command = {
  summary: 'load a year of the official holiday calendar: pnpm hub calendar import FILE.json',
  usage:
    'import FILE.json   (JSON: { "years": [2027], "days": [{ "date": "2027-01-01", "kind": "holiday", "name": "元旦" }, …] }; kind workday = 调休上班)',
  async run(args) {
    const [action, file] = args;
    if (action !== 'import' || !file) throw new UsageError('Name the file: pnpm hub calendar import FILE.json');
    let data: CalendarData;
    try {
      data = await readCalendarFile(file);
    } catch (error) {
      if (error instanceof CalendarDataError) throw new InputError(error.message);
      throw error;
    }
    await withDatabase(async (_db, connection) => {
      const result = await importCalendar(connection, data, file);
      console.log(
        `Calendar loaded for ${result.years.join(', ')} (${result.days} special days). ` +
          `Deadlines recomputed for ${result.refreshed.cases} results (003 Art. 34).`,
      );
    });
  },
};
