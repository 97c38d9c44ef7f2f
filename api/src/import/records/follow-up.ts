/**
 * 后处理进展: one event after a spot-check result (003 Art. 5–27). Natural key: (报告编号, 事项, 日期).
 * 事项 and 结果 are mapped to the vocabulary's codes (docs/sources/IMPORT-FORMATS.md); 结果 is required where the
 * event has one (异议申请: the ground; 异议结论: 维持/不成立, 撤回, 复检, 成立; 复检结论 / 复查结论:
 * 合格/不合格; 公开情形: the situation) and must be empty elsewhere. The report number must be a
 * published result, or a result in the same file.
 */
import {
  CaseEventKind,
  CaseEventKindForms,
  Conclusion,
  ConclusionForms,
  DisclosureSituation,
  DisclosureSituationForms,
  maxLength,
  ObjectionGround,
  ObjectionGroundForms,
  ObjectionOutcome,
  ObjectionOutcomeForms,
  SpotCheck,
} from '@hub/db';
import { todayInChina } from '../../clock.ts';
import type { RecordType } from '../record-type.ts';
import type { RowReader } from '../row-reader.ts';
import { matchTerm, termKey } from '../terms.ts';
import { correctedRowsOf, rowsOf, SEQ } from './common.ts';

export interface FollowUpRecord {
  reportNo: string;
  kind: string;
  occurredOn: string;
  outcome: string | null;
  note: string | null;
}

/** the most problems one set-based check reports (the file has more than enough to fix then) */
const FINAL_CHECK_LIMIT = 100_000;

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
    const kind = row.choice('event', CaseEventKind, { forms: CaseEventKindForms }) as Kind | null;
    const occurredOn = row.date('date');
    let note = row.text('note');
    let outcome: string | null = null;
    if (kind) [outcome, note] = readOutcome(row, kind, note);
    if (occurredOn && occurredOn > todayInChina()) {
      row.warn('date', '日期晚于今天，请核对', 'dated after today: please check');
    }
    if (row.failed || !reportNo || !kind || !occurredOn) return undefined;
    return { record: { reportNo, kind, occurredOn, outcome, note } };
  },

  naturalKey: (r) => `${r.reportNo}|${r.kind}|${r.occurredOn}`,

  content: (r) => ({ outcome: r.outcome, note: r.note }),

  async lookup(sql, records) {
    const found = await sql.query<FollowUpRecord & { version: number }>(
      `SELECT s.report_no AS "reportNo", t.kind, t.occurred_on::text AS "occurredOn", t.outcome, t.note, t.version
         FROM unnest($1::text[], $2::text[], $3::date[]) AS k(report_no, kind, occurred_on)
         JOIN spot_check s ON s.report_no = k.report_no
         JOIN case_event t ON t.spot_check_id = s.id AND t.kind = k.kind AND t.occurred_on = k.occurred_on`,
      [records.map((r) => r.record.reportNo), records.map((r) => r.record.kind), records.map((r) => r.record.occurredOn)],
    );
    return new Map(found.map((f) => [`${f.reportNo}|${f.kind}|${f.occurredOn}`, { version: f.version, record: f }]));
  },

  /** a 报告编号 that is neither published nor a result of this file; 送达 before an in-file result's 报告日期 */
  async finalChecks(sql, batchId, report) {
    const unknown = await sql.query<{ sheet: string | null; row: number; report_no: string }>(
      `SELECT r.data->>'sheet' AS sheet, (r.data->>'row')::int AS row, r.data->'record'->>'reportNo' AS report_no
         FROM batch_row r
        WHERE r.batch_id = $1 AND r.data->>'type' = 'case_event'
          AND NOT EXISTS (SELECT 1 FROM spot_check s WHERE s.report_no = r.data->'record'->>'reportNo')
          AND NOT EXISTS (SELECT 1 FROM batch_row b WHERE b.batch_id = $1 AND b.data->>'type' = 'spot_check'
                                                      AND b.natural_key = r.data->'record'->>'reportNo')
        ORDER BY r.row_number LIMIT $2`,
      [batchId, FINAL_CHECK_LIMIT],
    );
    for (const u of unknown) {
      report(
        u,
        'reportNo',
        '找不到该报告编号的抽查结果（未发布，也不在本文件中）',
        'no spot-check result with this report number (neither published nor in this file)',
        u.report_no,
      );
    }
    // the result's report date as this file gives it, else as published (003 Art. 5: delivered after it)
    const early = await sql.query<{ sheet: string | null; row: number; occurred_on: string; report_date: string }>(
      `SELECT r.data->>'sheet' AS sheet, (r.data->>'row')::int AS row, r.data->'record'->>'occurredOn' AS occurred_on,
              coalesce(b.data->'record'->>'reportDate', s.report_date::text) AS report_date
         FROM batch_row r
         LEFT JOIN batch_row b ON b.batch_id = $1 AND b.data->>'type' = 'spot_check' AND b.natural_key = r.data->'record'->>'reportNo'
         LEFT JOIN spot_check s ON s.report_no = r.data->'record'->>'reportNo'
        WHERE r.batch_id = $1 AND r.data->>'type' = 'case_event' AND r.data->'record'->>'kind' = 'delivered'
          AND r.data->'record'->>'occurredOn' < coalesce(b.data->'record'->>'reportDate', s.report_date::text)
        ORDER BY r.row_number LIMIT $2`,
      [batchId, FINAL_CHECK_LIMIT],
    );
    for (const e of early) {
      report(
        e,
        'date',
        `送达日期早于报告日期 ${e.report_date}，请核对`,
        `delivered before the report date ${e.report_date}: please check`,
        e.occurred_on,
        'warning',
      );
    }
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

/**
 * 结果 by event. The objection's ground (003 Art. 7) is optional — registers often leave it empty
 * and state it in 说明: it is then read from there, with a warning, or left unknown, with a warning.
 * A 结果 where the event has none is kept in 说明 (with a warning), not refused. Returns the
 * outcome and the note.
 */
function readOutcome(row: RowReader, kind: Kind, note: string | null): [string | null, string | null] {
  switch (kind) {
    case 'objection_filed': {
      const ground = row.choice('outcome', ObjectionGround, { forms: ObjectionGroundForms });
      if (ground !== null || row.text('outcome') !== null) return [ground, note];
      const inferred = note ? groundInNote(note) : undefined;
      if (inferred) {
        row.warn(
          'outcome',
          `异议理由未填写，按说明识别为"${ObjectionGround.labels[inferred]}"`,
          `no ground given: read as ${inferred} from 说明 (note)`,
          note ?? undefined,
        );
        return [inferred, note];
      }
      row.warn('outcome', '异议理由未填写（结果和说明中均未写明）', 'no ground stated (neither in 结果 nor in 说明)');
      return [null, note];
    }
    case 'objection_decided':
      return [row.choice('outcome', ObjectionOutcome, { required: true, forms: ObjectionOutcomeForms }), note];
    case 'retest_result':
    case 'recheck_result':
      return [row.choice('outcome', Conclusion, { required: true, forms: ConclusionForms }), note];
    case 'disclosure_situation':
      return [row.choice('outcome', DisclosureSituation, { required: true, forms: DisclosureSituationForms }), note];
    default: {
      const t = row.text('outcome');
      if (t === null) return [null, note];
      row.warn(
        'outcome',
        `事项"${CaseEventKind.labels[kind]}"没有结果：内容已移入说明`,
        `"${CaseEventKind.labels[kind]}" has no result: the text is kept in 说明 (note)`,
      );
      return [null, note ? `${note}；结果：${t}` : t];
    }
  }
}

/**
 * The ground an objection's 说明 states: `对检验结论有异议，申请复检`, `对抽样过程有异议：…`,
 * `样品非本企业生产`. The first clause of the note is matched as a whole, then each ground's
 * label is looked for in `对…有/提出异议`; undefined unless exactly one ground is named.
 */
export function groundInNote(note: string): ObjectionGround | undefined {
  const first = note.split(/[，,。；;：:\n]/)[0] ?? '';
  const whole = matchTerm(first, ObjectionGround, ObjectionGroundForms);
  if (whole && 'code' in whole && whole.how !== 'pattern') return whole.code;
  const key = termKey(note);
  const named = new Set<ObjectionGround>();
  for (const code of ObjectionGround.codes) {
    if (code === 'other') continue;
    const label = termKey(ObjectionGround.labels[code]);
    if (new RegExp(`对[^对]{0,6}${label}[^对]{0,6}(?:有|提出|存在)(?:书面)?(?:异议|疑问)`).test(key) || key.includes(`${label}异议`))
      named.add(code);
  }
  for (const [synonym, code] of Object.entries(ObjectionGroundForms.synonyms ?? {})) {
    if (termKey(synonym).length >= 5 && key.includes(termKey(synonym))) named.add(code);
  }
  return named.size === 1 ? [...named][0] : undefined;
}
