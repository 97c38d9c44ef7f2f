import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogoAuthorisation, Revocation } from '@hub/db';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { Fixture } from '../support/fixtures.ts';

/** 这个标识还有效吗 (issue 15 §4): logo authorisations through the public API, as of today. */
describe('logo authorisations', () => {
  let db: TestDatabase;
  let api: TestApi;
  const uscc: Record<string, string> = {};
  const savedToday = process.env.HUB_TODAY;
  const TODAY = '2026-06-01';

  beforeAll(async () => {
    process.env.HUB_TODAY = TODAY;
    db = await createTestDatabase();
    const f = new Fixture(db.sql);
    const b = await f.batch('certifications');
    const usccOf = async (id: number) => (await db.sql.query('SELECT uscc FROM enterprise WHERE id = $1', [id])).rows[0].uscc;

    // a certified enterprise: one item revoked on 2025-12-01, the other not
    const wine = await f.enterprise(b, '宜昌楚韵酒业有限公司', { division: '420500', city: '420500' });
    const revokedItem = await f.certifiedItem(b, wine, '楚韵浓香白酒', { seqNo: 1, certificateNo: 'HBJP-2023-0001' });
    const keptItem = await f.certifiedItem(b, wine, '楚韵清香白酒', { seqNo: 2, certificateNo: 'HBJP-2023-0002' });
    // an earlier authorisation that ran out
    const oldItem = await f.certifiedItem(b, wine, '楚韵老窖', { seqNo: 3, certificateNo: 'HBJP-2023-0003' });
    // a 长江质量奖 winner whose only public trace is its self-declaration
    const award = await f.enterprise(b, '武汉长江光电科技有限公司', { division: '420100', city: '420100' });
    // a 长江质量奖 winner with a certified item revoked after its self-declaration
    const cable = await f.enterprise(b, '襄阳汉江电缆股份有限公司', { division: '420600', city: '420600' });
    const cableItem = await f.certifiedItem(b, cable, '交联聚乙烯电缆', { seqNo: 4, certificateNo: 'HBJP-2023-0004' });
    // an enterprise nothing public names
    const hidden = await f.enterprise(b, '某某未公开企业有限公司', { division: '420100' });
    Object.assign(uscc, { wine: await usccOf(wine), award: await usccOf(award), cable: await usccOf(cable), hidden: await usccOf(hidden) });

    const logo = (enterprise: number, certifiedItem: number | null, authorisedOn: string, validUntil: string | null) =>
      f.insert(LogoAuthorisation, {
        enterprise,
        certifiedItem,
        basis: certifiedItem === null ? 'yangtze_award' : 'certified',
        authorisedOn,
        validUntil,
        batch: b,
      });
    await logo(wine, revokedItem, '2024-03-29', '2027-03-11');
    await logo(wine, keptItem, '2024-03-29', '2027-03-11');
    await logo(wine, oldItem, '2021-03-01', '2024-02-29');
    await logo(award, null, '2024-04-15', '2027-04-14');
    await logo(cable, null, '2024-04-15', '2027-04-14');
    await logo(cable, cableItem, '2024-03-29', '2027-03-11');

    const revoke = async (decisionNo: string, decidedOn: string, enterprise: number, item: number) => {
      const id = await f.insert(Revocation, { decisionNo, decidedOn, enterprise, ground: 'unrectified', batch: b });
      await db.sql.query('INSERT INTO revocation_item (revocation_id, certified_item_id) VALUES ($1, $2)', [id, item]);
    };
    await revoke('鄂精品委〔2025〕3号', '2025-12-01', wine, revokedItem);
    await revoke('鄂精品委〔2026〕1号', '2026-02-10', cable, cableItem);
    // a decision after today is not known yet
    await revoke('鄂精品委〔2026〕9号', '2026-09-01', wine, keptItem);
    api = await startTestApi(db.url);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
    if (savedToday === undefined) delete process.env.HUB_TODAY;
    else process.env.HUB_TODAY = savedToday;
  });

  const FIELDS = `basis authorisedOn validUntil validity stoppedOn stoppedBy { decisionNo decidedOn logoStopsOn }
    enterprise { name uscc } certifiedItem { name certificateNo }`;

  it('says a revoked item’s logo stopped on the decision’s date, not “至2027年3月11日”', async () => {
    const { data, errors } = await api.query(
      `{ logoAuthorisations(first: 5, certificateNo: "HBJP-2023-0001") { totalCount nodes { ${FIELDS} } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.logoAuthorisations).toEqual({
      totalCount: 1,
      nodes: [
        {
          basis: 'certified',
          authorisedOn: '2024-03-29',
          validUntil: '2027-03-11',
          validity: 'stopped',
          stoppedOn: '2025-12-01',
          stoppedBy: { decisionNo: '鄂精品委〔2025〕3号', decidedOn: '2025-12-01', logoStopsOn: '2025-12-01' },
          enterprise: { name: '宜昌楚韵酒业有限公司', uscc: uscc.wine },
          certifiedItem: { name: '楚韵浓香白酒', certificateNo: 'HBJP-2023-0001' },
        },
      ],
    });
  });

  it('answers for another day with asOf, and knows no decision dated after it', async () => {
    const { data } = await api.query(`{ logoAuthorisations(first: 5, uscc: "${uscc.wine}") { nodes {
      certifiedItem { certificateNo } before: validity(asOf: "2025-11-30") now: validity stoppedOn later: validity(asOf: "2026-09-01")
      laterStoppedBy: stoppedBy(asOf: "2026-09-01") { decisionNo } } } }`);
    const byNo = Object.fromEntries(data.logoAuthorisations.nodes.map((n: any) => [n.certifiedItem.certificateNo, n]));
    expect(byNo['HBJP-2023-0001']).toMatchObject({ before: 'valid', now: 'stopped', stoppedOn: '2025-12-01', later: 'stopped' });
    // another item of the same enterprise keeps its logo until a decision names it
    expect(byNo['HBJP-2023-0002']).toMatchObject({
      before: 'valid',
      now: 'valid',
      stoppedOn: null,
      later: 'stopped',
      laterStoppedBy: { decisionNo: '鄂精品委〔2026〕9号' },
    });
    expect(byNo['HBJP-2023-0003']).toMatchObject({ now: 'expired', stoppedOn: null });
  });

  it('reaches 长江质量奖 self-declarations, and shows an enterprise whose only public trace is one', async () => {
    const { data } = await api.query(`{ logoAuthorisations(first: 10, basis: yangtze_award) { totalCount nodes { ${FIELDS} } } }`);
    expect(data.logoAuthorisations.totalCount).toBe(2);
    const byName = Object.fromEntries(data.logoAuthorisations.nodes.map((n: any) => [n.enterprise.name, n]));
    expect(byName['武汉长江光电科技有限公司']).toMatchObject({
      basis: 'yangtze_award',
      validity: 'valid',
      certifiedItem: null,
      stoppedBy: null,
      enterprise: { uscc: uscc.award },
    });
    // any revocation against its enterprise stops a self-declaration (docs/decisions.md)
    expect(byName['襄阳汉江电缆股份有限公司']).toMatchObject({
      validity: 'stopped',
      stoppedOn: '2026-02-10',
      stoppedBy: { decisionNo: '鄂精品委〔2026〕1号' },
    });

    const award = await api.query(`{ enterprise(uscc: "${uscc.award}") { name logoAuthorisations { basis validity } } }`);
    expect(award.data.enterprise).toEqual({
      name: '武汉长江光电科技有限公司',
      logoAuthorisations: [{ basis: 'yangtze_award', validity: 'valid' }],
    });
    const listed = await api.query(`{ enterprises(first: 100) { nodes { name } } }`);
    expect(listed.data.enterprises.nodes.map((n: any) => n.name)).toContain('武汉长江光电科技有限公司');
    // the visibility rule still hides what nothing public names
    const hidden = await api.query(`{ enterprise(uscc: "${uscc.hidden}") { name } }`);
    expect(hidden.data.enterprise).toBeNull();
  });

  it('links a certified item to its logo and fetches an authorisation again by its id', async () => {
    const { data } = await api.query(`{ certifiedItem(certificateNo: "HBJP-2023-0004") { logoAuthorisations { id validity stoppedOn } } }`);
    const [logo] = data.certifiedItem.logoAuthorisations;
    expect(logo).toMatchObject({ validity: 'stopped', stoppedOn: '2026-02-10' });
    const again = await api.query(`query ($id: ID!) { node(id: $id) { ... on LogoAuthorisation { basis certifiedItem { name } } } }`, {
      id: logo.id,
    });
    expect(again.data.node).toEqual({ basis: 'certified', certifiedItem: { name: '交联聚乙烯电缆' } });
  });

  it('pages with cursors and refuses a bad basis', async () => {
    const first = await api.query(
      `{ logoAuthorisations(first: 4) { totalCount pageInfo { hasNextPage endCursor } nodes { authorisedOn } } }`,
    );
    expect(first.data.logoAuthorisations.totalCount).toBe(6);
    expect(first.data.logoAuthorisations.pageInfo.hasNextPage).toBe(true);
    const rest = await api.query(`query ($after: String) { logoAuthorisations(first: 4, after: $after) { nodes { authorisedOn } } }`, {
      after: first.data.logoAuthorisations.pageInfo.endCursor,
    });
    const dates = [...first.data.logoAuthorisations.nodes, ...rest.data.logoAuthorisations.nodes].map((n: any) => n.authorisedOn);
    expect(dates).toHaveLength(6);
    expect(dates).toEqual([...dates].sort().reverse());
    const bad = await api.query(`{ logoAuthorisations(basis: self) { totalCount } }`);
    expect(bad.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('runs the same number of statements for 3 and for 6 authorisations with every relation (no N+1)', async () => {
    const measure = async (n: number) => {
      const before = api.statements();
      const answer = await api.query(`{ logoAuthorisations(first: ${n}) { nodes { ${FIELDS} } } }`);
      expect(answer.data.logoAuthorisations.nodes).toHaveLength(n);
      return api.statements() - before;
    };
    const small = await measure(3);
    expect(await measure(6)).toBe(small);
  });
});
