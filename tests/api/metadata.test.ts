import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { Fixture } from '../support/fixtures.ts';

/** extensions.hub on every answer: dataAsOf, the latest published batch, the licence (issue 15 §8). */
describe('answer metadata (extensions.hub)', () => {
  let db: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db.url);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('says there is no data yet on an empty database, and names the licence', async () => {
    const { extensions } = await api.query('{ health }');
    expect(extensions.hub).toEqual({
      dataAsOf: null,
      latestBatch: null,
      licence: {
        name: 'CC BY 4.0',
        url: 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans',
        attribution: expect.stringContaining('湖北省市场监督管理局'),
      },
    });
  });

  it('names the latest published batch (never a draft) and the day in China it was published, on queries and errors alike', async () => {
    const f = new Fixture(db.sql);
    await f.batch('spot_checks', '2026年第1批');
    const latest = await f.batch('spot_checks', '2026年第2批');
    await db.sql.query(`UPDATE batch SET published_at = '2026-03-01T18:30:00Z' WHERE id = $1`, [latest]);
    await f.batch('spot_checks', '草稿批次', 'draft');
    // a new server: the metadata is kept 30 s per process
    const fresh = await startTestApi(db.url);
    try {
      const { data, extensions } = await fresh.query('{ summary { dataAsOf } batches(first: 5) { nodes { id title } } }');
      expect(extensions.hub.latestBatch.title).toBe('2026年第1批');
      expect(extensions.hub.dataAsOf).toBe(data.summary.dataAsOf);
      expect(data.batches.nodes.map((b: any) => b.id)).toContain(extensions.hub.latestBatch.id);
      const refused = await fresh.query('{ noSuchField }');
      expect(refused.errors).toBeDefined();
      expect(refused.extensions?.hub?.latestBatch?.title).toBe('2026年第1批');
    } finally {
      await fresh.stop();
    }
  });
});
