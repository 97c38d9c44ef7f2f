/**
 * Redis, when REDIS_URL is set: what lets several API processes behave as one (issue 14, point 1).
 *
 * - {@link redisResponseCache}: Apollo's response cache in Redis — Apollo's own KeyvAdapter over
 *   Keyv's Redis store (@keyv/redis), so an answer computed by one process is served by all.
 * - {@link redisRateLimiterStore}: the rate-limit budgets and failed-token counters
 *   (http/rate-limit.ts) in rate-limiter-flexible's RateLimiterRedis, one atomic script per hit,
 *   so a client's budget is the same whichever process it reaches.
 *
 * Invalidation needs no Redis: a publish (through any process or the CLI) notifies every process
 * with PostgreSQL's NOTIFY on commit, and the cache key's generation is read from the database
 * (live/changes.ts), so every process agrees on it.
 *
 * One client library: node-redis (@redis/client, the one @keyv/redis is built on and re-exports).
 * Without REDIS_URL none of this is used and the hub runs in one process as before.
 */
import { KeyvAdapter } from '@apollo/utils.keyvadapter';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import KeyvRedis, { createClient, type RedisClientConnectionType, type RedisClientType } from '@keyv/redis';
import Keyv from 'keyv';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { BudgetStore } from '../http/rate-limit.ts';
import type { SharedCounts } from '../repository/paging.ts';
import { logger } from './logger.ts';

export type RedisClient = RedisClientType;

/** Connects to `url` (redis:// or rediss://). Reconnects by itself; readiness reports an outage. */
export async function connectRedis(url: string, name = 'hub'): Promise<RedisClient> {
  const client = createClient({
    url,
    name,
    socket: {
      connectTimeout: 5000,
      // back off up to 5 s between attempts, for as long as it takes: an outage is reported by
      // /readyz, and the client is whole again when Redis is
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5000),
    },
  });
  let reported = false;
  client.on('error', (error: Error) => {
    // one line per outage, not one per reconnection attempt
    if (!reported) logger.error({ err: error }, 'redis: connection error');
    reported = true;
  });
  client.on('ready', () => {
    if (reported) logger.info('redis: connected again');
    reported = false;
  });
  await client.connect();
  return client;
}

/** Apollo's response cache in Redis, under `namespace` (keys `namespace:fqc:…`), shared by every process. */
export function redisResponseCache(client: RedisClient, namespace = 'hub:response'): KeyValueCache<string> {
  // the same node-redis client; its generic parameters differ from the adapter's declared ones
  const store = new KeyvRedis<string>(client as unknown as RedisClientConnectionType, {
    namespace,
    keyPrefixSeparator: ':',
    useUnlink: true,
  });
  const keyv = new Keyv<string>({ store, namespace, useKeyPrefix: false });
  // keyv's ESM and CommonJS declarations differ (KeyvAdapter's types name the CommonJS one); one class at run time
  return new KeyvAdapter(keyv as unknown as ConstructorParameters<typeof KeyvAdapter<string>>[0]);
}

/**
 * List counts in Redis (keys `prefix<generation>:<hash of the statement>`), shared by every
 * process for their lifetime (repository/paging.ts): an unreachable Redis is a miss, never an error.
 */
export function redisCounts(client: RedisClient, prefix = 'hub:count:'): SharedCounts {
  return {
    async get(key) {
      if (!client.isReady) return undefined;
      const value = await client.get(prefix + key);
      return value === null ? undefined : Number(value);
    },
    async set(key, n, ttlMs) {
      if (client.isReady) await client.set(prefix + key, String(n), { PX: ttlMs });
    },
  };
}

/**
 * The rate-limit counters in Redis (keys `prefix<budget|auth>:<client>`), shared by every
 * process. Should Redis be unreachable, each process counts in its own memory meanwhile
 * (rate-limiter-flexible's insurance limiter) rather than refusing or holding requests.
 */
export function redisRateLimiterStore(client: RedisClient, prefix = 'hub:rate:'): BudgetStore {
  return (o) =>
    new RateLimiterRedis({
      ...o,
      keyPrefix: `${prefix}${o.keyPrefix}`,
      storeClient: client,
      useRedisPackage: true,
      // node-redis queues commands while disconnected: fail over at once instead of waiting
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(o),
    });
}
