/**
 * Budgets per client and minute, as GitHub's GraphQL API does: each request spends what its
 * query costs (graphql/limits.ts), a refused one still spends 1. The counters live in a store
 * of rate-limiter-flexible (a well-kept library with the same counters in memory, Redis,
 * PostgreSQL …): memory in one process; with REDIS_URL, Redis (ops/redis.ts redisRateLimiterStore),
 * so that several API processes spend one budget per client.
 */
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface RateLimitOptions {
  /** query cost a client may spend per window */
  pointsPerWindow: number;
  windowSeconds: number;
  /** wrong or expired tokens an address may send per window before it is refused */
  failedAuthPerWindow: number;
  /** anonymous requests from the machine itself (the site build, benchmarks) are not budgeted */
  exemptLoopback: boolean;
}

export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  pointsPerWindow: 60_000,
  windowSeconds: 60,
  failedAuthPerWindow: 10,
  exemptLoopback: true,
};

/** A client's budget after a request: what the headers and `rateLimit` report. */
export interface BudgetState {
  limit: number;
  remaining: number;
  /** when the window ends (and the budget is full again) */
  resetAt: Date;
  /** what this request cost */
  cost: number;
  /** false for exempt clients: no headers, `rateLimit` still answers */
  limited: boolean;
}

/** The counters of the budgets and of failed token attempts, in one store kind. */
export interface Budgets {
  options: RateLimitOptions;
  /** the client's state without spending */
  peek(client: string): Promise<BudgetState>;
  /** spends `cost`; `ok` false when it was more than what remained */
  spend(client: string, cost: number): Promise<{ ok: boolean; state: BudgetState }>;
  /** counts a wrong token from an address; false once the address is over its allowance */
  failedAuth(address: string): Promise<boolean>;
  /** whether the address is already over its allowance of wrong tokens (checked before any lookup) */
  authBlocked(address: string): Promise<Date | undefined>;
}

/** Makes the counters of one kind (`budget`, `auth`): in memory, or in a store every process shares. */
export type BudgetStore = (o: { points: number; duration: number; keyPrefix: string }) => RateLimiterAbstract;

export function createBudgets(
  options: RateLimitOptions = DEFAULT_RATE_LIMITS,
  store: BudgetStore = (o) => new RateLimiterMemory(o),
): Budgets {
  const budget = store({ points: options.pointsPerWindow, duration: options.windowSeconds, keyPrefix: 'budget' });
  const auth = store({ points: options.failedAuthPerWindow, duration: options.windowSeconds, keyPrefix: 'auth' });
  const state = (res: RateLimiterRes | null, cost: number): BudgetState => ({
    limit: options.pointsPerWindow,
    remaining: Math.max(0, res ? res.remainingPoints : options.pointsPerWindow),
    resetAt: new Date(Date.now() + (res ? res.msBeforeNext : options.windowSeconds * 1000)),
    cost,
    limited: true,
  });
  return {
    options,
    async peek(client) {
      return state(await budget.get(client), 0);
    },
    async spend(client, cost) {
      try {
        return { ok: true, state: state(await budget.consume(client, Math.max(0, cost)), cost) };
      } catch (rejected) {
        if (rejected instanceof RateLimiterRes) return { ok: false, state: state(rejected, cost) };
        throw rejected;
      }
    },
    async failedAuth(address) {
      try {
        await auth.consume(address, 1);
        return true;
      } catch (rejected) {
        if (rejected instanceof RateLimiterRes) return false;
        throw rejected;
      }
    },
    async authBlocked(address) {
      const res = await auth.get(address);
      return res && res.consumedPoints >= options.failedAuthPerWindow ? new Date(Date.now() + res.msBeforeNext) : undefined;
    },
  };
}

/** The budget of a client no limit applies to (reported, never refused). */
export function unlimited(options: RateLimitOptions, cost = 0): BudgetState {
  return {
    limit: options.pointsPerWindow,
    remaining: options.pointsPerWindow,
    resetAt: new Date(Date.now() + options.windowSeconds * 1000),
    cost,
    limited: false,
  };
}

/** The `X-RateLimit-*` headers of a budget (GitHub's names; Reset in epoch seconds). */
export function rateLimitHeaders(state: BudgetState): Record<string, string> {
  if (!state.limited) return {};
  return {
    'x-ratelimit-limit': String(state.limit),
    'x-ratelimit-remaining': String(state.remaining),
    'x-ratelimit-reset': String(Math.ceil(state.resetAt.getTime() / 1000)),
    'x-ratelimit-used': String(state.limit - state.remaining),
  };
}
