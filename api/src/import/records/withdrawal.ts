/**
 * 撤回已公布记录: the bureau withdraws a published record outright — a revocation decision set
 * aside (e.g. on administrative reconsideration), a consumer warning retracted. Publishing the
 * batch deletes the record (record_history keeps it, with the batch and the reason) and writes
 * a public correction notice (更正公告, kind 撤销公布) with what had been published and the
 * reason given on the row (003 Art. 26: nothing published vanishes without a notice).
 *
 * Columns: 记录类型 (撤销认定决定 / 消费警示), 编号 (a decision's 决定文号, a warning's 标题),
 * 发布日期 (a warning's, needed only when two warnings share the title), 撤回日期 (optional:
 * since when the record no longer holds; default the publishing day), 撤回理由 (required: the
 * notice says why). Results are not withdrawn here: their own procedure does it (an upheld
 * objection, 003 Art. 13–14), and a corrected register is re-imported with its new values.
 */
import { ConsumerWarning, maxLength, Revocation, WithdrawableRecord, WithdrawableRecordForms } from '@hub/db';
import type { Prepared, RecordType } from '../record-type.ts';
import { rowsOf, SEQ } from './common.ts';

export interface WithdrawalRecord {
  recordType: WithdrawableRecord;
  /** 决定文号 or a warning's 标题 */
  number: string;
  /** a warning's 发布日期, when given */
  publishedOn: string | null;
  withdrawnOn: string | null;
  reason: string;
  /** the record withdrawn, resolved against the published records */
  targetId: number;
}

const NUMBER_MAX = Math.max(maxLength(Revocation, 'decisionNo'), maxLength(ConsumerWarning, 'title'));

/** The published records of one type a row may name: id, its number and date. */
const TARGETS: Record<WithdrawableRecord, { table: string; number: string; date: string; label: string }> = {
  revocation: { table: 'revocation', number: 'decision_no', date: 'decided_on', label: '决定文号' },
  consumer_warning: { table: 'consumer_warning', number: 'title', date: 'published_on', label: '标题' },
};

export const withdrawal: RecordType<WithdrawalRecord> = {
  code: 'record_withdrawal',
  label: '撤回已公布记录',
  jsonType: 'withdrawal',
  columns: [
    SEQ,
    {
      key: 'recordType',
      header: '记录类型',
      aliases: ['撤回记录类型', '类型', '记录种类', '撤回对象'],
      required: true,
      note: '撤销认定决定 / 消费警示',
    },
    {
      key: 'number',
      header: '编号',
      aliases: ['决定文号', '文号', '标题', '警示标题', '记录编号', '编号/标题'],
      required: true,
      note: "a decision's 决定文号, a warning's 标题",
    },
    { key: 'publishedOn', header: '发布日期', aliases: ['警示发布日期', '原发布日期'], note: "a warning's, when two share the title" },
    { key: 'withdrawnOn', header: '撤回日期', aliases: ['撤回时间', '撤回决定日期'], note: 'default: the publishing day' },
    { key: 'reason', header: '撤回理由', aliases: ['撤回原因', '理由', '原因', '说明'], required: true },
  ],
  keyColumns: ['recordType', 'number', 'publishedOn'],

  normalise(row) {
    const recordType = row.choice('recordType', WithdrawableRecord, { forms: WithdrawableRecordForms });
    const number = row.text('number', { max: NUMBER_MAX });
    const publishedOn = row.date('publishedOn');
    const withdrawnOn = row.date('withdrawnOn');
    const reason = row.text('reason');
    if (row.failed || !recordType || !number || !reason) return undefined;
    return { record: { recordType, number, publishedOn, withdrawnOn, reason, targetId: 0 } };
  },

  naturalKey: (r) => `${r.recordType}|${r.number}|${r.publishedOn ?? ''}`,

  content: (r) => r,

  async lookup(sql, records, report) {
    for (const [code, t] of Object.entries(TARGETS) as [WithdrawableRecord, (typeof TARGETS)[WithdrawableRecord]][]) {
      const mine = records.filter((r) => r.record.recordType === code) as Prepared<WithdrawalRecord>[];
      if (!mine.length) continue;
      const found = await sql.query<{ id: number; number: string; date: string }>(
        `SELECT t.id, t.${t.number} AS number, t.${t.date}::text AS date FROM ${t.table} t WHERE t.${t.number} = ANY($1::text[])`,
        [[...new Set(mine.map((r) => r.record.number))]],
      );
      for (const r of mine) {
        const matches = found.filter((f) => f.number === r.record.number && (!r.record.publishedOn || f.date === r.record.publishedOn));
        const label = WithdrawableRecord.labels[code];
        if (matches.length === 1) r.record.targetId = matches[0].id;
        else if (matches.length === 0)
          report(
            r,
            'number',
            `没有${t.label}为"${r.record.number}"${r.record.publishedOn ? `、发布日期为 ${r.record.publishedOn} ` : ''}的已公布${label}（可能已撤回）`,
            `no published ${code} has this ${t.label}${r.record.publishedOn ? ' and date' : ''} (already withdrawn?)`,
            r.record.number,
          );
        else
          report(
            r,
            'publishedOn',
            `有 ${matches.length} 条${t.label}为"${r.record.number}"的${label}（${matches.map((m) => m.date).join('、')}），请填写发布日期`,
            `${matches.length} records of type ${code} have this ${t.label}: give the date (${matches.map((m) => m.date).join(', ')})`,
          );
      }
    }
    // a withdrawal is always a new act: it never corrects an earlier row
    return new Map();
  },

  publish: {
    table: 'record_withdrawal',
    target: `SELECT NULL::int AS id, NULL::int AS version`,
    async apply(sql, batchId) {
      const rows = await sql.query<{ type: WithdrawableRecord; id: number; reason: string }>(
        `SELECT d->>'recordType' AS type, (d->>'targetId')::int AS id, d->>'reason' AS reason FROM (${rowsOf('record_withdrawal', 'new')}) p`,
        [batchId],
      );
      const batchReason = await sql.query<{ reason: string | null }>(`SELECT current_setting('hub.change_reason', true) AS reason`);
      let deleted = 0;
      // few rows: one statement each, so that record_history keeps each row's own reason
      for (const r of rows) {
        await sql.query(`SELECT set_config('hub.change_reason', $1, true)`, [r.reason]);
        deleted += await sql.execute(`DELETE FROM ${TARGETS[r.type].table} WHERE id = $1`, [r.id]);
      }
      await sql.query(`SELECT set_config('hub.change_reason', $1, true)`, [batchReason[0]?.reason ?? '']);
      return { inserted: deleted, corrected: 0 };
    },
  },
};
