import 'reflect-metadata';
import { Ctx, Query, Resolver } from 'type-graphql';
import { Summary } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { getSummary, health } from './summary.service.ts';

@Resolver()
export class SummaryResolver {
  @Query(() => Summary, { description: '概况: headline numbers and the date the data is current to.' })
  summary(@Ctx() ctx: HubContext) {
    return getSummary(ctx);
  }

  @Query(() => String, { description: 'Health check: "ok" when the API can reach its database.' })
  health(@Ctx() ctx: HubContext) {
    return health(ctx);
  }
}
