import { gzipSync } from 'node:zlib';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseListSizes, LIMITS, hashToken, hubSchema, unpagedLists } from '@hub/api';
import { PgPool, freePort } from '@hub/db';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { Fixture } from '../support/fixtures.ts';

/** The abuse probes of issue 12, over real HTTP against a real database: each failed before the limits held. */

const ENTERPRISES = 400;

/** ×4 per level: each fragment spreads the one below it four times (≈ 1 KB at level 10). */
function fragmentBomb(levels: number): string {
  const parts = ['query Bomb { ...F' + levels + ' }', 'fragment F0 on Query { summary { spotChecks } }'];
  for (let i = 1; i <= levels; i++) parts.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} ...F${i - 1} ...F${i - 1} }`);
  return parts.join('\n');
}

async function post(url: string, body: string | Buffer, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

describe('limits that hold', () => {
  let db: TestDatabase;
  let api: TestApi;

  beforeAll(async () => {
    db = await createTestDatabase();
    const f = new Fixture(db.sql);
    const b = await f.batch('certifications', '认定名单');
    for (let i = 0; i < ENTERPRISES; i++) {
      const e = await f.enterprise(b, `限额测试${i}号有限公司`);
      await f.certifiedItem(b, e, `产品${i}`);
    }
    await db.sql.query(`INSERT INTO api_token (name, token_hash) VALUES ('限额', $1)`, [hashToken('hub_limits_token')]);
    api = await startTestApi(db.url);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  for (const levels of [10, 20]) {
    it(`refuses a fragment bomb of ${levels} levels in under 100 ms while {health} answers`, async () => {
      const bomb = fragmentBomb(levels);
      expect(bomb.length).toBeLessThan(levels === 10 ? 1_000 : 2_000);
      // warmed up as a running server is (the first requests also compile the code paths), then
      // five tries, each beside a {health}, interleaved with a trivial request: on a busy 2-core
      // machine the median is what is stable, and the trivial request says how busy it is
      for (let i = 0; i < 3; i++) await post(api.url, JSON.stringify({ query: bomb }));
      const times: number[] = [];
      const trivial: number[] = [];
      for (let i = 0; i < 5; i++) {
        let started = performance.now();
        // a new text each time: a kept answer (http/answer-cache.ts) would say nothing of the load
        await post(api.url, JSON.stringify({ query: `{ trivial${levels}x${i}: __typename }` }));
        trivial.push(performance.now() - started);
        started = performance.now();
        const [refused, health] = await Promise.all([post(api.url, JSON.stringify({ query: bomb })), api.query('{ health }')]);
        times.push(performance.now() - started);
        expect(refused.status).toBe(400);
        expect(refused.json().errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
        expect(health.data.health).toBe('ok');
      }
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[2];
      // before the limits held: 15–18 s at level 10, a stack overflow at 20
      expect(median(times)).toBeLessThan(Math.max(100, 5 * median(trivial)));
      expect(Math.max(...times)).toBeLessThan(2_000);
    });
  }

  it('prices a list without paging by its real size: 30 aliases of selfReports are refused', async () => {
    const one = await api.query('{ selfReports(year: 2025) { enterprise { name } status } }');
    expect(one.data.selfReports).toHaveLength(ENTERPRISES);
    // each item and its enterprise: what the answer really holds
    expect(one.extensions.cost.requested).toBeGreaterThanOrEqual(ENTERPRISES * 2);
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: selfReports(year: 2025) { enterprise { name } status }`).join('\n');
    const refused = await post(api.url, JSON.stringify({ query: `{ ${aliases} }` }));
    expect(refused.status).toBe(400);
    expect(refused.json().errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(refused.json().errors[0].extensions.cost.requested).toBeGreaterThan(LIMITS.maxCost);
  });

  it("prices a page by a variable's default value, not by the field's default", async () => {
    const literal = await api.query('{ spotChecks(first: 100) { nodes { reportNo producer { name } } } }');
    const byDefault = await api.query('query ($n: Int = 100) { spotChecks(first: $n) { nodes { reportNo producer { name } } } }');
    const given = await api.query('query ($n: Int) { spotChecks(first: $n) { nodes { reportNo producer { name } } } }', { n: 100 });
    expect(byDefault.extensions.cost.requested).toBe(literal.extensions.cost.requested);
    expect(given.extensions.cost.requested).toBe(literal.extensions.cost.requested);
    expect(literal.extensions.cost.requested).toBeGreaterThan(200);
  });

  it('refuses documents too long, with too many tokens, operations or aliases — with HTTP 400', async () => {
    const long = await post(api.url, JSON.stringify({ query: `{ health ${' '.repeat(LIMITS.maxDocumentLength)} }` }));
    expect(long.status).toBe(400);
    expect(long.json().errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');

    const tokens = await post(api.url, JSON.stringify({ query: `{ ${'health '.repeat(LIMITS.maxTokens)} }` }));
    expect(tokens.status).toBe(400);
    expect(tokens.json().errors[0].message).toMatch(/tokens/);

    const operations = Array.from({ length: LIMITS.maxOperations + 1 }, (_, i) => `query Q${i} { health }`).join('\n');
    const many = await post(api.url, JSON.stringify({ query: operations, operationName: 'Q0' }));
    expect(many.status).toBe(400);
    expect(many.json().errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');

    // 20,000 operations in one document: refused while parsing, quickly
    const started = performance.now();
    const huge = await post(
      api.url,
      JSON.stringify({ query: Array.from({ length: 20_000 }, (_, i) => `query Q${i}{health}`).join(''), operationName: 'Q0' }),
    );
    expect([400, 413]).toContain(huge.status);
    expect(performance.now() - started).toBeLessThan(1_000);

    const aliases = Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `h${i}: health`).join(' ');
    const aliased = await post(api.url, JSON.stringify({ query: `{ ${aliases} }` }));
    expect(aliased.status).toBe(400);
    expect(aliased.json().errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('answers every transport error with the JSON error envelope: 413, malformed JSON, bad gzip, a gzip bomb', async () => {
    const envelope = (r: Awaited<ReturnType<typeof post>>, status: number) => {
      expect(r.status).toBe(status);
      expect(r.headers.get('content-type')).toMatch(/application\/json/);
      expect(r.text).not.toMatch(/<html|<pre|at .*\.js:|\/node_modules\//i);
      const { errors } = r.json();
      expect(errors[0].message).toEqual(expect.any(String));
      expect(errors[0].extensions.code).toEqual(expect.any(String));
      return errors[0];
    };
    envelope(await post(api.url, JSON.stringify({ query: '{ health }', variables: { pad: 'x'.repeat(5_000_000) } })), 413);
    envelope(await post(api.url, '{"query": "{ health }"'), 400);
    envelope(await post(api.url, Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' }), 400);
    // 40 MB of spaces compress to ≈ 40 KB
    const bomb = gzipSync(Buffer.from(`{"query": "{ health }", "variables": {"pad": "${' '.repeat(40_000_000)}"}}`));
    expect(bomb.length).toBeLessThan(100_000);
    const started = performance.now();
    envelope(await post(api.url, bomb, { 'content-encoding': 'gzip' }), 413);
    // refused after expanding at most 20× (the body limit), not 40 MB
    expect(performance.now() - started).toBeLessThan(2_000);
    // a plain gzip body within the limits is fine
    const ok = await post(api.url, gzipSync(Buffer.from(JSON.stringify({ query: '{ health }' }))), { 'content-encoding': 'gzip' });
    expect(ok.json().data.health).toBe('ok');
    // a bureau token may send a large body (importBatch carries a file), anonymous clients may not
    const large = JSON.stringify({ query: '{ health }', variables: { pad: 'x'.repeat(1_000_000) } });
    envelope(await post(api.url, large), 413);
    expect((await post(api.url, large, { authorization: 'Bearer hub_limits_token' })).json().data.health).toBe('ok');
    envelope(await post(api.url.replace('/graphql', '/elsewhere'), '{}'), 404);
  });

  it('gives user-facing codes for a forged cursor and a persisted-query hash mismatch', async () => {
    const forged = [
      Buffer.from(JSON.stringify(['not a date', 1])).toString('base64url'),
      Buffer.from(JSON.stringify(['2025-01-01', 99999999999])).toString('base64url'),
      Buffer.from(JSON.stringify([{ x: 1 }, 1])).toString('base64url'),
    ];
    for (const after of forged) {
      const r = await post(api.url, JSON.stringify({ query: `{ spotChecks(after: "${after}") { totalCount } }` }));
      expect(r.json().errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    const apq = await post(
      api.url,
      JSON.stringify({ query: '{ health }', extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }),
    );
    expect(apq.status).toBe(400);
    expect(apq.json().errors[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
  });

  it('tells an anonymous client that a mutation is for the bureau, not that it is personal data', async () => {
    const r = await api.query('mutation { discardBatch(id: "1") }');
    expect(r.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(r.errors[0].message).not.toMatch(/personal data/);
    expect(r.errors[0].message).toMatch(/bureau/);
  });

  it('runs 20 identical requests on a cold cache once', async () => {
    const query = '{ certifiedItems(first: 7) { totalCount nodes { name enterprise { name } } } }';
    const before = api.statements();
    const answers = await Promise.all(Array.from({ length: 20 }, () => api.query(query)));
    const executed = api.statements() - before;
    expect(answers.every((a) => a.data.certifiedItems.nodes.length === 7)).toBe(true);
    // one execution: the page, its count and the enterprises (one batched statement)
    expect(executed).toBeLessThanOrEqual(3);
  });
});

describe('nested lists without paging', () => {
  let db: TestDatabase;
  let api: TestApi;
  const BIG = 400;
  let uscc = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    const f = new Fixture(db.sql);
    const b = await f.batch('certifications', '认定名单');
    // one enterprise with many certified items: its `certifiedItems` is that long for whoever asks
    const big = await f.enterprise(b, '多品种集团有限公司');
    for (let i = 0; i < BIG; i++) await f.certifiedItem(b, big, `系列产品${i}`);
    uscc = (await db.sql.query<{ uscc: string }>('SELECT uscc FROM enterprise WHERE id = $1', [big])).rows[0].uscc;
    for (let i = 0; i < 5; i++) await f.certifiedItem(b, await f.enterprise(b, `小企业${i}`), `单品${i}`);
    api = await startTestApi(db.url);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('has a size counted in the database for every list of objects in the schema', async () => {
    const pool = PgPool.connect(db.url, 1);
    const sizes = new DatabaseListSizes(pool);
    await sizes.refresh();
    await pool.close();
    const lists = unpagedLists(await hubSchema());
    expect(lists.length).toBeGreaterThan(20);
    const unsized = lists
      .filter((l) => sizes.size(l.type, l.field, l.args.includes('by') ? { by: 'city' } : {}) === undefined)
      .map((l) => `${l.type}.${l.field}`);
    expect(unsized).toEqual([]);
    // the size is what the database holds: the most certified items one enterprise has
    expect(sizes.size('Enterprise', 'certifiedItems', {})).toBe(BIG);
  });

  it('prices a nested list by the longest one in the database: aliases of a large enterprise are refused, one passes', async () => {
    const one = `enterprise(uscc: "${uscc}") { name certifiedItems { name industry { name } } }`;
    const single = await post(api.url, JSON.stringify({ query: `{ ${one} }` }));
    expect(single.status).toBe(200);
    expect(single.json().data.enterprise.certifiedItems).toHaveLength(BIG);
    expect(single.json().extensions.cost.requested).toBeGreaterThanOrEqual(BIG * 2);
    // 4 MB of answer for 1 KB of query, priced flat (10 per nested list) before
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: ${one}`).join('\n');
    const refused = await post(api.url, JSON.stringify({ query: `{ ${aliases} }` }));
    expect(refused.status).toBe(400);
    expect(refused.json().errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(refused.json().errors[0].extensions.cost.requested).toBeGreaterThan(LIMITS.maxCost);
    // a page of enterprises with their items: what a reader would ask
    const page = await post(api.url, JSON.stringify({ query: '{ enterprises(first: 10) { nodes { name certifiedItems { name } } } }' }));
    expect(page.status).toBe(200);
    expect(page.json().data.enterprises.nodes.length).toBeGreaterThan(0);
  });
});

/** A TCP proxy in front of PostgreSQL that can stop passing bytes: a frozen database, without freezing the shared one. */
async function freezableProxy(target: URL) {
  const sockets = new Set<Socket>();
  let frozen = false;
  const server: Server = createServer((client) => {
    sockets.add(client);
    if (frozen) return client.pause();
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: (() => {
      const u = new URL(target);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    })(),
    freeze() {
      frozen = true;
      for (const s of sockets) s.pause();
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('with the database frozen', () => {
  it('answers {health} with 503 and Retry-After in seconds, and the API keeps answering what needs no database', async () => {
    const db = await createTestDatabase();
    const proxy = await freezableProxy(new URL(db.url));
    const api = await startTestApi(proxy.url, { database: { statementMs: 2_000, queryMs: 3_000, acquireMs: 2_000 } });
    try {
      expect((await api.query('{ health }')).data.health).toBe('ok');
      proxy.freeze();
      const started = performance.now();
      // more requests than the pool has connections: the later ones wait for one, then give up
      const answers = await Promise.all(
        Array.from({ length: 12 }, () =>
          fetch(api.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ health }' }),
          }).then(async (r) => ({ status: r.status, retryAfter: r.headers.get('retry-after'), body: (await r.json()) as any })),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      for (const a of answers) {
        expect(a.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
        // nothing could be answered: the status says so, and when to try again (it was 200 before)
        expect(a.status).toBe(503);
        expect(Number(a.retryAfter)).toBeGreaterThan(0);
      }
      expect(seconds).toBeLessThan(6);
      // a query that needs no database still answers at once
      const typename = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      }).then((r) => r.json() as Promise<any>);
      expect(typename.data.__typename).toBe('Query');
    } finally {
      await api.stop().catch(() => undefined);
      await proxy.close();
      await db.drop();
    }
  }, 60_000);
});
