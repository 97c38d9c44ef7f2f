import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '@hub/api';
import { importFile, publishBatch } from '@hub/api/import';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import {
  certificationsJson,
  cultivationJson,
  dynamicJson,
  evaluationsJson,
  followUpsJson,
  revocationsJson,
  spotChecksJson,
  warningsJson,
} from '../import/data.ts';
import { tempDir, writeJson } from '../import/fixtures.ts';

/**
 * changes(since:) over every record kind a batch can add, correct or remove, published through
 * the real import: it never errs (the old key overflowed int for anything but spot checks), and
 * an anonymous client never learns the key of a record it may not see.
 */
describe('changes(since:)', () => {
  let db: TestDatabase;
  let api: TestApi;
  let dir: string;
  const TOKEN = 'hub_test_token_for_changes';
  const bureau = { authorization: `Bearer ${TOKEN}` };
  const since = '2000-01-01T00:00:00Z';
  const ids = async (sql: string) => (await db.sql.query(sql)).rows.map((r) => String(r.id)).sort();

  type Change = { recordType: string; recordId: string; change: string; version: number | null; reason: string | null };
  async function allChanges(headers: Record<string, string> = {}, pageSize = 7): Promise<Change[]> {
    const out: Change[] = [];
    let after: string | null = null;
    for (;;) {
      const { data, errors }: { data?: any; errors?: unknown } = await api.query(
        `query($since: DateTimeISO!, $after: String, $first: Int) { changes(since: $since, first: $first, after: $after) {
           pageInfo { hasNextPage endCursor } nodes { recordType recordId change version reason } } }`,
        { since, after, first: pageSize },
        headers,
      );
      expect(errors).toBeUndefined();
      out.push(...data.changes.nodes);
      if (!data.changes.pageInfo.hasNextPage) return out;
      after = data.changes.pageInfo.endCursor;
    }
  }
  const of = (changes: Change[], type: string, change = 'added') =>
    changes
      .filter((c) => c.recordType === type && c.change === change)
      .map((c) => c.recordId)
      .sort();

  async function publish(kind: string, name: string, records: object[], reason?: string) {
    const file = join(dir, name);
    await writeJson(file, records);
    const summary = await importFile(db.sql, file, { kind, errorsFile: false });
    expect(summary.outcome).toBe('imported');
    await publishBatch(db.sql, summary.batchId!, { reason });
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await tempDir();
    await db.sql.query(`INSERT INTO api_token (name, token_hash) VALUES ('测试', $1)`, [hashToken(TOKEN)]);
    await publish('certifications', 'certifications.json', certificationsJson);
    await publish('cultivation', 'cultivation.json', cultivationJson);
    await publish('evaluations', 'evaluations.json', evaluationsJson);
    await publish('dynamic-management', 'dynamic.json', dynamicJson);
    await publish('spot-checks', 'spot-checks.json', spotChecksJson);
    await publish('follow-ups', 'follow-ups.json', followUpsJson);
    await publish('revocations', 'revocations.json', revocationsJson);
    await publish('warnings', 'warnings.json', warningsJson);
    // a later batch corrects each kind: a result's nonconforming items (the old ones are removed),
    // a certified item's trademark, a decision's facts, a warning's advice
    await publish(
      'spot-checks',
      'spot-checks-corrected.json',
      spotChecksJson.map((r) =>
        (r as { reportNo?: string }).reportNo === 'HB2025-0003' && 'items' in r ? { ...r, items: ['导体电阻'] } : r,
      ),
    );
    await publish(
      'certifications',
      'certifications-corrected.json',
      certificationsJson.map((r) => (r.certificateNo === 'HBJP2023001' ? { ...r, trademark: '楚天牌' } : r)),
    );
    await publish(
      'revocations',
      'revocations-corrected.json',
      revocationsJson.map((r, i) => (i === 0 ? { ...r, facts: `${r.facts}（更正）` } : r)),
      '原决定书事实部分漏列行政处罚文号',
    );
    await publish(
      'warnings',
      'warnings-corrected.json',
      warningsJson.map((r, i) => (i === 0 ? { ...r, advice: '选购时查看CCC认证标志和合格证。' } : r)),
    );
    api = await startTestApi(db.url);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('pages through every kind without an error, oldest batch first, each change once', async () => {
    const anonymous = await allChanges();
    const keys = anonymous.map((c) => `${c.recordType}|${c.recordId}|${c.change}|${c.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    // the same as one big page: the bigint cursor pages exactly
    expect(await allChanges({}, 100)).toEqual(anonymous);
  });

  it('lists certified items, cultivation entries, evaluations, self-reports and notices as added', async () => {
    const changes = await allChanges();
    expect(of(changes, 'certified_item')).toEqual(await ids('SELECT id FROM certified_item ORDER BY id'));
    expect(of(changes, 'cultivation_entry')).toEqual(await ids('SELECT id FROM cultivation_entry'));
    expect(of(changes, 'standard_evaluation')).toEqual(await ids('SELECT id FROM standard_evaluation'));
    expect(of(changes, 'self_report')).toEqual(await ids('SELECT id FROM self_report'));
    expect(of(changes, 'rectification_notice')).toEqual(await ids('SELECT id FROM rectification_notice'));
    expect(of(changes, 'certified_item').length).toBe(5);
  });

  it('lists revocations and consumer warnings as added, and their corrections with the reason', async () => {
    const changes = await allChanges();
    expect(of(changes, 'revocation')).toEqual(await ids('SELECT id FROM revocation'));
    expect(of(changes, 'consumer_warning')).toEqual(await ids('SELECT id FROM consumer_warning'));
    expect(of(changes, 'revocation', 'corrected')).toEqual(
      await ids(`SELECT id FROM revocation WHERE decision_no = '鄂精品委〔2025〕1号'`),
    );
    expect(of(changes, 'consumer_warning', 'corrected')).toEqual(
      await ids(`SELECT id FROM consumer_warning WHERE title = '电动自行车消费警示'`),
    );
    expect(of(changes, 'certified_item', 'corrected')).toEqual(
      await ids(`SELECT id FROM certified_item WHERE certificate_no = 'HBJP2023001'`),
    );
    const corrected = changes.find((c) => c.recordType === 'revocation' && c.change === 'corrected')!;
    expect(corrected).toMatchObject({ version: 2 });
    expect(corrected.reason).toBe('原决定书事实部分漏列行政处罚文号');
    // no reason given: the batch's title names the correcting batch
    expect(changes.find((c) => c.recordType === 'consumer_warning' && c.change === 'corrected')!.reason).toMatch(/更正$/);
  });

  it('lists only the spot checks the public may see, their events and their removed parts', async () => {
    const changes = await allChanges();
    // HB2025-0002 and 0003: final 不合格 results, listed (0002 without its producer: Art. 15);
    // 0001 and 0004 passed, published in aggregate only (Art. 27(1)–(3)): their keys stay unknown
    const listed = await ids(`SELECT id FROM spot_check WHERE report_no IN ('HB2025-0002', 'HB2025-0003')`);
    expect(listed).toHaveLength(2);
    expect(of(changes, 'spot_check')).toEqual(listed);
    expect(of(changes, 'spot_check', 'corrected')).toEqual(await ids(`SELECT id FROM spot_check WHERE report_no = 'HB2025-0003'`));
    expect(of(changes, 'case_event')).toEqual(await ids('SELECT id FROM case_event'));
    expect(of(changes, 'nonconforming_item').length).toBeGreaterThan(0);
    // the correction left one of the result's two items: the other is removed, visibly
    expect(of(changes, 'nonconforming_item', 'removed').length).toBe(1);
    const hidden = await ids(`SELECT id FROM spot_check WHERE report_no IN ('HB2025-0001', 'HB2025-0004')`);
    expect(hidden).toHaveLength(2);
    const spotCheckKeys = changes.filter((c) => c.recordType === 'spot_check').map((c) => c.recordId);
    for (const id of hidden) expect(spotCheckKeys).not.toContain(id);
  });

  it('lists enterprises only while something public names them', async () => {
    const changes = await allChanges();
    const named = await ids(`SELECT id FROM enterprise WHERE uscc IS NOT NULL AND left(uscc, 8) <> '91440306' ORDER BY id`);
    const withheld = await ids(`SELECT id FROM enterprise WHERE name IN ('深圳市速达电动车有限公司') ORDER BY id`);
    expect(withheld).toHaveLength(1);
    expect(of(changes, 'enterprise')).toEqual(expect.arrayContaining(named));
    expect(of(changes, 'enterprise')).not.toContain(withheld[0]);
  });

  it('names each record by its number, and recordCorrections carries the bureau’s reason', async () => {
    const { data } = await api.query(
      `{ recordCorrections(first: 50) { nodes { recordType change recordNumber recordNumberLabel reason batch { reason } } } }`,
    );
    const nodes = data.recordCorrections.nodes;
    expect(nodes).toContainEqual({
      recordType: 'revocation',
      change: 'corrected',
      recordNumber: '鄂精品委〔2025〕1号',
      recordNumberLabel: '决定文号',
      reason: '原决定书事实部分漏列行政处罚文号',
      batch: { reason: '原决定书事实部分漏列行政处罚文号' },
    });
    // without a reason of the bureau's, the batch's title says which batch corrected it
    expect(nodes).toContainEqual(
      expect.objectContaining({ recordType: 'certified_item', recordNumber: 'HBJP2023001', recordNumberLabel: '证书编号' }),
    );
    expect(nodes).toContainEqual(
      expect.objectContaining({
        recordType: 'nonconforming_item',
        change: 'removed',
        recordNumber: 'HB2025-0003',
        recordNumberLabel: '报告编号',
      }),
    );
    expect(nodes.every((n: { change: string }) => n.change !== 'added')).toBe(true);
    // the withheld producer's enterprise and the passes never appear
    const hidden = await ids(`SELECT id FROM spot_check WHERE report_no IN ('HB2025-0001', 'HB2025-0004')`);
    const everything = (await api.query(`{ recordCorrections(first: 100) { nodes { recordType recordId } } }`)).data.recordCorrections
      .nodes;
    for (const n of everything) if (n.recordType === 'spot_check') expect(hidden).not.toContain(n.recordId);
  });

  it('shows a bureau token every record of every kind', async () => {
    const changes = await allChanges(bureau, 50);
    expect(of(changes, 'spot_check')).toEqual(await ids('SELECT id FROM spot_check'));
    expect(of(changes, 'enterprise')).toEqual(await ids('SELECT id FROM enterprise'));
    expect(of(changes, 'case_event')).toEqual(await ids('SELECT id FROM case_event'));
  });
});
