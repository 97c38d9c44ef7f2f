/**
 * `/healthz` and `/readyz`, the two questions a load balancer or an orchestrator asks.
 *
 * - alive: the process answers HTTP (no dependency is consulted: a database outage must not get
 *   every API process restarted at once).
 * - ready: it can answer queries now — the database answers within the timeout, its schema has
 *   every migration this code needs, the replica answers when HUB_READ_DATABASE_URL is set (its
 *   replay lag is reported), Redis answers PING when REDIS_URL is set, and the process
 *   is not shutting down. A process that is not ready is taken out of rotation, and put back
 *   when it is again: each probe asks afresh, nothing is latched, no restart is needed.
 */
import pg from 'pg';
import { PgPool, migrationStatus } from '@hub/db';
import { logger } from './logger.ts';

export interface CheckResult {
  ok: boolean;
  /** how long the check took */
  ms: number;
  /** what is wrong, for the operator reading the probe's answer */
  error?: string;
  [detail: string]: unknown;
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, CheckResult>;
}

/** What readiness asks of Redis: a PING (the node-redis client of ops/redis.ts has it). */
export interface Pingable {
  ping(): Promise<unknown>;
}

export interface ReadinessOptions {
  databaseUrl: string;
  /** the read replica (HUB_READ_DATABASE_URL), checked only when configured: the public reads from it */
  replicaUrl?: string;
  /** checked only when configured (REDIS_URL) */
  redis?: Pingable;
  /** true once shutdown has begun: the load balancer should stop sending requests */
  draining?: () => boolean;
  /** each check's limit; a probe must answer before the prober gives up (typically 1–5 s) */
  timeoutMs?: number;
}

export const READINESS_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function timed(check: () => Promise<{ ok: boolean; [detail: string]: unknown }>): Promise<CheckResult> {
  const started = performance.now();
  try {
    const result = await check();
    return { ...result, ok: result.ok, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, ms: Math.round(performance.now() - started), error: error instanceof Error ? error.message : String(error) };
  }
}

export interface ReadinessProbe {
  check(): Promise<Readiness>;
  close(): Promise<void>;
}

export function createReadinessProbe(options: ReadinessOptions): ReadinessProbe {
  const timeoutMs = options.timeoutMs ?? READINESS_TIMEOUT_MS;
  // A pool of its own, one connection: a probe never waits behind the API's busy pool (that
  // is what the pool gauges in /metrics show), and a dead connection is replaced at the next probe.
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: 1,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    application_name: 'hub-readiness',
  });
  pool.on('error', (error) => logger.warn({ err: error }, 'readiness: database connection lost'));
  const db = new PgPool(pool);
  const replicaPool = options.replicaUrl
    ? new pg.Pool({
        connectionString: options.replicaUrl,
        max: 1,
        idleTimeoutMillis: 30_000,
        connectionTimeoutMillis: timeoutMs,
        statement_timeout: timeoutMs,
        application_name: 'hub-readiness',
      })
    : undefined;
  replicaPool?.on('error', (error) => logger.warn({ err: error }, 'readiness: replica connection lost'));

  return {
    async check() {
      const checks: Record<string, CheckResult> = {};
      const database = timed(async () => {
        const status = await withTimeout(migrationStatus(db), timeoutMs, 'the database');
        return { ok: true, migrations: status };
      });
      const redis = options.redis
        ? timed(async () => {
            await withTimeout(Promise.resolve(options.redis!.ping()), timeoutMs, 'Redis');
            return { ok: true };
          })
        : undefined;

      const replica = replicaPool
        ? timed(async () => {
            const { rows } = await withTimeout(
              replicaPool.query<{ recovering: boolean; lag: number | null }>(
                'SELECT pg_is_in_recovery() AS recovering, extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS lag',
              ),
              timeoutMs,
              'the replica',
            );
            // lag: seconds since the last transaction it replayed (null on a server that is no standby)
            return { ok: true, standby: rows[0].recovering, lagSeconds: rows[0].lag };
          })
        : undefined;
      const dbResult = await database;
      const { migrations, ...dbCheck } = dbResult as CheckResult & { migrations?: Awaited<ReturnType<typeof migrationStatus>> };
      checks.database = dbCheck;
      if (migrations) {
        // pending: this code needs a schema the database does not have yet (run the migrations).
        // unknown: a newer version has migrated the database; this one still serves during a
        // rolling deployment (migrations add, they do not take away), so it stays ready.
        checks.migrations = {
          ok: migrations.pending.length === 0,
          ms: 0,
          applied: migrations.applied.length,
          pending: migrations.pending,
          ...(migrations.unknown.length ? { newer: migrations.unknown } : {}),
          ...(migrations.pending.length
            ? { error: `${migrations.pending.length} migration(s) not applied: ${migrations.pending.join(', ')}` }
            : {}),
        };
      } else {
        checks.migrations = { ok: false, ms: 0, error: 'unknown: the database did not answer' };
      }
      if (replica) checks.replica = await replica;
      if (redis) checks.redis = await redis;
      if (options.draining?.()) checks.shutdown = { ok: false, ms: 0, error: 'the process is shutting down' };
      return { ready: Object.values(checks).every((c) => c.ok), checks };
    },
    async close() {
      await pool.end();
      await replicaPool?.end();
    },
  };
}
