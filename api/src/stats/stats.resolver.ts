import 'reflect-metadata';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { SpotCheckFilter, SpotCheckStat, SpotCheckStatistics, StatsDimension, YearCount } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { revocationsPerYear, spotCheckStatistics, spotCheckStats, warningsPerYear } from './stats.service.ts';

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

  @Query(() => SpotCheckStatistics, {
    description:
      'Counts and failure rates of final results over several dimensions at once (e.g. city × year), with the day they hold for, ' +
      'what they count and how many results the filter matched that they do not count (pending, withdrawn). ' +
      'Answered from an aggregate kept in step by every publish and the day refresh (answeredFrom says so), else by a full count: ' +
      'the same numbers either way. An empty list of dimensions gives the totals only.',
  })
  spotCheckStatistics(
    @Arg('dimensions', () => [StatsDimension]) dimensions: StatsDimension[],
    @Ctx() ctx: HubContext,
    @Arg('filter', () => SpotCheckFilter, { nullable: true }) filter?: SpotCheckFilter,
  ) {
    return spotCheckStatistics(ctx, dimensions, filter);
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
