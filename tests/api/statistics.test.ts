import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, refreshCaseState } from '@hub/api';
import { importFile, publishBatch } from '@hub/api/import';
import { HUBEI_CITIES, PgPool } from '@hub/db';
import { addDays, type PlainDate } from '@hub/db/plain-date';
import { StatsDimension, type SpotCheckFilter } from '../../schema/src/index.ts';
import { refreshForDay } from '../../api/src/live/day-boundary.ts';
import { StatsRepository } from '../../api/src/stats/stats.repository.ts';
import { A } from '../import/data.ts';
import { tempDir, writeJson } from '../import/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { Fixture } from '../support/fixtures.ts';
import { random } from '../../bench/generate.ts';

/**
 * Issue 13/15.7: the statistics aggregate (api/src/stats/stats-aggregate.ts) stays exact. For many
 * random dimensions, filters and days, a statistic summed from the aggregate equals the full
 * count of the results (the old query, StatsRepository.fullCount) — counted groups and the
 * excluded results by reason, for an anonymous viewer and for the bureau — through the day
 * boundary (refreshForDay, the day's refresh) and a publish.
 */
const CATEGORIES = ['电动自行车', '儿童玩具', '电线电缆', '白酒', 'LED灯具', '电热水壶'];
const CHECK_TYPES = ['national', 'provincial', 'city', 'dynamic'];
const AGENCIES = ['湖北省产品质量监督检验研究院', '武汉市产品质量监督检验所', '宜昌市检验检测中心'];
const PLATFORMS = ['淘宝', '京东', '拼多多'];
const ITEMS = ['标志和说明', '结构', '电气强度', '甲醇', '发热'];
const SIZES = ['large', 'medium', 'small', 'micro', null];
const TOTAL = 360;
const TOKEN = 'hub_statistics_token';
const bureau = { authorization: `Bearer ${TOKEN}` };

/** a seeded generator (bench/generate.ts's mulberry32): every run the same fixture and questions */
function seeded(seed: number) {
  const next = random(seed);
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)], chance: (p: number) => next() < p };
}

const ALL_DIMENSIONS = Object.values(StatsDimension);
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** What each cube of the aggregate keeps, as dimensions and filter fields (api/src/stats/stats-aggregate.ts CUBES). */
const CUBE_FIELDS: { dimensions: StatsDimension[]; filters: string[] }[] = [
  { dimensions: [StatsDimension.city], filters: ['city'] },
  { dimensions: [StatsDimension.productCategory], filters: ['productCategory'] },
  { dimensions: [StatsDimension.city, StatsDimension.productCategory], filters: ['city', 'productCategory'] },
  { dimensions: [StatsDimension.city, StatsDimension.severity], filters: ['city', 'severity', 'conclusion'] },
  { dimensions: [StatsDimension.city, StatsDimension.samplingStage, StatsDimension.platform], filters: ['city'] },
  { dimensions: [StatsDimension.city, StatsDimension.testingAgency], filters: ['city'] },
  { dimensions: [StatsDimension.city, StatsDimension.industry, StatsDimension.enterpriseSize], filters: ['city', 'certifiedOnly'] },
  { dimensions: [StatsDimension.city], filters: ['city', 'status'] },
];
const EVERY_CUBE = [StatsDimension.checkType, StatsDimension.year, StatsDimension.month];

/**
 * A random question: 0–3 dimensions and a filter (month-aligned dates) — mostly of what one cube
 * keeps, sometimes of anything (then no cube may hold it, and a full count answers).
 */
function question(r: ReturnType<typeof seeded>): { dimensions: StatsDimension[]; filter: SpotCheckFilter } {
  const any = r.chance(0.2);
  const cube = r.pick(CUBE_FIELDS);
  const dimensionPool = any ? ALL_DIMENSIONS : [...cube.dimensions, ...EVERY_CUBE];
  const allowed = (field: string) => any || cube.filters.includes(field);
  const dimensions = [...new Set(Array.from({ length: Math.floor(r.next() * 4) }, () => r.pick(dimensionPool)))];
  const filter: SpotCheckFilter = {};
  if (r.chance(0.4)) filter.checkTypes = [...new Set([r.pick(CHECK_TYPES), r.pick(CHECK_TYPES)])];
  if (r.chance(0.5)) {
    const from = 1 + Math.floor(r.next() * 12);
    const to = Math.min(12, from + Math.floor(r.next() * 6));
    filter.reportDateFrom = `2025-${String(from).padStart(2, '0')}-01`;
    filter.reportDateTo = `2025-${String(to).padStart(2, '0')}-${lastDay(2025, to)}`;
  }
  if (allowed('city') && r.chance(0.3)) filter.city = r.pick(HUBEI_CITIES.slice(0, 5)).code;
  if (allowed('productCategory') && r.chance(0.3)) filter.productCategory = r.pick(CATEGORIES);
  if (allowed('conclusion') && r.chance(0.3)) filter.conclusion = r.pick(['pass', 'fail']);
  if (allowed('severity') && r.chance(0.3)) filter.severity = r.pick(['general', 'serious']);
  if (allowed('certifiedOnly') && r.chance(0.3)) filter.certifiedOnly = true;
  if (allowed('status') && r.chance(0.5)) filter.status = r.pick(['passed', 'final', 'objection_window', 'rectification_due', 'withdrawn']);
  return { dimensions, filter };
}

describe('the statistics aggregate', () => {
  let db: TestDatabase;
  let pool: PgPool;
  let api: TestApi;
  let dir: string;
  const saved = process.env.HUB_TODAY;
  const r = seeded(13);

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = PgPool.connect(db.url, 2);
    dir = await tempDir();
    const f = new Fixture(db.sql);
    const b = await f.batch('spot_checks', '2025年监督抽查');
    const industries = (await db.sql.query<{ code: string }>('SELECT code FROM industry ORDER BY code LIMIT 4')).rows.map((x) => x.code);
    const producers: { id: number; item: number }[] = [];
    // what the fixture does not set, written in one transaction naming the batch (history triggers)
    const updates: [string, unknown[]][] = [];
    for (let i = 0; i < 30; i++) {
      const city = HUBEI_CITIES[i % 5];
      const id = await f.enterprise(b, `${city.shortName}统计${i}号有限公司`, { division: city.code, city: city.code });
      updates.push(['UPDATE enterprise SET size = $2 WHERE id = $1', [id, r.pick(SIZES)]]);
      const item = await f.certifiedItem(b, id, `精品${i}`, { industry: industries[i % industries.length] ?? undefined });
      producers.push({ id, item });
    }
    for (let i = 0; i < TOTAL; i++) {
      const producer = r.pick(producers);
      const month = 1 + Math.floor(r.next() * 12);
      const reportDate = `2025-${String(month).padStart(2, '0')}-${String(1 + Math.floor(r.next() * 28)).padStart(2, '0')}`;
      const fail = r.chance(0.3);
      const id = await f.spotCheck(b, producer.id, {
        reportNo: `ST-${String(i).padStart(4, '0')}`,
        reportDate,
        conclusion: fail ? 'fail' : 'pass',
        city: r.chance(0.05) ? null : r.pick(HUBEI_CITIES.slice(0, 5)).code,
        productCategory: r.pick(CATEGORIES),
        checkType: r.pick(CHECK_TYPES),
        certifiedItem: r.chance(0.4) ? producer.item : null,
        items: fail ? [...new Set([r.pick(ITEMS), r.pick(ITEMS)])].map((item) => ({ item })) : [],
      });
      const online = r.chance(0.3);
      updates.push([
        `UPDATE spot_check SET severity = $2, sampling_stage = $3, platform = $4, testing_agency = $5 WHERE id = $1`,
        [
          id,
          fail ? r.pick(['general', 'serious', null]) : null,
          online ? 'ecommerce' : r.pick(['production', 'circulation', null]),
          online ? r.pick(PLATFORMS) : null,
          r.pick(AGENCIES),
        ],
      ]);
      if (!fail) continue;
      // failures in every state: delivered at various days (objection windows ending through the year), objected, withdrawn, public
      const delivered = addDays(reportDate, Math.floor(r.next() * 120));
      if (r.chance(0.9)) await f.event(b, id, 'delivered', delivered);
      if (r.chance(0.2)) {
        await f.event(b, id, 'objection_filed', addDays(delivered, 3), 'conclusion');
        if (r.chance(0.6))
          await f.event(b, id, 'objection_decided', addDays(delivered, 20 + Math.floor(r.next() * 60)), r.pick(['rejected', 'withdrawn']));
      }
      if (r.chance(0.4)) await f.event(b, id, 'disclosure_situation', reportDate, 'bureau_decision');
    }
    await db.sql.query('BEGIN');
    await db.sql.query(`SET LOCAL hub.batch_id = ${b}`);
    for (const [sql, params] of updates) await db.sql.query(sql, params);
    await db.sql.query('COMMIT');
    await refreshCaseState(db.sql);
    // a few results whose case state is not computed
    await db.sql.query(
      `DELETE FROM case_period WHERE spot_check_id IN (SELECT id FROM spot_check WHERE report_no LIKE 'ST-00%' AND id % 3 = 0)`,
    );
    await db.sql.query(`INSERT INTO api_token (name, token_hash) VALUES ('bureau', $1)`, [hashToken(TOKEN)]);
  }, 120_000);
  afterAll(async () => {
    process.env.HUB_TODAY = saved;
    await api?.stop();
    await pool?.close();
    await db?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const repo = (bureauViewer: boolean, today: PlainDate) =>
    new StatsRepository(pool, bureauViewer ? { bureau: true, tokenName: 'bureau' } : { bureau: false }, today);

  /** the aggregate's answer equals the full count's, for `questions` random questions on `today` */
  async function expectExact(today: PlainDate, questions: number) {
    let nonEmpty = 0;
    let answered = 0;
    for (let q = 0; q < questions; q++) {
      const { dimensions, filter } = question(r);
      for (const asBureau of [false, true]) {
        const repository = repo(asBureau, today);
        const aggregate = await repository.fromAggregate(dimensions, filter);
        const context = JSON.stringify({ today, asBureau, dimensions, filter });
        // what no cube keeps (two rare dimensions, items) is a full count
        if (aggregate === null) continue;
        answered++;
        expect(aggregate.cells, context).toEqual(await repository.fullCount(dimensions, filter));
        if (aggregate.cells.length) nonEmpty++;
      }
    }
    // most questions were answered from the aggregate, and not all were empty
    expect(answered).toBeGreaterThan(questions);
    expect(nonEmpty).toBeGreaterThan(answered / 2);
  }

  /** the common questions are always answered from the aggregate when it is fresh */
  async function expectFresh(today: PlainDate) {
    for (const asBureau of [false, true]) {
      const repository = repo(asBureau, today);
      for (const [dimensions, filter] of [
        [[StatsDimension.city, StatsDimension.year], {}],
        [[StatsDimension.city], { reportDateFrom: '2025-03-01', reportDateTo: '2026-02-28', checkTypes: ['provincial'] }],
        [[StatsDimension.productCategory], { city: '420100', reportDateFrom: '2025-04-01', reportDateTo: '2025-06-30' }],
        [[StatsDimension.testingAgency, StatsDimension.checkType], { city: '420100' }],
        [[StatsDimension.enterpriseSize, StatsDimension.industry], { certifiedOnly: true }],
        [[StatsDimension.severity], { conclusion: 'fail' }],
      ] as const) {
        const aggregate = await repository.fromAggregate([...dimensions], filter as SpotCheckFilter);
        expect(aggregate, JSON.stringify({ today, dimensions, filter })).not.toBeNull();
        expect(aggregate!.cells).toEqual(await repository.fullCount([...dimensions], filter as SpotCheckFilter));
      }
    }
  }

  it('equals the full count on many days through the year, rebuilt by the day refresh', { timeout: 300_000 }, async () => {
    let day: PlainDate = '2025-01-10';
    for (let i = 0; i < 8; i++) {
      await refreshForDay(db.url, day);
      await expectFresh(day);
      await expectExact(day, 25);
      day = addDays(day, 20 + Math.floor(r.next() * 40));
    }
  });

  it('holds for the days until a case period starts or ends, and not after', { timeout: 120_000 }, async () => {
    const day: PlainDate = '2025-06-15';
    await refreshForDay(db.url, day);
    const [{ validUntil }] = (
      await db.sql.query<{ validUntil: string }>(`SELECT to_char(valid_until, 'YYYY-MM-DD') AS "validUntil" FROM stats_aggregate`)
    ).rows;
    expect(validUntil > day).toBe(true);
    // the last day it holds for: fresh and exact
    await expectExact(addDays(validUntil, -1), 10);
    // the day a period changes: not fresh, so a full count answers
    expect(await repo(false, validUntil).fromAggregate([StatsDimension.city], {})).toBeNull();
    // and a change the aggregate was not rebuilt for (a new data generation): a full count too
    await db.sql.query('UPDATE data_generation SET n = n + 1');
    expect(await repo(false, day).fromAggregate([StatsDimension.city], {})).toBeNull();
    // case state rewritten by any other writer (a sample load, a fixture, an operator's refresh):
    // the aggregate no longer holds until it is rebuilt, so a full count answers (the site once
    // built no failure page: its months came from an aggregate built before the case state)
    await refreshForDay(db.url, day);
    expect(await repo(false, day).fromAggregate([StatsDimension.city], {})).not.toBeNull();
    await refreshCaseState(db.sql);
    expect(await repo(false, day).fromAggregate([StatsDimension.city], {})).toBeNull();
  });

  it('is rebuilt by a publish, and the API answers from it with its day, what it counts and what it excluded', {
    timeout: 120_000,
  }, async () => {
    const today: PlainDate = '2025-12-20';
    const file = join(dir, 'more.json');
    await writeJson(file, [
      {
        type: 'spotCheck',
        checkType: '市级监督抽查',
        productCategory: '白酒',
        productName: '楚天浓香型白酒',
        producerName: A.name,
        producerUscc: A.uscc,
        sampledUnitName: A.name,
        testingAgency: AGENCIES[0],
        reportNo: 'ST-PUB-1',
        reportDate: '2025-12-01',
        conclusion: '不合格',
        items: ['固形物'],
      },
    ]);
    const summary = await importFile(db.sql, file, { kind: 'spot-checks', errorsFile: false });
    await publishBatch(db.sql, summary.batchId!, { today });
    await expectFresh(today);
    await expectExact(today, 20);

    process.env.HUB_TODAY = today;
    api = await startTestApi(db.url);
    const ask = `query($d: [StatsDimension!]!, $f: SpotCheckFilter) { spotCheckStatistics(dimensions: $d, filter: $f) {
      asOf counts dimensions checked failed failureRate answeredFrom excludedNote
      excluded { reason label count } groups { keys { dimension key label } checked failed failureRate } } }`;
    const { data } = await api.query(ask, { d: ['city', 'checkType'], f: { reportDateFrom: '2025-01-01', reportDateTo: '2025-12-31' } });
    const s = data.spotCheckStatistics;
    expect(s).toMatchObject({ asOf: today, answeredFrom: 'aggregate', dimensions: ['city', 'checkType'], excludedNote: null });
    expect(s.counts).toContain('003 Art. 27(1)');
    // the totals and the exclusions are the full count's
    const full = await repo(false, today).fullCount([], { reportDateFrom: '2025-01-01', reportDateTo: '2025-12-31' });
    const counted = full.find((c) => c.state === 'counted')!;
    expect({ checked: s.checked, failed: s.failed }).toEqual({ checked: counted.checked, failed: counted.failed });
    for (const reason of ['pending', 'withdrawn', 'uncomputed'])
      expect(s.excluded.find((e: any) => e.reason === reason)?.count, reason).toBe(full.find((c) => c.state === reason)?.checked ?? 0);
    expect(s.excluded.find((e: any) => e.reason === 'pending').count).toBeGreaterThan(0);
    expect(s.groups.reduce((n: number, g: any) => n + g.checked, 0)).toBe(s.checked);
    // Chinese labels for every code
    const city = s.groups.find((g: any) => g.keys[1].key === 'city');
    expect(city.keys[1]).toEqual({ dimension: 'checkType', key: 'city', label: '市级监督抽查' });
    expect(s.groups.find((g: any) => g.keys[0].key === '420100').keys[0].label).toBe('武汉市');

    // a narrow filter: the exclusions are not told to the public, and are to the bureau
    const narrow = { d: ['severity'], f: { city: '420100', productCategory: '白酒' } };
    const anonymous = (await api.query(ask, narrow)).data.spotCheckStatistics;
    expect(anonymous.excluded).toBeNull();
    expect(anonymous.excludedNote).toContain('003 Art. 26');
    expect((await api.query(ask, narrow, bureau)).data.spotCheckStatistics.excluded).not.toBeNull();

    // the old shape keeps working, from the same counts
    const old = await api.query(`{ spotCheckStats(by: checkType) { key label checked failed } }`);
    const byType = (await api.query(ask, { d: ['checkType'] })).data.spotCheckStatistics.groups;
    expect(old.data.spotCheckStats).toEqual(
      byType.map((g: any) => ({ key: g.keys[0].key, label: g.keys[0].label, checked: g.checked, failed: g.failed })),
    );
  });

  it('never attributes a withheld producer: size and industry only where the producer may be named, items only of listed results', {
    timeout: 60_000,
  }, async () => {
    const today: PlainDate = '2025-12-20';
    const anonymous = repo(false, today);
    for (const dimension of [StatsDimension.enterpriseSize, StatsDimension.industry]) {
      const withheld = await db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM spot_check sc JOIN case_period p ON p.spot_check_id = sc.id AND p.valid_from <= $1 AND (p.valid_until IS NULL OR p.valid_until > $1)
         WHERE p.counted AND NOT p.identity_public`,
        [today],
      );
      const cells = (await anonymous.fromAggregate([dimension], {}))!.cells.filter((c) => c.state === 'counted');
      // every counted result whose producer is withheld is in the null group
      expect(cells.find((c) => c.keys[0] === null)!.checked).toBeGreaterThanOrEqual(withheld.rows[0].n);
    }
    // by 不符合项 (a full count): only the items of listed results
    const items = (await anonymous.statistics([StatsDimension.nonconformingItem], {})).cells.filter((c) => c.state === 'counted');
    const listed = await db.sql.query<{ item: string; n: number }>(
      `SELECT ni.item, count(*)::int AS n FROM nonconforming_item ni JOIN case_period p ON p.spot_check_id = ni.spot_check_id
         AND p.valid_from <= $1 AND (p.valid_until IS NULL OR p.valid_until > $1) WHERE p.published GROUP BY 1 ORDER BY 1`,
      [today],
    );
    expect(listed.rows.length).toBeGreaterThan(0);
    expect(items.filter((c) => c.keys[0] !== null).map((c) => ({ item: c.keys[0], n: c.checked }))).toEqual(listed.rows);
  });
});
