import 'reflect-metadata';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { SpotCheckFilter, SpotCheckStat, StatsDimension, YearCount } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { revocationsPerYear, spotCheckStats, warningsPerYear } from './stats.service.ts';

@Resolver()
export class StatsResolver {
  @Query(() => [SpotCheckStat], {
    description:
      'Counts and failure rates of published results grouped by a dimension, each with its denominator. ' +
      'A failure is a result whose conclusion in force is 不合格 (re-tests replace, withdrawals remove). Results not yet published (inside the objection window, under objection) are not counted.',
  })
  spotCheckStats(
    @Arg('by', () => StatsDimension) by: StatsDimension,
    @Ctx() ctx: HubContext,
    @Arg('filter', () => SpotCheckFilter, { nullable: true }) filter?: SpotCheckFilter,
  ) {
    return spotCheckStats(ctx, by, filter);
  }

  @Query(() => [YearCount], { description: '撤销认定 decisions per year.' })
  revocationsPerYear(@Ctx() ctx: HubContext) {
    return revocationsPerYear(ctx);
  }

  @Query(() => [YearCount], { description: '消费警示 per year.' })
  warningsPerYear(@Ctx() ctx: HubContext) {
    return warningsPerYear(ctx);
  }
}
