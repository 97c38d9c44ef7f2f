import type { ByYearArgs, ConnectionShape, ConsumerWarningRow } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';

export function listWarnings(ctx: HubContext, args: ByYearArgs): Promise<ConnectionShape<ConsumerWarningRow>> {
  return ctx.repos.warnings.list(args);
}
