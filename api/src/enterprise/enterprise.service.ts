import type { ConnectionShape, EnterpriseArgs, EnterpriseRow } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';

export function listEnterprises(ctx: HubContext, args: EnterpriseArgs): Promise<ConnectionShape<EnterpriseRow>> {
  return ctx.repos.enterprises.list(args);
}

export function enterpriseByUscc(ctx: HubContext, uscc: string): Promise<EnterpriseRow | null> {
  return ctx.repos.enterprises.byUscc(uscc);
}
