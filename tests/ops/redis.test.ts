import { randomBytes } from 'node:crypto';
import { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@hub/db';
import { startApiServer, type ApiServer } from '@hub/api';
import {
  connectRedis,
  connectShared,
  redisRateLimiterStore,
  redisResponseCache,
  type RedisClient,
  type SharedServices,
} from '@hub/api/ops';
import { createBudgets, DEFAULT_RATE_LIMITS } from '../../api/src/http/rate-limit.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket().setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.connect(Number(port || 6379), hostname);
  });
}

const available = await reachable(REDIS_URL);
if (!available) console.log(`Redis is not reachable at ${REDIS_URL}: the shared-cache tests are skipped.`);

/**
 * Two of everything against the machine's Redis, as two API processes would use it. Each run
 * has a prefix of its own, so runs (and other hubs) sharing this Redis do not meet.
 */
describe.skipIf(!available)('Redis shared by several API processes', () => {
  const prefix = `hub-test:${randomBytes(4).toString('hex')}:`;
  let one: RedisClient;
  let two: RedisClient;
  beforeAll(async () => {
    one = await connectRedis(REDIS_URL, 'test-one');
    two = await connectRedis(REDIS_URL, 'test-two');
  });
  afterAll(async () => {
    for await (const keys of one.scanIterator({ MATCH: `${prefix}*`, COUNT: 100 })) if (keys.length) await one.del(keys);
    await one?.quit();
    await two?.quit();
  });

  it('two response caches share an entry, with its time to live', async () => {
    const a = redisResponseCache(one, `${prefix}response`);
    const b = redisResponseCache(two, `${prefix}response`);
    await a.set('fqc:answer', '{"data":{"n":1}}', { ttl: 60 });
    expect(await b.get('fqc:answer')).toBe('{"data":{"n":1}}');
    const ttl = await one.pTTL(`${prefix}response:fqc:answer`);
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    await b.delete('fqc:answer');
    expect(await a.get('fqc:answer')).toBeUndefined();
  });

  it('budgets count in the process’s own memory while Redis is unreachable', async () => {
    const lost = await connectRedis(REDIS_URL, 'test-lost');
    const budgets = createBudgets({ ...DEFAULT_RATE_LIMITS, pointsPerWindow: 5 }, redisRateLimiterStore(lost, `${prefix}rate:`));
    lost.destroy();
    const spent = await budgets.spend('ip:198.51.100.7', 3);
    expect(spent).toMatchObject({ ok: true, state: { remaining: 2 } });
    expect((await budgets.spend('ip:198.51.100.7', 3)).ok).toBe(false);
    expect((await budgets.peek('ip:198.51.100.7')).remaining).toBe(0);
  });

  describe('two API servers on one database', () => {
    let db: TestDatabase;
    let shared: SharedServices[];
    let apis: ApiServer[];
    beforeAll(async () => {
      db = await createTestDatabase();
      const config = { redisUrl: REDIS_URL, redisPrefix: prefix, metricsToken: undefined };
      shared = [await connectShared(config), await connectShared(config)];
      apis = [];
      // a small budget, and 127.0.0.1 budgeted like any client
      const rateLimit = { pointsPerWindow: 40, failedAuthPerWindow: 3, exemptLoopback: false };
      for (const s of shared) {
        apis.push(await startApiServer(db.url, { host: '127.0.0.1', port: await freePort() }, { shared: s, rateLimit }));
      }
    });
    afterAll(async () => {
      for (const api of apis ?? []) await api.stop();
      for (const s of shared ?? []) await s.close();
      await db?.drop();
    });

    const ask = (api: ApiServer) =>
      fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ batches { totalCount } }' }),
      });

    it('serve an answer one of them computed from the shared response cache', async () => {
      const computed = await ask(apis[0]);
      expect(computed.headers.get('age')).toBeNull();
      expect(((await computed.json()) as any).data.batches.totalCount).toBe(0);
      // the second server answers from the entry the first wrote, without asking the database
      const statements = apis[1].sql.statements;
      const cached = await ask(apis[1]);
      expect(cached.headers.get('age')).not.toBeNull();
      expect(((await cached.json()) as any).data.batches.totalCount).toBe(0);
      expect(apis[1].sql.statements).toBe(statements);
    });

    it('share list counts: a count one server made, the other reads from Redis', async () => {
      const page = (api: ApiServer, first: number) =>
        fetch(api.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          // another page size: another answer (no shared response), the same count
          body: JSON.stringify({ query: `{ spotChecks(first: ${first}) { totalCount nodes { reportNo } } }` }),
        }).then(async (r) => ((await r.json()) as any).data.spotChecks.totalCount);
      expect(await page(apis[0], 3)).toBe(0);
      let keys = 0;
      for await (const found of one.scanIterator({ MATCH: `${prefix}count:*`, COUNT: 100 })) keys += found.length;
      expect(keys).toBeGreaterThanOrEqual(1);
      const statements = apis[1].sql.statements;
      expect(await page(apis[1], 4)).toBe(0);
      // the page only: its count came from Redis
      expect(apis[1].sql.statements - statements).toBe(1);
    });

    it('spend one budget per client: what one server counted, the other refuses', async () => {
      const budgetOf = async (api: ApiServer) => {
        const response = await fetch(api.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ rateLimit { remaining } }' }),
        });
        return { status: response.status, remaining: Number(response.headers.get('x-ratelimit-remaining')) };
      };
      const first = await budgetOf(apis[0]);
      expect(first.status).toBe(200);
      // the second server sees what the first one spent
      const second = await budgetOf(apis[1]);
      expect(second.remaining).toBeLessThan(first.remaining);
      let last = second;
      for (let i = 0; i < 40 && last.status === 200; i++) last = await budgetOf(apis[i % 2]);
      expect(last.status).toBe(429);
      // spent on one, spent on both
      expect((await budgetOf(apis[0])).status).toBe(429);
      expect((await budgetOf(apis[1])).status).toBe(429);
      expect(await one.exists(`${prefix}rate:budget:ip:127.0.0.1`)).toBe(1);
    });

    it('count wrong tokens from an address across servers', async () => {
      const wrong = (api: ApiServer) =>
        fetch(api.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer hub_wrong' },
          body: JSON.stringify({ query: '{ health }' }),
        }).then((r) => r.status);
      expect([await wrong(apis[0]), await wrong(apis[1]), await wrong(apis[0])]).toEqual([401, 401, 401]);
      expect(await wrong(apis[1])).toBe(429);
    });

    it('report Redis in /readyz', async () => {
      const answer = (await (await fetch(new URL('/readyz', apis[1].url))).json()) as any;
      expect(answer.checks.redis).toMatchObject({ ok: true });
      expect(answer.status).toBe('ready');
    });
  });
});
