/**
 * The statuses of a spot-check case (003 Art. 5–25), their Chinese labels, and which of them
 * are pending or final — the one list the rest of the hub reads them from. The codes and labels
 * are the vocabulary's (db/src/vocabulary.ts); what they mean for disclosure is here.
 */
import { CaseStatus } from '@hub/db/vocabulary';

export const CASE_STATUSES = CaseStatus.codes;
export { CaseStatus };
/** The Chinese label of each status: the vocabulary's (db/src/vocabulary.ts). */
export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = CaseStatus.labels;

/** Statuses in which the result is not (yet) final: never published as a failure (Art. 26–27). */
export const PENDING_STATUSES: ReadonlySet<CaseStatus> = new Set([
  'awaiting_delivery',
  'objection_window',
  'under_objection',
  'retest_pending',
]);

/** Statuses of a final 不合格 result: at or after finality (Art. 7, 10, 11, 16). */
export const FINAL_FAILURE_STATUSES: ReadonlySet<CaseStatus> = new Set([
  'final',
  'transferred',
  'rectification_due',
  'rectification_overdue',
  'recheck_pending',
  'closed_recheck_passed',
  'closed_recheck_failed',
]);

/** Statuses of a final result: a pass, or a final 不合格 (CaseTimeline.final). */
export const FINAL_STATUSES: ReadonlySet<CaseStatus> = new Set(['passed', ...FINAL_FAILURE_STATUSES]);
