import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidUscc, usccDivision } from '@hub/db';
import { DEFAULT_AS_OF, loadSample, type SampleSummary } from '../../db/src/sample/generate.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

/** The demo sample, loaded once into a fresh migrated database and read back with SQL. */
describe('the demo sample data', () => {
  let db: TestDatabase;
  let summary: SampleSummary;
  let schemaBefore: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    schemaBefore = await schemaObjects(db);
    summary = await loadSample(db.url, { size: 'demo' });
  });
  afterAll(() => db?.drop());

  const one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await db.sql.query(sql, params)).rows[0] as T;
  const all = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await db.sql.query(sql, params)).rows as T[];

  it('reports what it wrote, table by table', async () => {
    for (const [table, count] of Object.entries(summary.counts)) {
      expect(await one(`SELECT count(*)::int AS n FROM "${table}"`), table).toEqual({ n: count });
    }
    expect(summary.counts.spot_check).toBeGreaterThan(3000);
    expect(summary.counts.enterprise).toBeGreaterThan(1500);
    expect(summary.batches.map((b) => b.id)).toEqual(summary.batches.map((_, i) => i + 1));
  });

  it('leaves every index and constraint of the schema as the migrations made them', async () => {
    expect(await schemaObjects(db)).toEqual(schemaBefore);
    const { invalid } = await one<{ invalid: number }>(`SELECT count(*)::int AS invalid FROM pg_constraint WHERE NOT convalidated`);
    expect(invalid).toBe(0);
  });

  it('continues every id sequence after the generated ids', async () => {
    const { rows } = await db.sql.query(`INSERT INTO batch (kind, title) VALUES ('spot_checks', '下一批') RETURNING id`);
    expect(rows[0].id).toBe(summary.batches.length + 1);
    await db.sql.query('DELETE FROM batch WHERE id = $1', [rows[0].id]);
  });

  it('gives every enterprise a USCC valid by the TypeScript rule and by the database function, or none', async () => {
    const rows = await all<{ uscc: string; valid: boolean }>(
      `SELECT uscc, hub_uscc_valid(uscc) AS valid FROM enterprise WHERE uscc IS NOT NULL`,
    );
    expect(rows.length).toBeGreaterThan(1500);
    expect(rows.filter((r) => !isValidUscc(r.uscc) || !r.valid)).toEqual([]);
    // some out-of-province producers are known only by the name on the label
    const { nameOnly } = await one<{ nameOnly: number }>(`SELECT count(*)::int AS "nameOnly" FROM enterprise WHERE uscc IS NULL`);
    expect(nameOnly).toBeGreaterThan(0);
  });

  it('registers Hubei enterprises inside their city and others with their province only', async () => {
    const rows = await all<{ uscc: string; city_code: string; province_code: string }>(
      `SELECT uscc, city_code, province_code FROM enterprise WHERE uscc IS NOT NULL`,
    );
    for (const r of rows) {
      const division = usccDivision(r.uscc);
      if (r.province_code === '42') {
        expect(r.city_code).not.toBeNull();
        const expected = r.city_code.startsWith('4290') ? r.city_code : r.city_code.slice(0, 4);
        expect(division.startsWith(expected), `${r.uscc} in ${r.city_code}`).toBe(true);
      } else {
        expect(r.city_code).toBeNull();
        expect(division.slice(0, 2)).toBe(r.province_code);
      }
    }
  });

  it('certifies only enterprises registered in Hubei', async () => {
    const rows = await all(`
      SELECT e.name, e.uscc, e.city_code, e.province_code FROM certified_item c JOIN enterprise e ON e.id = c.enterprise_id
       WHERE e.province_code IS DISTINCT FROM '42' OR e.city_code IS NULL OR e.uscc IS NULL OR substr(e.uscc, 3, 2) <> '42'`);
    expect(rows).toEqual([]);
  });

  it('reproduces the real 2023 funnel: 668 items of 558 enterprises, 517 evaluated, 203 passed, 163 reviewed, 155 certified', async () => {
    expect(
      await one(
        `SELECT count(*)::int AS items, count(DISTINCT enterprise_id)::int AS enterprises FROM cultivation_entry WHERE year = 2023`,
      ),
    ).toEqual({ items: 668, enterprises: 558 });
    expect(
      await one(
        `SELECT count(*)::int AS evaluated, count(*) FILTER (WHERE passed)::int AS passed FROM standard_evaluation WHERE year = 2023`,
      ),
    ).toEqual({ evaluated: 517, passed: 203 });
    expect(
      await one(
        `SELECT count(*)::int AS certified, min(certified_on)::text AS first, max(certified_on)::text AS last FROM certified_item WHERE round = 1`,
      ),
    ).toEqual({ certified: 155, first: '2024-03-12', last: '2024-03-12' });
    // 资料评审: the announcement's 163 reviewed, stated on the round's certification batch
    expect(
      await one(`SELECT sum(reviewed_items)::int AS reviewed FROM batch WHERE id IN (SELECT batch_id FROM certified_item WHERE round = 1)`),
    ).toEqual({ reviewed: 163 });
    // each certified item passed its standard evaluation in the library of its year
    const { orphans } = await one<{ orphans: number }>(`
      SELECT count(*)::int AS orphans FROM certified_item c
       WHERE NOT EXISTS (SELECT 1 FROM standard_evaluation s WHERE s.enterprise_id = c.enterprise_id AND s.item_name = c.name
                           AND s.year = 2022 + c.round AND s.passed AND s.standard_no = c.standard_no)`);
    expect(orphans).toBe(0);
  });

  it('holds smaller later rounds of 150–180 certified items', async () => {
    const rows = await all<{ round: number; n: number }>(
      `SELECT round, count(*)::int AS n FROM certified_item GROUP BY round ORDER BY round`,
    );
    expect(rows.map((r) => r.round)).toEqual([1, 2, 3]);
    for (const r of rows.slice(1)) {
      expect(r.n).toBeGreaterThanOrEqual(150);
      expect(r.n).toBeLessThanOrEqual(180);
    }
  });

  it('gives standards a level consistent with their number', async () => {
    const rows = await all<{ standard_no: string; standard_level: string }>(
      `SELECT standard_no, standard_level FROM certified_item UNION SELECT standard_no, standard_level FROM standard_evaluation`,
    );
    const expected = (no: string) =>
      /^GB(\/T)? /.test(no)
        ? 'national'
        : no.startsWith('DB42')
          ? 'local'
          : no.startsWith('T/')
            ? 'group'
            : no.startsWith('Q/')
              ? 'enterprise'
              : 'industry';
    expect(rows.filter((r) => r.standard_level !== expected(r.standard_no))).toEqual([]);
  });

  it('dates nothing after the as-of date (deadlines and validity ends aside)', async () => {
    const columns = await all<{ table_name: string; column_name: string; data_type: string }>(`
      SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type IN ('date', 'timestamp with time zone')
         AND table_name NOT IN ('record_history', 'calendar_year', 'api_token', 'mikro_orm_migrations', 'data_generation')
         AND column_name NOT IN ('valid_until', 'due_on', 'latest_due_on')`);
    expect(columns.length).toBeGreaterThan(20);
    for (const c of columns) {
      const expr = c.data_type === 'date' ? `max("${c.column_name}")` : `max(("${c.column_name}" AT TIME ZONE 'Asia/Shanghai')::date)`;
      const { latest } = await one<{ latest: string | null }>(`SELECT ${expr}::text AS latest FROM "${c.table_name}"`);
      if (latest !== null) expect(latest <= DEFAULT_AS_OF, `${c.table_name}.${c.column_name} = ${latest}`).toBe(true);
    }
    const { latest } = await one<{ latest: string }>(`SELECT max(report_date)::text AS latest FROM spot_check`);
    expect(latest >= '2026-10-01').toBe(true);
  });

  it('labels every batch as published sample data with a Chinese title', async () => {
    const batches = await all<{
      title: string;
      is_sample: boolean;
      status: string;
      content_hash: string | null;
      published_at: Date | null;
      row_count: number;
    }>(`SELECT title, is_sample, status, content_hash, published_at, row_count FROM batch`);
    expect(batches.length).toBe(summary.batches.length);
    for (const b of batches) {
      expect(b.title.startsWith('示例数据：'), b.title).toBe(true);
      expect(b).toMatchObject({ is_sample: true, status: 'published', content_hash: null });
      expect(b.published_at).not.toBeNull();
      expect(b.row_count).toBeGreaterThan(0);
    }
    const kinds = new Set(summary.batches.map((b) => b.kind));
    expect([...kinds].sort()).toEqual([
      'certifications',
      'cultivation',
      'dynamic_management',
      'evaluations',
      'follow_ups',
      'revocations',
      'spot_checks',
      'warnings',
    ]);
  });

  it('counts in each batch the rows it introduced', async () => {
    const mismatches = await all(`
      SELECT b.id, b.kind, b.row_count, x.n FROM batch b JOIN LATERAL (
        SELECT CASE b.kind
          WHEN 'spot_checks' THEN (SELECT count(*) FROM spot_check WHERE batch_id = b.id)
          WHEN 'follow_ups' THEN (SELECT count(*) FROM case_event WHERE batch_id = b.id)
          WHEN 'cultivation' THEN (SELECT count(*) FROM cultivation_entry WHERE batch_id = b.id)
          WHEN 'evaluations' THEN (SELECT count(*) FROM standard_evaluation WHERE batch_id = b.id)
          WHEN 'certifications' THEN (SELECT count(*) FROM certified_item WHERE batch_id = b.id) + (SELECT count(*) FROM logo_authorisation WHERE batch_id = b.id)
          WHEN 'revocations' THEN (SELECT count(*) FROM revocation WHERE batch_id = b.id)
          WHEN 'warnings' THEN (SELECT count(*) FROM consumer_warning WHERE batch_id = b.id)
          WHEN 'dynamic_management' THEN (SELECT count(*) FROM self_report WHERE batch_id = b.id) + (SELECT count(*) FROM rectification_notice WHERE batch_id = b.id)
        END::int AS n) x ON true
       WHERE x.n <> b.row_count`);
    expect(mismatches).toEqual([]);
  });

  it('refuses a database that already holds a batch, and changes nothing', async () => {
    await expect(loadSample(db.url, { size: 'demo' })).rejects.toThrow(/already holds \d+ batch/);
    expect(await one(`SELECT count(*)::int AS n FROM batch`)).toEqual({ n: summary.batches.length });
  });

  it('fails about one provincial or national result in ten, and certified products rarely', async () => {
    const general = await one<{ rate: number; serious: number }>(`
      SELECT avg((conclusion = 'fail')::int)::float AS rate,
             (count(*) FILTER (WHERE severity = 'serious'))::float / count(*) FILTER (WHERE conclusion = 'fail') AS serious
        FROM spot_check WHERE check_type IN ('provincial', 'national')`);
    expect(general.rate).toBeGreaterThan(0.07);
    expect(general.rate).toBeLessThan(0.13);
    expect(general.serious).toBeGreaterThan(0.1);
    expect(general.serious).toBeLessThan(0.5);
    const certified = await one<{ rate: number }>(
      `SELECT avg((conclusion = 'fail')::int)::float AS rate FROM spot_check WHERE check_type = 'city'`,
    );
    expect(certified.rate).toBeLessThan(0.06);
  });

  it('records nonconforming items with requirement and measured value for every failure, and none for a pass', async () => {
    expect(
      await one(`
      SELECT count(*) FILTER (WHERE s.conclusion = 'fail' AND NOT EXISTS (SELECT 1 FROM nonconforming_item n WHERE n.spot_check_id = s.id))::int AS "failWithout",
             count(*) FILTER (WHERE s.conclusion = 'pass' AND EXISTS (SELECT 1 FROM nonconforming_item n WHERE n.spot_check_id = s.id))::int AS "passWith",
             count(*) FILTER (WHERE s.conclusion = 'fail' AND (s.severity IS NULL OR s.main_problem IS NULL))::int AS "failUnexplained"
        FROM spot_check s`),
    ).toEqual({ failWithout: 0, passWith: 0, failUnexplained: 0 });
    const { missing } = await one<{ missing: number }>(
      `SELECT count(*)::int AS missing FROM nonconforming_item WHERE requirement IS NULL OR measured IS NULL`,
    );
    expect(missing).toBe(0);
  });

  it('dates samples, reports and follow-up events in order', async () => {
    expect(
      await one(`
      SELECT count(*) FILTER (WHERE sampled_on >= report_date)::int AS "sampledAfterReport",
             count(*) FILTER (WHERE production_date > sampled_on)::int AS "producedAfterSampling",
             count(*) FILTER (WHERE sampling_stage = 'ecommerce' AND platform IS NULL)::int AS "onlineWithoutPlatform"
        FROM spot_check`),
    ).toEqual({ sampledAfterReport: 0, producedAfterSampling: 0, onlineWithoutPlatform: 0 });
    const { early, lateDelivery, beforeBatch } = await one<{ early: number; lateDelivery: number; beforeBatch: number }>(`
      SELECT count(*) FILTER (WHERE e.occurred_on <= s.report_date)::int AS early,
             count(*) FILTER (WHERE e.kind = 'delivered' AND e.occurred_on > s.report_date + 7)::int AS "lateDelivery",
             count(*) FILTER (WHERE eb.published_at < sb.published_at)::int AS "beforeBatch"
        FROM case_event e JOIN spot_check s ON s.id = e.spot_check_id
        JOIN batch eb ON eb.id = e.batch_id JOIN batch sb ON sb.id = s.batch_id`);
    expect({ early, lateDelivery, beforeBatch }).toEqual({ early: 0, lateDelivery: 0, beforeBatch: 0 });
    const { passWithEvents } = await one<{ passWithEvents: number }>(`
      SELECT count(DISTINCT e.spot_check_id)::int AS "passWithEvents" FROM case_event e JOIN spot_check s ON s.id = e.spot_check_id WHERE s.conclusion = 'pass'`);
    expect(passWithEvents).toBe(0);
  });

  it('follows failures with objections, transfers, re-checks and disclosure situations, recent ones still open', async () => {
    const kinds = await all<{ kind: string }>(`SELECT DISTINCT kind FROM case_event`);
    expect(kinds.map((k) => k.kind).sort()).toEqual(
      expect.arrayContaining([
        'correction_ordered',
        'delivered',
        'disclosure_situation',
        'objection_decided',
        'objection_filed',
        'recheck_applied',
        'recheck_result',
        'transferred',
      ]),
    );
    // a consecutive-failure disclosure follows a real earlier failure of the same producer and product
    const unfounded = await all(`
      SELECT s.report_no FROM case_event e JOIN spot_check s ON s.id = e.spot_check_id
       WHERE e.kind = 'disclosure_situation' AND e.outcome = 'consecutive_failures'
         AND (SELECT p.conclusion FROM spot_check p
               WHERE p.producer_id = s.producer_id AND p.product_category = s.product_category AND p.sampled_on < s.sampled_on
                 AND p.check_type IN ('national', 'provincial', 'city')
                 AND NOT EXISTS (SELECT 1 FROM case_event w WHERE w.spot_check_id = p.id AND w.outcome = 'withdrawn')
               ORDER BY p.sampled_on DESC, p.id DESC LIMIT 1) IS DISTINCT FROM 'fail'`);
    expect(unfounded).toEqual([]);
    // failures of the last weeks are not yet transferred
    const { open } = await one<{ open: number }>(`
      SELECT count(*)::int AS open FROM spot_check s WHERE s.conclusion = 'fail' AND s.report_date > DATE '${DEFAULT_AS_OF}' - 21
         AND NOT EXISTS (SELECT 1 FROM case_event e WHERE e.spot_check_id = s.id AND e.kind = 'transferred')`);
    expect(open).toBeGreaterThan(0);
  });

  it('leaves some certified products without a supervision check in 2025, but covers most', async () => {
    const { items, uncovered } = await one<{ items: number; uncovered: number }>(`
      SELECT count(*)::int AS items,
             count(*) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM spot_check s WHERE s.certified_item_id = c.id AND s.check_type IN ('national', 'provincial', 'city')
                 AND s.report_date BETWEEN '2025-01-01' AND '2025-12-31'))::int AS uncovered
        FROM certified_item c
       WHERE c.kind = 'product' AND c.certified_on < '2025-01-01'
         AND NOT EXISTS (SELECT 1 FROM revocation_item ri JOIN revocation r ON r.id = ri.revocation_id
                          WHERE ri.certified_item_id = c.id AND r.decided_on <= '2025-12-31')`);
    expect(items).toBeGreaterThan(250);
    expect(uncovered).toBeGreaterThanOrEqual(1);
    expect(uncovered / items).toBeLessThan(0.2);
  });

  it('checks every certified item dynamically once a year and evaluates certified services', async () => {
    const rows = await all<{ year: number; items: number; checked: number }>(`
      SELECT y AS year, count(*)::int AS items,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM spot_check s WHERE s.certified_item_id = c.id AND s.check_type = 'dynamic'
                                             AND extract(year FROM s.report_date) = y))::int AS checked
        FROM certified_item c CROSS JOIN (VALUES (2024), (2025)) v(y)
       WHERE c.certified_on <= make_date(y, 10, 1)
         AND NOT EXISTS (SELECT 1 FROM revocation_item ri JOIN revocation r ON r.id = ri.revocation_id
                          WHERE ri.certified_item_id = c.id AND extract(year FROM r.decided_on) <= y)
       GROUP BY y ORDER BY y`);
    for (const r of rows) expect(r.checked, `dynamic checks ${r.year}`).toBe(r.items);
    const { evaluations } = await one<{ evaluations: number }>(
      `SELECT count(*)::int AS evaluations FROM spot_check WHERE check_type = 'service_evaluation'`,
    );
    expect(evaluations).toBeGreaterThan(10);
  });

  it('revokes 3 to 6 certifications, each justified by the records', async () => {
    const revocations = await all<{ id: number; ground: string; decided_on: string; decision_no: string; facts: string }>(
      `SELECT id, ground, decided_on::text, decision_no, facts FROM revocation ORDER BY decided_on`,
    );
    expect(revocations.length).toBeGreaterThanOrEqual(3);
    expect(revocations.length).toBeLessThanOrEqual(6);
    for (const r of revocations) {
      expect(r.decision_no).toMatch(/^鄂精品委〔20\d\d〕\d+号$/);
      expect(r.facts).not.toMatch(/undefined/);
      const items = await all<{ id: number; kind: string }>(
        `SELECT c.id, c.kind FROM revocation_item ri JOIN certified_item c ON c.id = ri.certified_item_id WHERE ri.revocation_id = $1`,
        [r.id],
      );
      expect(items.length).toBeGreaterThan(0);
      if (r.ground === 'consecutive_failures') {
        const types = items[0].kind === 'service' ? ['service_evaluation'] : ['national', 'provincial', 'city'];
        const last = await all<{ conclusion: string }>(
          `
          SELECT conclusion FROM spot_check WHERE certified_item_id = $1 AND check_type = ANY($2) AND report_date <= $3
           ORDER BY sampled_on DESC LIMIT 2`,
          [items[0].id, types, r.decided_on],
        );
        expect(
          last.map((x) => x.conclusion),
          r.decision_no,
        ).toEqual(['fail', 'fail']);
      }
      if (r.ground === 'unrectified') {
        const { overdue } = await one<{ overdue: number }>(
          `
          SELECT count(*)::int AS overdue FROM rectification_notice n WHERE n.certified_item_id = ANY($1) AND n.due_on < $2
             AND (n.completed_on IS NULL OR n.completed_on > n.due_on OR n.result = 'fail')`,
          [items.map((i) => i.id), r.decided_on],
        );
        expect(overdue, r.decision_no).toBeGreaterThan(0);
      }
      // nothing is checked on the committee's behalf after the certification is revoked
      const { after } = await one<{ after: number }>(
        `
        SELECT count(*)::int AS after FROM spot_check WHERE certified_item_id = ANY($1) AND report_date > $2`,
        [items.map((i) => i.id), r.decided_on],
      );
      expect(after).toBe(0);
    }
    expect(new Set(revocations.map((r) => r.ground)).size).toBeGreaterThanOrEqual(3);
  });

  it('issues 6 to 10 consumer warnings linked to failed results of their category', async () => {
    const warnings = await all<{ id: number; title: string; product_category: string; published_on: string }>(
      `SELECT id, title, product_category, published_on::text FROM consumer_warning`,
    );
    expect(warnings.length).toBeGreaterThanOrEqual(6);
    expect(warnings.length).toBeLessThanOrEqual(10);
    const wrong = await all(`
      SELECT w.title, s.report_no FROM warning_spot_check l JOIN consumer_warning w ON w.id = l.consumer_warning_id
        JOIN spot_check s ON s.id = l.spot_check_id
       WHERE s.conclusion <> 'fail' OR s.product_category <> w.product_category OR s.report_date > w.published_on`);
    expect(wrong).toEqual([]);
    const { linked } = await one<{ linked: number }>(`SELECT count(DISTINCT consumer_warning_id)::int AS linked FROM warning_spot_check`);
    expect(linked).toBeGreaterThanOrEqual(Math.ceil(warnings.length / 2));
  });

  it('keeps self-reports and rectification notices of certified enterprises, some late, missing or overdue', async () => {
    const reports = await all<{ year: number; n: number; late: number }>(`
      SELECT year, count(*)::int AS n, count(*) FILTER (WHERE submitted_on > make_date(year, 10, 31))::int AS late
        FROM self_report GROUP BY year ORDER BY year`);
    expect(reports.map((r) => r.year)).toEqual([2024, 2025, 2026]);
    expect(reports.some((r) => r.late > 0)).toBe(true);
    const { missing2026 } = await one<{ missing2026: number }>(`
      SELECT count(DISTINCT c.enterprise_id)::int AS missing2026 FROM certified_item c
       WHERE c.certified_on <= '2026-09-01'
         AND NOT EXISTS (SELECT 1 FROM revocation_item ri WHERE ri.certified_item_id = c.id)
         AND NOT EXISTS (SELECT 1 FROM self_report s WHERE s.enterprise_id = c.enterprise_id AND s.year = 2026)`);
    expect(missing2026).toBeGreaterThan(0);
    const notices = await one<{ passed: number; failed: number; overdue: number }>(`
      SELECT count(*) FILTER (WHERE result = 'pass')::int AS passed, count(*) FILTER (WHERE result = 'fail')::int AS failed,
             count(*) FILTER (WHERE completed_on IS NULL AND due_on < DATE '${DEFAULT_AS_OF}')::int AS overdue
        FROM rectification_notice`);
    expect(notices.passed).toBeGreaterThan(0);
    expect(notices.overdue).toBeGreaterThan(0);
  });

  it('keeps contact persons and phones on cultivation entries', async () => {
    const { without, phones } = await one<{ without: number; phones: number }>(`
      SELECT count(*) FILTER (WHERE contact_name IS NULL OR contact_phone IS NULL)::int AS without,
             count(*) FILTER (WHERE contact_phone ~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-[0-9]{7,8})$')::int AS phones
        FROM cultivation_entry`);
    expect(without).toBe(0);
    expect(phones).toBe(summary.counts.cultivation_entry);
  });
});

/** Index and constraint definitions of the public schema. */
async function schemaObjects(db: TestDatabase): Promise<string[]> {
  const { rows } = await db.sql.query<{ def: string }>(`
    SELECT indexdef AS def FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL
    SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
    ORDER BY 1`);
  return rows.map((r) => r.def);
}
