/**
 * The API's HTTP layer, in front of Apollo: who asks (the token is checked before the body is
 * read; the address is the peer's, or behind a trusted proxy the one it forwards), the client's
 * budget, the body within its limits, CORS, whole public answers kept by the request's bytes
 * (answer-cache.ts), and one execution for identical anonymous requests arriving together.
 * Everything it refuses is answered with the JSON error
 * envelope GraphQL errors use — never an HTML page or a stack trace.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import { TokenRepository } from '../access/access.repository.ts';
import { ANONYMOUS, Unauthenticated, resolveViewer, type Viewer } from '../access/access.service.ts';
import { createContext, type ApiPools, type HubContext, type RequestBudget } from '../graphql/context.ts';
import { LIMITS, rateLimited } from '../graphql/limits.ts';
import { dataGeneration } from '../live/changes.ts';
import { countCachedAnswer, operationOf } from '../ops/metrics.ts';
import { todayInChina } from '../clock.ts';
import type { AnswerCache, CachedAnswer } from './answer-cache.ts';
import { HttpError, parseJson, readBody, sendError } from './body.ts';
import { NO_TRUSTED_PROXIES, clientAddress, isForwarded, type TrustedProxies } from './client-address.ts';
import { rateLimitHeaders, unlimited, type BudgetState, type Budgets } from './rate-limit.ts';

export interface HttpLimits {
  /** bytes of an anonymous request body (a query and its variables) */
  maxPublicBodyBytes: number;
  /** bytes of a bureau token's body: importBatch carries a file of up to 20 MB, base64-encoded */
  maxTokenBodyBytes: number;
  /** decompressed bytes per compressed byte */
  maxCompressionRatio: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  maxPublicBodyBytes: 100_000,
  maxTokenBodyBytes: 30_000_000,
  maxCompressionRatio: 20,
};

const LOOPBACK = new Set(['127.0.0.1', '::1']);

/** Public answers may be read by any web page; answers to a token never (no CORS header at all). */
const PUBLIC_CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset, x-ratelimit-used, retry-after',
};

interface Done {
  status: number;
  headers: [string, string][];
  body: string | Buffer;
  budget: BudgetState;
  /** the operation's name and type (for /metrics), when Apollo resolved one */
  operation?: { operation: string; type: string };
}

function retryAfter(state: BudgetState): Record<string, string> {
  return { 'retry-after': String(Math.max(1, Math.ceil((state.resetAt.getTime() - Date.now()) / 1000))) };
}

/** Writes an answer: Apollo's headers, CORS and the client's budget. */
function send(
  res: ServerResponse,
  done: Pick<Done, 'status' | 'headers' | 'body'>,
  budget: BudgetState,
  cors: Record<string, string>,
  extra: Record<string, string>,
): void {
  const headers: Record<string, string> = {};
  for (const [name, value] of done.headers) headers[name] = value;
  Object.assign(headers, cors, rateLimitHeaders(budget), done.status === 429 ? retryAfter(budget) : {}, extra);
  headers['content-length'] = String(Buffer.byteLength(done.body));
  res.writeHead(done.status, headers);
  res.end(done.body);
}

export function createHttpHandler(options: {
  apollo: ApolloServer<HubContext>;
  pools: ApiPools;
  budgets: Budgets;
  limits?: HttpLimits;
  /** reverse proxies whose X-Forwarded-For names the client (HUB_TRUST_PROXY) */
  proxies?: TrustedProxies;
  /** whole public answers by request bytes; none to turn it off */
  answers?: AnswerCache;
}) {
  const { apollo, pools, budgets } = options;
  const proxies = options.proxies ?? NO_TRUSTED_PROXIES;
  const limits = options.limits ?? DEFAULT_HTTP_LIMITS;
  // tokens on the primary: a revocation holds from the next request, whatever a replica's lag
  const tokens = new TokenRepository(pools.read);
  /** anonymous requests being executed, by what they ask: the followers wait for the leader's answer */
  const inFlight = new Map<string, Promise<Done>>();
  const answers = options.answers;

  async function viewerOf(req: IncomingMessage, address: string): Promise<Viewer> {
    const authorization = req.headers.authorization;
    if (!authorization) return ANONYMOUS;
    const blockedUntil = await budgets.authBlocked(address);
    if (blockedUntil) {
      const seconds = Math.max(1, Math.ceil((blockedUntil.getTime() - Date.now()) / 1000));
      throw new HttpError(429, 'RATE_LIMITED', `Too many wrong API tokens from this address; try again in ${seconds} s.`, {
        'retry-after': String(seconds),
      });
    }
    try {
      return await resolveViewer(tokens, authorization);
    } catch (error) {
      if (!(error instanceof Unauthenticated)) throw error;
      await budgets.failedAuth(address);
      throw new HttpError(401, 'UNAUTHENTICATED', error.message, { 'www-authenticate': 'Bearer' });
    }
  }

  async function execute(req: IncomingMessage, url: URL, body: unknown, viewer: Viewer, budget: RequestBudget): Promise<Done> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const httpGraphQLRequest = { method: req.method!.toUpperCase(), headers, search: url.search, body };
    const response: HTTPGraphQLResponse = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => createContext(pools, viewer, budget),
    });
    let text = '';
    if (response.body.kind === 'complete') text = response.body.string;
    else for await (const chunk of response.body.asyncIterator) text += chunk;
    const operation = operationOf.get(httpGraphQLRequest);
    return { status: response.status ?? 200, headers: [...response.headers], body: text, budget: budget.state, operation };
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let cors: Record<string, string> = req.headers.authorization ? {} : PUBLIC_CORS;
    try {
      if (url.pathname !== '/graphql') throw new HttpError(404, 'NOT_FOUND', `Nothing at ${url.pathname}: the API is at /graphql.`);
      if (req.method === 'OPTIONS') {
        // a browser's preflight: public reads only (a token is not for web pages)
        res.writeHead(204, {
          ...PUBLIC_CORS,
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': 'content-type, apollo-require-preflight',
          'access-control-max-age': '600',
        });
        res.end();
        return;
      }
      if (req.method !== 'GET' && req.method !== 'POST') {
        throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${req.method} is not supported: use GET or POST.`, { allow: 'GET, POST' });
      }
      const address = clientAddress(req, proxies);
      const viewer = await viewerOf(req, address);
      if (viewer.bureau) cors = {};
      // the machine's own anonymous requests (the site build) are not budgeted; a forwarded one is
      // a proxy's client, budgeted by its address (or, with no proxy trusted, all as the proxy's)
      const exempt = !viewer.bureau && budgets.options.exemptLoopback && LOOPBACK.has(address) && !isForwarded(req);
      const client = exempt ? undefined : viewer.bureau ? `token:${viewer.tokenName}` : `ip:${address}`;
      const budget: RequestBudget = { client, budgets, state: client ? await budgets.peek(client) : unlimited(budgets.options) };
      if (client && budget.state.remaining <= 0) {
        const error = rateLimited(budget.state);
        throw new HttpError(429, 'RATE_LIMITED', error.message, { ...retryAfter(budget.state), ...rateLimitHeaders(budget.state) });
      }

      let raw: Buffer | undefined;
      let key: string;
      if (req.method === 'POST') {
        raw = await readBody(req, {
          maxBytes: viewer.bureau ? limits.maxTokenBodyBytes : limits.maxPublicBodyBytes,
          maxRatio: limits.maxCompressionRatio,
        });
        key = `POST ${url.search} ${req.headers['content-type'] ?? ''} ${raw.toString('utf8')}`;
      } else {
        key = `GET ${url.search} ${req.headers['content-type'] ?? ''} ${req.headers['apollo-require-preflight'] ?? ''}`;
      }
      // Apollo answers in the media type the client accepts (application/json or
      // application/graphql-response+json): the same question asked so is another answer
      key = `${req.headers.accept ?? ''} ${key}`;

      // a public question asked before, about the same data on the same day: its kept answer,
      // before anything is parsed (the cost it had is spent again; the budget is never shared)
      const cacheKey = !viewer.bureau && answers ? `${dataGeneration()} ${todayInChina()} ${key}` : undefined;
      const kept = cacheKey ? answers!.get(cacheKey) : undefined;
      if (kept) {
        const started = process.hrtime.bigint();
        const spent = client
          ? await budgets.spend(client, Math.max(1, kept.cost))
          : { ok: true, state: unlimited(budgets.options, kept.cost) };
        if (!spent.ok) {
          const error = rateLimited(spent.state);
          throw new HttpError(429, 'RATE_LIMITED', error.message, { ...retryAfter(spent.state), ...rateLimitHeaders(spent.state) });
        }
        const state = spent.state;
        send(res, kept, state, cors, {
          'x-hub-cache': 'hit',
          age: String(Math.floor((Date.now() - kept.at) / 1000)),
        });
        countCachedAnswer(kept.operation, kept.type, Number(process.hrtime.bigint() - started) / 1e9);
        return;
      }

      let body: unknown;
      if (raw) {
        const type = req.headers['content-type'] ?? '';
        body = /json/i.test(type) ? parseJson(raw) : raw.toString('utf8');
      }
      const query =
        typeof body === 'object' && body && 'query' in body ? (body as { query: unknown }).query : url.searchParams.get('query');
      if (typeof query === 'string' && query.length > LIMITS.maxDocumentLength) {
        throw new HttpError(
          400,
          'QUERY_TOO_COMPLEX',
          `The query is ${query.length.toLocaleString('en')} characters long; the limit is ${LIMITS.maxDocumentLength.toLocaleString('en')}. Send only the fields you need.`,
        );
      }

      let done: Done;
      // identical anonymous questions arriving together run once (the response cache then keeps
      // the answer); a question about the asker's own budget is never shared
      const shareable = !viewer.bureau && !(typeof query === 'string' && query.includes('rateLimit'));
      const leader = shareable ? inFlight.get(key) : undefined;
      if (leader) {
        const answer = await leader;
        // the follower pays what the leader's query cost
        const state = client
          ? (await budgets.spend(client, Math.max(1, answer.budget.cost))).state
          : unlimited(budgets.options, answer.budget.cost);
        done = { ...answer, budget: state };
      } else if (shareable) {
        const running = execute(req, url, body, viewer, budget);
        inFlight.set(key, running);
        try {
          done = await running;
        } finally {
          inFlight.delete(key);
        }
      } else {
        done = await execute(req, url, body, viewer, budget);
      }

      // a question about the asker's budget (not shareable) is never kept either
      if (cacheKey && shareable && done.operation) {
        const bytes = typeof done.body === 'string' ? Buffer.from(done.body) : done.body;
        const answer: CachedAnswer = {
          status: done.status,
          headers: done.headers,
          body: bytes,
          cost: done.budget.cost,
          ...done.operation,
          at: Date.now(),
        };
        if (answers!.set(cacheKey, answer)) done = { ...done, body: bytes };
      }
      send(res, done, done.budget, cors, {});
    } catch (error) {
      if (error instanceof HttpError) {
        sendError(res, error, cors);
        return;
      }
      console.error('[api] internal error in the HTTP layer:', error);
      sendError(
        res,
        new HttpError(500, 'INTERNAL_SERVER_ERROR', 'Internal error: the hub could not answer this request. It has been logged.'),
        cors,
      );
    }
  };
}
