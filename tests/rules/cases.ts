// biome-ignore-all format: data tables, one record per line
/**
 * Case tables shared by the rules tests and their re-runs under other time zones
 * (timezone-*.test.ts). Expected dates were worked out by hand from the State Council's 2026
 * calendar (the State Council's notice on the 2026 holidays; chinese-days 1.5.7 carries the same):
 * 元旦 1–3 Jan (4 Jan Sun worked); 春节 15–23 Feb (14 Feb Sat, 28 Feb Sat worked); 清明 4–6 Apr;
 * 劳动节 1–5 May (9 May Sat worked); 端午 19–21 Jun; 中秋 25–27 Sep; 国庆 1–7 Oct (20 Sep Sun,
 * 10 Oct Sat worked).
 */
import { calendarDataFromChineseDays, WorkCalendar } from '@hub/api/rules/calendar.ts';
import type { CaseEvent, CaseInput, CaseStatus, DeadlineStep } from '@hub/api/rules/case-timeline.ts';
import type { PlainDate } from '@hub/db/plain-date';

/** The official calendar as the hub loads it: every year chinese-days carries (2004–2026). */
export const officialCalendar = (): WorkCalendar => new WorkCalendar(calendarDataFromChineseDays());

export interface PeriodEndCase {
  it: string;
  start: PlainDate;
  days: number;
  nominalDueOn: PlainDate;
  dueOn: PlainDate | null;
  moved: boolean;
  calendarMissing: boolean;
}

/** 003 Art. 34 day counting, with the 2026 calendar. */
export const PERIOD_END_CASES: PeriodEndCase[] = [
  { it: 'does not count the start day: 15 days from 3 March end on 18 March', start: '2026-03-03', days: 15, nominalDueOn: '2026-03-18', dueOn: '2026-03-18', moved: false, calendarMissing: false },
  { it: 'moves a Saturday to the Monday', start: '2026-03-06', days: 15, nominalDueOn: '2026-03-21', dueOn: '2026-03-23', moved: true, calendarMissing: false },
  { it: 'moves a day inside 春节 2026 to the first working day after it', start: '2026-02-05', days: 15, nominalDueOn: '2026-02-20', dueOn: '2026-02-24', moved: true, calendarMissing: false },
  { it: 'moves a day inside 国庆 2026 to 8 October', start: '2026-09-17', days: 15, nominalDueOn: '2026-10-02', dueOn: '2026-10-08', moved: true, calendarMissing: false },
  { it: 'keeps an adjusted working Saturday (28 Feb 2026, 调休上班)', start: '2026-02-21', days: 7, nominalDueOn: '2026-02-28', dueOn: '2026-02-28', moved: false, calendarMissing: false },
  { it: 'keeps an adjusted working Saturday (10 Oct 2026, 调休上班)', start: '2026-09-25', days: 15, nominalDueOn: '2026-10-10', dueOn: '2026-10-10', moved: false, calendarMissing: false },
  { it: 'keeps an adjusted working Saturday (14 Feb 2026, 调休上班)', start: '2026-02-07', days: 7, nominalDueOn: '2026-02-14', dueOn: '2026-02-14', moved: false, calendarMissing: false },
  { it: 'keeps the adjusted working Sunday 4 Jan 2026 across the year end', start: '2025-12-28', days: 7, nominalDueOn: '2026-01-04', dueOn: '2026-01-04', moved: false, calendarMissing: false },
  { it: 'moves 元旦 2026 onto the adjusted working Sunday 4 Jan', start: '2025-12-17', days: 15, nominalDueOn: '2026-01-01', dueOn: '2026-01-04', moved: true, calendarMissing: false },
  { it: 'moves 清明 2026 to 7 April', start: '2026-03-21', days: 15, nominalDueOn: '2026-04-05', dueOn: '2026-04-07', moved: true, calendarMissing: false },
  { it: 'moves 劳动节 2026 to 6 May', start: '2026-04-16', days: 15, nominalDueOn: '2026-05-01', dueOn: '2026-05-06', moved: true, calendarMissing: false },
  { it: 'moves 端午 2026 to 22 June', start: '2026-06-04', days: 15, nominalDueOn: '2026-06-19', dueOn: '2026-06-22', moved: true, calendarMissing: false },
  { it: 'moves 中秋 2026 to 28 September', start: '2026-09-10', days: 15, nominalDueOn: '2026-09-25', dueOn: '2026-09-28', moved: true, calendarMissing: false },
  { it: 'counts 60 days of rectification across 清明 and 劳动节 to an ordinary Tuesday', start: '2026-04-03', days: 60, nominalDueOn: '2026-06-02', dueOn: '2026-06-02', moved: false, calendarMissing: false },
  { it: 'flags a deadline in 2027, whose calendar is not loaded, without a date', start: '2026-12-20', days: 15, nominalDueOn: '2027-01-04', dueOn: null, moved: false, calendarMissing: true },
];

const event = (kind: CaseEvent['kind'], occurredOn: PlainDate, outcome?: string): CaseEvent => ({ kind, occurredOn, outcome });

export interface TimelineScenario {
  it: string;
  input: CaseInput;
  /** the expected status periods, written as [status, from, until] */
  periods: [CaseStatus, PlainDate, PlainDate | null][];
  /** deadlines expected as of `asOf` */
  asOf: PlainDate;
  deadlines: Partial<Record<DeadlineStep, { startsOn: PlainDate; dueOn: PlainDate | null; metOn: PlainDate | null; overdue: boolean }>>;
}

/** 003 Art. 5–25: one scenario per path, each step's deadline worked out by hand. */
export const TIMELINE_SCENARIOS: TimelineScenario[] = [
  {
    it: 'follows a failure through delivery, objection window, transfer, rectification and a passed re-check',
    input: {
      reportDate: '2026-03-02',
      conclusion: 'fail',
      events: [
        event('delivered', '2026-03-05'),
        event('transferred', '2026-03-27'),
        event('correction_ordered', '2026-04-03'),
        event('recheck_applied', '2026-05-20'),
        event('recheck_result', '2026-06-01', 'pass'),
      ],
    },
    periods: [
      ['awaiting_delivery', '2026-03-02', '2026-03-05'],
      ['objection_window', '2026-03-05', '2026-03-21'],
      ['final', '2026-03-21', '2026-03-27'],
      ['transferred', '2026-03-27', '2026-04-03'],
      ['rectification_due', '2026-04-03', '2026-05-20'],
      ['recheck_pending', '2026-05-20', '2026-06-01'],
      ['closed_recheck_passed', '2026-06-01', null],
    ],
    asOf: '2026-06-20',
    deadlines: {
      delivery: { startsOn: '2026-03-02', dueOn: '2026-03-09', metOn: '2026-03-05', overdue: false },
      objection: { startsOn: '2026-03-05', dueOn: '2026-03-20', metOn: null, overdue: false },
      // 15 days from 27 March is Saturday 11 April: moved to Monday 13 April.
      correction_order: { startsOn: '2026-03-27', dueOn: '2026-04-13', metOn: '2026-04-03', overdue: false },
      rectification: { startsOn: '2026-04-03', dueOn: '2026-06-02', metOn: '2026-05-20', overdue: false },
      recheck: { startsOn: '2026-05-20', dueOn: '2026-06-04', metOn: '2026-06-01', overdue: false },
      outcome_report: { startsOn: '2026-06-01', dueOn: '2026-06-11', metOn: null, overdue: false },
    },
  },
  {
    it: 'turns rectification overdue the day after 60 days pass without a re-check application',
    input: {
      reportDate: '2026-03-02',
      conclusion: 'fail',
      events: [event('delivered', '2026-03-05'), event('transferred', '2026-03-27'), event('correction_ordered', '2026-04-03')],
    },
    periods: [
      ['awaiting_delivery', '2026-03-02', '2026-03-05'],
      ['objection_window', '2026-03-05', '2026-03-21'],
      ['final', '2026-03-21', '2026-03-27'],
      ['transferred', '2026-03-27', '2026-04-03'],
      ['rectification_due', '2026-04-03', '2026-06-03'],
      ['rectification_overdue', '2026-06-03', null],
    ],
    asOf: '2026-06-03',
    deadlines: {
      rectification: { startsOn: '2026-04-03', dueOn: '2026-06-02', metOn: null, overdue: true },
    },
  },
  {
    it: 'keeps the objection window open through 国庆 2026 when its last day falls inside it',
    input: { reportDate: '2026-09-10', conclusion: 'fail', events: [event('delivered', '2026-09-17')] },
    periods: [
      ['awaiting_delivery', '2026-09-10', '2026-09-17'],
      ['objection_window', '2026-09-17', '2026-10-09'],
      ['final', '2026-10-09', null],
    ],
    asOf: '2026-10-08',
    deadlines: {
      delivery: { startsOn: '2026-09-10', dueOn: '2026-09-17', metOn: '2026-09-17', overdue: false },
      objection: { startsOn: '2026-09-17', dueOn: '2026-10-08', metOn: null, overdue: false },
    },
  },
  {
    it: 'counts the objection window from the last lawful delivery day when no delivery is recorded, through 春节 2026',
    input: { reportDate: '2026-01-28', conclusion: 'fail', events: [] },
    periods: [
      ['awaiting_delivery', '2026-01-28', '2026-02-05'],
      ['objection_window', '2026-02-05', '2026-02-25'],
      ['final', '2026-02-25', null],
    ],
    asOf: '2026-02-24',
    deadlines: {
      delivery: { startsOn: '2026-01-28', dueOn: '2026-02-04', metOn: null, overdue: true },
      objection: { startsOn: '2026-02-04', dueOn: '2026-02-24', metOn: null, overdue: false },
    },
  },
  {
    it: 'waits for a late delivery and counts the window from it, past 清明 2026',
    input: { reportDate: '2026-03-02', conclusion: 'fail', events: [event('delivered', '2026-03-20')] },
    periods: [
      ['awaiting_delivery', '2026-03-02', '2026-03-20'],
      ['objection_window', '2026-03-20', '2026-04-08'],
      ['final', '2026-04-08', null],
    ],
    asOf: '2026-04-01',
    deadlines: {
      delivery: { startsOn: '2026-03-02', dueOn: '2026-03-09', metOn: '2026-03-20', overdue: false },
      objection: { startsOn: '2026-03-20', dueOn: '2026-04-07', metOn: null, overdue: false },
    },
  },
  {
    it: 'withdraws the conclusion when an objection on sampling is upheld',
    input: {
      reportDate: '2026-03-02',
      conclusion: 'fail',
      events: [event('delivered', '2026-03-05'), event('objection_filed', '2026-03-10', 'sampling'), event('objection_decided', '2026-04-01', 'withdrawn')],
    },
    periods: [
      ['awaiting_delivery', '2026-03-02', '2026-03-05'],
      ['objection_window', '2026-03-05', '2026-03-10'],
      ['under_objection', '2026-03-10', '2026-04-01'],
      ['withdrawn', '2026-04-01', null],
    ],
    asOf: '2026-04-01',
    deadlines: {
      objection: { startsOn: '2026-03-05', dueOn: '2026-03-20', metOn: '2026-03-10', overdue: false },
    },
  },
  {
    it: 'replaces the conclusion with a passing re-test (Art. 11)',
    input: {
      reportDate: '2026-03-02',
      conclusion: 'fail',
      events: [
        event('delivered', '2026-03-05'),
        event('objection_filed', '2026-03-10', 'conclusion'),
        event('objection_decided', '2026-03-20', 'retest'),
        event('retest_sample_confirmed', '2026-03-24'),
        event('retest_result', '2026-04-15', 'pass'),
      ],
    },
    periods: [
      ['awaiting_delivery', '2026-03-02', '2026-03-05'],
      ['objection_window', '2026-03-05', '2026-03-10'],
      ['under_objection', '2026-03-10', '2026-03-20'],
      ['retest_pending', '2026-03-20', '2026-04-15'],
      ['passed', '2026-04-15', null],
    ],
    asOf: '2026-04-15',
    deadlines: {
      retest_sample_confirmation: { startsOn: '2026-03-20', dueOn: '2026-03-27', metOn: '2026-03-24', overdue: false },
    },
  },
  {
    it: 'ends the re-test and keeps the conclusion when the sample is not confirmed in time, past 劳动节 2026 (Art. 10)',
    input: {
      reportDate: '2026-04-01',
      conclusion: 'fail',
      events: [
        event('delivered', '2026-04-08'),
        event('objection_filed', '2026-04-15', 'conclusion'),
        event('objection_decided', '2026-04-28', 'retest'),
        event('retest_sample_confirmed', '2026-05-08'),
      ],
    },
    periods: [
      ['awaiting_delivery', '2026-04-01', '2026-04-08'],
      ['objection_window', '2026-04-08', '2026-04-15'],
      ['under_objection', '2026-04-15', '2026-04-28'],
      ['retest_pending', '2026-04-28', '2026-05-07'],
      ['final', '2026-05-07', null],
    ],
    asOf: '2026-05-08',
    deadlines: {
      // 7 days from 28 April is 5 May, inside 劳动节: moved to 6 May. The confirmation of 8 May is late.
      retest_sample_confirmation: { startsOn: '2026-04-28', dueOn: '2026-05-06', metOn: '2026-05-08', overdue: false },
    },
  },
  {
    it: 'keeps the result when a sample-authenticity objection is upheld, final once the objection period ends (Art. 15, 16)',
    input: {
      reportDate: '2026-03-02',
      conclusion: 'fail',
      events: [
        event('delivered', '2026-03-05'),
        event('objection_filed', '2026-03-10', 'sample_authenticity'),
        event('objection_decided', '2026-03-15', 'authenticity_upheld'),
      ],
    },
    periods: [
      ['awaiting_delivery', '2026-03-02', '2026-03-05'],
      ['objection_window', '2026-03-05', '2026-03-10'],
      ['under_objection', '2026-03-10', '2026-03-15'],
      ['objection_window', '2026-03-15', '2026-03-21'],
      ['final', '2026-03-21', null],
    ],
    asOf: '2026-03-21',
    deadlines: {},
  },
  {
    it: 'makes the result final on the day a late objection decision rejects it',
    input: {
      reportDate: '2026-03-02',
      conclusion: 'fail',
      events: [event('delivered', '2026-03-05'), event('objection_filed', '2026-03-10', 'method'), event('objection_decided', '2026-04-10', 'rejected')],
    },
    periods: [
      ['awaiting_delivery', '2026-03-02', '2026-03-05'],
      ['objection_window', '2026-03-05', '2026-03-10'],
      ['under_objection', '2026-03-10', '2026-04-10'],
      ['final', '2026-04-10', null],
    ],
    asOf: '2026-04-10',
    deadlines: {},
  },
  {
    it: 'closes with a failed re-check recorded without a transfer, following the record',
    input: { reportDate: '2026-03-02', conclusion: 'fail', events: [event('delivered', '2026-03-05'), event('recheck_result', '2026-05-10', 'fail')] },
    periods: [
      ['awaiting_delivery', '2026-03-02', '2026-03-05'],
      ['objection_window', '2026-03-05', '2026-03-21'],
      ['final', '2026-03-21', '2026-05-10'],
      ['closed_recheck_failed', '2026-05-10', null],
    ],
    asOf: '2026-05-10',
    deadlines: {
      outcome_report: { startsOn: '2026-05-10', dueOn: '2026-05-20', metOn: null, overdue: false },
    },
  },
  {
    it: 'keeps a result under objection even when a transfer was recorded meanwhile',
    input: {
      reportDate: '2026-03-02',
      conclusion: 'fail',
      events: [event('delivered', '2026-03-05'), event('objection_filed', '2026-03-10', 'standard'), event('transferred', '2026-03-25')],
    },
    periods: [
      ['awaiting_delivery', '2026-03-02', '2026-03-05'],
      ['objection_window', '2026-03-05', '2026-03-10'],
      ['under_objection', '2026-03-10', null],
    ],
    asOf: '2026-04-30',
    deadlines: {},
  },
  {
    it: 'withdraws a result that had become final when a late objection is decided in its favour',
    input: {
      reportDate: '2026-03-02',
      conclusion: 'fail',
      events: [event('delivered', '2026-03-05'), event('objection_filed', '2026-04-01', 'method'), event('objection_decided', '2026-04-20', 'withdrawn')],
    },
    periods: [
      ['awaiting_delivery', '2026-03-02', '2026-03-05'],
      ['objection_window', '2026-03-05', '2026-03-21'],
      ['final', '2026-03-21', '2026-04-20'],
      ['withdrawn', '2026-04-20', null],
    ],
    asOf: '2026-04-20',
    deadlines: {},
  },
  {
    // nominal end 2027-01-08; no calendar for 2027, but no holiday move on record exceeds 10 days
    // (春节 2026), so from 2027-01-19 the window is over under any calendar (003 Art. 34)
    it: 'waits in the objection window when its end falls in 2027, whose calendar is missing, until no calendar could extend it',
    input: { reportDate: '2026-12-22', conclusion: 'fail', events: [event('delivered', '2026-12-24')] },
    periods: [
      ['awaiting_delivery', '2026-12-22', '2026-12-24'],
      ['objection_window', '2026-12-24', '2027-01-19'],
      ['final', '2027-01-19', null],
    ],
    asOf: '2027-02-01',
    deadlines: {
      objection: { startsOn: '2026-12-24', dueOn: null, metOn: null, overdue: false },
    },
  },
  {
    it: 'treats a 合格 result as passed from its report date',
    input: { reportDate: '2026-05-11', conclusion: 'pass', events: [event('delivered', '2026-05-13')] },
    periods: [['passed', '2026-05-11', null]],
    asOf: '2026-06-01',
    deadlines: {
      delivery: { startsOn: '2026-05-11', dueOn: '2026-05-18', metOn: '2026-05-13', overdue: false },
    },
  },
];
