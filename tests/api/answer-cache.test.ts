import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '@hub/api';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { Fixture } from '../support/fixtures.ts';

/**
 * Whole public answers kept by the request's bytes in front of GraphQL (http/answer-cache.ts,
 * issue 13): a repeated question is answered with the same bytes and no SQL, costs what it cost,
 * is forgotten when a batch is published, and never holds an error, a token's answer or a budget.
 */
const TOKEN = 'hub_answer_cache_token';
const bureau = { authorization: `Bearer ${TOKEN}` };
const LIST = 'query Certified { certifiedItems(first: 10) { totalCount nodes { name } } }';

async function post(url: string, query: string, headers: Record<string, string> = {}, variables?: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const HEADER =
  '抽查类型,任务名称,产品种类,产品名称,商标,规格型号,标称生产企业名称,被抽样单位名称,承检机构,报告编号,报告日期,检验结论,不合格项目,问题严重程度';
const RESULTS = [
  HEADER,
  '省级监督抽查,2025年第1批省级产品质量监督抽查,电线电缆,铜芯电线,楚天,BV 2.5,缓存电缆有限公司,缓存电缆有限公司,湖北省产品质量监督检验研究院,CACHE-001,2025-03-06,合格,,',
].join('\n');

describe('kept answers', () => {
  let db: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    db = await createTestDatabase();
    const f = new Fixture(db.sql);
    const b = await f.batch('certifications', '认定名单');
    for (let i = 0; i < 3; i++) await f.certifiedItem(b, await f.enterprise(b, `缓存测试${i}号公司`), `产品${i}`);
    await db.sql.query(`INSERT INTO api_token (name, token_hash) VALUES ('cache', $1)`, [hashToken(TOKEN)]);
    api = await startTestApi(db.url, {
      rateLimit: { pointsPerWindow: 10_000, windowSeconds: 60, failedAuthPerWindow: 5, exemptLoopback: false },
    });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('answers a repeated public question with the same bytes, no SQL, and the same cost', async () => {
    const first = await post(api.url, LIST);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-hub-cache')).toBeNull();
    expect(first.headers.get('cache-control')).toMatch(/public/);
    const statements = api.statements();
    const second = await post(api.url, LIST);
    expect(second.headers.get('x-hub-cache')).toBe('hit');
    expect(second.text).toBe(first.text);
    expect(second.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
    expect(Number(second.headers.get('age'))).toBeGreaterThanOrEqual(0);
    expect(api.statements()).toBe(statements);
    const used = (r: typeof first) => Number(r.headers.get('x-ratelimit-used'));
    const cost = JSON.parse(first.text).extensions.cost.requested;
    expect(cost).toBeGreaterThan(1);
    // the same price: the budget is spent again, by the cost the question had
    expect(Number(first.headers.get('x-ratelimit-remaining')) - Number(second.headers.get('x-ratelimit-remaining'))).toBe(cost);
    expect(used(second) - used(first)).toBe(cost);
  });

  it('forgets every kept answer when a batch is published', async () => {
    const q = '{ summary { spotChecks } }';
    const before = await post(api.url, q);
    expect((await post(api.url, q)).headers.get('x-hub-cache')).toBe('hit');
    expect(JSON.parse(before.text).data.summary.spotChecks).toBe(0);

    const imported = await api.query(
      'mutation($input: ImportBatchInput!) { importBatch(input: $input) { batchId } }',
      { input: { kind: 'spot-checks', fileName: 'results.csv', contentBase64: Buffer.from(RESULTS).toString('base64') } },
      bureau,
    );
    expect(imported.errors).toBeUndefined();
    const published = await api.query(
      'mutation($id: ID!) { publishBatch(id: $id, final: true) { batch { status } } }',
      { id: imported.data.importBatch.batchId },
      bureau,
    );
    expect(published.errors).toBeUndefined();

    const after = await post(api.url, q);
    expect(after.headers.get('x-hub-cache')).toBeNull();
    expect(JSON.parse(after.text).data.summary.spotChecks).toBe(1);
  });

  it('keeps no error, no answer to a token, and no answer about the asker’s budget', async () => {
    const wrong = '{ certifiedItems(first: 10) { nodes { noSuchField } } }';
    await post(api.url, wrong);
    const wrongAgain = await post(api.url, wrong);
    expect(wrongAgain.status).toBe(400);
    expect(wrongAgain.headers.get('x-hub-cache')).toBeNull();

    const badArgument = '{ certifiedItems(first: 100000) { nodes { name } } }';
    await post(api.url, badArgument);
    const badAgain = await post(api.url, badArgument);
    expect(JSON.parse(badAgain.text).errors).toBeDefined();
    expect(badAgain.headers.get('x-hub-cache')).toBeNull();

    const mine = 'query Mine { certifiedItems(first: 5) { nodes { name } } }';
    await post(api.url, mine, bureau);
    const mineAgain = await post(api.url, mine, bureau);
    expect(mineAgain.headers.get('x-hub-cache')).toBeNull();
    expect(mineAgain.headers.get('cache-control')).toBe('private, no-store');
    // nor does a token's question find the public's kept answer
    await post(api.url, LIST);
    expect((await post(api.url, LIST, bureau)).headers.get('x-hub-cache')).toBeNull();

    const budget = '{ rateLimit { remaining } }';
    const one = JSON.parse((await post(api.url, budget)).text).data.rateLimit.remaining;
    const two = await post(api.url, budget);
    expect(two.headers.get('x-hub-cache')).toBeNull();
    expect(JSON.parse(two.text).data.rateLimit.remaining).toBe(one - 1);
  });

  it('is keyed by the whole request: variables and operation names make different answers', async () => {
    const q = 'query Page($n: Int!) { certifiedItems(first: $n) { nodes { name } } }';
    const one = await post(api.url, q, {}, { n: 1 });
    const two = await post(api.url, q, {}, { n: 2 });
    expect(two.headers.get('x-hub-cache')).toBeNull();
    expect(JSON.parse(one.text).data.certifiedItems.nodes).toHaveLength(1);
    expect(JSON.parse(two.text).data.certifiedItems.nodes).toHaveLength(2);
    expect((await post(api.url, q, {}, { n: 2 })).headers.get('x-hub-cache')).toBe('hit');
    // the media type the client accepts is part of the question: Apollo answers in it
    const modern = { accept: 'application/graphql-response+json' };
    const first = await post(api.url, q, modern, { n: 2 });
    expect(first.headers.get('x-hub-cache')).toBeNull();
    expect(first.headers.get('content-type')).toMatch(/graphql-response\+json/);
    const again = await post(api.url, q, modern, { n: 2 });
    expect(again.headers.get('x-hub-cache')).toBe('hit');
    expect(again.headers.get('content-type')).toMatch(/graphql-response\+json/);
  });
});
