import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseLockedError, startEmbeddedPostgres, type EmbeddedDatabase } from '@hub/db';

describe('the embedded PostgreSQL', () => {
  const dirs: string[] = [];
  const running: EmbeddedDatabase[] = [];
  afterAll(async () => {
    for (const db of running) await db.stop().catch(() => undefined);
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('keeps its data across a restart, and refuses a second instance on the same folder', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hub-embedded-'));
    dirs.push(dataDir);

    const first = await startEmbeddedPostgres({ dataDir, throwaway: true });
    running.push(first);
    await query(first.url, 'CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$湖北精品$$)');

    await expect(startEmbeddedPostgres({ dataDir, throwaway: true })).rejects.toThrow(DatabaseLockedError);
    await expect(startEmbeddedPostgres({ dataDir, throwaway: true })).rejects.toThrow(/in use by another running hub/);

    await first.stop();
    const second = await startEmbeddedPostgres({ dataDir, throwaway: true });
    running.push(second);
    const rows = await query(second.url, 'SELECT v FROM kept');
    expect(rows).toEqual([{ v: '湖北精品' }]);
  });
});

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(sql);
    return Array.isArray(result) ? result.at(-1)!.rows : result.rows;
  } finally {
    await client.end();
  }
}
