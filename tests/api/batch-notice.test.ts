import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '@hub/api';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { certificationsJson } from '../import/data.ts';

const TOKEN = 'hub_notice_token';
const bureau = { authorization: `Bearer ${TOKEN}` };
const NOTICE = 'https://scjg.hubei.gov.cn/fbjd/tzgg/202403/t20240312_5000000.shtml';

/** A batch links its official notice (公告) when the bureau attaches one at import; the round funnel shows the reviewed step. */
describe('a batch’s official notice', () => {
  let db: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.sql.query(`INSERT INTO api_token (name, token_hash) VALUES ('n', $1)`, [hashToken(TOKEN)]);
    api = await startTestApi(db.url);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const IMPORT = `mutation($input: ImportBatchInput!) { importBatch(input: $input) { outcome batchId } }`;
  const input = (extra: Record<string, unknown>) => ({
    kind: 'certifications',
    fileName: 'list.json',
    contentBase64: Buffer.from(JSON.stringify(certificationsJson.slice(0, 4))).toString('base64'),
    ...extra,
  });

  it('refuses a notice address that is not http or https, saying so, and writes nothing', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'scjg.hubei.gov.cn/notice']) {
      const answer = await api.query(IMPORT, { input: input({ noticeUrl: url }) }, bureau);
      expect(answer.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'noticeUrl' });
      expect(answer.errors[0].message).toContain('不是 http 或 https 网址');
      expect(answer.errors[0].message).toContain('is not an http or https address');
    }
    expect((await db.sql.query('SELECT count(*)::int AS n FROM batch')).rows[0].n).toBe(0);
  });

  it('refuses a reviewed count on a batch that is not a certification list', async () => {
    const answer = await api.query(IMPORT, { input: { ...input({ reviewedItems: 3 }), kind: 'spot-checks', fileName: 'x.csv' } }, bureau);
    expect(answer.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reviewedItems' });
  });

  it('stores the notice given at import and shows it on the published batch', async () => {
    const imported = await api.query(
      IMPORT,
      { input: input({ noticeUrl: NOTICE, noticeNo: '鄂精品委〔2024〕1号', reviewedItems: 5 }) },
      bureau,
    );
    expect(imported.errors, JSON.stringify(imported.errors)).toBeUndefined();
    const id = imported.data.importBatch.batchId;
    const published = await api.query(`mutation($id: ID!) { publishBatch(id: $id) { batch { status } } }`, { id }, bureau);
    expect(published.errors, JSON.stringify(published.errors)).toBeUndefined();

    const { data } = await api.query(`{ batches(first: 5) { nodes { title noticeUrl noticeNo } } }`);
    expect(data.batches.nodes).toEqual([{ title: expect.any(String), noticeUrl: NOTICE, noticeNo: '鄂精品委〔2024〕1号' }]);
  });

  it('shows the reviewed step (资料评审) of the round funnel as the bureau stated it', async () => {
    const { data } = await api.query(`{ roundFunnels { round standardsPassed reviewed certified } }`);
    expect(data.roundFunnels).toEqual([{ round: 1, standardsPassed: 0, reviewed: 5, certified: 4 }]);
  });
});
