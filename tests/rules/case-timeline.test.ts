import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, caseTimeline, type CaseEvent, type CaseInput, type StatusPeriod } from '@hub/api/rules/case-timeline.ts';
import { addDays, compareDates, type PlainDate } from '@hub/db/plain-date';
import { officialCalendar, TIMELINE_SCENARIOS } from './cases.ts';

const calendar = officialCalendar();
const event = (kind: CaseEvent['kind'], occurredOn: PlainDate, outcome?: string): CaseEvent => ({ kind, occurredOn, outcome });
const asTriples = (periods: StatusPeriod[]) => periods.map((p) => [p.status, p.from, p.until]);

function periodContaining(periods: StatusPeriod[], date: PlainDate): StatusPeriod | undefined {
  return periods.find((p) => compareDates(p.from, date) <= 0 && (p.until === null || compareDates(date, p.until) < 0));
}

describe('caseTimeline (003 Art. 5–25)', () => {
  describe('status periods', () => {
    it.each(TIMELINE_SCENARIOS)('$it', ({ input, periods }) => {
      expect(asTriples(caseTimeline(input, input.reportDate, calendar).statusPeriods)).toEqual(periods);
    });

    it.each(TIMELINE_SCENARIOS)('gives, on every day, the status of the period containing it: $it', ({ input }) => {
      const { statusPeriods } = caseTimeline(input, input.reportDate, calendar);
      for (let day = input.reportDate, n = 0; n < 400; day = addDays(day, 1), n++) {
        expect({ day, status: caseTimeline(input, day, calendar).status }).toEqual({
          day,
          status: periodContaining(statusPeriods, day)?.status,
        });
      }
    });

    it('does not depend on asOf: the same periods from any day', () => {
      const { input } = TIMELINE_SCENARIOS[0];
      const early = caseTimeline(input, '2026-03-02', calendar).statusPeriods;
      expect(caseTimeline(input, '2026-12-31', calendar).statusPeriods).toEqual(early);
    });

    it('reaches every status across the scenarios', () => {
      const reached = new Set(TIMELINE_SCENARIOS.flatMap((s) => s.periods.map(([status]) => status)));
      expect([...CASE_STATUSES].filter((status) => !reached.has(status))).toEqual([]);
    });
  });

  describe('deadlines', () => {
    it.each(TIMELINE_SCENARIOS.filter((s) => Object.keys(s.deadlines).length > 0))('$it (as of $asOf)', ({ input, asOf, deadlines }) => {
      const computed = caseTimeline(input, asOf, calendar).deadlines;
      for (const [step, expected] of Object.entries(deadlines)) {
        expect({ step, ...computed.find((d) => d.step === step) }).toMatchObject({ step, ...expected });
      }
    });

    it('lists only the delivery deadline for a 合格 result', () => {
      const timeline = caseTimeline({ reportDate: '2026-05-11', conclusion: 'pass', events: [] }, '2026-06-01', calendar);
      expect(timeline.deadlines.map((d) => [d.step, d.article, d.dueOn, d.overdue])).toEqual([
        ['delivery', '003 Art. 5', '2026-05-18', true],
      ]);
    });

    it('cites the article and the period of every step', () => {
      const { input } = TIMELINE_SCENARIOS[0];
      const steps = caseTimeline(input, '2026-06-20', calendar).deadlines.map((d) => [d.step, d.article, d.days]);
      expect(steps).toEqual([
        ['delivery', '003 Art. 5', 7],
        ['objection', '003 Art. 7', 15],
        ['correction_order', '003 Art. 17', 15],
        ['rectification', '003 Art. 17, 20', 60],
        ['recheck', '003 Art. 21', 15],
        ['outcome_report', '003 Art. 25', 10],
      ]);
    });

    it('marks the objection window estimated when no delivery is recorded', () => {
      const objection = caseTimeline({ reportDate: '2026-01-28', conclusion: 'fail', events: [] }, '2026-01-28', calendar).deadlines.find(
        (d) => d.step === 'objection',
      );
      expect(objection).toMatchObject({ startsOn: '2026-02-04', startsOnEstimated: true, dueOn: '2026-02-24', nominalDueOn: '2026-02-19' });
    });

    it('does not call the delivery overdue when an objection shows the notice was received', () => {
      const input: CaseInput = {
        reportDate: '2026-03-02',
        conclusion: 'fail',
        events: [event('objection_filed', '2026-03-12', 'conclusion')],
      };
      const delivery = caseTimeline(input, '2026-03-20', calendar).deadlines.find((d) => d.step === 'delivery');
      expect(delivery).toMatchObject({ metOn: null, overdue: false });
    });

    it('flags a missed sample confirmation as overdue and late when it comes after all', () => {
      const scenario = TIMELINE_SCENARIOS.find((s) => s.it.includes('not confirmed in time'))!;
      const before = caseTimeline(scenario.input, '2026-05-07', calendar).deadlines.find((d) => d.step === 'retest_sample_confirmation');
      expect(before).toMatchObject({ dueOn: '2026-05-06', metOn: null, overdue: true });
      const after = caseTimeline(scenario.input, '2026-05-08', calendar).deadlines.find((d) => d.step === 'retest_sample_confirmation');
      expect(after).toMatchObject({ metOn: '2026-05-08', metLate: true, overdue: false });
    });

    it('computes no follow-up deadline while an objection is unresolved', () => {
      const scenario = TIMELINE_SCENARIOS.find((s) => s.it.includes('transfer was recorded meanwhile'))!;
      expect(caseTimeline(scenario.input, scenario.asOf, calendar).deadlines.map((d) => d.step)).toEqual(['delivery', 'objection']);
    });

    it('reports a missing calendar on the deadline instead of a date', () => {
      const input: CaseInput = { reportDate: '2026-12-22', conclusion: 'fail', events: [event('delivered', '2026-12-24')] };
      const objection = caseTimeline(input, '2026-12-28', calendar).deadlines.find((d) => d.step === 'objection');
      expect(objection).toMatchObject({ dueOn: null, nominalDueOn: '2027-01-08', calendarMissing: true });
    });
  });

  describe('effective conclusion', () => {
    const find = (text: string) => TIMELINE_SCENARIOS.find((s) => s.it.includes(text))!;

    it.each([
      ['passing re-test', 'pass', '003 Art. 11'],
      ['objection on sampling is upheld', null, '003 Art. 13'],
      ['sample-authenticity objection is upheld', 'fail', '003 Art. 15'],
      ['not confirmed in time', 'fail', '003 Art. 10'],
      ['late objection decision rejects it', 'fail', 'rejected'],
    ])('after a %s it is %s (%s)', (text, conclusion, cited) => {
      const scenario = find(text);
      const timeline = caseTimeline(scenario.input, scenario.asOf, calendar);
      expect(timeline.effectiveConclusion).toBe(conclusion);
      expect(timeline.conclusionReason).toContain(cited);
    });

    it('gives the withdrawal its date, ground and article', () => {
      const scenario = find('objection on sampling is upheld');
      expect(caseTimeline(scenario.input, scenario.asOf, calendar)).toMatchObject({
        status: 'withdrawn',
        withdrawal: { on: '2026-04-01', ground: 'sampling', article: '003 Art. 13' },
        final: false,
        finalSince: null,
      });
    });

    it.each([
      ['method', '003 Art. 14'],
      ['standard', '003 Art. 14'],
      ['other', '003 Art. 13–14'],
    ])('cites the article for a withdrawal on %s', (ground, article) => {
      const input: CaseInput = {
        reportDate: '2026-03-02',
        conclusion: 'fail',
        events: [event('objection_filed', '2026-03-10', ground), event('objection_decided', '2026-03-30', 'withdrawn')],
      };
      expect(caseTimeline(input, '2026-04-01', calendar).withdrawal?.article).toBe(article);
    });

    it('withholds the producer identity only after an upheld sample-authenticity objection (Art. 15)', () => {
      const upheld = find('sample-authenticity objection is upheld');
      expect(caseTimeline(upheld.input, upheld.asOf, calendar).producerIdentityWithheld).toBe(true);
      const rejected = find('late objection decision rejects it');
      expect(caseTimeline(rejected.input, rejected.asOf, calendar).producerIdentityWithheld).toBe(false);
    });

    it('is final since the day the objection window passed', () => {
      const { input } = TIMELINE_SCENARIOS[0];
      expect(caseTimeline(input, '2026-03-20', calendar)).toMatchObject({ status: 'objection_window', final: false, finalSince: null });
      expect(caseTimeline(input, '2026-05-01', calendar)).toMatchObject({
        status: 'rectification_due',
        final: true,
        finalSince: '2026-03-21',
      });
    });

    it('gives a 合格 result no objection or follow-up, noting ignored records', () => {
      const input: CaseInput = { reportDate: '2026-05-11', conclusion: 'pass', events: [event('transferred', '2026-06-01')] };
      const timeline = caseTimeline(input, '2026-06-10', calendar);
      expect(timeline).toMatchObject({ status: 'passed', effectiveConclusion: 'pass', final: true, finalSince: '2026-05-11' });
      expect(timeline.notes).toContain('a 合格 result has no objection or follow-up: ignored transferred');
    });
  });

  describe('records out of order or incomplete', () => {
    it('deems an objection filed after the window closed no objection (Art. 7)', () => {
      const input: CaseInput = {
        reportDate: '2026-03-02',
        conclusion: 'fail',
        events: [event('delivered', '2026-03-05'), event('objection_filed', '2026-03-25', 'conclusion')],
      };
      const timeline = caseTimeline(input, '2026-03-30', calendar);
      expect(timeline.status).toBe('final');
      expect(timeline.notes).toContain(
        'the objection filed on 2026-03-25 came after the window closed on 2026-03-20: 视为无异议 (003 Art. 7)',
      );
    });

    it('ignores follow-up records after a withdrawal and says so', () => {
      const input: CaseInput = {
        reportDate: '2026-03-02',
        conclusion: 'fail',
        events: [
          event('objection_filed', '2026-03-10', 'method'),
          event('objection_decided', '2026-03-30', 'withdrawn'),
          event('transferred', '2026-04-10'),
        ],
      };
      const timeline = caseTimeline(input, '2026-04-20', calendar);
      expect(timeline.status).toBe('withdrawn');
      expect(timeline.deadlines.map((d) => d.step)).toEqual(['delivery', 'objection']);
      expect(timeline.notes).toContain('follow-up records (transferred) are ignored: the conclusion is withdrawn');
    });

    it('follows a re-test result recorded without the decision ordering it (Art. 11)', () => {
      const input: CaseInput = { reportDate: '2026-03-02', conclusion: 'fail', events: [event('retest_result', '2026-04-10', 'fail')] };
      const timeline = caseTimeline(input, '2026-04-10', calendar);
      expect(timeline).toMatchObject({ status: 'final', effectiveConclusion: 'fail' });
      expect(timeline.notes).toContain(
        'a re-test result is recorded without a decision ordering the re-test: the result is followed (003 Art. 11)',
      );
    });

    it('reads an event dated before the report as on the report date', () => {
      const input: CaseInput = { reportDate: '2026-03-02', conclusion: 'fail', events: [event('delivered', '2026-02-27')] };
      const timeline = caseTimeline(input, '2026-03-02', calendar);
      expect(timeline.status).toBe('objection_window');
      expect(timeline.notes).toContain('delivered dated 2026-02-27 precedes the report date: read as 2026-03-02');
    });

    it('ignores an objection decision without a valid outcome', () => {
      const input: CaseInput = {
        reportDate: '2026-03-02',
        conclusion: 'fail',
        events: [
          event('delivered', '2026-03-05'),
          event('objection_filed', '2026-03-10', 'conclusion'),
          event('objection_decided', '2026-03-20', '成立了'),
        ],
      };
      const timeline = caseTimeline(input, '2026-03-25', calendar);
      expect(timeline.status).toBe('under_objection');
      expect(
        timeline.notes.some((n) =>
          n.startsWith(
            'objection_decided of 2026-03-20 has outcome "成立了", expected rejected / withdrawn / retest / authenticity_upheld',
          ),
        ),
      ).toBe(true);
    });

    it('counts an objection whose ground is unreadable, with the ground unknown', () => {
      const input: CaseInput = {
        reportDate: '2026-03-02',
        conclusion: 'fail',
        events: [event('delivered', '2026-03-05'), event('objection_filed', '2026-03-10', '抽样过程')],
      };
      const timeline = caseTimeline(input, '2026-03-25', calendar);
      expect(timeline).toMatchObject({ status: 'under_objection', objectionGround: null });
      expect(
        timeline.notes.some(
          (n) =>
            n.startsWith('objection_filed of 2026-03-10 has outcome "抽样过程"') &&
            n.endsWith('the objection counts, its ground is unknown'),
        ),
      ).toBe(true);
    });

    it('names the missing follow-up steps', () => {
      const scenario = TIMELINE_SCENARIOS.find((s) => s.it.includes('without a transfer'))!;
      expect(caseTimeline(scenario.input, scenario.asOf, calendar).notes).toContain(
        'follow-up steps missing from the records: transferred, correction_ordered, recheck_applied',
      );
    });

    it('refuses a date before the report: the case does not exist yet', () => {
      expect(() => caseTimeline({ reportDate: '2026-03-02', conclusion: 'fail', events: [] }, '2026-03-01', calendar)).toThrow(RangeError);
    });
  });
});
