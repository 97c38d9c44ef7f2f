import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRejected, importFile, publishBatch } from '@hub/api/import';
import type { PlainDate } from '@hub/db/plain-date';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { certificationsJson, revocationsJson, warningsJson } from '../import/data.ts';
import { tempDir, writeJson } from '../import/fixtures.ts';

/**
 * 撤回已公布记录 (003 Art. 26): a revocation decision set aside and a warning retracted are
 * withdrawn by a batch of their own; each leaves a public correction notice with the record's
 * number, what had been published (its linked certificates too), the row's reason and date.
 * A decision's items changed by a later batch are a field of its notice (link tables diffed).
 */
describe('withdrawing published records', () => {
  let db: TestDatabase;
  let api: TestApi;
  let dir: string;
  const day = { first: '2026-06-10', second: '2026-06-20' } satisfies Record<string, PlainDate>;
  const SET_ASIDE = '经行政复议，撤销该决定';
  const RETRACTED = '警示内容有误，予以撤回';

  async function importRows(kind: string, name: string, records: object[]) {
    const file = join(dir, name);
    await writeJson(file, records);
    return importFile(db.sql, file, { kind, errorsFile: false });
  }
  async function publish(kind: string, name: string, records: object[], today: PlainDate, reason?: string) {
    const summary = await importRows(kind, name, records);
    expect(summary.outcome).toBe('imported');
    return publishBatch(db.sql, summary.batchId!, { today, reason });
  }
  async function notices(recordNumber: string) {
    const { data, errors } = await api.query(
      `query($n: String) { publicCorrections(first: 50, recordNumber: $n) { nodes {
         recordType recordNumber recordNodeId kind kindLabel published stillPublic since recordedOn reason bureauReason
         changes { field before after } } } }`,
      { n: recordNumber },
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
    // a later batch narrows decision 2 to one of its two items
    await publish(
      'revocations',
      'revocations-narrowed.json',
      [{ ...revocationsJson[1], itemName: ['楚天浓香型白酒'] }],
      day.first,
      '决定书更正：只撤销一项',
    );
    const withdrawn = await publish(
      'withdrawals',
      'withdrawals.json',
      [
        { recordType: '撤销认定决定', number: revocationsJson[0].decisionNo, withdrawnOn: '2026-06-15', reason: SET_ASIDE },
        { recordType: '消费警示', number: warningsJson[2].title, reason: RETRACTED },
      ],
      day.second,
    );
    expect(withdrawn.byType.record_withdrawal).toEqual({ inserted: 2, corrected: 0, unchanged: 0 });
    expect(withdrawn.corrections).toBe(2);
    api = await startTestApi(db.url);
  });
  afterAll(async () => {
    delete process.env.HUB_TODAY;
    await api?.stop();
    await db?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('removes a withdrawn decision: its item is in force again, and a notice says what was published and why', async () => {
    const { data } = await api.query(`{ revocations(first: 10) { nodes { decisionNo } }
      certifiedItem(certificateNo: "HBJP2023003") { status revocations { decisionNo } } }`);
    expect(data.revocations.nodes.map((r: any) => r.decisionNo)).toEqual([revocationsJson[1].decisionNo]);
    expect(data.certifiedItem).toEqual({ status: 'in_force', revocations: [] });

    const [notice] = await notices(revocationsJson[0].decisionNo);
    expect(notice).toMatchObject({
      recordType: 'revocation',
      kind: 'removed',
      kindLabel: '撤销公布',
      stillPublic: false,
      since: '2026-06-15',
      recordedOn: day.second,
      reason: SET_ASIDE,
      bureauReason: SET_ASIDE,
    });
    expect(notice.published).toMatchObject({ decision_no: revocationsJson[0].decisionNo, certificateNos: ['HBJP2023003'] });
    expect(notice.changes).toContainEqual({ field: 'certificateNos', before: 'HBJP2023003', after: null });
    // the record's ID stays the one it had: node(id:) no longer answers, the notice does
    const { data: node } = await api.query(`query($id: ID!) { node(id: $id) { id } }`, { id: notice.recordNodeId });
    expect(node.node).toBeNull();
  });

  it('removes a retracted warning with its notice', async () => {
    const { data } = await api.query(`{ consumerWarnings(first: 10) { nodes { title } } }`);
    expect(data.consumerWarnings.nodes).toEqual([]);
    const [notice] = await notices(warningsJson[2].title);
    expect(notice).toMatchObject({ recordType: 'consumer_warning', kind: 'removed', since: day.second, reason: RETRACTED });
    expect(notice.published).toMatchObject({ title: warningsJson[2].title, risk: warningsJson[2].risk, reportNos: [] });
  });

  it("names a decision's items as a field of its correction when a later batch changes them", async () => {
    const [notice] = await notices(revocationsJson[1].decisionNo);
    expect(notice).toMatchObject({ kind: 'corrected', stillPublic: true, reason: '决定书更正：只撤销一项' });
    expect(notice.changes).toEqual([{ field: 'certificateNos', before: 'HBJP2023001；HBJP2023002', after: 'HBJP2023001' }]);
  });

  it('keeps the row reason in the record history (recordCorrections)', async () => {
    const { data } = await api.query(`{ recordCorrections(first: 20) { nodes { recordType change reason } } }`);
    expect(data.recordCorrections.nodes).toContainEqual({ recordType: 'revocation', change: 'removed', reason: SET_ASIDE });
    expect(data.recordCorrections.nodes).toContainEqual({ recordType: 'consumer_warning', change: 'removed', reason: RETRACTED });
  });

  it('refuses a withdrawal of a record that is not published (or already withdrawn), naming row and column', async () => {
    const file = join(dir, 'again.json');
    await writeJson(file, [
      { recordType: '撤销决定', number: revocationsJson[0].decisionNo, reason: SET_ASIDE },
      { recordType: '抽查结果', number: 'X', reason: '无' },
    ]);
    const error = (await importFile(db.sql, file, { kind: 'withdrawals', errorsFile: false }).catch((e: unknown) => e)) as ImportRejected;
    expect(error).toBeInstanceOf(ImportRejected);
    const issues = error.issues.map((i) => `${i.row}:${i.column}:${i.zh}`).join('\n');
    expect(issues).toMatch(/1:number:.*可能已撤回/);
    expect(issues).toMatch(/2:recordType:.*不是可选值之一/);
    const { data } = await api.query(`{ batches(first: 20) { nodes { kind status } } }`, undefined);
    expect(data.batches.nodes.filter((b: any) => b.kind === 'withdrawals').map((b: any) => b.status)).toEqual(['published']);
  });
});
