import type { ConnectionShape, LogoAuthorisationArgs, LogoAuthorisationRow, RevocationRow } from '@hub/schema';
import type { LogoBasis } from '@hub/db/vocabulary';
import type { HubContext } from '../graphql/context.ts';
import { logoAuthorisationStatus, type LogoAuthorisationStatus } from '../rules/logo.ts';

export function listLogoAuthorisations(ctx: HubContext, args: LogoAuthorisationArgs): Promise<ConnectionShape<LogoAuthorisationRow>> {
  return ctx.repos.logos.list(args);
}

/** 这个标识还有效吗 on `asOf` (default today in China): rules/logo.ts over the decisions that concern it. */
export async function logoStatus(
  ctx: HubContext,
  logo: LogoAuthorisationRow,
  asOf?: string,
): Promise<LogoAuthorisationStatus<RevocationRow & { itemIds: number[] }>> {
  const decisions = await ctx.repos.revocations.concerningLogo(logo.dbId);
  return logoAuthorisationStatus(
    {
      basis: logo.basis as LogoBasis,
      enterpriseId: logo.enterpriseId,
      certifiedItemId: logo.certifiedItemId,
      authorisedOn: logo.authorisedOn,
      validUntil: logo.validUntil,
    },
    decisions,
    asOf ?? ctx.today,
  );
}
