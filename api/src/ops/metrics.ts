/**
 * What `/metrics` reports, in Prometheus' text format (prom-client): per GraphQL operation the
 * requests and their latency, the response cache's hits and misses, the database pool, publish
 * and site-build durations, rate-limit refusals, and Node's own process metrics.
 *
 * One registry per process: every API process is scraped on its own and Prometheus sums them.
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { Kind } from 'graphql';
import type pg from 'pg';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'hub_' });

/**
 * Operation names come from clients: a label per name would let anyone create series at will.
 * The first OPERATION_NAME_LIMIT distinct names are kept (the site's and the usual clients'
 * fit easily); later new names are counted as `other`.
 */
export const OPERATION_NAME_LIMIT = 200;
const seenOperations = new Set<string>();

export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (seenOperations.has(name)) return name;
  if (seenOperations.size >= OPERATION_NAME_LIMIT) return 'other';
  seenOperations.add(name);
  return name;
}

const graphqlRequests = new Counter({
  name: 'hub_graphql_requests_total',
  help: 'GraphQL operations answered, by operation name, type and outcome (ok, user_error, internal_error)',
  labelNames: ['operation', 'type', 'outcome'] as const,
  registers: [registry],
});

const graphqlDuration = new Histogram({
  name: 'hub_graphql_request_duration_seconds',
  help: 'Time from the request reaching Apollo to the response being ready, by operation name',
  labelNames: ['operation', 'type'] as const,
  // public pages answer in milliseconds; imports of a whole file in seconds
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

const responseCache = new Counter({
  name: 'hub_response_cache_requests_total',
  help: 'Queries looked up in the response cache: hit, miss, or bypass (a bureau token: never cached)',
  labelNames: ['result'] as const,
  registers: [registry],
});

export const httpRequests = new Counter({
  name: 'hub_http_requests_total',
  help: 'HTTP requests answered by the API process, by route (graphql, healthz, readyz, metrics, other) and status class',
  labelNames: ['route', 'status'] as const,
  registers: [registry],
});

/** Requests refused for a spent rate-limit budget (HTTP 429); the HTTP layer counts each refusal. */
export const rateLimitRefusals = new Counter({
  name: 'hub_rate_limit_refusals_total',
  help: 'Requests refused because the client had spent its rate-limit budget (HTTP 429)',
  registers: [registry],
});

const publishDuration = new Histogram({
  name: 'hub_publish_duration_seconds',
  help: 'Time to publish a batch (rows into the domain tables, case state recomputed)',
  buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
  registers: [registry],
});

const siteBuildDuration = new Histogram({
  name: 'hub_site_build_duration_seconds',
  help: 'Time to build the static site from the API (Astro and Pagefind)',
  buckets: [5, 15, 30, 60, 120, 300, 600, 1200, 2400],
  registers: [registry],
});

/** Records one publish that took `ms` milliseconds. */
export function observePublish(ms: number): void {
  publishDuration.observe(ms / 1000);
}

/** Records one site build that took `ms` milliseconds. */
export function observeSiteBuild(ms: number): void {
  siteBuildDuration.observe(ms / 1000);
}

/**
 * The pools' use, read at each scrape: connections open, idle, and callers waiting for one.
 * A pool whose `waiting` stays above 0 is too small for the load (or the database too slow).
 */
const watchedPools = new Map<string, pg.Pool>();
const poolGauge = (name: string, help: string, read: (pool: pg.Pool) => number) =>
  new Gauge({
    name,
    help,
    labelNames: ['pool'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [label, pool] of watchedPools) this.set({ pool: label }, read(pool));
    },
  });
poolGauge('hub_db_pool_connections', 'Connections the pool holds open (in use or idle)', (p) => p.totalCount);
poolGauge('hub_db_pool_idle_connections', 'Open connections not in use', (p) => p.idleCount);
poolGauge('hub_db_pool_waiting_requests', 'Queries waiting for a free connection', (p) => p.waitingCount);
poolGauge('hub_db_pool_max_connections', 'The most connections the pool may open', (p) => p.options.max ?? 10);

/** Reports `pool` under `label` (e.g. `read`, `write`) until {@link unwatchPool}. */
export function watchPool(label: string, pool: pg.Pool): void {
  watchedPools.set(label, pool);
}

export function unwatchPool(label: string, pool?: pg.Pool): void {
  if (!pool || watchedPools.get(label) === pool) watchedPools.delete(label);
}

function outcomeOf<C extends object>(context: GraphQLRequestContext<C>): string {
  const errors = context.errors ?? [];
  if (!errors.length) return 'ok';
  const internal = errors.some((e) => {
    const code = e.extensions?.code;
    return !code || code === 'INTERNAL_SERVER_ERROR';
  });
  return internal ? 'internal_error' : 'user_error';
}

/**
 * The Apollo plugin that counts and times each operation, and the response cache's hits and
 * misses (Apollo's response-cache plugin marks `metrics.responseCacheHit`). `bypass` tells when a
 * query is never looked up (a bureau token's answers are private).
 */
export function metricsPlugin<C extends object>(options: { bypassCache?: (context: C) => boolean } = {}): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(context) {
          // a document that failed validation resolved no operation: name it by its text
          const definition = context.operation ?? context.document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
          const type = definition?.operation ?? 'unknown';
          const operation = operationLabel(context.operationName ?? context.request.operationName ?? definition?.name?.value);
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          // keyed by the HTTP request Apollo was given (the context value is a clone of the caller's)
          if (context.request.http) operationOf.set(context.request.http, { operation, type });
          graphqlDuration.observe({ operation, type }, seconds);
          graphqlRequests.inc({ operation, type, outcome: outcomeOf(context) });
          // the response cache is consulted only for a query that passed validation
          if (context.operation?.operation === 'query') {
            const result = options.bypassCache?.(context.contextValue) ? 'bypass' : context.metrics.responseCacheHit ? 'hit' : 'miss';
            responseCache.inc({ result });
          }
        },
      };
    },
  };
}

/** The operation each HTTP request ran (name label and type): what a kept answer is counted as. */
export const operationOf = new WeakMap<object, { operation: string; type: string }>();

/**
 * An answer served from the HTTP layer's cache of whole answers (http/answer-cache.ts): counted
 * as a request of its operation and as a response-cache hit, as if Apollo had answered it.
 */
export function countCachedAnswer(operation: string, type: string, seconds: number): void {
  graphqlDuration.observe({ operation, type }, seconds);
  graphqlRequests.inc({ operation, type, outcome: 'ok' });
  responseCache.inc({ result: 'hit' });
}

/** The text `/metrics` answers with, and its content type. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}
