import { RevocationGround } from '@hub/db';
import type { ByYearArgs, ConnectionShape, RevocationRow } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { revocationEffects, type RevocationEffects } from '../rules/dynamic-management.ts';

export function listRevocations(ctx: HubContext, args: ByYearArgs): Promise<ConnectionShape<RevocationRow>> {
  return ctx.repos.revocations.list(args);
}

/** The clause of 000 Art. 16 the decision rests on, e.g. 第十六条第二项. */
export function groundLabel(r: RevocationRow): string {
  return RevocationGround.label(r.ground as RevocationGround);
}

/** What the decision entails from its date: the logo stops, reapplication is barred for 3 years (000 Art. 16). */
export function effects(r: RevocationRow): RevocationEffects {
  return revocationEffects(r.decidedOn);
}
