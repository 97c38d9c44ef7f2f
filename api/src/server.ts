import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createContext, type HubContext } from './graphql/context.ts';
import { formatError } from './graphql/errors.ts';
import { costLimitPlugin } from './graphql/limits.ts';
import { landingPagePlugin } from './explorer/landing-page.ts';
import { metadataPlugin } from './metadata/metadata.plugin.ts';
import { hubSchema } from './graphql/schema.ts';
import { PgPool } from '@hub/db';

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
export async function startApiServer(database: string | MikroORM, listen: { host: string; port: number }): Promise<ApiServer> {
  // a database URL, or a MikroORM instance whose URL is used
  const url = typeof database === 'string' ? database : database.config.get('clientUrl')!;
  const sql = PgPool.connect(url, 10);
  const server = new ApolloServer<HubContext>({
    schema: await hubSchema(),
    // a public, documented API: clients and tools may read the schema
    introspection: true,
    csrfPrevention: true,
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginCacheControl({ defaultMaxAge: PUBLIC_MAX_AGE_SECONDS, calculateHttpHeaders: true }),
      costLimitPlugin(),
      // GET /graphql in a browser: a page that needs no CDN and links the site's explorer
      landingPagePlugin(),
      // extensions.hub on every answer: dataAsOf, the latest batch, the licence
      metadataPlugin(url),
      // identical public questions (the media on publication day) are answered from memory for
      // up to PUBLIC_MAX_AGE_SECONDS; answers to a token are never cached
      responseCachePlugin({
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
  const { url: base } = await startStandaloneServer(server, {
    listen: { host: listen.host, port: listen.port },
    context: async ({ req }) => createContext(sql, req),
  });
  return {
    url: new URL('/graphql', base).toString(),
    sql,
    async stop() {
      await server.stop();
      await sql.close();
    },
  };
}
