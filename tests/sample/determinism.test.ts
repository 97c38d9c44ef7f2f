import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSample, type SampleSummary } from '../../db/src/sample/generate.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

const TABLES = [
  'batch',
  'enterprise',
  'trademark',
  'cultivation_entry',
  'standard_evaluation',
  'certified_item',
  'logo_authorisation',
  'spot_check',
  'nonconforming_item',
  'case_event',
  'self_report',
  'rectification_notice',
  'revocation',
  'consumer_warning',
];

/** md5 over every row of each table, in id order: equal digests mean identical rows. */
async function digests(db: TestDatabase): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const { rows } = await db.sql.query(`SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t.id), '')) AS digest FROM "${table}" t`);
    result[table] = rows[0].digest;
  }
  for (const [table, order] of [
    ['revocation_item', 'revocation_id, certified_item_id'],
    ['warning_spot_check', 'consumer_warning_id, spot_check_id'],
  ]) {
    const { rows } = await db.sql.query(`SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY ${order}), '')) AS digest FROM ${table} t`);
    result[table] = rows[0].digest;
  }
  return result;
}

describe('the sample generator', () => {
  const dbs: TestDatabase[] = [];
  let first: SampleSummary;
  let second: SampleSummary;
  let [a, b, c]: Record<string, string>[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) dbs.push(await createTestDatabase());
    first = await loadSample(dbs[0].url, { size: 'demo', seed: 7 });
    second = await loadSample(dbs[1].url, { size: 'demo', seed: 7 });
    await loadSample(dbs[2].url, { size: 'demo', seed: 8 });
    [a, b, c] = await Promise.all(dbs.map(digests));
  });
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('writes identical rows for the same seed, size and as-of date', () => {
    expect(second).toEqual(first);
    expect(b).toEqual(a);
  });

  it('writes different data for a different seed', () => {
    for (const table of ['enterprise', 'spot_check', 'case_event', 'certified_item']) expect(c[table], table).not.toBe(a[table]);
  });

  it('keeps the real 2023 funnel whatever the seed', async () => {
    const { rows } = await dbs[2].sql.query(`
      SELECT (SELECT count(*) FROM cultivation_entry WHERE year = 2023)::int AS items,
             (SELECT count(DISTINCT enterprise_id) FROM cultivation_entry WHERE year = 2023)::int AS enterprises,
             (SELECT count(*) FROM standard_evaluation WHERE year = 2023)::int AS evaluated,
             (SELECT count(*) FROM standard_evaluation WHERE year = 2023 AND passed)::int AS passed,
             (SELECT count(*) FROM certified_item WHERE round = 1)::int AS certified`);
    expect(rows[0]).toEqual({ items: 668, enterprises: 558, evaluated: 517, passed: 203, certified: 155 });
  });

  it('writes nothing after an earlier as-of date, in one transaction that a failure leaves undone', async () => {
    const db = await createTestDatabase();
    try {
      // a constraint the revocation decisions of 2025 break: the whole load must roll back
      await db.sql.query(`ALTER TABLE revocation ADD CONSTRAINT test_no_revocations CHECK (decided_on < '2025-01-01')`);
      const indexesBefore = (await db.sql.query(`SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'spot_check'`)).rows[0].n;
      await expect(loadSample(db.url, { size: 'demo', asOf: '2025-12-31' })).rejects.toThrow(/test_no_revocations/);
      const { rows } =
        await db.sql.query(`SELECT (SELECT count(*) FROM batch)::int AS batches, (SELECT count(*) FROM enterprise)::int AS enterprises,
        (SELECT count(*) FROM pg_indexes WHERE tablename = 'spot_check')::int AS indexes`);
      expect(rows[0]).toEqual({ batches: 0, enterprises: 0, indexes: indexesBefore });

      await db.sql.query(`ALTER TABLE revocation DROP CONSTRAINT test_no_revocations`);
      const summary = await loadSample(db.url, { size: 'demo', asOf: '2024-06-30' });
      expect(summary.asOf).toBe('2024-06-30');
      const {
        rows: [latest],
      } = await db.sql.query(`
        SELECT (SELECT max(report_date) FROM spot_check)::text AS report, (SELECT max(occurred_on) FROM case_event)::text AS event,
               (SELECT max((published_at AT TIME ZONE 'Asia/Shanghai')::date) FROM batch)::text AS published,
               (SELECT count(*) FROM certified_item WHERE round > 1)::int AS "laterRounds", (SELECT count(*) FROM revocation)::int AS revocations`);
      expect(latest.report <= '2024-06-30' && latest.event <= '2024-06-30' && latest.published <= '2024-06-30').toBe(true);
      expect(latest).toMatchObject({ laterRounds: 0, revocations: 0 });
    } finally {
      await db.drop();
    }
  });

  it('rejects options it cannot honour', async () => {
    await expect(loadSample('postgres://unused', { size: 'huge' as 'demo' })).rejects.toThrow(/size must be one of demo, province/);
    await expect(loadSample('postgres://unused', { size: 'demo', seed: -1 })).rejects.toThrow(/seed must be an integer/);
    await expect(loadSample('postgres://unused', { size: 'demo', asOf: '2026-02-30' })).rejects.toThrow(/not a calendar date/);
    await expect(loadSample('postgres://unused', { size: 'demo', asOf: '2019-01-01' })).rejects.toThrow(/asOf must be between/);
  });
});
