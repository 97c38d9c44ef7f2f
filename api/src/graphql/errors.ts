import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { currentRequestId, requestLog } from '../ops/logger.ts';

/**
 * Errors at the API boundary are either a user's error — a code and a message that says what to
 * fix — or masked as internal: no stack traces or SQL reach clients.
 */
export type UserErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'QUERY_TOO_COMPLEX';

export function userError(code: UserErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

const USER_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'QUERY_TOO_COMPLEX',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  if (code && USER_CODES.has(code)) {
    const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // anything else is ours: log it with its stack, tell the client only that it happened and
  // the request id that finds the log line
  const cause = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  requestLog().error({ err: cause, path: formatted.path }, 'internal error');
  return {
    message: 'Internal error: the hub could not answer this request. It has been logged.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: currentRequestId() },
  };
}
