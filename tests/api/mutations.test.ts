import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '@hub/api';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';

const TOKEN = 'hub_mutations_token';
const bureau = { authorization: `Bearer ${TOKEN}` };

const HEADER =
  '抽查类型,任务名称,产品种类,产品名称,商标,规格型号,标称生产企业名称,被抽样单位名称,承检机构,报告编号,报告日期,检验结论,不合格项目,问题严重程度';
const GOOD = [
  HEADER,
  '省级监督抽查,2025年第1批省级产品质量监督抽查,电动自行车,电动自行车,雅迪,TDT1234Z,某某车业有限公司,某某商贸有限公司,湖北省产品质量监督检验研究院,MUT-001,2025-03-05,不合格,"最高车速(标准值: ≤25km/h, 实测值: 31.2km/h)",严重',
  '省级监督抽查,2025年第1批省级产品质量监督抽查,电线电缆,铜芯电线,楚天,BV 2.5,另一电缆有限公司,另一电缆有限公司,湖北省产品质量监督检验研究院,MUT-002,2025-03-06,合格,,',
].join('\n');
const BAD = [
  HEADER,
  '省级监督抽查,,电动自行车,电动自行车,,,某某车业有限公司,某某商贸有限公司,湖北省产品质量监督检验研究院,MUT-003,2025-02-30,不合格,,',
].join('\n');

/** The bureau's workflow through the API: the same import and publish as pnpm hub, for tokens only. */
describe('batch mutations', () => {
  let db: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.sql.query(`INSERT INTO api_token (name, token_hash) VALUES ('m', $1)`, [hashToken(TOKEN)]);
    api = await startTestApi(db.url);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const IMPORT = `mutation($input: ImportBatchInput!) { importBatch(input: $input) { outcome batchId rows new corrected unchanged } }`;
  const input = (csv: string) => ({ kind: 'spot-checks', fileName: 'results.csv', contentBase64: Buffer.from(csv).toString('base64') });

  it('are refused to anonymous clients', async () => {
    const answer = await api.query(IMPORT, { input: input(GOOD) });
    expect(answer.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await db.sql.query('SELECT count(*)::int AS n FROM batch')).rows[0].n).toBe(0);
  });

  it('report every problem of a bad file with its row and column, and write nothing', async () => {
    const answer = await api.query(IMPORT, { input: input(BAD) }, bureau);
    expect(answer.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const issues = answer.errors[0].extensions.issues;
    expect(issues.length).toBeGreaterThanOrEqual(2);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: '报告日期', value: '2025-02-30' }),
        expect.objectContaining({ row: 2, column: '不合格项目' }),
      ]),
    );
    expect((await db.sql.query('SELECT count(*)::int AS n FROM batch')).rows[0].n).toBe(0);
  });

  it('import a draft the public cannot see, then publish it for everyone at once', async () => {
    const imported = await api.query(IMPORT, { input: input(GOOD) }, bureau);
    expect(imported.errors, JSON.stringify(imported.errors)).toBeUndefined();
    expect(imported.data.importBatch).toMatchObject({ outcome: 'imported', rows: 2, new: 2, corrected: 0, unchanged: 0 });
    const batchId = imported.data.importBatch.batchId;

    const before = await api.query(`{ summary { spotChecks publishedBatches } }`);
    expect(before.data.summary).toEqual({ spotChecks: 0, publishedBatches: 0 });
    const drafts = await api.query(`{ batches(status: draft) { totalCount } }`, undefined, bureau);
    expect(drafts.data.batches.totalCount).toBe(1);

    const again = await api.query(IMPORT, { input: input(GOOD) }, bureau);
    expect(again.data.importBatch).toMatchObject({ outcome: 'already-imported', batchId });

    const published = await api.query(
      // the file records no 送达: a results announcement (结果公告) states its results are final
      `mutation($id: ID!) { publishBatch(id: $id, final: true) { inserted batch { status final } } }`,
      { id: batchId },
      bureau,
    );
    expect(published.errors).toBeUndefined();
    expect(published.data.publishBatch).toMatchObject({ batch: { status: 'published', final: true } });

    const after = await api.query(
      `{ summary { spotChecks publishedBatches } spotChecks(first: 5) { nodes { reportNo nonconformingItems { item requirement measured } } } }`,
    );
    expect(after.data.summary).toEqual({ spotChecks: 2, publishedBatches: 1 });
    // the failure is final by now (2025) on the announcement's word: listed, with its nonconforming item parsed
    expect(after.data.spotChecks.nodes).toEqual([
      { reportNo: 'MUT-001', nonconformingItems: [{ item: '最高车速', requirement: '≤25km/h', measured: '31.2km/h' }] },
    ]);

    const twice = await api.query(`mutation($id: ID!) { publishBatch(id: $id) { inserted } }`, { id: batchId }, bureau);
    expect(twice.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('load a holiday calendar year and refuse a malformed one', async () => {
    const bad = await api.query(
      `mutation($d: JSONObject!) { importCalendar(data: $d) }`,
      { d: { years: [2031], days: [{ date: '2031-13-01', kind: 'holiday', name: 'x' }] } },
      bureau,
    );
    expect(bad.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const good = await api.query(
      `mutation($d: JSONObject!) { importCalendar(data: $d) }`,
      { d: { years: [2031], days: [{ date: '2031-01-01', kind: 'holiday', name: '元旦' }] } },
      bureau,
    );
    expect(good.data.importCalendar).toEqual([2031]);
  });
});
