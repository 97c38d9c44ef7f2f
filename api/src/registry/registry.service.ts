import type { ConnectionShape, CultivationEntryRow, RoundFunnel, StandardEvaluationRow, YearPageArgs } from '@hub/schema';
import { requireBureau } from '../access/access.service.ts';
import type { HubContext } from '../graphql/context.ts';

export function listCultivationEntries(ctx: HubContext, args: YearPageArgs): Promise<ConnectionShape<CultivationEntryRow>> {
  return ctx.repos.registry.cultivationEntries(args);
}

export function listStandardEvaluations(ctx: HubContext, args: YearPageArgs): Promise<ConnectionShape<StandardEvaluationRow>> {
  return ctx.repos.registry.standardEvaluations(args);
}

export function roundFunnels(ctx: HubContext): Promise<RoundFunnel[]> {
  return ctx.repos.registry.roundFunnels();
}

/** 联系人 and 联系方式 are personal data: bureau tokens only (FORBIDDEN otherwise). */
export function contact(ctx: HubContext, entry: CultivationEntryRow, field: 'contactName' | 'contactPhone'): string | null {
  requireBureau(ctx.viewer, field, true);
  return entry[field];
}
