import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '@hub/api';
import { importFile, publishBatch } from '@hub/api/import';
import { publicChangesOn } from '@hub/api/case-state';
import { addDays, type PlainDate } from '@hub/db/plain-date';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { A } from '../import/data.ts';
import { tempDir, writeJson } from '../import/fixtures.ts';

/**
 * True every day: the consecutive-failure identity (003 Art. 27(4)5) as date ranges. Two
 * supervision failures of the same producer and product; the producer becomes public on the
 * day the second failure is final, not before, whatever the day the batch was published.
 */
const result = (reportNo: string, reportDate: string, sampledOn: string) => ({
  type: 'spotCheck',
  checkType: '省级监督抽查',
  productCategory: '白酒',
  productName: '楚天浓香型白酒',
  trademark: '楚天',
  producerName: A.name,
  producerUscc: A.uscc,
  sampledUnitName: A.name,
  sampledOn,
  testingAgency: '湖北省产品质量监督检验研究院',
  reportNo,
  reportDate,
  conclusion: '不合格',
  items: ['固形物'],
});
const FILE = [
  result('RUN-1', '2025-03-05', '2025-02-10'),
  result('RUN-2', '2025-09-05', '2025-08-10'),
  { type: 'followUp', reportNo: 'RUN-1', event: '送达', date: '2025-03-07' },
  { type: 'followUp', reportNo: 'RUN-2', event: '送达', date: '2025-09-08' },
];
const TOKEN = 'hub_test_token_for_as_of';
const bureau = { authorization: `Bearer ${TOKEN}` };
/** a day between the two failures, and the two days the same file is published on */
const BETWEEN: PlainDate = '2025-06-10';
const LATE: PlainDate = '2026-08-01';

describe('as of a date', () => {
  let dir: string;
  const dbs: TestDatabase[] = [];
  const apis: TestApi[] = [];
  const saved = process.env.HUB_TODAY;

  async function publishedOn(today: PlainDate): Promise<{ db: TestDatabase; api: TestApi }> {
    const db = await createTestDatabase();
    dbs.push(db);
    const file = join(dir, `run-${today}.json`);
    await writeJson(file, FILE);
    const summary = await importFile(db.sql, file, { kind: 'spot-checks', errorsFile: false });
    await publishBatch(db.sql, summary.batchId!, { today });
    const api = await startTestApi(db.url);
    apis.push(api);
    return { db, api };
  }
  /** the public's answer on a day (HUB_TODAY is read per request; a distinct alias per day passes the response cache) */
  async function publicOn(api: TestApi, day: PlainDate, reportNo: string) {
    process.env.HUB_TODAY = day;
    const alias = `r${day.replace(/-/g, '')}`;
    const { data } = await api.query(
      `query($no: String!) { ${alias}: spotCheck(reportNo: $no) { reportNo producerName disclosure { published identityPublic identityBasis } } }`,
      { no: reportNo },
    );
    return data[alias];
  }
  /** the run's completion: the first day the second failure is final (from its case periods) */
  async function completion(db: TestDatabase): Promise<PlainDate> {
    const { rows } = await db.sql.query<{ d: string }>(
      `SELECT to_char(min(p.valid_from), 'YYYY-MM-DD') AS d FROM case_period p JOIN spot_check sc ON sc.id = p.spot_check_id
        WHERE sc.report_no = 'RUN-2' AND p.published`,
    );
    return rows[0].d;
  }

  beforeAll(async () => {
    dir = await tempDir();
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.HUB_TODAY;
    else process.env.HUB_TODAY = saved;
  });
  afterAll(async () => {
    for (const api of apis) await api.stop();
    for (const db of dbs) await db.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('names the producer from the day the second failure is final, never before (003 Art. 27(4)5)', async () => {
    const { db, api } = await publishedOn(LATE);
    const done = await completion(db);
    // between the two failures: RUN-1 is a published failure, its producer not named
    expect(await publicOn(api, BETWEEN, 'RUN-1')).toEqual({
      reportNo: 'RUN-1',
      producerName: null,
      disclosure: { published: true, identityPublic: false, identityBasis: 'no_situation' },
    });
    // the day before the run completes: neither result names the producer yet
    expect((await publicOn(api, addDays(done, -1), 'RUN-1')).disclosure.identityPublic).toBe(false);
    expect(await publicOn(api, addDays(done, -1), 'RUN-2')).toBeNull();
    // the day-boundary job learns that both pages change that day
    expect((await publicChangesOn(db.sql, done)).keys.filter((k) => k.what === 'period_starts').map((k) => k.number)).toEqual([
      'RUN-1',
      'RUN-2',
    ]);
    // from that day on, both results of the run name it
    for (const no of ['RUN-1', 'RUN-2']) {
      expect(await publicOn(api, done, no)).toEqual({
        reportNo: no,
        producerName: A.name,
        disclosure: { published: true, identityPublic: true, identityBasis: 'consecutive_failures' },
      });
    }
  });

  it('does not list a failure whose 送达 is not recorded, unless the batch is a 结果公告 (publish --final)', async () => {
    const undelivered = FILE.filter((r) => r.type === 'spotCheck' && r.reportNo === 'RUN-1');
    const results: Record<string, unknown> = {};
    for (const final of [false, true]) {
      const db = await createTestDatabase();
      dbs.push(db);
      const file = join(dir, `undelivered-${final}.json`);
      await writeJson(file, undelivered);
      const summary = await importFile(db.sql, file, { kind: 'spot-checks', errorsFile: false });
      await publishBatch(db.sql, summary.batchId!, { today: LATE, final });
      const api = await startTestApi(db.url);
      apis.push(api);
      results[String(final)] = await publicOn(api, LATE, 'RUN-1');
      process.env.HUB_TODAY = LATE;
      // the bureau sees the status the records support: 待送达 until a 送达 is recorded (003 Art. 5, 7)
      await db.sql.query(`INSERT INTO api_token (name, token_hash) VALUES ('测试', $1)`, [hashToken(TOKEN)]);
      const status = await api.query(`{ spotCheck(reportNo: "RUN-1") { status { status } } }`, undefined, bureau);
      expect(status.data.spotCheck.status.status).toBe(final ? 'final' : 'awaiting_delivery');
      const { data } = await api.query(`{ batches(first: 1) { nodes { final } } }`);
      expect(data.batches.nodes).toEqual([{ final }]);
    }
    expect(results.false).toBeNull();
    expect(results.true).toMatchObject({ reportNo: 'RUN-1', disclosure: { published: true } });
  });

  it('does not complete a run with a failure that is final only on an estimate (no 送达 on record)', async () => {
    const db = await createTestDatabase();
    dbs.push(db);
    const file = join(dir, 'second-undelivered.json');
    await writeJson(
      file,
      FILE.filter((r) => !(r.type === 'followUp' && r.reportNo === 'RUN-2')),
    );
    const summary = await importFile(db.sql, file, { kind: 'spot-checks', errorsFile: false });
    await publishBatch(db.sql, summary.batchId!, { today: LATE });
    const api = await startTestApi(db.url);
    apis.push(api);
    expect(await publicOn(api, LATE, 'RUN-1')).toEqual({
      reportNo: 'RUN-1',
      producerName: null,
      disclosure: { published: true, identityPublic: false, identityBasis: 'no_situation' },
    });
    expect(await publicOn(api, LATE, 'RUN-2')).toBeNull();
  });

  it('gives the same as-of answers whether the file was published before or after the run completed', async () => {
    const early = await publishedOn(BETWEEN);
    const late = await publishedOn(LATE);
    const third = addDays(await completion(late.db), 30);
    const dump = async (db: TestDatabase) => ({
      periods: (
        await db.sql.query(
          `SELECT sc.report_no, to_char(p.valid_from, 'YYYY-MM-DD') AS f, to_char(p.valid_until, 'YYYY-MM-DD') AS u, p.status,
             p.published, p.counted, p.identity_public, p.identity_basis, p.correction
           FROM case_period p JOIN spot_check sc ON sc.id = p.spot_check_id ORDER BY 1, 2`,
        )
      ).rows,
      deadlines: (
        await db.sql.query(
          `SELECT sc.report_no, d.step, to_char(d.starts_on, 'YYYY-MM-DD') AS s, to_char(d.due_on, 'YYYY-MM-DD') AS due,
             to_char(d.met_on, 'YYYY-MM-DD') AS met, d.can_be_overdue, d.starts_on_estimated
           FROM case_deadline d JOIN spot_check sc ON sc.id = d.spot_check_id ORDER BY 1, 2, 3`,
        )
      ).rows,
    });
    expect(await dump(early.db)).toEqual(await dump(late.db));
    for (const no of ['RUN-1', 'RUN-2']) {
      const answer = await publicOn(early.api, third, no);
      expect(answer.disclosure.identityBasis).toBe('consecutive_failures');
      expect(answer).toEqual(await publicOn(late.api, third, no));
    }
    process.env.HUB_TODAY = third;
    const ask = `{ spotChecks(first: 10) { nodes { reportNo producerName status { status since }
      deadlines { step startsOn estimated dueOn metOn overdue notRecorded } } } }`;
    expect((await early.api.query(ask)).data).toEqual((await late.api.query(ask)).data);
  });
});
