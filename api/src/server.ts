import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createContext, type HubContext } from './graphql/context.ts';
import { formatError } from './graphql/errors.ts';
import { costLimitPlugin } from './graphql/limits.ts';
import { hubSchema } from './graphql/schema.ts';
import { PgPool } from '@hub/db';
import { HeaderMap } from '@apollo/server';
import { createOps, redisResponseCache, type SharedServices } from './ops/index.ts';

export interface ApiServer {
  url: string;
  /** the read path's pool; `statements` counts what it has sent (the N+1 guard) */
  sql: PgPool;
  stop(): Promise<void>;
}

/** Public answers may be cached this long by CDNs and browsers (GET requests). */
export const PUBLIC_MAX_AGE_SECONDS = 60;

/**
 * The GraphQL API at http://host:port/graphql. Queries may be sent as GET (cacheable: public
 * answers carry `cache-control: max-age=60, public`; answers to a bureau token are private) or
 * POST. Public answers are also kept in memory for the same 60 s, so a burst of identical
 * questions costs one database round. CSRF prevention is on: a browser GET needs a `content-type: application/json` or
 * `apollo-require-preflight` header.
 */
export async function startApiServer(
  database: string | MikroORM,
  listen: { host: string; port: number },
  shared: Pick<SharedServices, 'redis' | 'redisPrefix' | 'metricsToken'> = {},
): Promise<ApiServer> {
  // a database URL, or a MikroORM instance whose URL is used
  const url = typeof database === 'string' ? database : database.config.get('clientUrl')!;
  const sql = PgPool.connect(url, 10);
  const ops = createOps({
    databaseUrl: url,
    redis: shared.redis,
    metricsToken: shared.metricsToken,
    bypassCache: (context: HubContext) => context.viewer.bureau,
  });
  ops.watchPool('api', sql.pool);
  const server = new ApolloServer<HubContext>({
    schema: await hubSchema(),
    // a public, documented API: clients and tools may read the schema
    introspection: true,
    csrfPrevention: true,
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ops.plugin,
      ApolloServerPluginCacheControl({ defaultMaxAge: PUBLIC_MAX_AGE_SECONDS, calculateHttpHeaders: true }),
      costLimitPlugin(),
      // identical public questions (the media on publication day) are answered from memory for
      // up to PUBLIC_MAX_AGE_SECONDS; answers to a token are never cached
      responseCachePlugin({
        // with REDIS_URL every API process reads and writes the same cache
        cache: shared.redis ? redisResponseCache(shared.redis, `${shared.redisPrefix ?? 'hub:'}response`) : undefined,
        sessionId: async ({ contextValue }) => (contextValue.viewer.bureau ? `token:${contextValue.viewer.tokenName}` : null),
        shouldReadFromCache: async ({ contextValue }) => !contextValue.viewer.bureau,
        shouldWriteToCache: async ({ contextValue }) => !contextValue.viewer.bureau,
      }),
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
  const httpServer = createServer(ops.wrap((req, res) => answerGraphQL(server, req, res, () => createContext(sql, req))));
  // stop(): no new connections, in-flight requests finish (for up to the grace period), then close
  server.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: SHUTDOWN_GRACE_MS }));
  await server.start();
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(listen.port, listen.host, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://${listen.host.includes(':') ? `[${listen.host}]` : listen.host}:${port}/graphql`,
    sql,
    async stop() {
      ops.drain();
      await server.stop();
      await sql.close();
      await ops.close();
    },
  };
}

/** How long a stopping server lets in-flight requests finish before closing their connections. */
export const SHUTDOWN_GRACE_MS = 10_000;

/** Apollo over node:http, as its standalone server does it: JSON bodies, CORS for any origin. */
async function answerGraphQL(
  server: ApolloServer<HubContext>,
  req: IncomingMessage,
  res: ServerResponse,
  context: () => Promise<HubContext>,
): Promise<void> {
  res.setHeader('access-control-allow-origin', '*');
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'access-control-allow-methods': 'GET,HEAD,PUT,PATCH,POST,DELETE',
      'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '',
    });
    res.end();
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  let body: unknown = raw;
  if (/json/i.test(req.headers['content-type'] ?? '') && raw) {
    try {
      body = JSON.parse(raw);
    } catch {
      res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] }));
      return;
    }
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers))
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method!.toUpperCase(), headers, search: new URL(req.url ?? '/', 'http://localhost').search, body },
    context,
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
