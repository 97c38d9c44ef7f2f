import { describe, expect, it } from 'vitest';
import { CaseEventKind, DeadlineStep } from '@hub/db/vocabulary';
import { caseTimeline as rulesTimeline, type CaseEvent, type CaseInput } from '@hub/api/rules/case-timeline.ts';
import { addDays, type PlainDate } from '@hub/db/plain-date';
import { caseTimeline } from '../../site/src/lib/timeline.ts';
import { officialCalendar } from '../rules/cases.ts';
import { stepCanBeOverdue } from '@hub/api/case-state';

/**
 * The site's case timeline takes its semantics from the API's answer (metOn, overdue,
 * calendarMissing, computed by the rules) and the vocabulary's DeadlineStep: here both are held
 * to the rules themselves (api/src/rules/case-timeline.ts), on cases the rules compute.
 */
const calendar = officialCalendar();
const event = (kind: CaseEvent['kind'], occurredOn: PlainDate, outcome?: string): CaseEvent => ({ kind, occurredOn, outcome });

/** A failed result with delivery, transfer, correction order, re-check application and result. */
const FULL_CASE: CaseInput = {
  reportDate: '2026-03-02',
  conclusion: 'fail',
  events: [
    event('delivered', '2026-03-05'),
    event('transferred', '2026-03-25'),
    event('correction_ordered', '2026-04-03'),
    event('recheck_applied', '2026-05-20'),
    event('recheck_result', '2026-06-01', 'pass'),
  ],
};
const RETEST_CASE: CaseInput = {
  reportDate: '2026-03-02',
  conclusion: 'fail',
  events: [
    event('delivered', '2026-03-05'),
    event('objection_filed', '2026-03-10', 'conclusion'),
    event('objection_decided', '2026-03-20', 'retest'),
  ],
};

/** The result as the site reads it from the API: its events, and the deadlines the rules computed as of `asOf`. */
function asTheApiAnswers(input: CaseInput, asOf: PlainDate) {
  return {
    reportNo: 'SC-2026-0001',
    reportDate: input.reportDate,
    testingAgency: '湖北省产品质量监督检验研究院',
    events: input.events.map((e) => ({
      kind: e.kind,
      label: CaseEventKind.label(e.kind as CaseEventKind),
      occurredOn: e.occurredOn,
      outcome: e.outcome ?? null,
    })),
    deadlines: rulesTimeline(input, asOf, calendar).deadlines.map((d) => ({
      step: d.step,
      article: d.article,
      startsOn: d.startsOn,
      days: d.days,
      dueOn: d.dueOn,
      calendarMissing: d.calendarMissing,
      latestDueOn: d.latestDueOn,
      metOn: d.metOn,
      overdue: d.overdue,
      estimated: d.startsOnEstimated,
    })),
  };
}
const deadlineEntry = (input: CaseInput, asOf: PlainDate, step: DeadlineStep) =>
  caseTimeline(asTheApiAnswers(input, asOf), asOf).find((e) => e.kind === 'deadline' && e.title === `期限：${DeadlineStep.label(step)}`);

describe('the deadline steps of the vocabulary', () => {
  const computed = [FULL_CASE, RETEST_CASE].flatMap((input) => rulesTimeline(input, '2026-12-31', calendar).deadlines);

  it('are the steps the rules compute, with the same article and the same recording event', () => {
    expect([...new Set(computed.map((d) => d.step))].sort()).toEqual([...DeadlineStep.codes].sort());
    for (const d of computed) {
      const step = DeadlineStep.entries[d.step];
      expect({ step: d.step, article: step.article, recordedBy: step.recordedBy }).toEqual({
        step: d.step,
        article: d.article,
        recordedBy: d.metBy,
      });
    }
  });

  it('mark as a right (a lapse, never overdue) only the steps the rules never call overdue', () => {
    const unused: CaseInput = { reportDate: '2026-03-02', conclusion: 'fail', events: [event('delivered', '2026-03-05')] };
    const objection = rulesTimeline(unused, '2026-12-31', calendar).deadlines.find((d) => d.step === 'objection')!;
    expect(objection).toMatchObject({ metOn: null, overdue: false });
    expect(DeadlineStep.codes.filter((code) => DeadlineStep.entries[code].lapse !== null)).toEqual(['objection']);
  });
});

describe('the case timeline of a result page', () => {
  it('says an objection window that passed unused means no objection (003 Art. 7), not "overdue"', () => {
    const entry = deadlineEntry(FULL_CASE, '2026-12-01', 'objection');
    expect(entry).toMatchObject({ state: 'met', article: '003 Art. 7' });
    expect(entry!.text).toContain('期满未提出异议，视为无异议。');
  });

  it('shows the outcome report (003 Art. 25) for information: no public record shows it', () => {
    expect(deadlineEntry(FULL_CASE, '2026-12-01', 'outcome_report')).toMatchObject({ state: 'unknown' });
  });

  it('says a duty not done by its last day is overdue, as the rules do', () => {
    const late: CaseInput = { ...FULL_CASE, events: FULL_CASE.events.slice(0, 3) };
    const asOf = '2026-07-01';
    expect(rulesTimeline(late, asOf, calendar).deadlines.find((d) => d.step === 'rectification')).toMatchObject({ overdue: true });
    expect(deadlineEntry(late, asOf, 'rectification')).toMatchObject({ state: 'overdue' });
    expect(deadlineEntry(late, '2026-04-10', 'rectification')).toMatchObject({ state: 'open' });
  });

  it('says a duty is overdue without the year’s calendar once no calendar could save it (003 Art. 34)', () => {
    const noCalendar: CaseInput = {
      reportDate: '2026-12-01',
      conclusion: 'fail',
      events: [event('delivered', '2026-12-03'), event('transferred', '2026-12-28'), event('correction_ordered', '2027-03-01')],
    };
    const latest = addDays('2027-04-30', calendar.longestShift()!);
    expect(deadlineEntry(noCalendar, latest, 'rectification')).toMatchObject({ state: 'unknown' });
    const entry = deadlineEntry(noCalendar, addDays('2027-04-30', 37), 'rectification');
    expect(entry).toMatchObject({ state: 'overdue' });
    expect(entry!.text).toContain(
      `截止日最迟为${Number(latest.slice(0, 4))}年${Number(latest.slice(5, 7))}月${Number(latest.slice(8))}日，已逾期`,
    );
  });

  it('counts a step shown done by a later one as done, not as still open after its last day', () => {
    // no delivery recorded, but the objection filed shows the notice was received
    const undelivered: CaseInput = {
      reportDate: '2026-03-02',
      conclusion: 'fail',
      events: [event('objection_filed', '2026-03-12', 'sampling')],
    };
    const asOf = addDays('2026-03-02', 60);
    expect(rulesTimeline(undelivered, asOf, calendar).deadlines.find((d) => d.step === 'delivery')).toMatchObject({
      metOn: null,
      overdue: false,
    });
    const entry = deadlineEntry(undelivered, asOf, 'delivery');
    expect(entry).toMatchObject({ state: 'met' });
    expect(entry!.text).toContain('后续步骤已有记录');
  });

  it('explains each event with the article it follows', () => {
    const entries = caseTimeline(asTheApiAnswers(RETEST_CASE, '2026-04-01'), '2026-04-01').filter((e) => e.kind === 'event');
    expect(entries.map((e) => [e.title, e.article])).toEqual([
      ['送达', '003 Art. 5–7'],
      ['异议申请', '003 Art. 7'],
      ['异议结论', '003 Art. 9'],
    ]);
    expect(entries[1].text).toContain('异议事项：检验结论');
  });
});

describe('a failure whose 送达 is not recorded', () => {
  const input: CaseInput = { reportDate: '2026-03-02', conclusion: 'fail', events: [] };
  const asOf: PlainDate = '2026-09-01';
  // as the API answers: deadlines stored with stepCanBeOverdue, overdue decided for the date (rules/overdue.ts)
  const answer = () => {
    const base = asTheApiAnswers(input, asOf);
    const rules = rulesTimeline(input, asOf, calendar).deadlines;
    return {
      ...base,
      deadlines: base.deadlines.map((d, i) => ({
        ...d,
        estimated: rules[i].startsOnEstimated,
        overdue: stepCanBeOverdue(rules[i]) && rules[i].overdue,
      })),
    };
  };

  it('says 未记录 for the delivery and never 已逾期: the agency may have delivered without a record', () => {
    const entries = caseTimeline(answer(), asOf);
    const delivery = entries.find((e) => e.title === `期限：${DeadlineStep.label('delivery')}`)!;
    expect(delivery.state).toBe('unknown');
    expect(delivery.text).toContain('未记录');
    for (const e of entries) expect(e.text).not.toContain('已逾期');
  });

  it('marks the dates counted from the estimated delivery as （估算）', () => {
    const objection = caseTimeline(answer(), asOf).find((e) => e.title === `期限：${DeadlineStep.label('objection')}`)!;
    expect(objection.text).toContain('（估算）');
    const delivered = caseTimeline(asTheApiAnswers(FULL_CASE, asOf), asOf).find(
      (e) => e.title === `期限：${DeadlineStep.label('objection')}`,
    )!;
    expect(delivered.text).not.toContain('（估算）');
  });
});
