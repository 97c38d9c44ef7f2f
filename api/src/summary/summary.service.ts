import type { Summary } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';

export function getSummary(ctx: HubContext): Promise<Summary> {
  return ctx.repos.summary.summary();
}

/** "ok" when the API can reach its database. */
export async function health(ctx: HubContext): Promise<string> {
  await ctx.repos.summary.ping();
  return 'ok';
}
