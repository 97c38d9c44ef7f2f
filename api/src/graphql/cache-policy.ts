/**
 * One cache policy per request instead of one per field (issue 13): every public query may be
 * kept PUBLIC_MAX_AGE_SECONDS (no type or field of the schema asks for less), a mutation never,
 * and what must not be kept says so at the request level — a token's answer (server.ts) and a
 * question about the asker's budget (graphql/limits.ts) restrict the policy to 0.
 *
 * It replaces Apollo's cache-control plugin, which hooks every resolved field to merge per-field
 * hints the schema does not use: with no `willResolveField` left in any plugin, Apollo does not
 * wrap the schema's resolvers at all. The header is the one Apollo writes: `max-age=N, public`
 * for a cacheable answer without errors, `no-store` otherwise.
 */
import type { ApolloServerPlugin } from '@apollo/server';

export function cachePolicyPlugin<C extends object>(maxAgeSeconds: number): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, overallCachePolicy }) {
          overallCachePolicy.restrict({ maxAge: operation?.operation === 'query' ? maxAgeSeconds : 0 });
        },
        async willSendResponse({ response, overallCachePolicy }) {
          const policy = overallCachePolicy.policyIfCacheable();
          const cacheable = policy && response.body.kind === 'single' && !response.body.singleResult.errors;
          response.http.headers.set('cache-control', cacheable ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}` : 'no-store');
        },
      };
    },
  };
}
