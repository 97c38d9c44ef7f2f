import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgConnection, transaction } from '@hub/db';
import { dataGeneration, listenForChanges, notifyChanged } from '../../api/src/live/changes.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

const until = async (what: string, found: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!found()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/**
 * The data generation that keys every cached public answer (live/changes.ts): the database's, so
 * every API process agrees on it; with a replica, taken only once the replica shows it. The
 * "replica" is a clone of the primary (same epoch), on which the test replays the change by hand.
 */
describe('the data generation', () => {
  let primary: TestDatabase;
  let replica: TestDatabase;
  let changes: { close(): Promise<void> } | undefined;
  beforeAll(async () => {
    primary = await createTestDatabase();
    replica = await createTestDatabase();
  });
  afterAll(async () => {
    await changes?.close();
    await primary?.drop();
    await replica?.drop();
  });

  const change = () => PgConnection.using(primary.url, (db) => transaction(db, () => notifyChanged(db, { reason: 'publish', batchId: 1 })));
  const generationOf = async (db: TestDatabase) => {
    const { rows } = await db.sql.query<{ epoch: string; n: string }>('SELECT epoch, n FROM data_generation');
    return `${rows[0].epoch}:${rows[0].n}`;
  };

  it('is read from the database the public reads from, and moves on only once that database shows the change', async () => {
    changes = await listenForChanges(primary.url, replica.url);
    const before = await generationOf(replica);
    expect(dataGeneration()).toBe(before);

    await change();
    const after = await generationOf(primary);
    expect(after).not.toBe(before);
    // the replica has not replayed the publish: answers keep the old key
    await new Promise((r) => setTimeout(r, 300));
    expect(dataGeneration()).toBe(before);

    await replica.sql.query('UPDATE data_generation SET n = n + 1');
    await until('the replica’s generation', () => dataGeneration() === after);
  });

  it('is not moved by a change that is rolled back', async () => {
    const current = dataGeneration();
    await expect(
      PgConnection.using(primary.url, (db) =>
        transaction(db, async () => {
          await notifyChanged(db, { reason: 'publish', batchId: 2 });
          throw new Error('the publish failed');
        }),
      ),
    ).rejects.toThrow('the publish failed');
    await new Promise((r) => setTimeout(r, 300));
    expect(dataGeneration()).toBe(current);
    expect(await generationOf(primary)).toBe(current);
  });
});
