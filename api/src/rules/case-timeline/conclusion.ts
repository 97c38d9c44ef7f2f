/** The effective conclusion of a case, its withdrawal and whether the producer is named (003 Art. 10–15). */
import { Conclusion, type ObjectionGround } from '@hub/db/vocabulary';
import type { PlainDate } from '@hub/db/plain-date';
import { eventsBy, firstBy, lastBy, type CaseRecord } from './record.ts';
import { PENDING_STATUSES, type CaseStatus } from './statuses.ts';
import type { Withdrawal } from './types.ts';

export function objectionGroundOn(record: CaseRecord, date: PlainDate): ObjectionGround | null {
  return (firstBy(record, 'objection_filed', date)?.outcome as ObjectionGround | undefined) ?? null;
}

/** 003 Art. 13 (sampling) and 14 (method, standard): an upheld objection withdraws the conclusion. */
export function withdrawalOn(record: CaseRecord, date: PlainDate): Withdrawal | null {
  if (record.input.conclusion === 'pass') return null;
  if (lastBy(record, 'retest_result', date)) return null;
  const decision = lastBy(record, 'objection_decided', date);
  if (decision?.outcome !== 'withdrawn') return null;
  const ground = objectionGroundOn(record, date);
  const article = ground === 'sampling' ? '003 Art. 13' : ground === 'method' || ground === 'standard' ? '003 Art. 14' : '003 Art. 13–14';
  return { on: decision.on, ground, article };
}

/** 003 Art. 15: 异议成立的，抽查结果不公开标称生产者信息. */
export function identityWithheldOn(record: CaseRecord, date: PlainDate): boolean {
  if (record.input.conclusion === 'pass') return false;
  return eventsBy(record, 'objection_decided', date).some((e) => e.outcome === 'authenticity_upheld');
}

export function effectiveConclusionOn(
  record: CaseRecord,
  date: PlainDate,
  status: CaseStatus,
): { conclusion: Conclusion | null; reason: string } {
  if (record.input.conclusion === 'pass') return { conclusion: 'pass', reason: 'the result is 合格' };
  const retestResult = lastBy(record, 'retest_result', date);
  if (retestResult) {
    return {
      conclusion: retestResult.outcome as Conclusion,
      reason: `the re-test conclusion of ${retestResult.on} (${Conclusion.label(retestResult.outcome as Conclusion)}) replaces the original (003 Art. 11)`,
    };
  }
  const withdrawal = withdrawalOn(record, date);
  if (withdrawal) return { conclusion: null, reason: `the conclusion was withdrawn on ${withdrawal.on} (${withdrawal.article})` };
  if (identityWithheldOn(record, date)) {
    return {
      conclusion: 'fail',
      reason: 'the sample-authenticity objection was upheld: the result stands, the nominal producer is not published (003 Art. 15)',
    };
  }
  const decision = lastBy(record, 'objection_decided', date);
  if (decision?.outcome === 'retest' && status !== 'retest_pending') {
    return { conclusion: 'fail', reason: 'the re-test ended without a result: the original conclusion stands (003 Art. 10)' };
  }
  if (decision?.outcome === 'rejected') return { conclusion: 'fail', reason: 'the objection was rejected: the original conclusion stands' };
  return {
    conclusion: 'fail',
    reason: PENDING_STATUSES.has(status) ? 'the original conclusion, not yet final' : 'the original conclusion',
  };
}
