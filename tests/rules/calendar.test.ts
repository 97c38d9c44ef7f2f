import { describe, expect, it } from 'vitest';
import {
  CalendarDataError,
  calendarDataFromChineseDays,
  chineseDaysYears,
  parseCalendarData,
  periodEnd,
  WorkCalendar,
} from '@hub/api/rules/calendar.ts';
import { officialCalendar, PERIOD_END_CASES } from './cases.ts';

const calendar = officialCalendar();

describe('periodEnd (003 Art. 34 day counting)', () => {
  it.each(PERIOD_END_CASES)('$it', ({ start, days, nominalDueOn, dueOn, moved, calendarMissing }) => {
    expect(periodEnd(start, days, calendar)).toMatchObject({ nominalDueOn, dueOn, moved, calendarMissing });
  });

  it('says which holiday moved the deadline', () => {
    expect(periodEnd('2026-09-17', 15, calendar).reason).toBe(
      '2026-10-02 is a public holiday (国庆节): moved to the next working day 2026-10-08 (003 Art. 34)',
    );
    expect(periodEnd('2026-03-06', 15, calendar).reason).toContain('2026-03-21 is a Saturday');
  });

  it('says which year is missing rather than guessing a date', () => {
    const result = periodEnd('2026-12-20', 15, calendar);
    expect(result.reason).toContain('no official holiday calendar for 2027');
  });

  it('flags a move that runs into a year without a calendar', () => {
    const lastDayOff = new WorkCalendar({ years: [2026], days: [{ date: '2026-12-31', kind: 'holiday', name: '假想假日' }] });
    expect(periodEnd('2026-12-16', 15, lastDayOff)).toMatchObject({ nominalDueOn: '2026-12-31', dueOn: null, calendarMissing: true });
  });

  it('refuses a period that is not a whole number of days', () => {
    expect(() => periodEnd('2026-03-03', 1.5, calendar)).toThrow(RangeError);
    expect(() => periodEnd('2026-03-03', -1, calendar)).toThrow(RangeError);
  });
});

describe('WorkCalendar.isWorkingDay', () => {
  it.each([
    ['2026-01-04', true, 'an adjusted working Sunday (调休上班)'],
    ['2026-02-17', false, 'a weekday of 春节'],
    ['2026-03-04', true, 'an ordinary Wednesday'],
    ['2026-03-07', false, 'an ordinary Saturday'],
    ['2026-10-10', true, 'an adjusted working Saturday'],
    ['2027-03-03', undefined, 'a day of 2027, whose calendar is not loaded'],
  ])('%s is %s: %s', (date, expected, _why) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });
});

describe('calendarDataFromChineseDays', () => {
  const data2026 = calendarDataFromChineseDays([2026]);
  const holidays = (name: string) => data2026.days.filter((d) => d.kind === 'holiday' && d.name === name).map((d) => d.date);

  it('carries 2004–2026 and nothing later', () => {
    expect(chineseDaysYears()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(() => calendarDataFromChineseDays([2027])).toThrow('chinese-days has no calendar for 2027');
  });

  it.each([
    ['元旦', ['2026-01-01', '2026-01-02', '2026-01-03']],
    [
      '春节',
      ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'],
    ],
    ['清明', ['2026-04-04', '2026-04-05', '2026-04-06']],
    ['劳动节', ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05']],
    ['端午', ['2026-06-19', '2026-06-20', '2026-06-21']],
    ['中秋', ['2026-09-25', '2026-09-26', '2026-09-27']],
    ['国庆节', ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']],
  ])('matches the State Council notice for 2026: %s', (name, dates) => {
    expect(holidays(name)).toEqual(dates);
  });

  it('has exactly the six adjusted working days of the 2026 notice', () => {
    expect(data2026.days.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(data2026.days.filter((d) => d.kind === 'holiday')).toHaveLength(33);
    expect(data2026.years).toEqual([2026]);
  });

  it('produces data that parseCalendarData accepts as an import file', () => {
    const everything = calendarDataFromChineseDays();
    expect(parseCalendarData(JSON.parse(JSON.stringify(everything)))).toEqual(everything);
  });
});

describe('parseCalendarData (import files)', () => {
  const notice2027 = {
    years: [2027],
    days: [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-06', kind: 'holiday', name: '春节' },
      { date: '2027-02-20', kind: 'workday', name: '春节' },
    ],
  };

  it('accepts a valid file and covers its years', () => {
    const data = parseCalendarData(notice2027);
    expect(data.years).toEqual([2027]);
    const extended = new WorkCalendar({
      years: [...calendar.years, ...data.years],
      days: [...calendarDataFromChineseDays().days, ...data.days],
    });
    expect(periodEnd('2026-12-20', 15, extended)).toMatchObject({ dueOn: '2027-01-04', calendarMissing: false });
  });

  it('accepts the last days of the year before a notice (2012 made 2011-12-31 a working day)', () => {
    expect(parseCalendarData({ years: [2012], days: [{ date: '2011-12-31', kind: 'workday', name: '元旦' }] }).days).toHaveLength(1);
  });

  function problemsOf(json: unknown): string[] {
    try {
      parseCalendarData(json);
    } catch (error) {
      if (error instanceof CalendarDataError) return error.problems;
      throw error;
    }
    throw new Error('expected parseCalendarData to reject the file');
  }

  it('lists every problem with its location in one error', () => {
    const problems = problemsOf({
      years: [2027, '2028', 2027],
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-02-30', kind: 'holiday', name: '春节' },
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-03-03', kind: 'workday', name: '调休' },
        { date: '2027-04-05', kind: 'vacation', name: '' },
        { date: '2035-10-01', kind: 'holiday', name: '国庆节' },
        'x',
        { date: '2027-05-01', kind: 'holiday', name: '劳动节', type: 'x' },
      ],
      source: 'notice',
    });
    expect(problems).toEqual([
      'source: unknown field (expected "years" and "days")',
      'years[1]: "2028" is not a year between 1949 and 2200',
      'years[2]: 2027 is listed twice',
      'days[1].date: "2027-02-30" is not a valid date (YYYY-MM-DD)',
      'days[2].date: "2027-01-01" is already listed at days[0]',
      'days[3]: "2027-03-03" is a Wednesday; an adjusted working day (调休上班) is a Saturday or Sunday',
      'days[4].kind: "vacation" must be "holiday" (法定节假日) or "workday" (调休上班)',
      'days[4].name: must name the holiday, e.g. "春节"',
      'days[5].date: "2035-10-01" is far from the covered years (2027); add its year to "years" or remove the day',
      'days[6]: must be an object { "date", "kind", "name" }',
      'days[7].type: unknown field (expected date, kind, name)',
    ]);
  });

  it('puts the count and every problem in the message', () => {
    expect(() => parseCalendarData({ years: [], days: {} })).toThrow(
      'The calendar file has 2 problems:\n- years: lists no year; a calendar must cover at least one\n- days: must be a list of { "date", "kind", "name" }',
    );
  });

  it('rejects a file that is not an object', () => {
    expect(problemsOf([1, 2])).toEqual(['the file must hold an object { "years": [...], "days": [...] }']);
  });
});
