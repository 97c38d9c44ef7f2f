import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { writeSpotCheckCsv } from '../../bench/generate.ts';
import { hub, tempDir } from './fixtures.ts';

/**
 * An import killed while it writes (SIGKILL: no chance to clean up) leaves nothing behind: the
 * batch and its rows are written in one transaction, which PostgreSQL rolls back when the
 * connection drops.
 */
describe('an import killed midway', () => {
  let db: TestDatabase;
  let dir: string;
  let file: string;
  const q = async (sql: string, params: unknown[] = []) => (await db.sql.query(sql, params)).rows;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await tempDir();
    file = join(dir, 'large-spot-checks.csv');
    await writeSpotCheckCsv(file, 60_000);
  });
  afterAll(async () => {
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves no batch and no rows', async () => {
    let pid = 0;
    let sawWriting = false;
    const run = hub(['import', file, '--kind', 'spot-checks'], db.url, { onSpawn: (p) => (pid = p) });
    // wait until the import's transaction has written rows (a COPY into batch_row under way)
    const deadline = Date.now() + 45_000;
    while (!sawWriting && Date.now() < deadline) {
      const writing = await q(
        `SELECT 1 FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()
            AND backend_xid IS NOT NULL AND query LIKE 'COPY batch_row%'`,
      );
      sawWriting = writing.length > 0;
      if (!sawWriting) await new Promise((r) => setTimeout(r, 10));
    }
    expect(sawWriting).toBe(true);
    process.kill(pid, 'SIGKILL');
    const result = await run;
    expect(result.signal).toBe('SIGKILL');

    // the server notices the dropped connection and rolls its transaction back
    const gone = Date.now() + 10_000;
    while (
      (await q(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)).length &&
      Date.now() < gone
    ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await q(`SELECT count(*)::int AS batches, (SELECT count(*)::int FROM batch_row) AS rows FROM batch`)).toEqual([
      { batches: 0, rows: 0 },
    ]);
  }, 60_000);
});
