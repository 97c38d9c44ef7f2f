/**
 * The statuses of a spot-check case (003 Art. 5–25), their Chinese labels, and which of them
 * are pending or final — the one list the rest of the hub reads them from.
 */

export const CASE_STATUSES = [
  'passed',
  'awaiting_delivery',
  'objection_window',
  'under_objection',
  'retest_pending',
  'final',
  'withdrawn',
  'transferred',
  'rectification_due',
  'rectification_overdue',
  'recheck_pending',
  'closed_recheck_passed',
  'closed_recheck_failed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  passed: '合格',
  awaiting_delivery: '待送达',
  objection_window: '异议期内',
  under_objection: '异议处理中',
  retest_pending: '复检中',
  final: '不合格（已生效）',
  withdrawn: '已撤回',
  transferred: '已移交处理',
  rectification_due: '整改期内',
  rectification_overdue: '逾期未申请复查',
  recheck_pending: '复查中',
  closed_recheck_passed: '复查合格',
  closed_recheck_failed: '复查不合格',
};

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
