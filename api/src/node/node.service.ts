import type { Node } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { fromGlobalId } from '../graphql/ids.ts';

/** Any object again by its global ID, through its feature's repository: the same visibility rules as the lists. */
export async function nodeById(ctx: HubContext, id: string): Promise<Node | null> {
  const { type, key } = fromGlobalId(id);
  const n = Number(key);
  if (!Number.isInteger(n)) return null;
  const { repos } = ctx;
  const found: Record<string, () => Promise<unknown>> = {
    SpotCheck: () => repos.spotChecks.byId(n),
    Enterprise: () => repos.enterprises.byId(n),
    CertifiedItem: () => repos.certification.byId(n),
    Batch: () => repos.batches.byId(n),
    Revocation: () => repos.revocations.byId(n),
    ConsumerWarning: () => repos.warnings.byId(n),
    CultivationEntry: () => repos.registry.cultivationEntry(n),
    StandardEvaluation: () => repos.registry.standardEvaluation(n),
    LogoAuthorisation: () => repos.logos.byId(n),
  };
  const loader = found[type];
  if (!loader) return null;
  const row = (await loader()) as Record<string, unknown> | null;
  return row ? ({ ...row, __typename: type } as unknown as Node) : null;
}
