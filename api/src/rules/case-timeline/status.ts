/** The status of a case on a date: the result's own stage (003 Art. 5–15), then its follow-up (Art. 16–24). */
import type { ObjectionOutcome } from '@hub/db/vocabulary';
import { compareDates, type PlainDate } from '@hub/db/plain-date';
import { periodEnd, type PeriodEnd } from '../calendar.ts';
import { withdrawalOn } from './conclusion.ts';
import { eventsBy, firstBy, hasPassed, lastBy, type CaseRecord, type RecordedEvent } from './record.ts';
import type { CaseStatus } from './statuses.ts';
import { DEADLINE_DAYS } from './time-limits.ts';

export interface StatusWithReason {
  status: CaseStatus;
  reason: string;
}

export function statusOn(record: CaseRecord, date: PlainDate): StatusWithReason {
  if (record.input.conclusion === 'pass') {
    return { status: 'passed', reason: 'the result is 合格: no objection, transfer or rectification follows' };
  }
  const result = resultStageOn(record, date);
  // A withdrawn conclusion or a passing re-test leaves nothing to follow up (Art. 11, 13–14).
  if (result.status === 'withdrawn' || result.status === 'passed') return result;
  // An unresolved objection is not a final result, whatever follow-up was recorded (Art. 16).
  if (result.status === 'under_objection' || result.status === 'retest_pending') return result;
  return followUpStageOn(record, date) ?? result;
}

/** The result itself: delivery, objection window, objection, re-test (003 Art. 5–15). */
export function resultStageOn(record: CaseRecord, date: PlainDate): StatusWithReason {
  // 003 Art. 11: 复检结论为最终结论.
  const retestResult = lastBy(record, 'retest_result', date);
  if (retestResult) {
    return retestResult.outcome === 'pass'
      ? {
          status: 'passed',
          reason: `the re-test of ${retestResult.on} found the product 合格; the re-test conclusion is final (003 Art. 11)`,
        }
      : { status: 'final', reason: `the re-test of ${retestResult.on} confirmed 不合格; the re-test conclusion is final (003 Art. 11)` };
  }

  const decision = lastBy(record, 'objection_decided', date);
  if (decision) {
    const outcome = decision.outcome as ObjectionOutcome;
    if (outcome === 'withdrawn') {
      const withdrawal = withdrawalOn(record, date)!;
      return {
        status: 'withdrawn',
        reason: `the objection was upheld on ${decision.on}: the conclusion is withdrawn (${withdrawal.article})`,
      };
    }
    if (outcome === 'retest') {
      const confirmation = retestConfirmationDeadline(record, decision);
      const confirmed = timelyConfirmation(record, decision, confirmation, date);
      if (!confirmed && hasPassed(confirmation, date)) {
        return {
          status: 'final',
          reason: `the retained sample was not confirmed by ${confirmation.dueOn}: the re-test ends and the original conclusion stands (003 Art. 10(2))`,
        };
      }
      return { status: 'retest_pending', reason: `a re-test was ordered on ${decision.on} (003 Art. 9)` };
    }
    // rejected, or sample authenticity upheld (Art. 15): the conclusion stands once the period ends.
    const kept =
      outcome === 'authenticity_upheld'
        ? 'the sample-authenticity objection was upheld: the result stands (003 Art. 15)'
        : 'the objection was rejected: the conclusion stands';
    if (hasPassed(record.objectionWindow, date)) {
      return { status: 'final', reason: `${kept}; the objection period ended on ${record.objectionWindow!.dueOn} (003 Art. 16)` };
    }
    return {
      status: 'objection_window',
      reason: `${kept}; the objection period runs until ${record.objectionWindow?.dueOn ?? 'a day the calendar cannot tell yet'} (003 Art. 7, 16)`,
    };
  }

  const filing = timelyFilings(record, date)[0];
  if (filing) return { status: 'under_objection', reason: `an objection was filed on ${filing.on} (003 Art. 7)` };

  const confirmationOnly = firstBy(record, 'retest_sample_confirmed', date);
  if (confirmationOnly)
    return { status: 'retest_pending', reason: `a re-test sample was confirmed on ${confirmationOnly.on} (003 Art. 9)` };

  if (!deliveredBy(record, date)) {
    return record.recordedDelivery
      ? { status: 'awaiting_delivery', reason: `the result notice was received on ${record.recordedDelivery.on} (003 Art. 5)` }
      : {
          status: 'awaiting_delivery',
          reason: `the result notice is due for delivery by ${record.deliveryDeadline.dueOn ?? 'a day the calendar cannot tell yet'} (003 Art. 5)`,
        };
  }
  const window = record.objectionWindow;
  if (!hasPassed(window, date)) {
    return {
      status: 'objection_window',
      reason: `objections may be filed until ${window?.dueOn ?? 'a day the calendar cannot tell yet'} (003 Art. 7)`,
    };
  }
  return { status: 'final', reason: `no objection was filed by ${window!.dueOn}: 视为无异议, the result is final (003 Art. 7)` };
}

/** What the local authority recorded after a final 不合格 (003 Art. 16–24); null when nothing yet. */
function followUpStageOn(record: CaseRecord, date: PlainDate): StatusWithReason | null {
  const recheckResult = lastBy(record, 'recheck_result', date);
  if (recheckResult) {
    return recheckResult.outcome === 'pass'
      ? { status: 'closed_recheck_passed', reason: `the re-check of ${recheckResult.on} passed (003 Art. 24)` }
      : { status: 'closed_recheck_failed', reason: `the re-check of ${recheckResult.on} failed (003 Art. 24)` };
  }
  const application = firstBy(record, 'recheck_applied', date);
  if (application) return { status: 'recheck_pending', reason: `re-check applied for on ${application.on} (003 Art. 20–21)` };

  const correction = firstBy(record, 'correction_ordered', date);
  if (correction) {
    const rectification = periodEnd(correction.on, DEADLINE_DAYS.rectification, record.calendar);
    return hasPassed(rectification, date)
      ? {
          status: 'rectification_overdue',
          reason: `no re-check application by ${rectification.dueOn ?? `${rectification.latestDueOn}, the latest the last day can be without a calendar for its year`}, ${DEADLINE_DAYS.rectification} days after the correction order (003 Art. 17, 20, 24, 34)`,
        }
      : {
          status: 'rectification_due',
          reason: `rectification and re-check application due by ${rectification.dueOn ?? 'a day the calendar cannot tell yet'} (003 Art. 17, 20)`,
        };
  }
  const transfer = firstBy(record, 'transferred', date);
  if (transfer) return { status: 'transferred', reason: `transferred to the local authority on ${transfer.on} (003 Art. 16)` };
  return null;
}

export function deliveredBy(record: CaseRecord, date: PlainDate): boolean {
  if (record.recordedDelivery) return compareDates(record.recordedDelivery.on, date) <= 0;
  // Estimated: delivered on the last lawful day (Art. 5); the window counts from the next day.
  return hasPassed(record.deliveryDeadline, date);
}

/** Objections filed by `date` within the window (003 Art. 7: 逾期未提交的，视为无异议). */
export function timelyFilings(record: CaseRecord, date: PlainDate): RecordedEvent[] {
  const dueOn = record.objectionWindow?.dueOn;
  return eventsBy(record, 'objection_filed', date).filter((e) => dueOn == null || compareDates(e.on, dueOn) <= 0);
}

export function retestConfirmationDeadline(record: CaseRecord, decision: RecordedEvent): PeriodEnd {
  return periodEnd(decision.on, DEADLINE_DAYS.retest_sample_confirmation, record.calendar);
}

/** 003 Art. 9–10: the confirmation counts when made on or after the decision and by its deadline. */
export function timelyConfirmation(
  record: CaseRecord,
  decision: RecordedEvent,
  deadline: PeriodEnd,
  date: PlainDate,
): RecordedEvent | undefined {
  return eventsBy(record, 'retest_sample_confirmed', date).find(
    (e) => compareDates(e.on, decision.on) >= 0 && (deadline.dueOn == null || compareDates(e.on, deadline.dueOn) <= 0),
  );
}
