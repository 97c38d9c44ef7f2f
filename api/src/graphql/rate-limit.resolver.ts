import 'reflect-metadata';
import { Ctx, Query, Resolver } from 'type-graphql';
import { RateLimit } from '@hub/schema';
import type { HubContext } from './context.ts';

@Resolver()
export class RateLimitResolver {
  @Query(() => RateLimit, {
    description: 'Your budget: what this request cost and what remains this minute (never cached). See docs/API.md, "Budget".',
  })
  rateLimit(@Ctx() ctx: HubContext): RateLimit {
    const { state } = ctx.budget;
    return { limit: state.limit, cost: state.cost, remaining: state.remaining, resetAt: state.resetAt, limited: state.limited };
  }
}
