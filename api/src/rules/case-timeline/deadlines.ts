/** The deadlines of a case as of a date: each step's period, whether it was met, late or overdue (003 Art. 5–25). */
import type { CaseEventKind } from '@hub/db/vocabulary';
import { addDays, compareDates, type PlainDate } from '@hub/db/plain-date';
import { periodEnd, type PeriodEnd } from '../calendar.ts';
import { eventsBy, firstBy, FOLLOW_UP_KINDS, hasPassed, lastBy, type CaseRecord, type RecordedEvent } from './record.ts';
import { FINAL_FAILURE_STATUSES, type CaseStatus } from './statuses.ts';
import { retestConfirmationDeadline, timelyFilings } from './status.ts';
import { DEADLINE_ARTICLE, DEADLINE_DAYS } from './time-limits.ts';
import type { Deadline, DeadlineStep } from './types.ts';

export function deadlinesOn(record: CaseRecord, asOf: PlainDate, status: CaseStatus): Deadline[] {
  const deadlines: Deadline[] = [];
  const impliedBy = (kinds: readonly CaseEventKind[]) =>
    kinds.some((kind) => record.events.some((e) => e.kind === kind && compareDates(e.on, asOf) <= 0));

  // 003 Art. 5: every result is delivered, 合格 or not.
  deadlines.push(
    deadline(record, asOf, {
      step: 'delivery',
      startsOn: record.input.reportDate,
      period: record.deliveryDeadline,
      metBy: 'delivered',
      implied: impliedBy(['objection_filed', 'objection_decided', 'retest_sample_confirmed', 'retest_result', ...FOLLOW_UP_KINDS]),
    }),
  );
  if (record.input.conclusion === 'pass') return deadlines;

  // 003 Art. 7: the objection window, once the notice was (or is deemed) received.
  const start = record.objectionStartsOn;
  const windowStarted = record.objectionStartsOnEstimated || (start !== null && compareDates(start, asOf) <= 0);
  if (windowStarted) {
    const shift = record.calendar.longestShift();
    const deliveryLatest = record.deliveryDeadline.dueOn ?? record.deliveryDeadline.latestDueOn;
    const period = record.objectionWindow ?? {
      ...record.deliveryDeadline,
      dueOn: null,
      nominalDueOn: addDays(record.deliveryDeadline.nominalDueOn, DEADLINE_DAYS.objection),
      calendarMissing: true,
      // the latest delivery, 15 days, then the longest move again (003 Art. 5, 7, 34)
      latestDueOn: deliveryLatest && shift !== null ? addDays(deliveryLatest, DEADLINE_DAYS.objection + shift) : null,
    };
    const filing = timelyFilings(record, asOf)[0];
    deadlines.push({
      step: 'objection',
      article: DEADLINE_ARTICLE.objection,
      startsOn: start ?? record.deliveryDeadline.nominalDueOn,
      startsOnEstimated: record.objectionStartsOnEstimated,
      days: DEADLINE_DAYS.objection,
      dueOn: period.dueOn,
      nominalDueOn: period.nominalDueOn,
      calendarMissing: period.calendarMissing,
      latestDueOn: period.dueOn === null ? (period.latestDueOn ?? null) : null,
      metBy: 'objection_filed',
      metOn: filing?.on ?? null,
      metLate: false,
      // A right, not a duty: the window passing means 视为无异议, never "overdue".
      overdue: false,
      note: record.objectionStartsOnEstimated
        ? `no delivery recorded: counted from ${start ?? 'the delivery deadline'}, the last day of lawful delivery (003 Art. 5)`
        : undefined,
    });
  }

  // 003 Art. 9–10: the re-test sample confirmation, for the latest decision ordering a re-test.
  const retestDecision = eventsBy(record, 'objection_decided', asOf)
    .filter((e) => e.outcome === 'retest')
    .at(-1);
  if (retestDecision) {
    const period = retestConfirmationDeadline(record, retestDecision);
    const confirmation = eventsBy(record, 'retest_sample_confirmed', asOf).find((e) => compareDates(e.on, retestDecision.on) >= 0);
    deadlines.push(
      deadline(record, asOf, {
        step: 'retest_sample_confirmation',
        startsOn: retestDecision.on,
        period,
        metBy: 'retest_sample_confirmed',
        met: confirmation,
        implied: impliedBy(['retest_result']),
      }),
    );
  }

  // Follow-up deadlines only for a final failure: not after a withdrawal or a passing re-test,
  // nor while an objection is unresolved (a transfer recorded meanwhile was premature, Art. 16).
  if (!FINAL_FAILURE_STATUSES.has(status)) return deadlines;
  const transfer = firstBy(record, 'transferred', asOf);
  if (transfer) {
    deadlines.push(
      deadline(record, asOf, {
        step: 'correction_order',
        startsOn: transfer.on,
        period: periodEnd(transfer.on, DEADLINE_DAYS.correction_order, record.calendar),
        metBy: 'correction_ordered',
        implied: impliedBy(['recheck_applied', 'recheck_result']),
      }),
    );
  }
  const correction = firstBy(record, 'correction_ordered', asOf);
  if (correction) {
    deadlines.push(
      deadline(record, asOf, {
        step: 'rectification',
        startsOn: correction.on,
        period: periodEnd(correction.on, DEADLINE_DAYS.rectification, record.calendar),
        metBy: 'recheck_applied',
        implied: impliedBy(['recheck_result']),
      }),
    );
  }
  const application = firstBy(record, 'recheck_applied', asOf);
  if (application) {
    deadlines.push({
      ...deadline(record, asOf, {
        step: 'recheck',
        startsOn: application.on,
        period: periodEnd(application.on, DEADLINE_DAYS.recheck, record.calendar),
        metBy: 'recheck_result',
        implied: false,
      }),
      note: 'the records carry no "re-check organised" event: a recorded re-check result is taken as evidence it was organised (003 Art. 21)',
    });
  }
  const recheckResult = lastBy(record, 'recheck_result', asOf);
  if (recheckResult) {
    deadlines.push({
      ...deadline(record, asOf, {
        step: 'outcome_report',
        startsOn: recheckResult.on,
        period: periodEnd(recheckResult.on, DEADLINE_DAYS.outcome_report, record.calendar),
        metBy: null,
        implied: false,
      }),
      note: "the local authority's report to the province is not in the records: shown for information, never overdue (003 Art. 25)",
    });
  }
  return deadlines;
}

function deadline(
  record: CaseRecord,
  asOf: PlainDate,
  spec: {
    step: DeadlineStep;
    startsOn: PlainDate;
    period: PeriodEnd;
    metBy: CaseEventKind | null;
    /** the meeting event, when not simply the first of metBy by asOf */
    met?: RecordedEvent;
    /** a later step is recorded, which shows this one happened even without its own event */
    implied: boolean;
  },
): Deadline {
  const met = spec.met ?? (spec.metBy ? firstBy(record, spec.metBy, asOf) : undefined);
  const metOn = met?.on ?? null;
  const { dueOn } = spec.period;
  const latestDueOn = dueOn === null ? (spec.period.latestDueOn ?? null) : null;
  // without the year's calendar, done after the latest possible last day is late under any calendar (003 Art. 34)
  const lastDay = dueOn ?? latestDueOn;
  const metLate = metOn !== null && lastDay !== null && compareDates(metOn, lastDay) > 0;
  const overdue = spec.metBy !== null && metOn === null && !spec.implied && hasPassed(spec.period, asOf);
  return {
    step: spec.step,
    article: DEADLINE_ARTICLE[spec.step],
    startsOn: spec.startsOn,
    startsOnEstimated: false,
    days: DEADLINE_DAYS[spec.step],
    dueOn,
    nominalDueOn: spec.period.nominalDueOn,
    calendarMissing: spec.period.calendarMissing,
    latestDueOn,
    metBy: spec.metBy,
    metOn,
    metLate,
    overdue,
    note:
      metOn === null && spec.implied ? 'a later step is recorded, so this one took place; its date is not recorded' : spec.period.reason,
  };
}
