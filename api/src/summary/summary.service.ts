import type { Summary } from '@hub/schema';
import { GraphQLError } from 'graphql';
import type { HubContext } from '../graphql/context.ts';
import { userError } from '../graphql/errors.ts';

export function getSummary(ctx: HubContext): Promise<Summary> {
  return ctx.repos.summary.summary();
}

/** How long `health` waits for the database: a monitor wants an answer, not a hung request. */
export const HEALTH_TIMEOUT_MS = 2_000;

/** "ok" when the API can reach its database; SERVICE_UNAVAILABLE within HEALTH_TIMEOUT_MS otherwise. */
export async function health(ctx: HubContext): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(userError('SERVICE_UNAVAILABLE', `The database did not answer within ${HEALTH_TIMEOUT_MS / 1000} s.`)),
      HEALTH_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([ctx.repos.summary.ping(), timeout]);
  } catch (error) {
    if (error instanceof Error && !(error instanceof GraphQLError)) {
      throw userError('SERVICE_UNAVAILABLE', 'The database cannot be reached; try again in a moment.');
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return 'ok';
}
