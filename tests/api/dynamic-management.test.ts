import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, refreshCaseState } from '@hub/api';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { Fixture } from '../support/fixtures.ts';

/** Dynamic management of certified items (seed 000) through the API, on 2025 records. */
describe('dynamic management', () => {
  let db: TestDatabase;
  let api: TestApi;
  let usccB = '';
  const TOKEN = 'hub_dm_token';
  const bureau = { authorization: `Bearer ${TOKEN}` };

  beforeAll(async () => {
    db = await createTestDatabase();
    const f = new Fixture(db.sql);
    const b = await f.batch('certifications');
    const a = await f.enterprise(b, '宜昌楚韵酒业有限公司', { division: '420500', city: '420500' });
    const bEnt = await f.enterprise(b, '襄阳汉江电缆股份有限公司', { division: '420600', city: '420600' });
    usccB = (await db.sql.query('SELECT uscc FROM enterprise WHERE id = $1', [bEnt])).rows[0].uscc;
    const item1 = await f.certifiedItem(b, a, '楚韵浓香白酒', { seqNo: 1, certificateNo: 'HBJP-2023-0001' });
    const item2 = await f.certifiedItem(b, a, '楚韵清香白酒', { seqNo: 2 });
    await f.certifiedItem(b, a, '酒厂参观服务', { seqNo: 3, kind: 'service' });
    const item4 = await f.certifiedItem(b, bEnt, '交联聚乙烯电缆', { seqNo: 4 });

    await f.spotCheck(b, a, {
      reportNo: 'DM-1',
      reportDate: '2025-05-10',
      sampledOn: '2025-05-01',
      conclusion: 'pass',
      checkType: 'city',
      certifiedItem: item1,
    });
    for (const [no, sampled, report] of [
      ['DM-2', '2025-06-01', '2025-06-20'],
      ['DM-3', '2025-09-01', '2025-09-20'],
    ]) {
      const sc = await f.spotCheck(b, a, {
        reportNo: no,
        reportDate: report,
        sampledOn: sampled,
        conclusion: 'fail',
        certifiedItem: item1,
        productName: '楚韵浓香白酒',
      });
      await f.event(b, sc, 'delivered', report);
    }
    await db.sql.query(
      `INSERT INTO rectification_notice (notice_no, enterprise_id, certified_item_id, problem, issued_on, due_on, batch_id)
      VALUES ('鄂精品整〔2025〕1号', $1, $2, '标签标识不规范', '2025-02-01', '2025-04-01', $3)`,
      [a, item2, b],
    );
    await db.sql.query(`INSERT INTO self_report (enterprise_id, year, submitted_on, batch_id) VALUES ($1, 2025, '2025-10-20', $2)`, [a, b]);
    const { rows } = await db.sql.query(
      `INSERT INTO revocation (decision_no, decided_on, enterprise_id, ground, batch_id)
      VALUES ('鄂精品委〔2025〕3号', '2025-12-01', $1, 'unrectified', $2) RETURNING id`,
      [bEnt, b],
    );
    await db.sql.query('INSERT INTO revocation_item (revocation_id, certified_item_id) VALUES ($1, $2)', [rows[0].id, item4]);
    await db.sql.query(`INSERT INTO api_token (name, token_hash) VALUES ('dm', $1)`, [hashToken(TOKEN)]);
    await refreshCaseState(db.sql, undefined, '2026-01-15');
    api = await startTestApi(db.url);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('shows yearly coverage of certified products (000 Art. 13): services are not counted', async () => {
    const { data } = await api.query(`{ coverage(year: 2025) { year productsInForce covered gaps { certifiedItem { name } partYear } } }`);
    expect(data.coverage).toEqual({
      year: 2025,
      productsInForce: 3,
      covered: 1,
      gaps: [
        { certifiedItem: { name: '楚韵清香白酒' }, partYear: false },
        { certifiedItem: { name: '交联聚乙烯电缆' }, partYear: true },
      ],
    });
  });

  it('tells who has not sent the self-report due on 31 October (000 Art. 9–10)', async () => {
    const { data } = await api.query(`{ selfReports(year: 2025, asOf: "2025-11-15") { enterprise { name } dueOn submittedOn status } }`);
    expect(data.selfReports).toEqual(
      expect.arrayContaining([
        { enterprise: { name: '宜昌楚韵酒业有限公司' }, dueOn: '2025-10-31', submittedOn: '2025-10-20', status: 'submitted_on_time' },
        { enterprise: { name: '襄阳汉江电缆股份有限公司' }, dueOn: '2025-10-31', submittedOn: null, status: 'overdue' },
      ]),
    );
  });

  it('flags revocation candidates with their evidence, for the bureau only (000 Art. 16(2), (3))', async () => {
    const anonymous = await api.query(`{ revocationCandidates { ground } }`);
    expect(anonymous.errors[0].extensions.code).toBe('FORBIDDEN');
    const { data } = await api.query(
      `{ revocationCandidates(asOf: "2025-12-31") { certifiedItem { name } ground article evidenceReportNos evidenceNoticeNo } }`,
      undefined,
      bureau,
    );
    expect(data.revocationCandidates).toEqual(
      expect.arrayContaining([
        {
          certifiedItem: { name: '楚韵浓香白酒' },
          ground: 'consecutive_failures',
          article: '000 Art. 16(2)',
          evidenceReportNos: ['DM-2', 'DM-3'],
          evidenceNoticeNo: null,
        },
        {
          certifiedItem: { name: '楚韵清香白酒' },
          ground: 'unrectified',
          article: '000 Art. 16(3)',
          evidenceReportNos: [],
          evidenceNoticeNo: '鄂精品整〔2025〕1号',
        },
      ]),
    );
  });

  it('gives each certified item its status as of a date', async () => {
    const status = async (asOf: string) =>
      Object.fromEntries(
        (await api.query(`{ certifiedItems(first: 10) { nodes { name status(asOf: "${asOf}") } } }`)).data.certifiedItems.nodes.map(
          (n: any) => [n.name, n.status],
        ),
      );
    expect(await status('2025-01-15')).toMatchObject({ 楚韵清香白酒: 'in_force', 交联聚乙烯电缆: 'in_force' });
    expect(await status('2025-03-01')).toMatchObject({ 楚韵清香白酒: 'under_rectification' });
    expect(await status('2025-12-02')).toMatchObject({ 交联聚乙烯电缆: 'revoked', 楚韵浓香白酒: 'in_force' });
    const revoked = await api.query(`{ certifiedItems(first: 10, filter: { status: revoked, asOf: "2025-12-02" }) { totalCount } }`);
    expect(revoked.data.certifiedItems.totalCount).toBe(1);
  });

  it('gives the ban end of a revocation (3 years, 000 Art. 16) and the eligibility it causes', async () => {
    const { data } = await api.query(
      `{ revocations(first: 5) { nodes { decisionNo groundLabel logoStopsOn reapplicationBarredUntil reapplicationFrom items { name } } } }`,
    );
    expect(data.revocations.nodes).toEqual([
      {
        decisionNo: '鄂精品委〔2025〕3号',
        groundLabel: '第十六条第三项',
        logoStopsOn: '2025-12-01',
        reapplicationBarredUntil: '2028-12-01',
        reapplicationFrom: '2028-12-02',
        items: [{ name: '交联聚乙烯电缆' }],
      },
    ]);
    const eligibility = await api.query(
      `query($u: String!) { eligibility(uscc: $u, asOf: "2026-01-01") { eligibleOnRecords exclusions { rule lapsesOn } } }`,
      { u: usccB },
      bureau,
    );
    expect(eligibility.data.eligibility).toEqual({
      eligibleOnRecords: false,
      exclusions: [{ rule: 'revoked_within_3_years', lapsesOn: '2028-12-02' }],
    });
  });

  it('lists rectification notices with their overdue state', async () => {
    const { data } = await api.query(
      `{ rectificationNotices(first: 5) { nodes { noticeNo dueOn overdue(asOf: "2025-05-01") certifiedItem { name } } } }`,
    );
    expect(data.rectificationNotices.nodes).toEqual([
      { noticeNo: '鄂精品整〔2025〕1号', dueOn: '2025-04-01', overdue: true, certifiedItem: { name: '楚韵清香白酒' } },
    ]);
  });
});
