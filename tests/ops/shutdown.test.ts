import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@hub/db';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

let db: TestDatabase | undefined;
let child: ChildProcess | undefined;
afterAll(async () => {
  // SIGTERM, not SIGKILL: killing tsx would leave its node child running
  if (child && child.exitCode === null) {
    const gone = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await gone;
  }
  await db?.sql.query('ROLLBACK').catch(() => undefined);
  await db?.drop();
});

const until = async (what: string, found: () => boolean | Promise<boolean>, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!(await found())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** The hub as `pnpm start` runs it, in a child process, against a database of its own. */
describe('graceful shutdown', () => {
  it('on SIGTERM stops accepting, lets an in-flight request finish, then exits 0', { timeout: 120_000 }, async () => {
    db = await createTestDatabase();
    const port = await freePort();
    child = spawn(TSX, ['--tsconfig', 'tsconfig.json', 'api/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        HUB_API_PORT: String(port),
        HUB_SITE_PORT: String(await freePort()),
        HUB_SAMPLE: 'none',
        HUB_BUILD_SITE: '0',
        HUB_SITE_DIR: '/nonexistent/hub-shutdown-site',
        HUB_LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (c) => (output += c));
    child.stderr!.on('data', (c) => (output += c));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    await until('the hub to start', () => output.includes('The hub is running') || child!.exitCode !== null);
    expect(output).toContain('The hub is running');
    const url = `http://127.0.0.1:${port}/graphql`;

    // a slow request: the test holds a lock on the table the query reads
    await db.sql.query('BEGIN');
    await db.sql.query('LOCK TABLE batch IN ACCESS EXCLUSIVE MODE');
    const slow = fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ batches { totalCount } }' }),
    });
    // watched from another connection: inside its transaction the lock holder sees a frozen pg_stat_activity
    const watcher = new pg.Client({ connectionString: db.url });
    await watcher.connect();
    await until('the API query to wait on the lock', async () => {
      const { rows } = await watcher.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%batch%'`,
      );
      return rows.length > 0;
    });
    await watcher.end();

    child.kill('SIGTERM');
    await until('the shutdown to begin', () => output.includes('SIGTERM: stopping'));
    // no new connections once stopping…
    await until(
      'the port to close',
      () =>
        fetch(`http://127.0.0.1:${port}/healthz`).then(
          () => false,
          () => true,
        ),
      10_000,
    );
    expect(child.exitCode).toBeNull();

    // …while the one in flight finishes once its query can run
    await db.sql.query('COMMIT');
    const response = await slow;
    expect(response.status).toBe(200);
    const answer = (await response.json()) as any;
    expect(answer.errors).toBeUndefined();
    expect(answer.data.batches.totalCount).toBe(0);

    expect(await exited).toBe(0);
    const log = output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    expect(log.map((l) => l.msg)).toEqual(expect.arrayContaining(['shutdown: draining in-flight requests', 'shutdown: stopped']));
  });
});
