/**
 * When a spot-check result is final (003 Art. 7, 10, 11, 16): a 合格 result from its report
 * date, a 不合格 one at or after finality (FINAL_FAILURE_STATUSES). What `caseTimeline` calls
 * `final`, as the list of statuses the case state stores.
 */
import { FINAL_FAILURE_STATUSES, type CaseStatus } from './case-timeline.ts';

export const FINAL_STATUSES: readonly CaseStatus[] = ['passed', ...FINAL_FAILURE_STATUSES];
