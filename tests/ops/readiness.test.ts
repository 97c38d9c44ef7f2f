import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../setup/global.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

let db: TestDatabase;
let api: TestApi;
let admin: pg.Client;
const base = () => new URL('/', api.url).toString();

async function probe(path: string) {
  const response = await fetch(new URL(path, base()));
  return { status: response.status, cache: response.headers.get('cache-control'), body: (await response.json()) as any };
}

beforeAll(async () => {
  db = await createTestDatabase();
  // the assertion client is cut off with the rest while the database is blocked (the last test)
  db.sql.on('error', () => undefined);
  api = await startTestApi(db.url);
  admin = new pg.Client({ connectionString: withDatabase(inject('serverUrl'), 'postgres') });
  await admin.connect();
});

afterAll(async () => {
  await api?.stop();
  await admin?.query(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS true`);
  await admin?.end();
  await db?.drop();
});

describe('/healthz and /readyz', () => {
  it('answers alive and ready, uncached, when the database is up and migrated', async () => {
    const alive = await probe('/healthz');
    expect(alive).toMatchObject({ status: 200, cache: 'no-store', body: { status: 'alive' } });
    const ready = await probe('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.cache).toBe('no-store');
    expect(ready.body.status).toBe('ready');
    expect(ready.body.checks.database.ok).toBe(true);
    expect(ready.body.checks.migrations).toMatchObject({ ok: true, pending: [] });
    expect(ready.body.checks.migrations.applied).toBeGreaterThan(0);
    // no REDIS_URL in this run: no Redis check
    expect(ready.body.checks.redis).toBeUndefined();
  });

  it('is not ready while a migration this code needs is not applied', async () => {
    const [last] = (await db.sql.query('SELECT id, name, executed_at FROM mikro_orm_migrations ORDER BY id DESC LIMIT 1')).rows;
    await db.sql.query('DELETE FROM mikro_orm_migrations WHERE id = $1', [last.id]);
    try {
      const pending = await probe('/readyz');
      expect(pending.status).toBe(503);
      expect(pending.body.checks.database.ok).toBe(true);
      expect(pending.body.checks.migrations).toMatchObject({ ok: false, pending: [last.name] });
    } finally {
      await db.sql.query('INSERT INTO mikro_orm_migrations (id, name, executed_at) VALUES ($1, $2, $3)', [
        last.id,
        last.name,
        last.executed_at,
      ]);
    }
    expect((await probe('/readyz')).status).toBe(200);
  });

  it('stays ready when a newer version has applied a migration this one does not know (a rolling deployment)', async () => {
    await db.sql.query(`INSERT INTO mikro_orm_migrations (name, executed_at) VALUES ('Migration29991231000000_future', now())`);
    try {
      const ready = await probe('/readyz');
      expect(ready.status).toBe(200);
      expect(ready.body.checks.migrations.newer).toEqual(['Migration29991231000000_future']);
    } finally {
      await db.sql.query(`DELETE FROM mikro_orm_migrations WHERE name = 'Migration29991231000000_future'`);
    }
  });

  it('refuses new connections once stopped', async () => {
    const second = await startTestApi(db.url);
    const readyz = new URL('/readyz', second.url);
    expect((await fetch(readyz)).status).toBe(200);
    const stopping = second.stop();
    await stopping;
    await expect(fetch(readyz)).rejects.toThrow();
  });

  it('goes red while the database refuses connections and green again without a restart', async () => {
    await admin.query(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [db.name]);

    const down = await probe('/readyz');
    expect(down.status).toBe(503);
    expect(down.body.status).toBe('not ready');
    expect(down.body.checks.database.ok).toBe(false);
    expect(down.body.checks.database.error).toMatch(/not currently accepting connections|terminat|connect/i);
    expect(down.body.checks.migrations.ok).toBe(false);
    // alive all the same: an outage of the database is no reason to restart the API
    expect((await probe('/healthz')).status).toBe(200);

    await admin.query(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS true`);
    const up = await probe('/readyz');
    expect(up.status).toBe(200);
    expect(up.body.checks.database.ok).toBe(true);
    // and the API answers queries again on the same pool
    const answer = await api.query('{ summary { containsSampleData } }');
    expect(answer.errors).toBeUndefined();
  });
});
