/**
 * 认定有效但抽查不合格 (issue 15 §4): a certified item still in force (有效 or 整改中, not
 * 已撤销) with a published failure whose case is still open — every status of a final 不合格 but
 * 复查合格 (closed_recheck_passed, 003 Art. 24). Only failures the public sees linked to the item
 * count: the API names the certified item of a failure only where the producer may be named
 * (Art. 27(4)–(5)).
 */
import type { Failure, HubData, Item } from './data.ts';

const CLOSED = new Set(['closed_recheck_passed']);

export function openFailures(data: HubData, item: Item): Failure[] {
  if (item.status === 'revoked') return [];
  return item.spotChecks
    .map((s) => data.failureById.get(s.id))
    .filter((f): f is Failure => f !== undefined && !CLOSED.has(f.status?.status ?? ''));
}

export const isCertifiedButFailing = (data: HubData, item: Item) => openFailures(data, item).length > 0;
