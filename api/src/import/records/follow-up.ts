/**
 * 后处理进展: one event after a spot-check result (003 Art. 5–27). Natural key: (报告编号, 事项, 日期).
 * 事项 and 结果 are mapped to the vocabulary's codes (docs/sources/IMPORT-FORMATS.md); 结果 is required where the
 * event has one (异议申请: the ground; 异议结论: 维持/不成立, 撤回, 复检, 成立; 复检结论 / 复查结论:
 * 合格/不合格; 公开情形: the situation) and must be empty elsewhere. The report number must be a
 * published result, or a result in the same file.
 */
import { CaseEventKind, Conclusion, DisclosureSituation, maxLength, ObjectionGround, ObjectionOutcome, SpotCheck } from '@hub/db';
import type { Prepared, RecordType } from '../record-type.ts';
import { correctedRowsOf, rowsOf, SEQ } from './common.ts';

export interface FollowUpRecord {
  reportNo: string;
  kind: string;
  occurredOn: string;
  outcome: string | null;
  note: string | null;
}

const KIND_ALIASES = {
  结果送达: 'delivered',
  送达结果通知书: 'delivered',
  检验结果送达: 'delivered',
  签收: 'delivered',
  异议: 'objection_filed',
  提出异议: 'objection_filed',
  异议提出: 'objection_filed',
  异议处理结论: 'objection_decided',
  异议处理结果: 'objection_decided',
  异议审查结论: 'objection_decided',
  异议处理: 'objection_decided',
  确认复检样品: 'retest_sample_confirmed',
  复检备样确认: 'retest_sample_confirmed',
  复检结果: 'retest_result',
  复检: 'retest_result',
  移交: 'transferred',
  移送: 'transferred',
  移送处理: 'transferred',
  移交后处理: 'transferred',
  移交后处理单位: 'transferred',
  责令改正通知: 'correction_ordered',
  责令整改: 'correction_ordered',
  改正通知: 'correction_ordered',
  责令改正通知书: 'correction_ordered',
  复查申请: 'recheck_applied',
  申请复查: 'recheck_applied',
  整改复查: 'recheck_applied',
  复查结果: 'recheck_result',
  复查: 'recheck_result',
  公开: 'disclosure_situation',
  主动召回: 'recalled',
  产品召回: 'recalled',
} as const;

const OUTCOME_ALIASES = {
  不成立: 'rejected',
  异议不成立: 'rejected',
  驳回: 'rejected',
  维持原结论: 'rejected',
  维持原检验结论: 'rejected',
  撤回原结论: 'withdrawn',
  撤回原检验结论: 'withdrawn',
  撤销原结论: 'withdrawn',
  组织复检: 'retest',
  同意复检: 'retest',
  样品真实性异议成立: 'authenticity_upheld',
} as const;

const GROUND_ALIASES = {
  对检验结论有异议: 'conclusion',
  样品真实性异议: 'sample_authenticity',
  抽样: 'sampling',
  检验方法不当: 'method',
  标准适用错误: 'standard',
} as const;
const CONCLUSION_ALIASES = { 符合: 'pass', 不符合: 'fail' } as const;
const SITUATION_ALIASES = { 公开: 'bureau_decision', 决定予以公开: 'bureau_decision', 连续两次抽查不合格: 'consecutive_failures' } as const;

type Kind = (typeof CaseEventKind.codes)[number];

/** the result the events follow: db/src/entities/spot-check.ts */
const REPORT_NO_MAX = maxLength(SpotCheck, 'reportNo');

const TARGET = `SELECT t.id, t.version FROM case_event t JOIN spot_check s ON s.id = t.spot_check_id
                WHERE s.report_no = d->>'reportNo' AND t.kind = d->>'kind' AND t.occurred_on = (d->>'occurredOn')::date`;

export const followUp: RecordType<FollowUpRecord> = {
  code: 'case_event',
  label: '后处理进展',
  jsonType: 'followUp',
  columns: [
    SEQ,
    { key: 'reportNo', header: '报告编号', aliases: ['检验报告编号', '报告号', '检验报告号'], required: true },
    {
      key: 'event',
      header: '事项',
      aliases: ['后处理事项', '进展事项', '事项名称', '环节', '处理事项', '进展'],
      required: true,
      note: '送达, 异议申请, 异议结论, 复检样品确认, 复检结论, 移交处理, 责令改正, 整改复查申请, 复查结论, 公开情形, 拒绝整改, 召回',
    },
    {
      key: 'date',
      header: '日期',
      aliases: ['收到日期', '接收日期', '发生日期', '文书接收日期', '事项日期', '时间'],
      required: true,
      note: 'the day the document was received',
    },
    {
      key: 'outcome',
      header: '结果',
      aliases: ['结论', '处理结果', '结果/情形', '情形', '异议理由'],
      note: 'see the table: the ground, the outcome, 合格/不合格, the situation',
    },
    { key: 'note', header: '说明', aliases: ['备注', '情况说明'] },
  ],
  keyColumns: ['reportNo', 'event', 'date'],

  normalise(row) {
    const reportNo = row.code('reportNo', { max: REPORT_NO_MAX });
    const kind = row.choice('event', CaseEventKind, { aliases: KIND_ALIASES }) as Kind | null;
    const occurredOn = row.date('date');
    const note = row.text('note');
    let outcome: string | null = null;
    if (kind) outcome = readOutcome(row, kind);
    if (row.failed || !reportNo || !kind || !occurredOn) return undefined;
    return { record: { reportNo, kind, occurredOn, outcome, note } };
  },

  naturalKey: (r) => `${r.reportNo}|${r.kind}|${r.occurredOn}`,

  content: (r) => ({ outcome: r.outcome, note: r.note }),

  async lookup(sql, records, report, context) {
    const reportNos = [...new Set(records.map((r) => r.record.reportNo))];
    const published = new Set(
      (await sql.query<{ report_no: string }>(`SELECT report_no FROM spot_check WHERE report_no = ANY($1::text[])`, [reportNos])).map(
        (r) => r.report_no,
      ),
    );
    const unresolved = records.filter((r) => !published.has(r.record.reportNo));
    if (unresolved.length) {
      // a result in the same file may come later (another sheet): checked once the file is read
      context.deferred.push(() => {
        const inFile = context.keysInFile.get('spot_check') ?? new Set<string>();
        for (const r of unresolved as Prepared<FollowUpRecord>[]) {
          if (!inFile.has(r.record.reportNo)) {
            report(
              r,
              'reportNo',
              '找不到该报告编号的抽查结果（未发布，也不在本文件中）',
              'no spot-check result with this report number (neither published nor in this file)',
            );
          }
        }
      });
    }
    const found = await sql.query<FollowUpRecord & { version: number }>(
      `SELECT s.report_no AS "reportNo", t.kind, t.occurred_on::text AS "occurredOn", t.outcome, t.note, t.version
         FROM unnest($1::text[], $2::text[], $3::date[]) AS k(report_no, kind, occurred_on)
         JOIN spot_check s ON s.report_no = k.report_no
         JOIN case_event t ON t.spot_check_id = s.id AND t.kind = k.kind AND t.occurred_on = k.occurred_on`,
      [records.map((r) => r.record.reportNo), records.map((r) => r.record.kind), records.map((r) => r.record.occurredOn)],
    );
    return new Map(found.map((f) => [`${f.reportNo}|${f.kind}|${f.occurredOn}`, { version: f.version, record: f }]));
  },

  publish: {
    table: 'case_event',
    target: TARGET,
    async apply(sql, batchId) {
      const inserted = await sql.query<{ spot_check_id: number }>(
        `WITH p AS (${rowsOf('case_event', 'new')})
         INSERT INTO case_event (spot_check_id, kind, occurred_on, outcome, note, batch_id)
         SELECT s.id, d->>'kind', (d->>'occurredOn')::date, d->>'outcome', d->>'note', $1::int
           FROM p JOIN spot_check s ON s.report_no = d->>'reportNo'
         RETURNING spot_check_id`,
        [batchId],
      );
      const corrected = await sql.query<{ spot_check_id: number }>(
        `WITH p AS (${correctedRowsOf('case_event', TARGET)})
         UPDATE case_event t SET outcome = d->>'outcome', note = d->>'note'
           FROM p WHERE t.id = p.target_id
         RETURNING t.spot_check_id`,
        [batchId],
      );
      return {
        inserted: inserted.length,
        corrected: corrected.length,
        spotCheckIds: [...inserted, ...corrected].map((r) => r.spot_check_id),
      };
    },
  },
};

function readOutcome(row: Parameters<RecordType['normalise']>[0], kind: Kind): string | null {
  switch (kind) {
    case 'objection_filed':
      return row.choice('outcome', ObjectionGround, { required: true, aliases: GROUND_ALIASES });
    case 'objection_decided':
      return row.choice('outcome', ObjectionOutcome, { required: true, aliases: OUTCOME_ALIASES });
    case 'retest_result':
    case 'recheck_result':
      return row.choice('outcome', Conclusion, { required: true, aliases: CONCLUSION_ALIASES });
    case 'disclosure_situation':
      return row.choice('outcome', DisclosureSituation, { required: true, aliases: SITUATION_ALIASES });
    default: {
      const t = row.text('outcome');
      if (t !== null) {
        row.report(
          'outcome',
          `事项"${CaseEventKind.labels[kind]}"没有结果：请把内容写在说明列`,
          `"${CaseEventKind.labels[kind]}" has no result: put the text in 说明 (note)`,
        );
      }
      return null;
    }
  }
}
