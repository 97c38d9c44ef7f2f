import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '@hub/api';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { Fixture } from '../support/fixtures.ts';

/**
 * HUB_READ_DATABASE_URL (issue 14): public reads go to the replica, a bureau token's reads and
 * every write to DATABASE_URL. The "replica" here is a second database whose rows differ from
 * the primary's, so each answer shows which database it was read from.
 */
const TOKEN = 'hub_replica_token';
const bureau = { authorization: `Bearer ${TOKEN}` };
const ITEMS = '{ certifiedItems(first: 10) { nodes { name } } }';

describe('public reads on a replica', () => {
  let primary: TestDatabase;
  let replica: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    primary = await createTestDatabase();
    replica = await createTestDatabase();
    for (const [db, name] of [
      [primary, '主库产品'],
      [replica, '副本产品'],
    ] as const) {
      const f = new Fixture(db.sql);
      const b = await f.batch('certifications', '认定名单');
      await f.certifiedItem(b, await f.enterprise(b, `${name}公司`), name);
    }
    // the token exists on the primary only: tokens are checked there
    await primary.sql.query(`INSERT INTO api_token (name, token_hash) VALUES ('replica', $1)`, [hashToken(TOKEN)]);
    api = await startTestApi(primary.url, { readDatabaseUrl: replica.url });
  });
  afterAll(async () => {
    await api?.stop();
    await primary?.drop();
    await replica?.drop().catch(() => undefined);
  });

  it('answers the public from the replica', async () => {
    const answer = await api.query(ITEMS);
    expect(answer.data.certifiedItems.nodes).toEqual([{ name: '副本产品' }]);
  });

  it('answers a bureau token from the primary, and writes there', async () => {
    const answer = await api.query(ITEMS, undefined, bureau);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.certifiedItems.nodes).toEqual([{ name: '主库产品' }]);
    const csv = [
      '抽查类型,任务名称,产品种类,产品名称,商标,规格型号,标称生产企业名称,被抽样单位名称,承检机构,报告编号,报告日期,检验结论,不合格项目,问题严重程度',
      '省级监督抽查,2025年第1批省级产品质量监督抽查,电线电缆,铜芯电线,楚天,BV 2.5,另一电缆有限公司,另一电缆有限公司,湖北省产品质量监督检验研究院,REP-001,2025-03-06,合格,,',
    ].join('\n');
    const imported = await api.query(
      'mutation($input: ImportBatchInput!) { importBatch(input: $input) { outcome } }',
      { input: { kind: 'spot-checks', fileName: 'r.csv', contentBase64: Buffer.from(csv).toString('base64') } },
      bureau,
    );
    expect(imported.data.importBatch.outcome).toBe('imported');
    const drafts = `SELECT count(*)::int AS n FROM batch WHERE status = 'draft'`;
    expect((await primary.sql.query(drafts)).rows[0].n).toBe(1);
    expect((await replica.sql.query(drafts)).rows[0].n).toBe(0);
  });

  it('is reported by /readyz, which goes red when the replica does not answer', async () => {
    const readyz = new URL('/readyz', api.url);
    const ready = (await (await fetch(readyz)).json()) as any;
    expect(ready.checks.replica).toMatchObject({ ok: true, standby: false });
    expect(ready.status).toBe('ready');
    await replica.sql.end();
    const admin = new pg.Client({ connectionString: primary.url });
    await admin.connect();
    await admin.query(`DROP DATABASE ${replica.name} WITH (FORCE)`);
    await admin.end();
    const response = await fetch(readyz);
    expect(response.status).toBe(503);
    expect(((await response.json()) as any).checks.replica.ok).toBe(false);
  });
});
