import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { HubContext } from './graphql/context.ts';
import { cachePolicyPlugin } from './graphql/cache-policy.ts';
import { errorStatusPlugin, formatError } from './graphql/errors.ts';
import { LIMITS, limitsPlugin } from './graphql/limits.ts';
import { DatabaseListSizes } from './graphql/list-sizes.ts';
import { landingPagePlugin } from './explorer/landing-page.ts';
import { metadataPlugin } from './metadata/metadata.plugin.ts';
import { hubSchema } from './graphql/schema.ts';
import { parseTrustedProxies } from './http/client-address.ts';
import { AnswerCache } from './http/answer-cache.ts';
import { createHttpHandler, DEFAULT_HTTP_LIMITS, type HttpLimits } from './http/handler.ts';
import { createBudgets, DEFAULT_RATE_LIMITS, type RateLimitOptions } from './http/rate-limit.ts';
import { PgPool } from '@hub/db';
import { shareCounts } from './repository/paging.ts';
import { dataGeneration, listenForChanges } from './live/changes.ts';
import { createOps, redisCounts, redisRateLimiterStore, redisResponseCache, type SharedServices } from './ops/index.ts';

export interface ApiServer {
  url: string;
  /** the public read path's pool (the replica's, with HUB_READ_DATABASE_URL); `statements` counts what it has sent (the N+1 guard) */
  sql: PgPool;
  stop(): Promise<void>;
}

/** Public answers may be cached this long by CDNs and browsers (GET requests). */
export const PUBLIC_MAX_AGE_SECONDS = 60;

/**
 * Time limits on the database, so that one slow query (or a stalled database) cannot hold the
 * API: a public read is cancelled by PostgreSQL after `statementMs`, given up by the client after
 * `queryMs` (a frozen server answers nothing, not even the cancellation), and a request waits at
 * most `acquireMs` for a free connection.
 */
export interface DatabaseTimeouts {
  statementMs: number;
  queryMs: number;
  acquireMs: number;
}
// generous enough for the site build's bulk pages on a busy machine (it queues many statements at
// once); a stalled database is still given up on, and `health` answers within 2 s regardless
export const DATABASE_TIMEOUTS: Readonly<DatabaseTimeouts> = { statementMs: 15_000, queryMs: 20_000, acquireMs: 15_000 };

export interface ApiServerOptions {
  rateLimit?: Partial<RateLimitOptions>;
  http?: Partial<HttpLimits>;
  database?: Partial<DatabaseTimeouts>;
  /** HUB_TRUST_PROXY: the reverse proxies whose X-Forwarded-For names the client (validated by loadConfig) */
  trustProxy?: string[];
  /** HUB_READ_DATABASE_URL: a replica of the database for public reads (bureau reads and writes stay on the primary) */
  readDatabaseUrl?: string;
  /** with REDIS_URL (ops/roles.ts connectShared): the shared response cache and rate limits; the /metrics token */
  shared?: Pick<SharedServices, 'redis' | 'redisPrefix' | 'metricsToken'>;
}

function pool(url: string, max: number, timeouts: DatabaseTimeouts, limited: boolean): PgPool {
  const p = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: timeouts.acquireMs,
    ...(limited ? { statement_timeout: timeouts.statementMs, query_timeout: timeouts.queryMs } : {}),
  });
  // an idle connection closed by the server (a restart, shutdown) is replaced on next use,
  // not a reason to crash the process
  p.on('error', (error) => console.error(`[api] database connection lost: ${error.message}`));
  return new PgPool(p);
}

/**
 * The GraphQL API at http://host:port/graphql. Queries may be sent as GET (cacheable: public
 * answers carry `cache-control: max-age=60, public`; answers to a bureau token are private) or
 * POST. Public answers are also kept in memory for the same 60 s (whole answers by the request's
 * bytes in front of GraphQL, and Apollo's response cache behind it), and identical questions
 * arriving together run once, so a burst costs one database round. CSRF prevention is on: a
 * browser GET needs a `content-type: application/json` or `apollo-require-preflight` header.
 * Limits, budgets and headers: docs/API.md.
 */
export async function startApiServer(
  database: string | MikroORM,
  listen: { host: string; port: number },
  options: ApiServerOptions = {},
): Promise<ApiServer> {
  // a database URL, or a MikroORM instance whose URL is used
  const url = typeof database === 'string' ? database : database.config.get('clientUrl')!;
  const timeouts = { ...DATABASE_TIMEOUTS, ...options.database };
  const primary = pool(url, 10, timeouts, true);
  // mutations (an import, a publish) may run for minutes: no statement timeout, bureau tokens only
  const write = pool(url, 3, timeouts, false);
  // public reads: on the replica when there is one (context.ts createContext)
  const replica = options.readDatabaseUrl ? pool(options.readDatabaseUrl, 10, timeouts, true) : undefined;
  const sql = replica ?? primary;
  const shared = options.shared ?? {};
  // with REDIS_URL a list's count made by one process serves them all (repository/paging.ts)
  if (shared.redis) {
    const counts = redisCounts(shared.redis, `${shared.redisPrefix ?? 'hub:'}count:`);
    for (const p of replica ? [primary, replica] : [primary]) shareCounts(p, counts);
  }
  // /healthz, /readyz, /metrics, the request id and the JSON access log (ops/)
  const ops = createOps<HubContext>({
    databaseUrl: url,
    replicaUrl: options.readDatabaseUrl,
    redis: shared.redis,
    metricsToken: shared.metricsToken,
    bypassCache: (context: HubContext) => context.viewer.bureau,
  });
  ops.watchPool('read', primary.pool);
  ops.watchPool('write', write.pool);
  if (replica) ops.watchPool('replica', replica.pool);
  const sizes = new DatabaseListSizes(sql);
  await sizes.refresh();
  // a publish in any process (pnpm hub publish, another API) clears this one's caches at once
  const changes = await listenForChanges(url, options.readDatabaseUrl);
  const httpServer = createServer();
  const apollo = new ApolloServer<HubContext>({
    schema: await hubSchema(),
    // a public, documented API: clients and tools may read the schema
    introspection: true,
    csrfPrevention: true,
    formatError,
    includeStacktraceInErrorResponses: false,
    // the token limit applies while parsing: a document of 20,000 operations is never built
    parseOptions: { maxTokens: LIMITS.maxTokens },
    plugins: [
      ops.plugin,
      // stop(): no new connections, in-flight requests finish (for up to the grace period), then close
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: SHUTDOWN_GRACE_MS }),
      // one policy per request (graphql/cache-policy.ts), not Apollo's per-field hints
      ApolloServerPluginCacheControlDisabled(),
      cachePolicyPlugin<HubContext>(PUBLIC_MAX_AGE_SECONDS),
      limitsPlugin(sizes),
      // 503 + Retry-After for an answer the database's absence left empty
      errorStatusPlugin(),
      // GET /graphql in a browser: a page that needs no CDN and links the site's explorer
      landingPagePlugin(),
      // extensions.hub on every answer: dataAsOf, the latest batch, the licence
      metadataPlugin(options.readDatabaseUrl ?? url),
      // with REDIS_URL, an answer one process computed is served by all for up to
      // PUBLIC_MAX_AGE_SECONDS (in one process the HTTP layer's answer cache does this alone);
      // answers to a token are never cached
      ...(shared.redis ? [sharedResponseCache(shared.redis, shared.redisPrefix ?? 'hub:')] : []),
      {
        // a token's answer may hold drafts and personal data: never in a shared cache
        async requestDidStart({ contextValue }) {
          if (!contextValue.viewer.bureau) return;
          return {
            async didResolveOperation({ overallCachePolicy }) {
              overallCachePolicy.restrict({ maxAge: 0 });
            },
            async willSendResponse({ response }) {
              response.http.headers.set('cache-control', 'private, no-store');
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  const handle = createHttpHandler({
    apollo,
    pools: { read: primary, write, replica },
    // with REDIS_URL a client's budget (and its wrong tokens) is counted once for every process
    budgets: createBudgets(
      { ...DEFAULT_RATE_LIMITS, ...options.rateLimit },
      shared.redis ? redisRateLimiterStore(shared.redis, `${shared.redisPrefix ?? 'hub:'}rate:`) : undefined,
    ),
    proxies: parseTrustedProxies(options.trustProxy ?? []).proxies,
    limits: { ...DEFAULT_HTTP_LIMITS, ...options.http },
    // a repeated public question is answered from memory before GraphQL parses it (issue 13)
    answers: new AnswerCache(),
  });
  httpServer.on(
    'request',
    ops.wrap((req, res) => handle(req, res)),
  );
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(listen.port, listen.host, () => resolve());
  });
  sizes.refreshEvery(5 * 60_000);
  const address = httpServer.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host === '0.0.0.0' || host === '[::]' ? 'localhost' : host}:${address.port}/graphql`,
    sql,
    async stop() {
      ops.drain();
      sizes.stop();
      await apollo.stop();
      await changes.close();
      await primary.close();
      await replica?.close();
      await write.close();
      await ops.close();
    },
  };
}

/** Apollo's response cache in Redis, shared by every API process (ops/redis.ts). */
function sharedResponseCache(redis: NonNullable<SharedServices['redis']>, prefix: string) {
  return responseCachePlugin<HubContext>({
    cache: redisResponseCache(redis, `${prefix}response`),
    // a new key after every change to the public data, and every day (live/changes.ts)
    extraCacheKeyData: async ({ contextValue }) => ({ data: dataGeneration(), today: contextValue.today }),
    sessionId: async ({ contextValue }) => (contextValue.viewer.bureau ? `token:${contextValue.viewer.tokenName}` : null),
    shouldReadFromCache: async ({ contextValue }) => !contextValue.viewer.bureau,
    shouldWriteToCache: async ({ contextValue }) => !contextValue.viewer.bureau,
  });
}

/** How long a stopping server lets in-flight requests finish before closing their connections. */
export const SHUTDOWN_GRACE_MS = 10_000;
