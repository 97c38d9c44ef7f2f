/**
 * The key tables re-run under another time zone: the rules work on plain dates, so their
 * answers must not change. Imported by timezone-*.test.ts after they set process.env.TZ.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { calendarDataFromChineseDays, periodEnd } from '@hub/api/rules/calendar.ts';
import { caseTimeline } from '@hub/api/rules/case-timeline.ts';
import { revocationEffects, selfReportStatus } from '@hub/api/rules/dynamic-management.ts';
import { addDays, addYears, dateLabel, dayNumber, dayOfWeek, fromDayNumber } from '@hub/db/plain-date';
import { officialCalendar, PERIOD_END_CASES, TIMELINE_SCENARIOS } from './cases.ts';

/** `offsetMinutesInJanuary`: Date#getTimezoneOffset there (positive west of UTC). */
export function timezoneSuite(timeZone: string, offsetMinutesInJanuary: number, originalTimeZone: string | undefined): void {
  const calendar = officialCalendar();

  describe(`under TZ=${timeZone}`, () => {
    afterAll(() => {
      if (originalTimeZone === undefined) delete process.env.TZ;
      else process.env.TZ = originalTimeZone;
    });

    it('really runs in that zone, where a Date names another day than the date string', () => {
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(timeZone);
      expect(new Date('2026-01-04T00:00:00Z').getTimezoneOffset()).toBe(offsetMinutesInJanuary);
      // The trap the rules avoid: west of UTC, UTC midnight is the day before locally; east of
      // it, local midnight is the day before in UTC.
      const localDayOfUtcMidnight = new Date('2026-01-04T00:00:00Z').getDate();
      const utcDayOfLocalMidnight = new Date(2026, 0, 4).toISOString().slice(0, 10);
      expect([localDayOfUtcMidnight, utcDayOfLocalMidnight]).not.toEqual([4, '2026-01-04']);
    });

    it.each(PERIOD_END_CASES)('periodEnd: $it', ({ start, days, nominalDueOn, dueOn, moved, calendarMissing }) => {
      expect(periodEnd(start, days, calendar)).toMatchObject({ nominalDueOn, dueOn, moved, calendarMissing });
    });

    it.each(TIMELINE_SCENARIOS)('caseTimeline: $it', ({ input, periods, asOf, deadlines }) => {
      const timeline = caseTimeline(input, asOf, calendar);
      expect(timeline.statusPeriods.map((p) => [p.status, p.from, p.until])).toEqual(periods);
      for (const [step, expected] of Object.entries(deadlines)) {
        expect({ step, ...timeline.deadlines.find((d) => d.step === step) }).toMatchObject({ step, ...expected });
      }
    });

    it('reads the 2026 adjusted working days from chinese-days as the notice has them', () => {
      const workdays = calendarDataFromChineseDays([2026])
        .days.filter((d) => d.kind === 'workday')
        .map((d) => d.date);
      expect(workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
      expect(calendar.isWorkingDay('2026-01-04')).toBe(true);
      expect(calendar.isWorkingDay('2026-01-03')).toBe(false);
    });

    it('keeps plain-date arithmetic and the other date rules unchanged', () => {
      expect([addDays('2026-03-03', 15), addYears('2028-02-29', 3), dayOfWeek('2026-01-04')]).toEqual(['2026-03-18', '2031-02-28', 0]);
      expect([fromDayNumber(dayNumber(2026, 1, 4)), dateLabel('2026-01-04')]).toEqual(['2026-01-04', '2026年1月4日']);
      expect(revocationEffects('2026-03-10')).toMatchObject({
        reapplicationBarredThrough: '2029-03-10',
        reapplicationAcceptedFrom: '2029-03-11',
      });
      expect(selfReportStatus(2026, '2026-10-31', '2026-11-01').status).toBe('submitted_on_time');
    });
  });
}
