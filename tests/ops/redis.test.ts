import { randomBytes } from 'node:crypto';
import { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@hub/db';
import { startApiServer, type ApiServer } from '@hub/api';
import {
  connectRedis,
  connectShared,
  redisChannel,
  redisCounterStore,
  redisResponseCache,
  type RedisClient,
  type SharedServices,
} from '@hub/api/ops';
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

  it('two counter stores spend one budget, and the window resets', async () => {
    const a = redisCounterStore(one, `${prefix}rate:`);
    const b = redisCounterStore(two, `${prefix}rate:`);
    const first = await a.hit('ip:203.0.113.7', 30, 1000);
    expect(first.count).toBe(30);
    const second = await b.hit('ip:203.0.113.7', 12, 1000);
    expect(second.count).toBe(42);
    // one window: the second hit ends when the first does
    expect(Math.abs(second.resetAt.getTime() - first.resetAt.getTime())).toBeLessThan(200);
    expect(first.resetAt.getTime()).toBeGreaterThan(Date.now());
    expect((await a.hit('ip:198.51.100.1', 1, 1000)).count).toBe(1);
    // hits at the same moment from both: none is lost
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).hit('burst', 1, 5000)));
    expect(burst.map((h) => h.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await new Promise((r) => setTimeout(r, 1100));
    expect((await b.hit('ip:203.0.113.7', 5, 1000)).count).toBe(5);
    await expect(a.hit('x', -1, 1000)).rejects.toThrow(/cost/);
  });

  it('a publish on one channel reaches the other process’s subscribers', async () => {
    const sender = redisChannel(one, `${prefix}invalidate`);
    const receiver = redisChannel(two, `${prefix}invalidate`);
    const other = redisChannel(two, `${prefix}elsewhere`);
    const received: string[] = [];
    const strays: string[] = [];
    await receiver.subscribe((m) => received.push(m));
    await other.subscribe((m) => strays.push(m));
    const delivered = new Promise<void>((resolve) => receiver.subscribe((m) => m === 'batch:2' && resolve()));
    await sender.publish('batch:1');
    await sender.publish('batch:2');
    await delivered;
    expect(received).toEqual(['batch:1', 'batch:2']);
    expect(strays).toEqual([]);
    await Promise.all([sender.close(), receiver.close(), other.close()]);
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
      for (const s of shared) apis.push(await startApiServer(db.url, { host: '127.0.0.1', port: await freePort() }, { shared: s }));
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

    it('report Redis in /readyz', async () => {
      const answer = (await (await fetch(new URL('/readyz', apis[1].url))).json()) as any;
      expect(answer.checks.redis).toMatchObject({ ok: true });
      expect(answer.status).toBe('ready');
    });
  });
});
