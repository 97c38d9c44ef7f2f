import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublishRefused, discardBatch, importFile, listBatches, publishBatch } from '@hub/api/import';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { A, B, OUT_OF_PROVINCE } from './data.ts';
import { hub, tempDir, writeCsv, type Table } from './fixtures.ts';

const HEADERS = [
  '抽查类型',
  '产品种类',
  '产品名称',
  '商标',
  '标称生产企业名称',
  '标称生产企业统一社会信用代码',
  '被抽样单位名称',
  '承检机构',
  '报告编号',
  '报告日期',
  '检验结论',
  '不合格项目',
];

function results(title: string, changes: Record<string, Partial<Record<string, string>>> = {}, extra: string[][] = []): Table {
  const base: Record<string, string[]> = {
    'WF-001': [
      '省级监督抽查',
      '白酒',
      '浓香型白酒',
      '楚天',
      A.name,
      A.uscc,
      A.name,
      '湖北省产品质量监督检验研究院',
      'WF-001',
      '2025-03-05',
      '合格',
      '',
    ],
    'WF-002': [
      '省级监督抽查',
      '电动自行车',
      '电动自行车',
      '/',
      OUT_OF_PROVINCE.name,
      OUT_OF_PROVINCE.uscc,
      '武汉某车行',
      '湖北省产品质量监督检验研究院',
      'WF-002',
      '2025-03-06',
      '不合格',
      '整车质量(标准值: ≤55kg, 实测值: 58kg)；最高车速',
    ],
    'WF-003': [
      '市级监督抽查',
      '电线电缆',
      '电缆',
      '三峡',
      B.name,
      B.uscc,
      B.name,
      '宜昌市产品质量监督检验所',
      'WF-003',
      '2025-03-07',
      '合格',
      '',
    ],
  };
  const rows = Object.entries(base).map(([no, row]) => {
    const change = changes[no] ?? {};
    return row.map((v, i) => change[HEADERS[i]] ?? v);
  });
  return { title, headers: HEADERS, rows: [...rows, ...extra] };
}

describe('the batch workflow', () => {
  let db: TestDatabase;
  let dir: string;
  let first: number;
  const q = async (sql: string, params: unknown[] = []) => (await db.sql.query(sql, params)).rows;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await tempDir();
  });
  afterAll(async () => {
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a draft that the public cannot see, then publishes it all at once', async () => {
    const file = join(dir, 'round-1.csv');
    await writeCsv(file, results('2025年第1批抽查结果'), 'utf8-bom');
    const summary = await importFile(db.sql, file, { kind: 'spot-checks' });
    expect(summary).toMatchObject({ outcome: 'imported', rows: 3, new: 3, title: '2025年第1批抽查结果' });
    first = summary.batchId!;
    expect(await q(`SELECT status, row_count, content_hash IS NOT NULL AS hashed FROM batch`)).toEqual([
      { status: 'draft', row_count: 3, hashed: true },
    ]);
    expect(await q(`SELECT row_number, natural_key, action FROM batch_row ORDER BY row_number`)).toEqual([
      { row_number: 3, natural_key: 'WF-001', action: 'new' },
      { row_number: 4, natural_key: 'WF-002', action: 'new' },
      { row_number: 5, natural_key: 'WF-003', action: 'new' },
    ]);
    // the domain tables do not know the draft
    expect(await q(`SELECT count(*)::int AS n FROM spot_check`)).toEqual([{ n: 0 }]);
    expect(await q(`SELECT count(*)::int AS n FROM enterprise`)).toEqual([{ n: 0 }]);

    // publishing holds back until another session lets nonconforming_item be written: meanwhile
    // the results it has already inserted stay invisible to every other reader
    const blocker = new pg.Client({ connectionString: db.url });
    const publisher = new pg.Client({ connectionString: db.url });
    await blocker.connect();
    await publisher.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE nonconforming_item IN EXCLUSIVE MODE');
      const publishing = publishBatch(publisher, first);
      await until(
        async () => (await q(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).length > 0,
      );
      expect(await q(`SELECT count(*)::int AS n FROM spot_check`)).toEqual([{ n: 0 }]);
      expect(await q(`SELECT status FROM batch WHERE id = $1`, [first])).toEqual([{ status: 'draft' }]);
      await blocker.query('ROLLBACK');
      const result = await publishing;
      expect(result).toMatchObject({ batchId: first, inserted: 3, corrected: 0, unchanged: 0 });
      expect(result.spotCheckIds).toHaveLength(3);
    } finally {
      await blocker.end();
      await publisher.end();
    }
    expect(await q(`SELECT count(*)::int AS n FROM spot_check`)).toEqual([{ n: 3 }]);
    expect(await q(`SELECT count(*)::int AS n FROM nonconforming_item`)).toEqual([{ n: 2 }]);
    expect(await q(`SELECT status, published_at IS NOT NULL AS at FROM batch WHERE id = $1`, [first])).toEqual([
      { status: 'published', at: true },
    ]);
    // producers by USCC (out of province too); a sampled unit named like no enterprise stays unlinked
    expect(await q(`SELECT count(*)::int AS n FROM enterprise`)).toEqual([{ n: 3 }]);
  });

  it('does nothing when the same file comes again, and says which batch holds it', async () => {
    const file = join(dir, 'round-1.csv');
    expect(await importFile(db.sql, file, { kind: 'spot-checks' })).toMatchObject({
      outcome: 'already-imported',
      batchId: first,
      existingStatus: 'published',
    });
    const cli = await hub(['import', file, '--kind', 'spot-checks'], db.url);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain(`此文件已导入过，未重复导入：批次 ${first}（published）`);
    expect(await q(`SELECT count(*)::int AS n FROM batch`)).toEqual([{ n: 1 }]);
  }, 30_000);

  it('corrects a published record: the old version goes to history with the batch and the reason, version 2', async () => {
    const file = join(dir, 'round-1-corrected.csv');
    await writeCsv(
      file,
      results('2025年第1批抽查结果（更正）', { 'WF-002': { 检验结论: '不合格', 不合格项目: '整车质量(标准值: ≤55kg, 实测值: 57.5kg)' } }, [
        [
          '省级监督抽查',
          '白酒',
          '清香型白酒',
          '楚天',
          A.name,
          A.uscc,
          A.name,
          '湖北省产品质量监督检验研究院',
          'WF-004',
          '2025-03-08',
          '合格',
          '',
        ],
      ]),
      'gbk',
    );
    const summary = await importFile(db.sql, file, { kind: 'spot-checks' });
    expect(summary).toMatchObject({ rows: 4, new: 1, corrected: 1, unchanged: 2 });
    expect(
      await q(`SELECT natural_key, action, (data->>'seenVersion')::int AS seen FROM batch_row WHERE batch_id = $1 ORDER BY row_number`, [
        summary.batchId,
      ]),
    ).toEqual([
      { natural_key: 'WF-001', action: 'unchanged', seen: 1 },
      { natural_key: 'WF-002', action: 'corrected', seen: 1 },
      { natural_key: 'WF-003', action: 'unchanged', seen: 1 },
      { natural_key: 'WF-004', action: 'new', seen: null },
    ]);
    const before = await q(`SELECT report_no, updated_at FROM spot_check WHERE report_no = 'WF-001'`);

    const result = await publishBatch(db.sql, summary.batchId!);
    expect(result).toMatchObject({ inserted: 1, corrected: 1, unchanged: 2 });
    expect(result.spotCheckIds).toHaveLength(2);

    const [record] = await q(`SELECT id, version, batch_id, last_batch_id FROM spot_check WHERE report_no = 'WF-002'`);
    expect(record).toMatchObject({ version: 2, batch_id: first, last_batch_id: summary.batchId });
    const history = await q(
      `SELECT table_name, version, operation, batch_id, reason, data->>'report_no' AS report_no
         FROM record_history WHERE table_name = 'spot_check' AND record_id = $1::text`,
      [record.id],
    );
    expect(history).toEqual([
      {
        table_name: 'spot_check',
        version: 1,
        operation: 'update',
        batch_id: summary.batchId,
        reason: '2025年第1批抽查结果（更正） 更正',
        report_no: 'WF-002',
      },
    ]);
    // the changed item was updated in place (its old version kept), the dropped one removed (kept too)
    expect(await q(`SELECT seq, item, measured, version FROM nonconforming_item WHERE spot_check_id = $1`, [record.id])).toEqual([
      { seq: 1, item: '整车质量', measured: '57.5kg', version: 2 },
    ]);
    expect(
      await q(`SELECT operation, data->>'measured' AS measured FROM record_history WHERE table_name = 'nonconforming_item' ORDER BY id`),
    ).toEqual([
      { operation: 'delete', measured: null },
      { operation: 'update', measured: '58kg' },
    ]);
    // unchanged rows are not rewritten
    expect(await q(`SELECT report_no, updated_at, version FROM spot_check WHERE report_no = 'WF-001'`)).toEqual([
      { ...before[0], version: 1 },
    ]);
  });

  it('refuses a draft that another batch made out of date; discarding it lets the file come again', async () => {
    const stale = join(dir, 'stale.csv');
    await writeCsv(stale, results('过期草稿', { 'WF-003': { 检验结论: '不合格', 不合格项目: '导体电阻' } }), 'utf8');
    const draft = await importFile(db.sql, stale, { kind: 'spot-checks' });
    // WF-002 as first published (before its correction), WF-003 failed
    expect(draft).toMatchObject({ corrected: 2, unchanged: 1 });
    const other = join(dir, 'other.csv');
    await writeCsv(other, results('另一更正', { 'WF-003': { 产品名称: '电缆（BV 2.5）' } }), 'utf8');
    await publishBatch(db.sql, (await importFile(db.sql, other, { kind: 'spot-checks' })).batchId!);

    await expect(publishBatch(db.sql, draft.batchId!)).rejects.toThrow(PublishRefused);
    await expect(publishBatch(db.sql, draft.batchId!)).rejects.toThrow(/out of date: the records above changed since the import/);
    expect(await q(`SELECT status FROM batch WHERE id = $1`, [draft.batchId])).toEqual([{ status: 'draft' }]);

    await discardBatch(db.sql, draft.batchId!);
    expect(await q(`SELECT status, content_hash FROM batch WHERE id = $1`, [draft.batchId])).toEqual([
      { status: 'discarded', content_hash: null },
    ]);
    expect(await q(`SELECT count(*)::int AS n FROM batch_row WHERE batch_id = $1`, [draft.batchId])).toEqual([{ n: 0 }]);
    // the other batch restored WF-002 as first published: only WF-003 differs now
    const again = await importFile(db.sql, stale, { kind: 'spot-checks' });
    expect(again).toMatchObject({ outcome: 'imported', corrected: 1, unchanged: 2 });
    expect(again.batchId).not.toBe(draft.batchId);

    await expect(publishBatch(db.sql, first)).rejects.toThrow(/is published: only a draft can be published/);
    await expect(discardBatch(db.sql, first)).rejects.toThrow(/only a draft can be discarded/);
  });

  it('lists the batches; the command line lists and publishes them', async () => {
    const batches = await listBatches(db.sql);
    expect(batches.map((b) => [b.kind, b.status, b.rows])).toEqual([
      ['spot_checks', 'draft', 3],
      ['spot_checks', 'published', 3],
      ['spot_checks', 'discarded', 3],
      ['spot_checks', 'published', 4],
      ['spot_checks', 'published', 3],
    ]);
    const draft = batches[0];
    const listed = await hub(['batches'], db.url);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${draft.id}\\s+spot_checks\\s+草稿 draft\\s+3\\s`, 'm'));
    const published = await hub(['publish', String(draft.id)], db.url);
    expect(published.code).toBe(0);
    expect(published.stdout).toContain(`已发布批次 ${draft.id} (published batch ${draft.id})`);
    expect(published.stdout).toContain('更正 corrected 1');
  }, 60_000);
});

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
