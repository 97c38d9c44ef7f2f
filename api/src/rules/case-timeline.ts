/**
 * What follows a spot-check result (003 Art. 5–25): the deadlines, the effective conclusion and
 * the case status on any date, from the result and the events recorded after it.
 *
 * Readings and choices (see also README.md):
 * - Missing events mean "not yet", never an error. Events are read as of a date D: only those
 *   that occurred on or before D count, except the one estimate below.
 * - No 送达 (delivery) recorded at all: Art. 5 obliges the testing agency to deliver within 7 days
 *   of the report date, so the objection window is counted from that latest lawful delivery day
 *   (`startsOnEstimated`): the producer gets the longest window a lawful delivery allows. Until
 *   that day the case is `awaiting_delivery`. When a delivery is recorded, its date is used,
 *   even if it came late (the case then stays `awaiting_delivery` until it).
 * - The objection window (Art. 7) closing without an objection makes a 不合格 result final.
 *   A filing after the window closed is deemed no objection (逾期未提交的，视为无异议) and does not
 *   stop finality; a decision the bureau nevertheless recorded on it is followed from its date.
 * - A rejected objection, or an upheld sample-authenticity objection (Art. 15), keeps the
 *   conclusion; it becomes final once the objection period has also ended (Art. 16 transfers
 *   only "在异议处理申请期届满后").
 * - Re-test ordered (Art. 9): the applicant has 7 days from the decision to confirm the retained
 *   sample. Missing them ends the re-test and keeps the original conclusion (Art. 10(2)); a later
 *   confirmation is ignored. A re-test result replaces the original conclusion and is final
 *   (Art. 11), whether or not the earlier steps were recorded.
 * - An upheld objection on sampling, method or standard withdraws the conclusion (Art. 13–14):
 *   the case ends `withdrawn`; follow-up records after it are ignored (noted), as they are after
 *   a passing re-test.
 * - Follow-up records (transfer, correction order, re-check) show the result was treated as final:
 *   the most advanced one recorded gives the status, even if earlier steps are missing or the
 *   computed objection window had not closed. An unresolved objection (under objection, re-test
 *   pending) still wins over them: it is not a final result and must not be published as one.
 * - A deadline whose day cannot be computed (calendar missing, Art. 34) never passes: the status
 *   waits (e.g. stays `objection_window`) rather than guessing. Recompute when the calendar grows.
 * - A 合格 result is `passed` from its report date; only the delivery deadline (Art. 5) applies.
 */
import { compareDates, isPlainDate, type PlainDate } from '@hub/db/plain-date';
import type { WorkCalendar } from './calendar.ts';
import { effectiveConclusionOn, identityWithheldOn, objectionGroundOn, withdrawalOn } from './case-timeline/conclusion.ts';
import { deadlinesOn } from './case-timeline/deadlines.ts';
import { notesOn } from './case-timeline/notes.ts';
import { finalSince, periodsOf } from './case-timeline/periods.ts';
import { readRecord } from './case-timeline/record.ts';
import { FINAL_STATUSES } from './case-timeline/statuses.ts';
import { statusOn } from './case-timeline/status.ts';
import type { CaseInput, CaseTimeline } from './case-timeline/types.ts';

// The pieces, in case-timeline/: types.ts (input and output), statuses.ts, time-limits.ts (days
// and articles), record.ts (the record read once), status.ts (status on a date), periods.ts,
// conclusion.ts (conclusion, withdrawal, identity), deadlines.ts, notes.ts.
export {
  CASE_STATUSES,
  CASE_STATUS_LABELS,
  FINAL_FAILURE_STATUSES,
  FINAL_STATUSES,
  PENDING_STATUSES,
  type CaseStatus,
} from './case-timeline/statuses.ts';
export { DEADLINE_ARTICLE, DEADLINE_DAYS } from './case-timeline/time-limits.ts';
export type { CaseEvent, CaseInput, CaseTimeline, Deadline, DeadlineStep, StatusPeriod, Withdrawal } from './case-timeline/types.ts';

/** The case as of `asOf`: status, deadlines, effective conclusion and the status periods. */
export function caseTimeline(input: CaseInput, asOf: PlainDate, calendar: WorkCalendar): CaseTimeline {
  if (!isPlainDate(input.reportDate)) throw new RangeError(`reportDate ${JSON.stringify(input.reportDate)} is not a valid date`);
  if (!isPlainDate(asOf)) throw new RangeError(`asOf ${JSON.stringify(asOf)} is not a valid date`);
  if (compareDates(asOf, input.reportDate) < 0) {
    throw new RangeError(`asOf ${asOf} precedes the report date ${input.reportDate}: the case does not exist yet`);
  }
  const record = readRecord(input, calendar);
  const current = statusOn(record, asOf);
  const statusPeriods = periodsOf(record);
  const finalNow = FINAL_STATUSES.has(current.status);
  const withdrawal = withdrawalOn(record, asOf);
  const conclusion = effectiveConclusionOn(record, asOf, current.status);
  return {
    asOf,
    status: current.status,
    statusReason: current.reason,
    deadlines: deadlinesOn(record, asOf, current.status),
    originalConclusion: input.conclusion,
    effectiveConclusion: conclusion.conclusion,
    conclusionReason: conclusion.reason,
    final: finalNow,
    finalSince: finalNow ? finalSince(statusPeriods, asOf) : null,
    withdrawal,
    producerIdentityWithheld: identityWithheldOn(record, asOf),
    objectionGround: objectionGroundOn(record, asOf),
    statusPeriods,
    notes: notesOn(record, asOf),
  };
}
