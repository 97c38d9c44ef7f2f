/**
 * "Two consecutive failed spot checks" (连续两次抽查不合格), as used by 003 Art. 27(4)5 (the
 * producer's identity is published) and 000 Art. 16(2) (revocation ground).
 *
 * Reading (docs/sources/DOMAIN.md "Consecutive"): compare the results of the same item — or the same
 * producer and product, for products outside the programme; the caller groups them — in sampling
 * order. Only results that count take part:
 * - a withdrawn result does not count (003 Art. 13–14: the conclusion no longer exists);
 * - a result not yet final (delivery, objection window, objection, re-test pending) does not
 *   count yet: its conclusion may still change (003 Art. 7–11);
 * - the effective conclusion is used (a re-test replaces the original, 003 Art. 11);
 * - a pass between two failures breaks the run.
 * Sampling order: the sampling date, or the report date when the sampling date is unknown; then
 * the report date; then the report number, so the order is total and repeatable.
 */
import type { Conclusion } from '@hub/db/vocabulary';
import { compareDates, type PlainDate } from '@hub/db/plain-date';

/** One result as the consecutive rule needs it (from caseTimeline as of the date in question). */
export interface CountableResult {
  reportNo: string;
  sampledOn: PlainDate | null;
  reportDate: PlainDate;
  /** CaseTimeline.effectiveConclusion: null when withdrawn */
  effectiveConclusion: Conclusion | null;
  withdrawn: boolean;
  /** CaseTimeline.final: past delivery, objection and re-test */
  final: boolean;
}

export interface ConsecutiveFailures<T extends CountableResult> {
  consecutive: boolean;
  /** the two failures, earlier first, when consecutive; else empty */
  evidence: T[];
  reason: string;
}

/** Sampling order: sampling date (report date when unknown), report date, report number. */
export function compareSamplingOrder(a: CountableResult, b: CountableResult): number {
  return (
    compareDates(a.sampledOn ?? a.reportDate, b.sampledOn ?? b.reportDate) ||
    compareDates(a.reportDate, b.reportDate) ||
    (a.reportNo < b.reportNo ? -1 : a.reportNo > b.reportNo ? 1 : 0)
  );
}

/** Whether a result takes part in the comparison: final, not withdrawn, with a conclusion. */
export function countsForConsecutive(result: CountableResult): boolean {
  return result.final && !result.withdrawn && result.effectiveConclusion !== null;
}

/** The counting results in sampling order. */
export function countingResults<T extends CountableResult>(results: readonly T[]): T[] {
  return results.filter(countsForConsecutive).sort(compareSamplingOrder);
}

/** Whether the two most recent counting results (of one item or producer+product) both failed. */
export function latestConsecutiveFailures<T extends CountableResult>(results: readonly T[]): ConsecutiveFailures<T> {
  const counting = countingResults(results);
  if (counting.length < 2) {
    return {
      consecutive: false,
      evidence: [],
      reason: `${counting.length} final result${counting.length === 1 ? '' : 's'} to compare: two are needed`,
    };
  }
  const [previous, latest] = counting.slice(-2);
  if (previous.effectiveConclusion === 'fail' && latest.effectiveConclusion === 'fail') {
    return {
      consecutive: true,
      evidence: [previous, latest],
      reason: `the two most recent final results, ${previous.reportNo} and ${latest.reportNo}, both failed`,
    };
  }
  const passed = latest.effectiveConclusion === 'pass' ? latest : previous;
  return { consecutive: false, evidence: [], reason: `${passed.reportNo} passed: no run of two failures at the latest results` };
}

/**
 * Whether `target` is one of two consecutive failures: it failed and the counting result just
 * before or just after it also failed. Evidence: the pair, earlier first (the one before is
 * preferred when both neighbours failed).
 */
export function consecutiveFailuresAround<T extends CountableResult>(results: readonly T[], target: T): ConsecutiveFailures<T> {
  if (!countsForConsecutive(target)) {
    return {
      consecutive: false,
      evidence: [],
      reason: `${target.reportNo} does not count: ${target.withdrawn || target.effectiveConclusion === null ? 'withdrawn' : 'not final yet'}`,
    };
  }
  if (target.effectiveConclusion !== 'fail') return { consecutive: false, evidence: [], reason: `${target.reportNo} passed` };
  const counting = countingResults(results.includes(target) ? results : [...results, target]);
  const index = counting.indexOf(target);
  const before = counting[index - 1];
  const after = counting[index + 1];
  if (before?.effectiveConclusion === 'fail') {
    return { consecutive: true, evidence: [before, target], reason: `${before.reportNo} and ${target.reportNo} failed in a row` };
  }
  if (after?.effectiveConclusion === 'fail') {
    return { consecutive: true, evidence: [target, after], reason: `${target.reportNo} and ${after.reportNo} failed in a row` };
  }
  return { consecutive: false, evidence: [], reason: `no failure next to ${target.reportNo} among the final results` };
}
