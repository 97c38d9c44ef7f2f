import 'reflect-metadata';
import { Ctx, Query, Resolver } from 'type-graphql';
import { Summary } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { getSummary } from './summary.service.ts';

@Resolver()
export class SummaryResolver {
  @Query(() => Summary, { description: '概况: headline numbers and the date the data is current to.' })
  summary(@Ctx() ctx: HubContext): Promise<Summary> {
    return getSummary(ctx.sql);
  }

  @Query(() => String, { description: 'Health check: "ok" when the API can reach its database.' })
  async health(@Ctx() ctx: HubContext): Promise<string> {
    await ctx.sql.query('SELECT 1');
    return 'ok';
  }
}
