import type { ConnectionShape, EnterpriseArgs, EnterpriseRow } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { usccArgument } from '../graphql/uscc.ts';

export function listEnterprises(ctx: HubContext, args: EnterpriseArgs): Promise<ConnectionShape<EnterpriseRow>> {
  return ctx.repos.enterprises.list(args);
}

/** A code that cannot be a USCC is the user's error (what is wrong with it); a valid one the hub does not know is null. */
export function enterpriseByUscc(ctx: HubContext, uscc: string): Promise<EnterpriseRow | null> {
  return ctx.repos.enterprises.byUscc(usccArgument('uscc', uscc));
}
