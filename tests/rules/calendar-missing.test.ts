/**
 * A deadline in a year the hub has no holiday calendar for (issue 11, 003 Art. 34): no exact date
 * is guessed, but once the nominal last day plus the longest move the official calendar has ever
 * made has passed, the period is over under any calendar — and the missing calendar stays flagged.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '@hub/db/plain-date';
import { periodEnd, WorkCalendar } from '@hub/api/rules/calendar.ts';
import { caseTimeline, type CaseInput } from '@hub/api/rules/case-timeline.ts';
import { officialCalendar } from './cases.ts';

const calendar = officialCalendar();

describe('the longest holiday move on record', () => {
  it('is measured from the calendar data the hub carries', () => {
    const shift = calendar.longestShift()!;
    // 春节 2026: 2026-02-15 (a Sunday, first day off) to the first working day 2026-02-24
    expect(periodEnd('2026-01-31', 15, calendar)).toMatchObject({ nominalDueOn: '2026-02-15', dueOn: '2026-02-24' });
    expect(shift).toBeGreaterThanOrEqual(9);
    expect(shift).toBeLessThan(15);
    // a calendar of one ordinary week-end: two days
    expect(new WorkCalendar({ years: [2026], days: [] }).longestShift()).toBe(2);
    expect(new WorkCalendar({ years: [], days: [] }).longestShift()).toBeNull();
  });

  it('bounds a period whose year has no calendar: latestDueOn = nominal + the longest move', () => {
    const shift = calendar.longestShift()!;
    const end = periodEnd('2027-03-01', 60, calendar);
    expect(end).toMatchObject({
      dueOn: null,
      nominalDueOn: '2027-04-30',
      calendarMissing: true,
      latestDueOn: addDays('2027-04-30', shift),
    });
    expect(end.reason).toContain(`it is ${addDays('2027-04-30', shift)} at the latest`);
  });
});

describe('a rectification due in a year without a calendar (003 Art. 17, 20, 34)', () => {
  const input: CaseInput = {
    reportDate: '2026-12-01',
    conclusion: 'fail',
    events: [
      { kind: 'delivered', occurredOn: '2026-12-03' },
      { kind: 'transferred', occurredOn: '2026-12-28' },
      { kind: 'correction_ordered', occurredOn: '2027-03-01' },
    ],
  };
  const shift = calendar.longestShift()!;
  const latest = addDays('2027-04-30', shift);

  it('is still due while some calendar could move the last day that far', () => {
    expect(caseTimeline(input, '2027-05-01', calendar).status).toBe('rectification_due');
    expect(caseTimeline(input, latest, calendar).status).toBe('rectification_due');
  });

  it('is overdue the day after, whatever the calendar — and the deadline still says the calendar is missing', () => {
    const timeline = caseTimeline(input, addDays(latest, 1), calendar);
    expect(timeline.status).toBe('rectification_overdue');
    expect(timeline.deadlines.find((d) => d.step === 'rectification')).toMatchObject({ dueOn: null, calendarMissing: true, overdue: true });
    // 37 days past the naive date (the case of the issue)
    expect(caseTimeline(input, addDays('2027-04-30', 37), calendar).status).toBe('rectification_overdue');
  });
});
