import 'reflect-metadata';
import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ByYearArgs, ConsumerWarning, ConsumerWarningConnection, SpotCheck, type ConsumerWarningRow } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { toGlobalId } from '../graphql/ids.ts';
import { listWarnings } from './warning.service.ts';

@Resolver(() => ConsumerWarning)
export class ConsumerWarningResolver {
  @Query(() => ConsumerWarningConnection, { description: '消费警示, newest first.' })
  consumerWarnings(@Args(() => ByYearArgs) args: ByYearArgs, @Ctx() ctx: HubContext) {
    return listWarnings(ctx, args);
  }

  @FieldResolver(() => ID)
  id(@Root() w: ConsumerWarningRow) {
    return toGlobalId('ConsumerWarning', w.dbId);
  }
  @FieldResolver(() => [SpotCheck], { description: '关联报告: the results the warning cites (as the rules allow publishing them).' })
  spotChecks(@Root() w: ConsumerWarningRow, @Ctx() ctx: HubContext) {
    return ctx.repos.spotChecks.byWarning(w.dbId);
  }
}
