/**
 * The hook run at the end of every publish, inside its transaction, so what it derives becomes
 * visible together with the records: the case periods and deadlines of every spot check whose
 * record or follow-up events the batch changed (and of its consecutive-failure group), computed
 * by the rules (003 Art. 5–27, 34).
 */
import { refreshCaseState } from '../case-state/case-state.service.ts';
import type { Queryable } from '@hub/db';
import type { PlainDate } from '@hub/db/plain-date';
import type { PublishResult } from './publish.ts';

export async function afterPublish(tx: Queryable, result: PublishResult, today: PlainDate): Promise<void> {
  if (result.spotCheckIds.length === 0) return;
  await refreshCaseState(tx, result.spotCheckIds, today);
}
