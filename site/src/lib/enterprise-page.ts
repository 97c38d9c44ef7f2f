import type { Enterprise, HubData, LogoSubject } from './data.ts';

/** What an enterprise's page shows besides the enterprise: its items, revocations, failures and logo pages. */
export function shownWith(data: HubData, e: Enterprise) {
  const items = data.itemsByEnterprise.get(e.id) ?? [];
  const revocations = data.revocations.filter((r) => r.enterprise?.id === e.id);
  const failures = data.failuresByProducer.get(e.id) ?? [];
  // 这个标识还有效吗: its certificates' logo pages, and its 长江质量奖 self-declaration's
  const logos = [...items.map((i) => data.logoSubjectByItem.get(i.id)), data.selfDeclarationByEnterprise.get(e.id)].filter(
    (l): l is LogoSubject => l !== undefined && l.authorisations.length > 0,
  );
  return { items, revocations, failures, logos };
}
