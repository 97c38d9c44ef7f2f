/**
 * The operators' side of the API's HTTP server, in front of whatever answers GraphQL:
 *
 * - `GET /healthz` → 200 while the process runs; `GET /readyz` → 200 or 503 with each check
 *   (health.ts); `GET /metrics` → Prometheus text (metrics.ts), behind a bearer token when
 *   HUB_METRICS_TOKEN is set. None of them is cached (`cache-control: no-store`).
 * - every other request gets a request id (the caller's `x-request-id` when it is a sane one,
 *   else a new UUID), echoed in the `x-request-id` response header and carried by every log line
 *   written while it is answered (logger.ts); one access line per request when it ends.
 *
 * Wiring (server.ts): `http.createServer(ops.wrap(handler))`, `ops.plugin` in Apollo's plugins,
 * `ops.watchPool('read', pool)` for each pool, `await ops.close()` after the server stopped.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type pg from 'pg';
import { createReadinessProbe, type Pingable, type ReadinessProbe } from './health.ts';
import { inRequestScope, requestIdOf, requestLog } from './logger.ts';
import { httpRequests, metricsPlugin, rateLimitRefusals, renderMetrics, unwatchPool, watchPool } from './metrics.ts';

export interface OpsOptions<C extends object = object> {
  /** the database `/readyz` checks (the primary: writes and migrations live there) */
  databaseUrl: string;
  /** the read replica `/readyz` also checks (HUB_READ_DATABASE_URL) */
  replicaUrl?: string;
  /** checked by `/readyz` when REDIS_URL is set */
  redis?: Pingable;
  /** when set, `/metrics` answers only `Authorization: Bearer <token>` */
  metricsToken?: string;
  /** tells the response-cache counter which queries are never cached (a bureau token's) */
  bypassCache?: (context: C) => boolean;
}

export interface Ops<C extends object = object> {
  /** the request listener: the operators' routes, else `next` inside a request scope */
  wrap(next: (req: IncomingMessage, res: ServerResponse) => unknown): RequestListener;
  /** the Apollo plugin counting and timing operations and response-cache hits */
  plugin: ApolloServerPlugin<C>;
  /** reports a pg pool's use in /metrics under `label` */
  watchPool(label: string, pool: pg.Pool): void;
  /** from now on `/readyz` answers 503 (shutdown has begun); `/healthz` still answers 200 */
  drain(): void;
  readiness: ReadinessProbe;
  close(): Promise<void>;
}

const NO_STORE = { 'cache-control': 'no-store' };

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...NO_STORE });
  res.end(text);
}

function bearerMatches(req: IncomingMessage, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

type Route = 'healthz' | 'readyz' | 'metrics' | 'graphql' | 'other';

function routeOf(path: string): Route {
  if (path === '/healthz' || path === '/readyz' || path === '/metrics') return path.slice(1) as Route;
  return path === '/graphql' || path === '/' ? 'graphql' : 'other';
}

export function createOps<C extends object>(options: OpsOptions<C>): Ops<C> {
  let draining = false;
  const readiness = createReadinessProbe({
    databaseUrl: options.databaseUrl,
    replicaUrl: options.replicaUrl,
    redis: options.redis,
    draining: () => draining,
  });
  const pools: [string, pg.Pool][] = [];

  async function serveOps(route: Route, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', ...NO_STORE });
      res.end();
      return;
    }
    if (route === 'healthz') return sendJson(res, 200, { status: 'alive', uptimeSeconds: Math.round(process.uptime()) });
    if (route === 'readyz') {
      const result = await readiness.check();
      if (!result.ready) requestLog().warn({ checks: result.checks }, 'not ready');
      return sendJson(res, result.ready ? 200 : 503, { status: result.ready ? 'ready' : 'not ready', checks: result.checks });
    }
    if (options.metricsToken && !bearerMatches(req, options.metricsToken)) {
      res.writeHead(401, { 'www-authenticate': 'Bearer', ...NO_STORE });
      res.end();
      return;
    }
    const { contentType, body } = await renderMetrics();
    res.writeHead(200, { 'content-type': contentType, ...NO_STORE });
    res.end(body);
  }

  return {
    wrap(next) {
      return (req, res) => {
        const requestId = requestIdOf(req);
        res.setHeader('x-request-id', requestId);
        const started = performance.now();
        const route = routeOf(new URL(req.url ?? '/', 'http://localhost').pathname);
        inRequestScope(requestId, () => {
          const log = requestLog();
          res.once('finish', () => {
            httpRequests.inc({ route, status: `${Math.floor(res.statusCode / 100)}xx` });
            if (res.statusCode === 429) rateLimitRefusals.inc();
            const line = { method: req.method, url: req.url, status: res.statusCode, ms: Math.round(performance.now() - started) };
            // probes come every few seconds from each balancer: only worth a line when asked for
            if (route === 'graphql' || route === 'other') log.info(line, 'request');
            else log.debug(line, 'request');
          });
          const work = route === 'graphql' || route === 'other' ? next(req, res) : serveOps(route, req, res);
          Promise.resolve(work).catch((error: unknown) => {
            log.error({ err: error }, 'unhandled error in the HTTP layer');
            if (!res.headersSent)
              sendJson(res, 500, { errors: [{ message: 'Internal error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] });
            else res.destroy();
          });
        });
      };
    },
    plugin: metricsPlugin<C>({ bypassCache: options.bypassCache }),
    watchPool(label, pool) {
      pools.push([label, pool]);
      watchPool(label, pool);
    },
    drain() {
      draining = true;
    },
    readiness,
    async close() {
      for (const [label, pool] of pools) unwatchPool(label, pool);
      await readiness.close();
    },
  };
}
