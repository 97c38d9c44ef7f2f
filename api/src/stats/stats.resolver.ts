import 'reflect-metadata';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { SpotCheckFilter, SpotCheckStat, StatsDimension, YearCount } from '@hub/schema';
import { HUBEI_CITIES } from '@hub/db';
import type { HubContext } from '../graphql/context.ts';
import { spotCheckWhere } from '../spot-check/spot-check.service.ts';
import { SC_FAILED, spotCheckFrom } from '../graphql/visibility.ts';

/** The SQL expression each statistics dimension groups spot checks (alias sc) by. */
export const GROUP: Record<StatsDimension, string> = {
  [StatsDimension.city]: 'sc.city_code',
  [StatsDimension.industry]: '(SELECT ci.industry_code FROM certified_item ci WHERE ci.id = sc.certified_item_id)',
  [StatsDimension.productCategory]: 'sc.product_category',
  [StatsDimension.checkType]: 'sc.check_type',
  [StatsDimension.year]: `to_char(sc.report_date, 'YYYY')`,
  [StatsDimension.month]: `to_char(sc.report_date, 'YYYY-MM')`,
};

export const cityNames = new Map(HUBEI_CITIES.map((c) => [c.code, c.name]));

@Resolver()
export class StatsResolver {
  @Query(() => [SpotCheckStat], {
    description: 'Counts and failure rates of published results grouped by a dimension, each with its denominator. ' +
      'A failure is a result whose conclusion in force is 不合格 (re-tests replace, withdrawals remove). Results not yet published (inside the objection window, under objection) are not counted.',
  })
  async spotCheckStats(
    @Arg('by', () => StatsDimension) by: StatsDimension,
    @Ctx() ctx: HubContext,
    @Arg('filter', () => SpotCheckFilter, { nullable: true }) filter?: SpotCheckFilter,
  ): Promise<SpotCheckStat[]> {
    // final results only, passes included (003 Art. 27(1)); a bureau token sees the same numbers
    const where = spotCheckWhere(ctx, filter, 'counted');
    const rows = await ctx.sql.query<{ key: string | null; checked: number; failed: number }>(
      `SELECT ${GROUP[by]} AS key, count(*) AS checked,
         count(*) FILTER (WHERE ${SC_FAILED}) AS failed
       FROM ${spotCheckFrom('$1')} ${where} GROUP BY 1 ORDER BY 1`,
      where.params,
    );
    const industries = by === StatsDimension.industry
      ? new Map((await ctx.sql.query<{ code: string; name: string }>('SELECT code, name FROM industry')).map((r) => [r.code, r.name]))
      : undefined;
    return rows.map((r) => ({
      ...r,
      label: r.key == null ? null : (by === StatsDimension.city ? cityNames.get(r.key) : industries?.get(r.key)) ?? r.key,
      failureRate: r.checked ? r.failed / r.checked : null,
    }));
  }

  @Query(() => [YearCount], { description: '撤销认定 decisions per year.' })
  revocationsPerYear(@Ctx() ctx: HubContext) {
    return ctx.sql.query<YearCount>(`SELECT extract(year FROM decided_on)::int AS year, count(*) AS count FROM revocation GROUP BY 1 ORDER BY 1`);
  }

  @Query(() => [YearCount], { description: '消费警示 per year.' })
  warningsPerYear(@Ctx() ctx: HubContext) {
    return ctx.sql.query<YearCount>(`SELECT extract(year FROM published_on)::int AS year, count(*) AS count FROM consumer_warning GROUP BY 1 ORDER BY 1`);
  }
}
