/**
 * Redis, when REDIS_URL is set: what lets several API processes behave as one (issue 14, point 1).
 *
 * - {@link redisResponseCache}: Apollo's response cache in Redis — Apollo's own KeyvAdapter over
 *   Keyv's Redis store (@keyv/redis), so an answer computed by one process is served by all.
 * - {@link redisCounterStore}: fixed-window counters for the rate limits, one atomic script per
 *   hit, so a client's budget is the same whichever process it reaches.
 * - {@link redisChannel}: a pub/sub channel for cache invalidation: a publish through any
 *   process (or the CLI) reaches every subscribed process at once.
 *
 * One client library for all three: node-redis (@redis/client, the one @keyv/redis is built on
 * and re-exports). Without REDIS_URL none of this is used and the hub runs in one process as before.
 */
import { KeyvAdapter } from '@apollo/utils.keyvadapter';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import KeyvRedis, { createClient, type RedisClientConnectionType, type RedisClientType } from '@keyv/redis';
import Keyv from 'keyv';
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

/** A counter's state after a hit: what rate limits compare with their budget. */
export interface CounterHit {
  /** the window's total so far, this hit included */
  count: number;
  /** when the window ends and the counter starts from 0 again */
  resetAt: Date;
}

/** Fixed-window counters, as the rate limits need them: `cost` is added to `key`'s window. */
export interface CounterStore {
  hit(key: string, cost: number, windowMs: number): Promise<CounterHit>;
}

// INCRBY and the window's expiry in one step: two processes hitting a new key at once still
// open one window. A key left without expiry (never, but cheap to heal) gets one.
const HIT_SCRIPT = `
local count = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
return { count, ttl }`;

export function redisCounterStore(client: RedisClient, prefix = 'hub:rate:'): CounterStore {
  return {
    async hit(key, cost, windowMs) {
      if (!Number.isInteger(cost) || cost < 0) throw new RangeError(`cost must be a whole number ≥ 0, not ${cost}`);
      if (!Number.isInteger(windowMs) || windowMs < 1) throw new RangeError(`windowMs must be a whole number ≥ 1, not ${windowMs}`);
      const [count, ttl] = (await client.sendCommand(['EVAL', HIT_SCRIPT, '1', prefix + key, String(cost), String(windowMs)])) as [
        number,
        number,
      ];
      return { count, resetAt: new Date(Date.now() + ttl) };
    },
  };
}

/** A broadcast channel: every subscriber in every process receives each message once. */
export interface Channel {
  publish(message: string): Promise<void>;
  /** resolves once subscribed; the returned function unsubscribes */
  subscribe(handler: (message: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * Redis pub/sub on `name`. A subscribing connection can do nothing else, so the channel opens one
 * of its own (a duplicate of `client`) at the first subscribe. Pub/sub does not keep messages:
 * a process that was disconnected misses what was published meanwhile — the response cache's
 * TTL (60 s) bounds how stale it can be, and it should drop its caches on reconnection.
 */
export function redisChannel(client: RedisClient, name: string): Channel {
  let subscriber: RedisClient | undefined;
  const handlers = new Set<(message: string) => void>();
  const deliver = (message: string) => {
    for (const handler of handlers) {
      try {
        handler(message);
      } catch (error) {
        logger.error({ err: error, channel: name }, 'redis: a subscriber failed');
      }
    }
  };
  return {
    async publish(message) {
      await client.publish(name, message);
    },
    async subscribe(handler) {
      if (!subscriber) {
        subscriber = client.duplicate();
        subscriber.on('error', (error: Error) => logger.warn({ err: error, channel: name }, 'redis: subscriber connection error'));
        await subscriber.connect();
        await subscriber.subscribe(name, deliver);
      }
      handlers.add(handler);
      return async () => {
        handlers.delete(handler);
      };
    },
    async close() {
      handlers.clear();
      if (subscriber?.isOpen) await subscriber.quit();
      subscriber = undefined;
    },
  };
}
