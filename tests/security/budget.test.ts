import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '@hub/api';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { Fixture } from '../support/fixtures.ts';

/**
 * Budgets per client and minute (issue 12): every request spends its query cost; headers and
 * the `rateLimit` field show what is left; 429 with Retry-After once it is spent; wrong tokens are
 * limited per address; revoked and expired tokens get 401; token answers carry no CORS `*`.
 * The test API budgets requests from 127.0.0.1 too (by default the machine itself is exempt).
 */
const TOKEN = 'hub_budget_token';
const REVOKED = 'hub_budget_revoked';
const EXPIRED = 'hub_budget_expired';
const PAGE = '{ certifiedItems(first: 20) { nodes { name } } }';

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

describe('budgets and tokens', () => {
  let db: TestDatabase;
  let api: TestApi;

  beforeAll(async () => {
    db = await createTestDatabase();
    const f = new Fixture(db.sql);
    const b = await f.batch('certifications', '认定名单');
    for (let i = 0; i < 25; i++) await f.certifiedItem(b, await f.enterprise(b, `预算测试${i}号公司`), `产品${i}`);
    await db.sql.query(
      `INSERT INTO api_token (name, token_hash, expires_at, revoked_at) VALUES
        ('预算', $1, now() + interval '1 day', NULL), ('已撤销', $2, NULL, now()), ('已过期', $3, now() - interval '1 second', NULL)`,
      [hashToken(TOKEN), hashToken(REVOKED), hashToken(EXPIRED)],
    );
    api = await startTestApi(db.url, {
      rateLimit: { pointsPerWindow: 100, windowSeconds: 60, failedAuthPerWindow: 5, exemptLoopback: false },
    });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('spends each query’s cost, shows the budget in headers and in rateLimit, then answers 429 with Retry-After', async () => {
    const first = await post(api.url, PAGE);
    expect(first.status).toBe(200);
    const cost = first.body.extensions.cost.requested;
    expect(cost).toBe(21);
    expect(first.headers.get('x-ratelimit-limit')).toBe('100');
    expect(Number(first.headers.get('x-ratelimit-remaining'))).toBe(100 - cost);
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);

    const budget = await post(api.url, '{ rateLimit { limit cost remaining resetAt limited } }');
    expect(budget.body.data.rateLimit).toMatchObject({ limit: 100, cost: 1, remaining: 100 - cost - 1, limited: true });
    expect(new Date(budget.body.data.rateLimit.resetAt).getTime()).toBeGreaterThan(Date.now());
    // never from the cache: the next one has spent one more
    const again = await post(api.url, '{ rateLimit { remaining } }');
    expect(again.body.data.rateLimit.remaining).toBe(100 - cost - 2);

    let refused: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 10 && !refused; i++) {
      const r = await post(api.url, PAGE);
      if (r.status === 429) refused = r;
    }
    expect(refused).toBeDefined();
    expect(refused!.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused!.headers.get('x-ratelimit-remaining')).toBe('0');
    // a bureau token has a budget of its own
    const staff = await post(api.url, PAGE, { authorization: `Bearer ${TOKEN}` });
    expect(staff.status).toBe(200);
  });

  it('sends CORS * on public answers only, never on answers to a token', async () => {
    const staff = await post(api.url, '{ __typename }', { authorization: `Bearer ${TOKEN}`, origin: 'https://example.org' });
    expect(staff.headers.get('access-control-allow-origin')).toBeNull();
    expect(staff.headers.get('cache-control')).toMatch(/private|no-store/);
    const preflight = await fetch(api.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://example.org', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.headers.get('access-control-allow-headers') ?? '').not.toMatch(/authorization/i);
  });

  it('refuses revoked and expired tokens with 401, and limits wrong tokens per address', async () => {
    for (const token of [REVOKED, EXPIRED, 'hub_never_issued']) {
      const r = await post(api.url, '{ __typename }', { authorization: `Bearer ${token}` });
      expect(r.status).toBe(401);
      expect(r.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    // 5 wrong tokens a minute from one address: the next tries are refused before any lookup
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(api.url, '{ __typename }', { authorization: `Bearer hub_guess_${i}` })).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    const blocked = await post(api.url, '{ __typename }', { authorization: `Bearer ${TOKEN}` });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

/**
 * Behind a reverse proxy (HUB_TRUST_PROXY): the client is the first untrusted hop of
 * X-Forwarded-For from the right, so each client behind the proxy has its own budget and cannot
 * pick another's by writing the header itself. The machine's own requests (the site build: no
 * forwarding header) stay exempt; a forwarded request never is.
 */
describe('clients behind a reverse proxy', () => {
  let db: TestDatabase;
  const started: TestApi[] = [];
  const start = async (trustProxy?: string[]) => {
    const api = await startTestApi(db.url, { rateLimit: { pointsPerWindow: 100, windowSeconds: 60 }, trustProxy });
    started.push(api);
    return api;
  };
  const remaining = async (api: TestApi, headers: Record<string, string> = {}) => {
    const r = await post(api.url, '{ rateLimit { remaining limited } }', headers);
    return r.body.data.rateLimit.limited ? (r.body.data.rateLimit.remaining as number) : 'exempt';
  };

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const api of started) await api.stop();
    await db?.drop();
  });

  it('budgets each client named by a trusted proxy on its own, and ignores what the client wrote before the proxy’s hop', async () => {
    const api = await start(['loopback']);
    const a = { 'x-forwarded-for': '203.0.113.5' };
    const b = { 'x-forwarded-for': '198.51.100.7' };
    expect(await remaining(api, a)).toBe(99);
    expect(await remaining(api, a)).toBe(98);
    // another client behind the proxy: a budget of its own (one shared budget before)
    expect(await remaining(api, b)).toBe(99);
    // a client pretending to be b: the proxy appended its real address, which is what counts
    expect(await remaining(api, { 'x-forwarded-for': '198.51.100.7, 203.0.113.5' })).toBe(97);
    // pretending to be the machine itself gets no exemption either
    expect(await remaining(api, { 'x-forwarded-for': '127.0.0.1, 203.0.113.5' })).toBe(96);
    // the site build on the same machine sends no forwarding header: not budgeted
    expect(await remaining(api)).toBe('exempt');
  });

  it('without a trusted proxy, budgets forwarded requests by the peer and never trusts the header', async () => {
    const api = await start();
    // from the loopback peer, but forwarded by a proxy the hub was not told about: budgeted, as the proxy
    expect(await remaining(api, { 'x-forwarded-for': '203.0.113.5' })).toBe(99);
    expect(await remaining(api, { 'x-forwarded-for': '198.51.100.7' })).toBe(98);
    expect(await remaining(api)).toBe('exempt');
  });
});
