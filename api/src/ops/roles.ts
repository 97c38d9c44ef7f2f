import type { HubConfig } from '../config.ts';
import { logger } from './logger.ts';
import { connectRedis, type RedisClient } from './redis.ts';

/** What this process runs (HUB_ROLE): `api` and `site` scale separately; `all` is one machine's hub. */
export function rolesFrom(config: Pick<HubConfig, 'role'>): { api: boolean; site: boolean } {
  return { api: config.role !== 'site', site: config.role !== 'api' };
}

/** What the API processes share when REDIS_URL is set; all absent without it (one process, in memory). */
export interface SharedServices {
  redis?: RedisClient;
  /** before every Redis key and channel of this hub (HUB_REDIS_PREFIX): hubs may share a Redis */
  redisPrefix?: string;
  metricsToken?: string;
  close(): Promise<void>;
}

/** Connects what the configuration asks for, once at start-up: `startApiServer(url, listen, shared)`. */
export async function connectShared(config: Pick<HubConfig, 'redisUrl' | 'redisPrefix' | 'metricsToken'>): Promise<SharedServices> {
  if (!config.redisUrl) return { metricsToken: config.metricsToken, close: async () => undefined };
  const redis = await connectRedis(config.redisUrl);
  const prefix = config.redisPrefix;
  logger.info({ redis: new URL(config.redisUrl).host, prefix }, 'redis: connected');
  return {
    redis,
    redisPrefix: prefix,
    metricsToken: config.metricsToken,
    async close() {
      if (redis.isOpen) await redis.quit();
    },
  };
}
