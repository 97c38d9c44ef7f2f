import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina, hashToken, refreshCaseState } from '@hub/api';
import { addDays } from '@hub/db/plain-date';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { Fixture } from '../support/fixtures.ts';

/**
 * The disclosure matrix (003 Art. 15, 26–27) as an anonymous client and a bureau token see it,
 * over real HTTP: a withheld producer must not be reachable by any path.
 */
describe('disclosure through the API', () => {
  let db: TestDatabase;
  let api: TestApi;
  const TOKEN = 'hub_test_token_for_the_bureau';
  const bureau = { authorization: `Bearer ${TOKEN}` };
  const today = todayInChina();
  const recent = addDays(today, -3);
  const WITHHELD = '隐名电器有限公司';
  const AUTHENTICITY = '冒名玩具有限公司';
  const REFUSED = '拒检电缆有限公司';
  const REPEAT = '屡犯车业有限公司';
  const PENDING = '待定灯具有限公司';
  const PASSER = '合格食品有限公司';
  let withheldUscc = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    const f = new Fixture(db.sql);
    const b = await f.batch();
    const withheld = await f.enterprise(b, WITHHELD);
    withheldUscc = (await db.sql.query('SELECT uscc FROM enterprise WHERE id = $1', [withheld])).rows[0].uscc;
    const authenticity = await f.enterprise(b, AUTHENTICITY);
    const refused = await f.enterprise(b, REFUSED);
    const repeat = await f.enterprise(b, REPEAT);
    const pending = await f.enterprise(b, PENDING);
    const passer = await f.enterprise(b, PASSER);

    const a = await f.spotCheck(b, withheld, {
      reportNo: 'T-A',
      reportDate: '2025-03-10',
      conclusion: 'fail',
      productName: '电热水壶',
      productCategory: '电热水壶',
      trademark: '壶王',
      items: [{ item: '发热', requirement: '≤ 75 K', measured: '92 K' }],
    });
    await f.event(b, a, 'delivered', '2025-03-12');
    await f.event(b, a, 'transferred', '2025-04-01', null, `移交${WITHHELD}属地`);

    const c = await f.spotCheck(b, authenticity, {
      reportNo: 'T-C',
      reportDate: '2025-05-06',
      conclusion: 'fail',
      productName: '塑胶玩具',
      productCategory: '儿童玩具',
    });
    await f.event(b, c, 'delivered', '2025-05-08');
    await f.event(b, c, 'objection_filed', '2025-05-12', 'sample_authenticity');
    await f.event(b, c, 'objection_decided', '2025-05-30', 'authenticity_upheld');
    await f.event(b, c, 'disclosure_situation', '2025-06-20', 'bureau_decision');

    const r = await f.spotCheck(b, refused, {
      reportNo: 'T-B',
      reportDate: '2025-06-03',
      conclusion: 'fail',
      productName: '电线',
      productCategory: '电线电缆',
    });
    await f.event(b, r, 'delivered', '2025-06-05');
    await f.event(b, r, 'disclosure_situation', '2025-07-15', 'refused_check');

    for (const [no, date] of [
      ['T-G1', '2025-02-10'],
      ['T-G2', '2025-09-10'],
    ] as const) {
      const g = await f.spotCheck(b, repeat, {
        reportNo: no,
        reportDate: date,
        sampledOn: addDays(date, -20),
        conclusion: 'fail',
        productName: '电动自行车',
        productCategory: '电动自行车',
      });
      await f.event(b, g, 'delivered', addDays(date, 2));
    }
    // published as final in January, withdrawn in March on a decision the bureau recorded anyway
    const w = await f.spotCheck(b, refused, {
      reportNo: 'T-W',
      reportDate: '2025-01-06',
      conclusion: 'fail',
      productName: '插头',
      productCategory: '插头插座',
    });
    await f.event(b, w, 'delivered', '2025-01-08');
    await f.event(b, w, 'objection_filed', '2025-02-10', 'sampling');
    await f.event(b, w, 'objection_decided', '2025-03-01', 'withdrawn');
    await f.spotCheck(b, pending, {
      reportNo: 'T-D',
      reportDate: recent,
      conclusion: 'fail',
      productName: 'LED灯具',
      productCategory: 'LED灯具',
    });
    await f.spotCheck(b, passer, {
      reportNo: 'T-F',
      reportDate: '2025-08-01',
      conclusion: 'pass',
      productName: '挂面',
      productCategory: '挂面',
    });

    await db.sql.query(
      `INSERT INTO cultivation_entry (year, enterprise_id, item_name, contact_name, contact_phone, batch_id)
      VALUES (2023, $1, '某产品', '张伟', '13800001111', $2)`,
      [passer, b],
    );
    await db.sql.query(`INSERT INTO api_token (name, token_hash) VALUES ('测试', $1)`, [hashToken(TOKEN)]);
    await refreshCaseState(db.sql);
    api = await startTestApi(db.url);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const LIST = `{ spotChecks(first: 100) { totalCount nodes { id reportNo producerName producerAddress sampledUnitName
      producer { name uscc } sampledUnit { name } certifiedItem { name }
      disclosure { published identityPublic identityBasis } } } }`;

  it('lists final failures only: not one inside the objection window, not a pass', async () => {
    const { data } = await api.query(LIST);
    const numbers = data.spotChecks.nodes.map((n: any) => n.reportNo).sort();
    expect(numbers).toEqual(['T-A', 'T-B', 'T-C', 'T-G1', 'T-G2']);
    expect(data.spotChecks.totalCount).toBe(5);
  });

  it('publishes the producer only with an Art. 27(4) situation, and never after an upheld authenticity objection', async () => {
    const { data } = await api.query(LIST);
    const by = Object.fromEntries(data.spotChecks.nodes.map((n: any) => [n.reportNo, n]));
    expect(by['T-A']).toMatchObject({
      producerName: null,
      producer: null,
      sampledUnitName: null,
      sampledUnit: null,
      disclosure: { published: true, identityPublic: false, identityBasis: 'no_situation' },
    });
    expect(by['T-B']).toMatchObject({
      producerName: REFUSED,
      producer: { name: REFUSED },
      disclosure: { identityPublic: true, identityBasis: 'refused_check' },
    });
    expect(by['T-C']).toMatchObject({
      producerName: null,
      producer: null,
      disclosure: { identityPublic: false, identityBasis: 'withheld_sample_authenticity' },
    });
    expect(by['T-G2']).toMatchObject({ producerName: REPEAT, disclosure: { identityPublic: true, identityBasis: 'consecutive_failures' } });
  });

  it('keeps a withheld producer out of every other path: node, report number, enterprises, search, filters, notes', async () => {
    const { data: list } = await api.query(LIST);
    const a = list.spotChecks.nodes.find((n: any) => n.reportNo === 'T-A');
    const paths = await Promise.all([
      api.query(`query($id: ID!) { node(id: $id) { ... on SpotCheck { producerName producer { name } events { note } } } }`, { id: a.id }),
      api.query(`{ spotCheck(reportNo: "T-A") { producerName sampledUnitName producer { name } events { kind note } } }`),
      api.query(`{ enterprises(first: 100) { nodes { name uscc } } }`),
      api.query(`query($u: String!) { enterprise(uscc: $u) { name } }`, { u: withheldUscc }),
      api.query(`{ enterprises(first: 100, filter: { text: "隐名" }) { totalCount nodes { name } } }`),
      api.query(`{ spotChecks(first: 100, filter: { text: "隐名" }) { totalCount nodes { reportNo } } }`),
      api.query(`query($u: String!) { spotChecks(first: 100, filter: { producerUscc: $u }) { totalCount } }`, { u: withheldUscc }),
      api.query(`{ spotCheckStats(by: productCategory) { key checked failed } }`),
      api.query(`{ consumerWarnings(first: 10) { nodes { spotChecks { producerName } } } }`),
    ]);
    const text = JSON.stringify(paths);
    expect(text).not.toContain(WITHHELD);
    expect(text).not.toContain(AUTHENTICITY);
    expect(text).not.toContain(withheldUscc);
    expect(paths[5].data.spotChecks.totalCount).toBe(0);
    expect(paths[6].data.spotChecks.totalCount).toBe(0);
    expect(paths[1].data.spotCheck.events.map((e: any) => e.note)).toEqual([null, null]);
  });

  it('publishes the correction of a withdrawn failure instead of deleting it silently', async () => {
    const { data } = await api.query(
      `{ publicCorrections(first: 10) { nodes { since status spotCheck { reportNo productName producerName disclosure { published correction } } } } }`,
    );
    expect(data.publicCorrections.nodes).toEqual([
      {
        since: '2025-03-01',
        status: 'withdrawn',
        spotCheck: { reportNo: 'T-W', productName: '插头', producerName: null, disclosure: { published: false, correction: true } },
      },
    ]);
    expect((await api.query(`{ spotCheck(reportNo: "T-W") { reportNo } }`)).data.spotCheck).toEqual({ reportNo: 'T-W' });
    const asOfJanuary = await api.query(`{ spotCheck(reportNo: "T-W") { status(asOf: "2025-02-01") { status } } }`);
    expect(asOfJanuary.data.spotCheck.status.status).toBe('final');
  });

  it('hides a result still inside its objection window from anonymous clients, not from the bureau', async () => {
    expect((await api.query(`{ spotCheck(reportNo: "T-D") { reportNo } }`)).data.spotCheck).toBeNull();
    const { data } = await api.query(
      `{ spotCheck(reportNo: "T-D") { reportNo producerName status { status } disclosure { published } } }`,
      undefined,
      bureau,
    );
    expect(data.spotCheck).toMatchObject({ reportNo: 'T-D', producerName: PENDING, disclosure: { published: false } });
    expect(['awaiting_delivery', 'objection_window']).toContain(data.spotCheck.status.status);
  });

  it('shows the bureau every result and every producer', async () => {
    const { data } = await api.query(LIST, undefined, bureau);
    expect(data.spotChecks.totalCount).toBe(8);
    const a = data.spotChecks.nodes.find((n: any) => n.reportNo === 'T-A');
    expect(a.producerName).toBe(WITHHELD);
    expect(a.producer).toEqual({ name: WITHHELD, uscc: withheldUscc });
    expect(data.spotChecks.nodes.every((n: any) => n.producer?.name === n.producerName)).toBe(true);
  });

  it('counts passes and final failures in the statistics, but not a result still open', async () => {
    const { data } = await api.query(`{ spotCheckStats(by: year) { key checked failed failureRate } }`);
    expect(data.spotCheckStats).toEqual([{ key: '2025', checked: 6, failed: 5, failureRate: 5 / 6 }]);
    // (the withdrawn result no longer counts: its conclusion is gone, 003 Art. 13–14)
  });

  it('returns personal data only to a bureau token', async () => {
    const anonymous = await api.query(`{ cultivationEntries(first: 5) { nodes { itemName contactName contactPhone } } }`);
    expect(anonymous.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(JSON.stringify(anonymous)).not.toContain('13800001111');
    const withToken = await api.query(`{ cultivationEntries(first: 5) { nodes { contactName contactPhone } } }`, undefined, bureau);
    expect(withToken.data.cultivationEntries.nodes).toEqual([{ contactName: '张伟', contactPhone: '13800001111' }]);
  });

  it('refuses an unknown token instead of answering as anonymous', async () => {
    const answer = await api.query('{ health }', undefined, { authorization: 'Bearer wrong' });
    expect(answer.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
