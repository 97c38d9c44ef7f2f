import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@hub/db';
import { hashToken } from '@hub/api';
import { connectRedis } from '@hub/api/ops';

/**
 * Issue 14, "Done when": two API processes (`api/src/main.ts` as `pnpm start` runs it, with
 * HUB_ROLE=api) on one database of the machine's PostgreSQL and one Redis. A publish through one
 * is visible through the other at once, a budget spent on one is spent on both, and killing one
 * leaves the other serving. The machines' services, not the run's embedded database: this is the
 * configuration of a deployment with several processes.
 */
const PG_SERVER = process.env.HUB_TEST_PG_SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.HUB_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX_LOADER = fileURLToPath(new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url));

function reachable(url: string, defaultPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket().setTimeout(1000);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
    socket.connect(Number(port || defaultPort), hostname);
  });
}

const [pgUp, redisUp] = await Promise.all([reachable(PG_SERVER, 5432), reachable(REDIS_URL, 6379)]);
if (!pgUp || !redisUp) {
  console.log(
    `Two API processes: skipped, ${[!pgUp && `no PostgreSQL at ${PG_SERVER}`, !redisUp && `no Redis at ${REDIS_URL}`].filter(Boolean).join(' and ')}.`,
  );
}

const TOKEN = 'hub_processes_token';
const CLIENT = '203.0.113.9';
const RATE_LIMIT = 60;
const QUESTION = '{ summary { spotChecks publishedBatches } }';
const HEADER =
  '抽查类型,任务名称,产品种类,产品名称,商标,规格型号,标称生产企业名称,被抽样单位名称,承检机构,报告编号,报告日期,检验结论,不合格项目,问题严重程度';
const RESULTS = [
  HEADER,
  '省级监督抽查,2025年第1批省级产品质量监督抽查,电动自行车,电动自行车,雅迪,TDT1234Z,某某车业有限公司,某某商贸有限公司,湖北省产品质量监督检验研究院,PROC-001,2025-03-05,不合格,"最高车速(标准值: ≤25km/h, 实测值: 31.2km/h)",严重',
  '省级监督抽查,2025年第1批省级产品质量监督抽查,电线电缆,铜芯电线,楚天,BV 2.5,另一电缆有限公司,另一电缆有限公司,湖北省产品质量监督检验研究院,PROC-002,2025-03-06,合格,,',
].join('\n');

interface ApiProcess {
  url: string;
  siteUrl: string;
  child: ChildProcess;
  output(): string;
}

describe.skipIf(!pgUp || !redisUp)('two API processes on one PostgreSQL and one Redis', () => {
  const database = `hub_processes_${randomBytes(5).toString('hex')}`;
  const databaseUrl = (() => {
    const u = new URL(PG_SERVER);
    u.pathname = `/${database}`;
    return u.toString();
  })();
  const prefix = `hub-test:${randomBytes(4).toString('hex')}:`;
  const running: ApiProcess[] = [];
  let one: ApiProcess;
  let two: ApiProcess;

  /** The real node process (tsx as a loader, not its CLI, so that SIGKILL kills the server itself). */
  async function startApi(): Promise<ApiProcess> {
    const port = await freePort();
    const sitePort = await freePort();
    const child = spawn(process.execPath, ['--import', TSX_LOADER, 'api/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        TSX_TSCONFIG_PATH: 'tsconfig.json',
        DATABASE_URL: databaseUrl,
        REDIS_URL,
        HUB_REDIS_PREFIX: prefix,
        HUB_ROLE: 'api',
        HUB_API_PORT: String(port),
        HUB_SITE_PORT: String(sitePort),
        HUB_SAMPLE: 'none',
        HUB_BUILD_SITE: '0',
        HUB_SITE_DIR: '/nonexistent/hub-processes-site',
        HUB_RATE_LIMIT: String(RATE_LIMIT),
        // the test speaks for a client behind a proxy on this machine
        HUB_TRUST_PROXY: 'loopback',
        HUB_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (c) => (output += c));
    child.stderr!.on('data', (c) => (output += c));
    const api: ApiProcess = {
      url: `http://127.0.0.1:${port}/graphql`,
      siteUrl: `http://127.0.0.1:${sitePort}/`,
      child,
      output: () => output,
    };
    running.push(api);
    const end = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the API process exited with ${child.exitCode}:\n${output}`);
      if (Date.now() > end) throw new Error(`the API process did not become ready:\n${output}`);
      const ready = await fetch(new URL('/readyz', api.url)).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return api;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async function post(api: ApiProcess, query: string, variables?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  }

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: PG_SERVER });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    // the first process migrates the new database; the second starts on a migrated one
    one = await startApi();
    two = await startApi();
    const sql = new pg.Client({ connectionString: databaseUrl });
    await sql.connect();
    await sql.query(`INSERT INTO api_token (name, token_hash) VALUES ('processes', $1)`, [hashToken(TOKEN)]);
    await sql.end();
  }, 240_000);

  afterAll(async () => {
    for (const { child } of running) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    }
    const admin = new pg.Client({ connectionString: PG_SERVER });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    const redis = await connectRedis(REDIS_URL, 'test-cleanup');
    for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 100 })) if (keys.length) await redis.del(keys);
    await redis.quit();
  });

  it('run the API only (HUB_ROLE=api): no static server', async () => {
    await expect(fetch(one.siteUrl)).rejects.toThrow();
    expect(one.output()).toContain('HUB_ROLE=api');
  });

  it('a publish through one is visible through the other at once, though both answer from the shared cache', async () => {
    for (const api of [one, two, one, two])
      expect((await post(api, QUESTION)).body.data.summary).toEqual({ spotChecks: 0, publishedBatches: 0 });
    // the second process answered from what the first put in Redis
    expect((await post(two, QUESTION)).headers.get('age')).not.toBeNull();

    const bureau = { authorization: `Bearer ${TOKEN}` };
    const imported = await post(
      one,
      'mutation($input: ImportBatchInput!) { importBatch(input: $input) { batchId } }',
      { input: { kind: 'spot-checks', fileName: 'results.csv', contentBase64: Buffer.from(RESULTS).toString('base64') } },
      bureau,
    );
    expect(imported.body.errors, JSON.stringify(imported.body.errors)).toBeUndefined();
    const published = await post(
      one,
      'mutation($id: ID!) { publishBatch(id: $id, final: true) { batch { status } } }',
      { id: imported.body.data.importBatch.batchId },
      bureau,
    );
    expect(published.body.data.publishBatch.batch.status).toBe('published');

    expect((await post(two, QUESTION)).body.data.summary).toEqual({ spotChecks: 2, publishedBatches: 1 });
    expect((await post(one, QUESTION)).body.data.summary).toEqual({ spotChecks: 2, publishedBatches: 1 });
  });

  it('a budget spent on one is spent on both', async () => {
    const forwarded = { 'x-forwarded-for': CLIENT };
    const ask = (api: ApiProcess) => post(api, '{ rateLimit { remaining } }', undefined, forwarded);
    const first = await ask(one);
    expect(first.status).toBe(200);
    expect(Number(first.headers.get('x-ratelimit-limit'))).toBe(RATE_LIMIT);
    const second = await ask(two);
    expect(Number(second.headers.get('x-ratelimit-remaining'))).toBeLessThan(Number(first.headers.get('x-ratelimit-remaining')));
    // spent on the first process only
    let last = second;
    for (let i = 0; i < RATE_LIMIT && last.status === 200; i++) last = await ask(one);
    expect(last.status).toBe(429);
    const refused = await ask(two);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // another client behind the same proxy still has its budget
    expect((await post(two, '{ rateLimit { remaining } }', undefined, { 'x-forwarded-for': '203.0.113.10' })).status).toBe(200);
  });

  it('killing one leaves the other serving, and a process started again serves the current data', async () => {
    two.child.kill('SIGKILL');
    await new Promise((resolve) => two.child.once('exit', resolve));
    await expect(fetch(two.url)).rejects.toThrow();
    for (let i = 0; i < 5; i++) {
      const answer = await post(one, QUESTION);
      expect(answer.status).toBe(200);
      expect(answer.body.data.summary).toEqual({ spotChecks: 2, publishedBatches: 1 });
    }
    // a new process agrees on the cache key with the running one: it must not find the answers
    // cached before the publish (a per-process counter would start at 0 again and find them)
    const again = await startApi();
    expect((await post(again, QUESTION)).body.data.summary).toEqual({ spotChecks: 2, publishedBatches: 1 });
    expect((await post(again, '{ health }')).status).toBe(200);
  });
});
