import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, refreshCaseState } from '@hub/api';
import { HUBEI_CITIES } from '@hub/db';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { Fixture } from '../support/fixtures.ts';

const CATEGORIES = ['电动自行车', '儿童玩具', '电线电缆', '白酒', 'LED灯具'];
const PRODUCTS = ['智能电热水壶', '儿童滑板车', '铝芯电力电缆', '浓香型白酒', 'LED吸顶灯', '电动自行车', '塑胶积木', '酱香型白酒'];
const TOTAL = 250;
const TOKEN = 'hub_queries_token';
const bureau = { authorization: `Bearer ${TOKEN}` };

/** Query families over real HTTP and a real database, checked against SQL counted independently. */
describe('API query families', () => {
  let db: TestDatabase;
  let api: TestApi;
  let firstPublishedAt: Date;

  beforeAll(async () => {
    db = await createTestDatabase();
    const f = new Fixture(db.sql);
    const b = await f.batch('spot_checks', '2025年省级监督抽查');
    const producers: number[] = [];
    for (let i = 0; i < 40; i++) {
      const city = HUBEI_CITIES[i % HUBEI_CITIES.length];
      producers.push(await f.enterprise(b, `${city.shortName}测试${i}号制造有限公司`, { division: city.code, city: city.code }));
    }
    for (let i = 0; i < TOTAL; i++) {
      const producer = producers[i % producers.length];
      const city = HUBEI_CITIES[(i % producers.length) % HUBEI_CITIES.length].code;
      const day = String((i % 28) + 1).padStart(2, '0');
      const month = String((i % 12) + 1).padStart(2, '0');
      const reportDate = `2025-${month}-${day}`;
      const fail = i % 5 === 0;
      const id = await f.spotCheck(b, producer, {
        reportNo: `Q-${String(i).padStart(4, '0')}`,
        reportDate,
        conclusion: fail ? 'fail' : 'pass',
        city,
        productCategory: CATEGORIES[i % CATEGORIES.length],
        productName: PRODUCTS[i % PRODUCTS.length],
        checkType: i % 7 === 0 ? 'national' : 'provincial',
        trademark: `品牌${i % 9}`,
        items: fail
          ? [
              { item: '标志和说明', requirement: '应符合', measured: '不符合' },
              { item: '结构', requirement: '应符合', measured: '不符合' },
            ]
          : [],
      });
      if (fail) {
        await f.event(b, id, 'delivered', reportDate);
        if (i % 2 === 0) await f.event(b, id, 'disclosure_situation', reportDate, 'bureau_decision');
      }
    }
    // one case followed step by step (003 Art. 5–25)
    const tracked = await f.spotCheck(b, producers[0], {
      reportNo: 'TRACK-1',
      reportDate: '2025-03-03',
      conclusion: 'fail',
      city: '420100',
      productCategory: '电动自行车',
    });
    for (const [kind, date, outcome] of [
      ['delivered', '2025-03-05', null],
      ['objection_filed', '2025-03-10', 'conclusion'],
      ['objection_decided', '2025-03-25', 'rejected'],
      ['transferred', '2025-04-10', null],
      ['correction_ordered', '2025-04-15', null],
      ['recheck_applied', '2025-05-20', null],
      ['recheck_result', '2025-06-01', 'pass'],
    ] as const)
      await f.event(b, tracked, kind, date, outcome);
    await db.sql.query(`UPDATE batch SET published_at = '2025-12-31T08:00:00Z' WHERE id = $1`, [b]);
    firstPublishedAt = new Date('2025-12-31T08:00:00Z');

    // a second batch corrects one record and adds one
    const b2 = await f.batch('spot_checks', '更正批次');
    await db.sql.query('BEGIN');
    await db.sql.query(`SELECT set_config('hub.batch_id', $1, true), set_config('hub.change_reason', '商标更正', true)`, [String(b2)]);
    await db.sql.query(`UPDATE spot_check SET trademark = '更正品牌' WHERE report_no = 'Q-0005'`);
    await db.sql.query('COMMIT');
    await f.spotCheck(b2, producers[1], { reportNo: 'Q-NEW', reportDate: '2026-01-05', conclusion: 'pass' });
    await db.sql.query(`UPDATE batch SET published_at = '2026-01-10T08:00:00Z' WHERE id = $1`, [b2]);

    await db.sql.query(`INSERT INTO api_token (name, token_hash) VALUES ('q', $1)`, [hashToken(TOKEN)]);
    await refreshCaseState(db.sql, undefined, '2026-11-01');
    api = await startTestApi(db.url);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const count = async (sql: string, params: unknown[] = []) => (await db.sql.query(sql, params)).rows[0].n as number;

  describe('paging', () => {
    it('pages to the end of a long list with opaque cursors, nothing skipped or repeated', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const { data }: { data?: any } = await api.query(
          `query($after: String) { spotChecks(first: 37, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { reportNo reportDate } } }`,
          { after },
          bureau,
        );
        pages++;
        seen.push(...data.spotChecks.nodes.map((n: any) => n.reportNo));
        expect(data.spotChecks.totalCount).toBe(TOTAL + 2);
        if (!data.spotChecks.pageInfo.hasNextPage) break;
        after = data.spotChecks.pageInfo.endCursor;
      }
      expect(pages).toBe(Math.ceil((TOTAL + 2) / 37));
      expect(new Set(seen).size).toBe(TOTAL + 2);
    });

    it('pages backwards with last/before', async () => {
      const { data: forward } = await api.query(`{ spotChecks(first: 10) { edges { cursor node { reportNo } } } }`, undefined, bureau);
      const tenth = forward.spotChecks.edges[9].cursor;
      const { data: back } = await api.query(
        `query($b: String) { spotChecks(last: 4, before: $b) { pageInfo { hasPreviousPage } nodes { reportNo } } }`,
        { b: tenth },
        bureau,
      );
      expect(back.spotChecks.nodes.map((n: any) => n.reportNo)).toEqual(
        forward.spotChecks.edges.slice(5, 9).map((e: any) => e.node.reportNo),
      );
      expect(back.spotChecks.pageInfo.hasPreviousPage).toBe(true);
    });

    it.each([
      ['first: 101', 'spotChecks(first: 101)', /between 1 and 100/],
      ['first: 0', 'spotChecks(first: 0)', /between 1 and 100/],
      ['first and last', 'spotChecks(first: 5, last: 5)', /either first or last/],
      ['a forged cursor', 'spotChecks(after: "bm90LWEtY3Vyc29y")', /not a cursor/],
      ['an unknown city', 'spotChecks(filter: { city: "广州" })', /not a city of Hubei/],
    ])('refuses %s with a user error that says what to fix', async (_name, field, message) => {
      const answer = await api.query(`{ ${field} { totalCount } }`);
      expect(answer.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(answer.errors[0].message).toMatch(message);
    });

    it('refuses a malformed date as a user error', async () => {
      const answer = await api.query(`{ spotChecks(filter: { reportDateFrom: "2025-13-45" }) { totalCount } }`);
      expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(answer.errors[0].extensions.code);
    });
  });

  describe('filters', () => {
    it.each([
      ['city', `{ city: "武汉" }`, `city_code = '420100'`],
      ['city by code', `{ city: "422800" }`, `city_code = '422800'`],
      ['category', `{ productCategory: "白酒" }`, `product_category = '白酒'`],
      ['check type', `{ checkTypes: [national] }`, `check_type = 'national'`],
      ['conclusion', `{ conclusion: fail }`, `conclusion = 'fail'`],
      ['date range', `{ reportDateFrom: "2025-03-01", reportDateTo: "2025-05-31" }`, `report_date BETWEEN '2025-03-01' AND '2025-05-31'`],
      ['report number', `{ reportNo: "Q-0007" }`, `report_no = 'Q-0007'`],
      ['text', `{ text: "白酒" }`, `(product_name LIKE '%白酒%' OR product_category LIKE '%白酒%')`],
    ])('by %s matches SQL', async (_name, filter, condition) => {
      const { data } = await api.query(`{ spotChecks(first: 1, filter: ${filter}) { totalCount } }`, undefined, bureau);
      expect(data.spotChecks.totalCount).toBe(await count(`SELECT count(*)::int AS n FROM spot_check WHERE ${condition}`));
    });

    it('by case status as of a date', async () => {
      const at = async (asOf: string, status: string) =>
        (
          await api.query(
            `{ spotChecks(first: 5, filter: { status: "${status}", asOf: "${asOf}", productCategory: "电动自行车", city: "武汉" }) { nodes { reportNo } } }`,
            undefined,
            bureau,
          )
        ).data.spotChecks.nodes.map((n: any) => n.reportNo);
      expect(await at('2025-03-15', 'under_objection')).toContain('TRACK-1');
      expect(await at('2025-05-25', 'recheck_pending')).toContain('TRACK-1');
      expect(await at('2025-05-25', 'under_objection')).not.toContain('TRACK-1');
    });
  });

  it('tells the status of a case on any date (003 Art. 5–25)', async () => {
    const statusOn = async (asOf: string) =>
      (
        await api.query(
          `query($d: LocalDate) { spotCheck(reportNo: "TRACK-1") { status(asOf: $d) { status since effectiveConclusion } } }`,
          { d: asOf },
          bureau,
        )
      ).data.spotCheck.status;
    expect((await statusOn('2025-03-04')).status).toBe('awaiting_delivery');
    expect((await statusOn('2025-03-07')).status).toBe('objection_window');
    expect((await statusOn('2025-03-15')).status).toBe('under_objection');
    expect((await statusOn('2025-04-12')).status).toBe('transferred');
    expect((await statusOn('2025-04-20')).status).toBe('rectification_due');
    expect((await statusOn('2025-05-25')).status).toBe('recheck_pending');
    expect(await statusOn('2025-06-05')).toEqual({ status: 'closed_recheck_passed', since: '2025-06-01', effectiveConclusion: 'fail' });
  });

  it('lists the deadlines of a case with the article each follows', async () => {
    const { data } = await api.query(
      `{ spotCheck(reportNo: "TRACK-1") { deadlines(asOf: "2025-06-05") { step article dueOn metOn overdue } } }`,
      undefined,
      bureau,
    );
    const objection = data.spotCheck.deadlines.find((d: any) => d.step === 'objection');
    // received 5 March 2025: 15 days end on Thursday 20 March (start day not counted, Art. 34)
    expect(objection).toMatchObject({ article: '003 Art. 7', dueOn: '2025-03-20', overdue: false });
    const rectification = data.spotCheck.deadlines.find((d: any) => d.step === 'rectification');
    expect(rectification).toMatchObject({ dueOn: '2025-06-16', metOn: '2025-05-20', overdue: false });
  });

  describe('aggregates', () => {
    it.each([
      ['city', 'city_code'],
      ['productCategory', 'product_category'],
      ['checkType', 'check_type'],
      ['month', `to_char(report_date, 'YYYY-MM')`],
    ])('by %s equal SQL counts, with their denominators', async (by, column) => {
      const { data } = await api.query(`{ spotCheckStats(by: ${by}) { key checked failed failureRate } }`);
      // every fixture result is final by 2026: all count; TRACK-1 passed its re-check but its conclusion stays 不合格
      const { rows } = await db.sql.query(
        `SELECT ${column} AS key, count(*)::int AS checked, count(*) FILTER (WHERE conclusion = 'fail')::int AS failed
         FROM spot_check GROUP BY 1 ORDER BY 1`,
      );
      expect(data.spotCheckStats.map((s: any) => ({ key: s.key, checked: s.checked, failed: s.failed }))).toEqual(rows);
      for (const s of data.spotCheckStats) expect(s.failureRate).toBeCloseTo(s.failed / s.checked);
    });
  });

  it('changes(since:) reports what later batches added and corrected, and only what the viewer may see', async () => {
    const ask = (headers?: Record<string, string>) =>
      api.query(
        `query($since: DateTimeISO!) { changes(since: $since, first: 100) { totalCount nodes { recordType change version reason batch { title } } } }`,
        { since: new Date(firstPublishedAt.getTime() + 1000).toISOString() },
        headers,
      );
    const corrected = { recordType: 'spot_check', change: 'corrected', version: 2, reason: '商标更正', batch: { title: '更正批次' } };
    const added = { recordType: 'spot_check', change: 'added', version: 1, reason: null, batch: { title: '更正批次' } };
    // Q-NEW passed: a 合格 result is published in aggregate only (003 Art. 27), so its key is not
    const { data } = await ask();
    expect(data.changes.nodes).toEqual([corrected]);
    expect(data.changes.totalCount).toBe(1);
    const asBureau = await ask({ authorization: `Bearer ${TOKEN}` });
    expect(asBureau.data.changes.nodes).toEqual(expect.arrayContaining([corrected, added]));
    expect(asBureau.data.changes.totalCount).toBe(2);
  });

  it('finds each object again by node(id)', async () => {
    const { data } = await api.query(
      `{ spotChecks(first: 1) { nodes { id reportNo producer { id name } } } enterprises(first: 1) { nodes { id name } } }`,
    );
    const sc = data.spotChecks.nodes[0];
    const again = await api.query(
      `query($a: ID!, $b: ID!) { a: node(id: $a) { id ... on SpotCheck { reportNo } } b: node(id: $b) { ... on Enterprise { name } } }`,
      { a: sc.id, b: data.enterprises.nodes[0].id },
    );
    expect(again.data.a).toEqual({ id: sc.id, reportNo: sc.reportNo });
    expect(again.data.b.name).toBe(data.enterprises.nodes[0].name);
  });

  it('runs the same number of SQL statements for 5 and for 50 rows of a deeply nested query (no N+1)', async () => {
    const heavy = (n: number) => `{ spotChecks(first: ${n}) { nodes { reportNo producer { name city { name } certifiedItems { name }
      cultivationEntries { year } standardEvaluations { passed } revocations { decisionNo } }
      city { name } certifiedItem { name enterprise { name } } nonconformingItems { item measured } events { kind occurredOn }
      deadlines { step dueOn } status { status } disclosure { published } warnings { title } } } }`;
    const measure = async (n: number) => {
      const before = api.statements();
      const answer = await api.query(heavy(n), undefined, bureau);
      expect(answer.errors).toBeUndefined();
      expect(answer.data.spotChecks.nodes).toHaveLength(n);
      return api.statements() - before;
    };
    const small = await measure(20);
    const large = await measure(100);
    expect(large).toBe(small);
    expect(small).toBeLessThan(20);
  });

  describe('limits', () => {
    it('refuses a query deeper than the limit', async () => {
      const deep =
        '{ spotChecks { nodes { producer { certifiedItems { enterprise { certifiedItems { enterprise { certifiedItems { enterprise { certifiedItems { enterprise { certifiedItems { enterprise { name } } } } } } } } } } } } } }';
      const answer = await api.query(deep);
      expect(answer.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
      expect(answer.errors[0].message).toMatch(/levels deep/);
    });

    it('refuses too many aliases', async () => {
      const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: health`).join(' ');
      const answer = await api.query(`{ ${aliases} }`);
      expect(answer.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    });

    it('refuses a query over the cost limit and reports the cost of the others', async () => {
      // 30 pages of 100 results, each with 6 objects: about 21,000 (nested lists are priced by the
      // longest in the database, which is short here)
      const page =
        'spotChecks(first: 100) { nodes { city { name } batch { title } status { label } disclosure { published } certifiedItem { name enterprise { name } } } }';
      const costly = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: ${page}`).join(' ')} }`;
      const refused = await api.query(costly);
      expect(refused.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
      expect(refused.errors[0].extensions.cost.requested).toBeGreaterThan(refused.errors[0].extensions.cost.limit);
      const fine = await api.query('{ spotChecks(first: 10) { nodes { reportNo } } }');
      expect(fine.extensions.cost.requested).toBeGreaterThan(0);
    });
  });

  describe('HTTP', () => {
    const get = (query: string, headers: Record<string, string> = {}) =>
      fetch(`${api.url}?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });

    it('answers GET queries with a public cache lifetime a CDN can use', async () => {
      const response = await get('{ summary { spotChecks } }');
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('max-age=60, public');
      expect(((await response.json()) as any).data.summary.spotChecks).toBe(TOTAL + 2);
    });

    it('never lets a shared cache keep an answer given to a token', async () => {
      const response = await get('{ summary { spotChecks } }', bureau);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
    });

    it('refuses a simple cross-site GET (CSRF prevention)', async () => {
      const response = await fetch(`${api.url}?query=${encodeURIComponent('{ health }')}`);
      expect(response.status).toBe(400);
    });
  });
});
