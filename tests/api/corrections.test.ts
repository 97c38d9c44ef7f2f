import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, publishBatch } from '@hub/api/import';
import type { PlainDate } from '@hub/db/plain-date';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { A, B, certificationsJson, revocationsJson, warningsJson } from '../import/data.ts';
import { tempDir, writeJson } from '../import/fixtures.ts';

/**
 * The corrections ledger: each kind of change to a published fact leaves a notice with the
 * record's number, what had been published, what changed field by field, the batch, the
 * bureau's reason and the date — written by publishing, through the real import.
 */
const failure = (reportNo: string, producer: { name: string; uscc: string }, extra: Record<string, unknown> = {}) => ({
  type: 'spotCheck',
  checkType: '市级监督抽查',
  productCategory: '电线电缆',
  productName: `电缆${reportNo}`,
  trademark: '三峡',
  producerName: producer.name,
  producerUscc: producer.uscc,
  sampledUnitName: producer.name,
  testingAgency: '宜昌市产品质量监督检验所',
  reportNo,
  reportDate: '2026-03-02',
  conclusion: '不合格',
  items: ['导体电阻'],
  ...extra,
});
const delivered = (reportNo: string) => ({ type: 'followUp', reportNo, event: '送达', date: '2026-03-04' });
const ROUND = [
  failure('C-W', A),
  failure('C-R', B),
  failure('C-C', A, { productName: '铜芯电缆' }),
  failure('C-F', B, { productName: '铝芯电缆' }),
  ...['C-W', 'C-R', 'C-C', 'C-F'].map(delivered),
];

describe('the corrections ledger', () => {
  let db: TestDatabase;
  let api: TestApi;
  let dir: string;
  const day = { first: '2026-06-10', second: '2026-06-11' } satisfies Record<string, PlainDate>;

  async function publish(kind: string, name: string, records: object[], today: PlainDate, reason?: string) {
    const file = join(dir, name);
    await writeJson(file, records);
    const summary = await importFile(db.sql, file, { kind, errorsFile: false });
    expect(summary.outcome).toBe('imported');
    return publishBatch(db.sql, summary.batchId!, { today, reason });
  }
  async function notices(recordNumber?: string) {
    const { data, errors } = await api.query(
      `query($n: String) { publicCorrections(first: 50, recordNumber: $n) { totalCount nodes {
         recordType recordNumber recordNumberLabel kind kindLabel published stillPublic since recordedOn reason bureauReason explanation
         changes { field label before after } batch { title reason } status } } }`,
      { n: recordNumber ?? null },
    );
    expect(errors).toBeUndefined();
    return data.publicCorrections.nodes as any[];
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await tempDir();
    process.env.HUB_TODAY = day.second;
    await publish('certifications', 'certifications.json', certificationsJson, day.first);
    await publish('revocations', 'revocations.json', revocationsJson, day.first);
    await publish('warnings', 'warnings.json', warningsJson.slice(2), day.first);
    const first = await publish('spot-checks', 'round.json', ROUND, day.first);
    expect(first.corrections).toBe(0);

    // a day later, the follow-ups show a timely objection for two results: one withdrawn, one re-tested 合格
    await publish(
      'follow-ups',
      'follow-ups.json',
      [
        { reportNo: 'C-W', event: 'objection_filed', date: '2026-03-10', outcome: 'conclusion' },
        { reportNo: 'C-W', event: 'objection_decided', date: '2026-04-01', outcome: 'withdrawn' },
        { reportNo: 'C-R', event: 'objection_filed', date: '2026-03-10', outcome: 'conclusion' },
        { reportNo: 'C-R', event: 'objection_decided', date: '2026-03-20', outcome: 'retest' },
        { reportNo: 'C-R', event: 'retest_sample_confirmed', date: '2026-03-25' },
        { reportNo: 'C-R', event: 'retest_result', date: '2026-04-20', outcome: '合格' },
      ],
      day.second,
    );
    // a later batch corrects one result's conclusion and another's trademark, with the bureau's reason
    await publish(
      'spot-checks',
      'round-corrected.json',
      ROUND.map((r) =>
        r.type === 'spotCheck' && r.reportNo === 'C-C'
          ? { ...r, conclusion: '合格', items: [] }
          : r.type === 'spotCheck' && r.reportNo === 'C-F'
            ? { ...r, trademark: '三峡牌' }
            : r,
      ),
      day.second,
      '承检机构来函更正报告',
    );
    await publish(
      'revocations',
      'revocations-corrected.json',
      revocationsJson.map((r, i) => (i === 0 ? { ...r, facts: '连续两次监督抽查不合格' } : r)),
      day.second,
      '决定书事实表述更正',
    );
    await publish('warnings', 'warnings-corrected.json', [{ ...warningsJson[2], advice: '雷雨天气拔下电器插头。' }], day.second);
    api = await startTestApi(db.url);
  });
  afterAll(async () => {
    delete process.env.HUB_TODAY;
    await api?.stop();
    await db?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('records a result withdrawn after an objection (003 Art. 13–14), since the day of the decision', async () => {
    const [notice] = await notices('C-W');
    expect(notice).toMatchObject({
      recordType: 'spot_check',
      recordNumber: 'C-W',
      recordNumberLabel: '报告编号',
      kind: 'withdrawn',
      kindLabel: '撤回',
      stillPublic: false,
      since: '2026-04-01',
      recordedOn: day.second,
      status: 'withdrawn',
      bureauReason: null,
    });
    expect(notice.explanation).toContain('003 Art. 13–14');
    expect(notice.published).toMatchObject({ reportNo: 'C-W', productName: '电缆C-W', conclusion: 'fail', nonconformingItems: '导体电阻' });
    // the producer had not been named: the notice does not name it either
    expect(notice.published.producerName).toBeNull();
    expect(notice.changes).toContainEqual({ field: 'productName', label: '产品名称', before: '电缆C-W', after: null });
  });

  it('records a result overturned on re-test (003 Art. 11)', async () => {
    const [notice] = await notices('C-R');
    expect(notice).toMatchObject({ kind: 'overturned', kindLabel: '复检改判', stillPublic: false, status: 'passed' });
    expect(notice.explanation).toContain('003 Art. 11');
  });

  it('records a conclusion a later batch corrected, with the bureau’s reason, and keeps the permalink answering', async () => {
    const [notice] = await notices('C-C');
    expect(notice).toMatchObject({
      kind: 'corrected',
      stillPublic: false,
      reason: '承检机构来函更正报告',
      bureauReason: '承检机构来函更正报告',
      batch: { reason: '承检机构来函更正报告' },
    });
    expect(notice.changes).toContainEqual({ field: 'conclusion', label: '检验结论', before: 'fail', after: null });
    const { data } = await api.query(`{ spotCheck(reportNo: "C-C") { reportNo conclusion disclosure { published correction } } }`);
    expect(data.spotCheck).toEqual({ reportNo: 'C-C', conclusion: 'pass', disclosure: { published: false, correction: true } });
  });

  it('records a public field corrected while the result stays listed, field by field', async () => {
    const [notice] = await notices('C-F');
    expect(notice).toMatchObject({ kind: 'corrected', stillPublic: true });
    expect(notice.changes).toEqual([{ field: 'trademark', label: '商标', before: '三峡', after: '三峡牌' }]);
  });

  it('records a corrected revocation and a corrected warning by their number', async () => {
    const [revocation] = await notices('鄂精品委〔2025〕1号');
    expect(revocation).toMatchObject({
      recordType: 'revocation',
      recordNumberLabel: '决定文号',
      kind: 'corrected',
      stillPublic: true,
      reason: '决定书事实表述更正',
    });
    expect(revocation.changes).toEqual([
      { field: 'facts', label: null, before: revocationsJson[0].facts, after: '连续两次监督抽查不合格' },
    ]);
    const [warning] = await notices(warningsJson[2].title);
    expect(warning).toMatchObject({ recordType: 'consumer_warning', kind: 'corrected' });
    expect(warning.changes).toEqual([{ field: 'advice', label: null, before: null, after: '雷雨天气拔下电器插头。' }]);
  });

  it('lists every notice, newest first, and nothing for a batch that changed nothing public', async () => {
    const all = await notices();
    expect(all.map((n) => n.recordNumber).sort()).toEqual(
      ['C-C', 'C-F', 'C-R', 'C-W', '鄂精品委〔2025〕1号', warningsJson[2].title].sort(),
    );
    const { rows } = await db.sql.query(`SELECT count(*)::int AS n FROM correction_notice WHERE batch_id = 4`);
    expect(rows[0].n).toBe(0);
  });

  it('never lets a notice be changed or deleted', async () => {
    await expect(db.sql.query(`DELETE FROM correction_notice`)).rejects.toThrow(/append-only/);
    await expect(db.sql.query(`UPDATE correction_notice SET reason = 'x'`)).rejects.toThrow(/append-only/);
  });
});
