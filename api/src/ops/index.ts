/** What operators watch and what lets several API processes share one deployment (docs/operations.md). */
export { createOps, type Ops, type OpsOptions } from './http.ts';
export { createReadinessProbe, type Readiness, type ReadinessProbe } from './health.ts';
export { logger, currentRequestId, requestLog, inRequestScope, createLogger, setLogger } from './logger.ts';
export { metricsPlugin, observePublish, observeSiteBuild, rateLimitRefusals, registry, watchPool, unwatchPool } from './metrics.ts';
export { installShutdown, SHUTDOWN_DEADLINE_MS, type Closer } from './shutdown.ts';
export { rolesFrom, connectShared, type SharedServices } from './roles.ts';
export { connectRedis, redisCounts, redisResponseCache, redisRateLimiterStore, type RedisClient } from './redis.ts';
