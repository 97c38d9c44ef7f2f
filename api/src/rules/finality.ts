/**
 * When a spot-check result is final (003 Art. 7, 10, 11, 16): a 合格 result from its report
 * date, a 不合格 one at or after finality (FINAL_FAILURE_STATUSES). What `caseTimeline` calls
 * `final`, as the list of statuses the case state stores.
 */
import type { CaseEventKind, Conclusion } from '@hub/db/vocabulary';
import { FINAL_FAILURE_STATUSES, type CaseStatus } from './case-timeline.ts';

export const FINAL_STATUSES: readonly CaseStatus[] = ['passed', ...FINAL_FAILURE_STATUSES];

/**
 * The events that show a result reached its addressee (送达): the delivery itself, or any later
 * step of the procedure, which only a delivered result can reach (an objection, 003 Art. 7; a
 * transfer, Art. 16; an order to rectify, Art. 17 …).
 */
export const DELIVERY_SHOWN_BY: readonly CaseEventKind[] = [
  'delivered',
  'objection_filed',
  'objection_decided',
  'retest_sample_confirmed',
  'retest_result',
  'transferred',
  'correction_ordered',
  'recheck_applied',
  'recheck_result',
  'refused_rectification',
];

/**
 * Whether a 不合格 result may be listed on what the records show (003 Art. 7, 16, 26): the
 * objection period runs from 送达, so without a recorded delivery its end — and so the result's
 * finality — is only an estimate (report date + the longest delivery time). Such a result is
 * listed only when the bureau's batch states its results are final (结果公告, batch.final);
 * otherwise it waits for the delivery record. A 合格 result is final from its report date.
 */
export function finalOnRecord(input: { conclusion: Conclusion; events: readonly { kind: CaseEventKind }[]; batchFinal: boolean }): boolean {
  if (input.conclusion === 'pass' || input.batchFinal) return true;
  return input.events.some((e) => DELIVERY_SHOWN_BY.includes(e.kind));
}

/**
 * The status the records support (003 Art. 5, 7): a failure whose 送达 is not on record, in a
 * batch that is not a 结果公告, stays `awaiting_delivery` (待送达). The objection window that the
 * timeline counts from the latest lawful delivery day (Art. 5) is then only an estimate, and a
 * status of `objection_window` or `final` would state as fact what the records do not show.
 * Steps that themselves show a delivery (DELIVERY_SHOWN_BY) make the result on record.
 */
export function statusOnRecord(status: CaseStatus, onRecord: boolean): CaseStatus {
  if (onRecord) return status;
  return status === 'objection_window' || status === 'final' ? 'awaiting_delivery' : status;
}
