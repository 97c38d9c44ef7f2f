import { realpathSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive, livePostmaster } from '@hub/db';
import { A, B } from '../import/data.ts';
import { writeCsv, type Table } from '../import/fixtures.ts';
import { graphql, hubCommand, hubEnv, hubRecord, pagesOf, readerLoop, startHub, stopHub, type Folder, type Hub } from './support.ts';

const HEADERS = [
  '抽查类型',
  '产品种类',
  '产品名称',
  '商标',
  '标称生产企业名称',
  '标称生产企业统一社会信用代码',
  '被抽样单位名称',
  '承检机构',
  '报告编号',
  '报告日期',
  '检验结论',
  '不合格项目',
];

/** A round of passes: each is public (counted) at once, and has its page on the site. */
function round(title: string, prefix: string, n: number): Table {
  const rows = Array.from({ length: n }, (_, i) => {
    const who = i % 2 ? B : A;
    return [
      '省级监督抽查',
      i % 2 ? '电线电缆' : '白酒',
      `${title}产品${i}`,
      '/',
      who.name,
      who.uscc,
      who.name,
      '湖北省产品质量监督检验研究院',
      `${prefix}-${String(i).padStart(3, '0')}`,
      '2025-03-05',
      '合格',
      '',
    ];
  });
  return { title, headers: HEADERS, rows };
}

const BATCHES = '{ batches(first: 50) { totalCount nodes { title } } }';

/**
 * One running hub, any number of commands (issue 10.1–2, 12.5): `pnpm hub` works while
 * `pnpm start` runs and does the same; a publish from another process is visible in the API at
 * once and on the site when its rebuild is swapped in, with no reader ever seeing an error; two
 * publishes at once are serialised; after kill -9 the next start (or command) comes up.
 */
describe('a live hub', () => {
  let folder: Folder;
  let files: string;
  let env: Record<string, string>;
  let hub: Hub;
  let secret: string;
  const cleanup: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    folder = { dataDir: await mkdtemp(join(tmpdir(), 'hub-live-')), siteDir: await mkdtemp(join(tmpdir(), 'hub-live-site-')) };
    files = await mkdtemp(join(tmpdir(), 'hub-live-files-'));
    cleanup.push(
      () => rm(folder.dataDir, { recursive: true, force: true }),
      () => rm(folder.siteDir, { recursive: true, force: true }),
      () => rm(files, { recursive: true, force: true }),
    );
    env = await hubEnv(folder);
    hub = await startHub(env);
    cleanup.push(() => stopHub(hub));
  }, 300_000);
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c().catch(() => undefined);
  });

  async function importRound(name: string, prefix: string, n: number): Promise<number> {
    const file = join(files, `${name}.csv`);
    await writeCsv(file, round(name, prefix, n), 'utf8-bom');
    const imported = await hubCommand(['import', file, '--kind', 'spot-checks'], env);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    return Number(/batch (\d+)|批次\s*(\d+)/.exec(imported.stdout)?.slice(1).find(Boolean));
  }

  it('takes commands while it runs, as clients of its database, and shows a publish at once', { timeout: 300_000 }, async () => {
    expect(hubRecord(folder.dataDir)).toMatchObject({
      pid: hub.child.pid,
      state: 'ready',
      apiUrl: expect.stringContaining(env.HUB_API_PORT),
    });

    const token = await hubCommand(['token', 'create', '质量处'], env);
    expect(token.stderr).toBe('');
    expect(token.code).toBe(0);
    expect(token.stdout).toContain('质量处');
    secret = /keep it secret:\n(\S+)/.exec(token.stdout)![1];

    const first = await importRound('2025年第1批', 'LV1', 6);
    expect(first).toBeGreaterThan(0);
    const listed = await hubCommand(['batches'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('2025年第1批');

    // the anonymous answer is cached by the API; a publish in another process clears it at once
    expect((await graphql(hub.api, BATCHES)).batches.totalCount).toBe(0);
    const published = await hubCommand(['publish', String(first)], env);
    expect(published.code).toBe(0);
    expect((await graphql(hub.api, BATCHES)).batches.nodes.map((b: { title: string }) => b.title)).toEqual(['2025年第1批']);
    // the hub still owns its folder: the commands came and went as clients
    expect(hubRecord(folder.dataDir)?.pid).toBe(hub.child.pid);
  });

  it('rebuilds the site on publish --site and swaps it in while readers see no error and no 404', { timeout: 400_000 }, async () => {
    const site = await hubCommand(['site'], env);
    expect(site.stderr).toBe('');
    expect(site.stdout).toContain('rebuilt by the running hub');
    const before = realpathSync(join(folder.siteDir, 'current'));
    const pages = await pagesOf(before);
    expect(pages.length).toBeGreaterThan(10);

    const second = await importRound('2025年第2批', 'LV2', 4);
    const readers = [readerLoop(hub.site, pages), readerLoop(hub.site, [...pages].reverse())];
    const published = await hubCommand(['publish', String(second), '--site'], env);
    const results = await Promise.all(readers.map((r) => r.stop()));
    expect(published.stderr).toBe('');
    expect(published.code).toBe(0);
    expect(published.stdout).toContain('rebuilt by the running hub');

    for (const r of results) {
      expect(r.failures).toEqual([]);
      expect(r.reads).toBeGreaterThan(pages.length);
    }
    const after = realpathSync(join(folder.siteDir, 'current'));
    expect(after).not.toBe(before);
    // the new batch is on the served site
    const batchesPage = await (await fetch(`${hub.site}/batches/`)).text();
    expect(batchesPage).toContain('2025年第2批');
    expect(await readFile(join(after, 'batches', 'index.html'), 'utf8')).toContain('2025年第2批');
  });

  it('answers with security headers and survives a request for a file removed under it', async () => {
    const response = await fetch(`${hub.site}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const search = await fetch(`${hub.site}/search/`);
    // the search page's inline script is allowed by its hash
    expect(search.headers.get('content-security-policy')).toMatch(/'sha256-[A-Za-z0-9+/=]+'/);
    const missing = await fetch(`${hub.site}/no/such/page/`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${hub.site}/../../etc/passwd`)).status).toBe(404);
  });

  it('serialises two publishes started at once', { timeout: 200_000 }, async () => {
    const third = await importRound('2025年第3批', 'LV3', 3);
    const fourth = await importRound('2025年第4批', 'LV4', 3);
    const both = await Promise.all([hubCommand(['publish', String(third)], env), hubCommand(['publish', String(fourth)], env)]);
    for (const r of both) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    const titles = (await graphql(hub.api, BATCHES)).batches.nodes.map((b: { title: string }) => b.title);
    expect(titles).toEqual(expect.arrayContaining(['2025年第3批', '2025年第4批']));
  });

  it('rebuilds the site when the publishBatch mutation asks for it', { timeout: 300_000 }, async () => {
    const fifth = await importRound('2025年第5批', 'LV5', 2);
    const before = realpathSync(join(folder.siteDir, 'current'));
    const { publishBatch } = await graphql(
      hub.api,
      `mutation { publishBatch(id: "${fifth}", rebuildSite: true) { inserted siteRebuild batch { title } } }`,
      secret,
    );
    expect(publishBatch).toEqual({ inserted: 2, siteRebuild: 'started', batch: { title: '2025年第5批' } });
    await until(() => realpathSync(join(folder.siteDir, 'current')) !== before, 240_000);
    expect(await (await fetch(`${hub.site}/batches/`)).text()).toContain('2025年第5批');
  });

  it('after kill -9 of the hub, starts again: the stale PostgreSQL is stopped and the current build served at once', {
    timeout: 300_000,
  }, async () => {
    // the served build shows the data as it is now
    expect((await hubCommand(['site'], env)).code).toBe(0);
    const pg = livePostmaster(join(folder.dataDir, 'pg'));
    expect(pg?.ours).toBe(true);
    hub.child.kill('SIGKILL');
    await new Promise((resolve) => hub.child.once('exit', resolve));
    // what the crash leaves: a hub.json naming a dead process, and PostgreSQL still running
    expect(isAlive(hubRecord(folder.dataDir)!.pid)).toBe(false);
    expect(isAlive(pg!.pid)).toBe(true);

    const served = realpathSync(join(folder.siteDir, 'current'));
    hub = await startHub({ ...env, HUB_API_PORT: env.HUB_API_PORT, HUB_SITE_PORT: env.HUB_SITE_PORT });
    expect(hub.output()).toContain('Stopped the PostgreSQL');
    expect(isAlive(pg!.pid)).toBe(false);
    expect((await fetch(`${hub.site}/batches/`)).status).toBe(200);
    await until(() => hub.output().includes('shows the current data: no rebuild'), 60_000);
    expect(realpathSync(join(folder.siteDir, 'current'))).toBe(served);
    expect((await graphql(hub.api, BATCHES)).batches.totalCount).toBe(5);
  });

  it('after kill -9 of a command that ran the database, the next command comes up', { timeout: 200_000 }, async () => {
    await stopHub(hub);
    // SIGTERM: the folder is given up (or, when the embedded database's exit hook ended the process first, left to a dead pid)
    const left = hubRecord(folder.dataDir);
    expect(left === null || !isAlive(left.pid)).toBe(true);
    // a command owns the folder while no hub runs; killed once its database is up
    const killed = await hubCommand(['backup', join(files, 'b.tar.gz')], env, (child) => {
      const timer = setInterval(() => {
        if (hubRecord(folder.dataDir)?.state === 'ready') {
          clearInterval(timer);
          child.kill('SIGKILL');
        }
      }, 20);
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(livePostmaster(join(folder.dataDir, 'pg'))).not.toBeNull();
    const next = await hubCommand(['batches'], env);
    expect(next.stderr).toContain('Stopped the PostgreSQL');
    expect(next.code).toBe(0);
    expect(next.stdout).toContain('2025年第5批');
    expect(livePostmaster(join(folder.dataDir, 'pg'))).toBeNull();
    expect(hubRecord(folder.dataDir)).toBeNull();
  });
});

async function until(check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
