import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, refreshCaseState, todayInChina } from '@hub/api';
import { addDays } from '@hub/db/plain-date';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { Fixture } from '../support/fixtures.ts';

/**
 * The aggregate policy (docs/API.md) probed as an outsider would: a public statistic counts only
 * what the public may count, and tells no more about one result than that result's page does.
 * Each of these answered with withheld facts before the gate held (issue 12).
 */
describe('public aggregates', () => {
  let db: TestDatabase;
  let api: TestApi;
  const TOKEN = 'hub_aggregates_token';
  const bureau = { authorization: `Bearer ${TOKEN}` };
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  const recent = addDays(today, -3);
  let batch = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    const f = new Fixture(db.sql);
    const registry = await f.batch('certifications', '认定名单');
    const certified = await f.enterprise(registry, '认定白酒有限公司');
    const pendingItem = await f.certifiedItem(registry, certified, '待定清香白酒', { industry: '1512', certifiedOn: '2024-03-15' });
    const withheldItem = await f.certifiedItem(registry, certified, '隐名酱香白酒', { industry: '1512', certifiedOn: '2024-03-15' });

    batch = await f.batch('spot_checks', `${year}年抽查`);
    const followUps = await f.batch('follow_ups', '后处理进展');
    const quiet = await f.enterprise(batch, '只有待定结果的电器厂');
    // a failure of a certified product still in its objection window (003 Art. 7): not public yet
    const pending = await f.spotCheck(batch, certified, {
      reportNo: 'AG-PENDING',
      reportDate: recent,
      sampledOn: recent,
      conclusion: 'fail',
      productCategory: '白酒',
      certifiedItem: pendingItem,
    });
    await f.event(followUps, pending, 'delivered', recent);
    // a final failure whose producer may not be named (no Art. 27(4) situation): listed, anonymous
    const withheld = await f.spotCheck(batch, certified, {
      reportNo: 'AG-WITHHELD',
      reportDate: `${year - 1}-03-10`,
      conclusion: 'fail',
      productCategory: '白酒',
      certifiedItem: withheldItem,
    });
    await f.event(followUps, withheld, 'delivered', `${year - 1}-03-12`);
    // a pass: counted, never listed
    await f.spotCheck(batch, quiet, {
      reportNo: 'AG-PASS',
      reportDate: `${year - 1}-05-01`,
      conclusion: 'pass',
      productCategory: '电热水壶',
    });
    // an enterprise whose only result is still pending
    await f.spotCheck(batch, quiet, { reportNo: 'AG-QUIET', reportDate: recent, conclusion: 'fail', productCategory: '电热水壶' });
    await db.sql.query('UPDATE batch SET row_count = 4 WHERE id = $1', [batch]);
    await db.sql.query('UPDATE batch SET row_count = 2 WHERE id = $1', [followUps]);
    await db.sql.query(`INSERT INTO api_token (name, token_hash) VALUES ('聚合', $1)`, [hashToken(TOKEN)]);
    await refreshCaseState(db.sql);
    api = await startTestApi(db.url);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('keeps a certified product on the "not checked" list while its only result is not public (coverage)', async () => {
    const query = `{ coverage(year: ${year}) { productsInForce covered gaps { certifiedItem { name } } } }`;
    const anonymous = await api.query(query);
    expect(anonymous.data.coverage.gaps.map((g: any) => g.certifiedItem.name)).toContain('待定清香白酒');
    expect(anonymous.data.coverage.covered).toBe(0);
    // the bureau sees the work done
    const staff = await api.query(query, {}, bureau);
    expect(staff.data.coverage.covered).toBe(1);
  });

  it('counts in summary only what the lists show', async () => {
    const { data } = await api.query(`{
      summary { spotChecks failedSpotChecks enterprises }
      spotChecks(filter: { conclusion: fail }) { totalCount }
      enterprises { totalCount }
      spotCheckStats(by: year) { checked }
    }`);
    expect(data.summary.failedSpotChecks).toBe(data.spotChecks.totalCount);
    expect(data.summary.failedSpotChecks).toBe(1);
    expect(data.summary.enterprises).toBe(data.enterprises.totalCount);
    // the results the statistics count: the final failure and the pass
    expect(data.summary.spotChecks).toBe(data.spotCheckStats.reduce((n: number, s: any) => n + s.checked, 0));
    expect(data.summary.spotChecks).toBe(2);
    const staff = await api.query('{ summary { spotChecks failedSpotChecks } }', {}, bureau);
    expect(staff.data.summary).toEqual({ spotChecks: 4, failedSpotChecks: 3 });
  });

  it("counts in a batch's rowCount only the rows it published for the public", async () => {
    const query = '{ batches { nodes { title rowCount summary } } }';
    const rows = async (headers?: Record<string, string>) =>
      Object.fromEntries((await api.query(query, {}, headers)).data.batches.nodes.map((b: any) => [b.title, b]));
    const anonymous = await rows();
    // the final failure and the pass; not the two failures in their objection window
    expect(anonymous[`${year}年抽查`].rowCount).toBe(2);
    expect(anonymous[`${year}年抽查`].summary).toBeNull();
    // the delivery of the final failure; not the delivery of the pending one
    expect(anonymous.后处理进展.rowCount).toBe(1);
    const staff = await rows(bureau);
    expect(staff[`${year}年抽查`].rowCount).toBe(4);
    expect(staff.后处理进展.rowCount).toBe(2);
  });

  it('refuses statistics narrowed to one report number, and never names a withheld result’s industry', async () => {
    for (const reportNo of ['AG-WITHHELD', 'AG-PASS']) {
      const one = await api.query('query ($r: String) { spotCheckStats(by: industry, filter: { reportNo: $r }) { key checked } }', {
        r: reportNo,
      });
      expect(one.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(one.data).toBeNull();
    }
    const text = await api.query('{ spotCheckStats(by: city, filter: { text: "白酒" }) { key checked } }');
    expect(text.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // the withheld failure is counted, but not under its certified item's industry
    const { data } = await api.query(
      '{ spotCheckStats(by: industry) { key checked failed } spotCheck(reportNo: "AG-WITHHELD") { certifiedItem { name } } }',
    );
    expect(data.spotCheck.certifiedItem).toBeNull();
    expect(data.spotCheckStats.find((s: any) => s.key === '1512')).toBeUndefined();
    expect(data.spotCheckStats.reduce((n: number, s: any) => n + s.failed, 0)).toBe(1);
    // the bureau may narrow as it likes
    const staff = await api.query('{ spotCheckStats(by: industry, filter: { reportNo: "AG-WITHHELD" }) { key checked } }', {}, bureau);
    expect(staff.data.spotCheckStats).toEqual([{ key: '1512', checked: 1 }]);
  });

  it("counts a producer's statistic only from what its page lists (a pass is never listed one by one; a guard, this held before)", async () => {
    const { rows } = await db.sql.query(`SELECT uscc FROM enterprise WHERE name = '只有待定结果的电器厂'`);
    const { data } = await api.query('query ($u: String) { spotCheckStats(by: year, filter: { producerUscc: $u }) { checked } }', {
      u: rows[0].uscc,
    });
    expect(data.spotCheckStats).toEqual([]);
  });
});
