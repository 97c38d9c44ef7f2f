import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { currentRequestId, requestLog } from '../ops/logger.ts';

/**
 * Errors at the API boundary are either a user's error — a code and a message that says what to
 * fix — or masked as internal: no stack traces or SQL reach clients.
 */
export type UserErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE';

export function userError(code: UserErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

const USER_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_HASH_MISMATCH',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** pg's and PostgreSQL's words for a statement, a query or a connection that took too long */
const DATABASE_TIMEOUT =
  /canceling statement due to statement timeout|Query read timeout|timeout exceeded when trying to connect|Connection terminated due to connection timeout|database did not answer/i;

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  if (code && USER_CODES.has(code)) {
    const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // Apollo's own refusal of a persisted query whose hash does not match its text carries no code
  // (Apollo then calls it INTERNAL_SERVER_ERROR)
  if (formatted.message === 'provided sha does not match query') {
    return {
      message:
        'The persisted query hash (extensions.persistedQuery.sha256Hash) does not match the query text: send the SHA-256 of the query, or no hash.',
      extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' },
    };
  }
  // the database too slow or out of reach: the client may retry; nothing of ours is wrong
  const cause = unwrapResolverError(error);
  if (cause instanceof Error && DATABASE_TIMEOUT.test(cause.message)) {
    requestLog().warn({ err: cause, path: formatted.path }, 'database timeout');
    return {
      message: 'The database did not answer in time; try again in a moment (a simpler query may help).',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    };
  }
  // anything else is ours: log it with its stack, tell the client only that it happened and
  // the request id that finds the log line
  requestLog().error({ err: cause, path: formatted.path }, 'internal error');
  return {
    message: 'Internal error: the hub could not answer this request. It has been logged.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: currentRequestId() },
  };
}

/** Seconds a client is asked to wait (Retry-After) when the database is out of reach. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * HTTP statuses of GraphQL answers (docs/API.md, "Errors and HTTP statuses"). A request refused
 * before it runs has the status its error names (400 QUERY_TOO_COMPLEX, 429 RATE_LIMITED …); an
 * answer whose fields failed keeps 200 with what it could answer — except one with no data at
 * all because the database is out of reach: 503 with Retry-After, so that monitors, load
 * balancers and HTTP clients see the outage without reading the body.
 */
export function errorStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.length || data != null) return;
          if (!errors.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
