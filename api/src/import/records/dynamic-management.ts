/**
 * 动态管理记录 (seed 000): two record types in one kind of file.
 *
 * - 年度自查报告 (Art. 9–10). Natural key: (年度, 统一社会信用代码).
 * - 整改通知书 (Art. 15). Natural key: 通知编号. 整改期限 is a date, or a number of days from the
 *   下达日期 (`30日`, `30天`); 产品/服务名称, when given, must be a certified item of the enterprise.
 *
 * Both concern certified enterprises: the USCC must belong to a published certified item.
 * How one file carries both: each sheet (or, in a CSV, each stacked table) is recognised by its
 * header row; in JSON each object by its `type` ("selfReport" / "rectificationNotice") or, without
 * one, by having a `noticeNo`.
 */
import { addDays, CertifiedItem, Conclusion, ConclusionForms, maxLength, RectificationNotice } from '@hub/db';
import type { Prepared, RecordType, Reporter } from '../record-type.ts';
import type { Queryable } from '@hub/db';
import { foldWidth } from '../text.ts';
import { readYear } from '../fields.ts';
import { correctedRowsOf, ENTERPRISE_NAME, ENTERPRISE_NAME_MAX, ITEM_NAME, rowsOf, SEQ, USCC } from './common.ts';

export interface SelfReportRecord {
  year: number;
  uscc: string;
  enterpriseName: string | null;
  submittedOn: string;
  reviewOpinion: string | null;
}

export interface RectificationRecord {
  noticeNo: string;
  uscc: string;
  enterpriseName: string | null;
  itemName: string | null;
  certifiedItemId: number | null;
  problem: string;
  issuedOn: string;
  dueOn: string;
  completedOn: string | null;
  result: string | null;
}

/** USCCs with at least one published certified item. */
async function certifiedEnterprises(sql: Queryable, usccs: string[]): Promise<Set<string>> {
  const rows = await sql.query<{ uscc: string }>(
    `SELECT DISTINCT e.uscc FROM enterprise e JOIN certified_item t ON t.enterprise_id = e.id WHERE e.uscc = ANY($1::text[])`,
    [usccs],
  );
  return new Set(rows.map((r) => r.uscc));
}

function requireCertified(records: Prepared<{ uscc: string }>[], certified: Set<string>, report: Reporter): void {
  for (const r of records) {
    if (!certified.has(r.record.uscc)) {
      report(
        r,
        'uscc',
        '该统一社会信用代码没有已发布的认定项目（动态管理只针对已认定的经营主体）',
        'no published certified item belongs to this USCC (dynamic management concerns certified enterprises)',
      );
    }
  }
}

const SELF_REPORT_TARGET = `SELECT t.id, t.version FROM self_report t JOIN enterprise e ON e.id = t.enterprise_id
                            WHERE t.year = (d->>'year')::int AND e.uscc = d->>'uscc'`;

export const selfReport: RecordType<SelfReportRecord> = {
  code: 'self_report',
  label: '年度自查报告',
  jsonType: 'selfReport',
  columns: [
    SEQ,
    { key: 'year', header: '年度', aliases: ['自查年度', '报告年度', '年份'], required: true },
    { ...USCC, required: true },
    { ...ENTERPRISE_NAME, note: 'optional, for the reader' },
    { key: 'submittedOn', header: '提交日期', aliases: ['提交时间', '报送日期', '报送时间', '提交日'], required: true },
    { key: 'reviewOpinion', header: '审查意见', aliases: ['审核意见', '意见', '审查结论'] },
  ],
  keyColumns: ['year', 'uscc'],

  normalise(row) {
    const year = readYear(row, 'year');
    const uscc = row.uscc('uscc', { hubei: true });
    const enterpriseName = row.text('enterpriseName', { max: ENTERPRISE_NAME_MAX });
    const submittedOn = row.date('submittedOn');
    const reviewOpinion = row.text('reviewOpinion');
    if (row.failed || year === null || !uscc || !submittedOn) return undefined;
    return { record: { year, uscc, enterpriseName, submittedOn, reviewOpinion } };
  },

  naturalKey: (r) => `${r.year}|${r.uscc}`,

  content: (r) => ({ submittedOn: r.submittedOn, reviewOpinion: r.reviewOpinion }),

  async lookup(sql, records, report) {
    requireCertified(records, await certifiedEnterprises(sql, [...new Set(records.map((r) => r.record.uscc))]), report);
    const found = await sql.query<SelfReportRecord & { version: number }>(
      `SELECT t.year, e.uscc, t.submitted_on::text AS "submittedOn", t.review_opinion AS "reviewOpinion", t.version
         FROM unnest($1::int[], $2::text[]) AS k(year, uscc)
         JOIN enterprise e ON e.uscc = k.uscc JOIN self_report t ON t.enterprise_id = e.id AND t.year = k.year`,
      [records.map((r) => r.record.year), records.map((r) => r.record.uscc)],
    );
    return new Map(found.map((f) => [`${f.year}|${f.uscc}`, { version: f.version, record: f }]));
  },

  publish: {
    table: 'self_report',
    target: SELF_REPORT_TARGET,
    async apply(sql, batchId) {
      const inserted = await sql.execute(
        `WITH p AS (${rowsOf('self_report', 'new')})
         INSERT INTO self_report (enterprise_id, year, submitted_on, review_opinion, batch_id)
         SELECT e.id, (d->>'year')::int, (d->>'submittedOn')::date, d->>'reviewOpinion', $1::int
           FROM p JOIN enterprise e ON e.uscc = d->>'uscc'`,
        [batchId],
      );
      const corrected = await sql.execute(
        `WITH p AS (${correctedRowsOf('self_report', SELF_REPORT_TARGET)})
         UPDATE self_report t SET submitted_on = (d->>'submittedOn')::date, review_opinion = d->>'reviewOpinion'
           FROM p WHERE t.id = p.target_id`,
        [batchId],
      );
      return { inserted, corrected };
    },
  },
};

const RESULT_ALIASES = { 整改合格: 'pass', 整改不合格: 'fail', 通过: 'pass', 未通过: 'fail' } as const;

/** db/src/entities/dynamic-management.ts; the item is a certified item (registry.ts) */
const NOTICE_NO_MAX = maxLength(RectificationNotice, 'noticeNo');
const ITEM_NAME_MAX = maxLength(CertifiedItem, 'name');

const NOTICE_TARGET = `SELECT t.id, t.version FROM rectification_notice t WHERE t.notice_no = d->>'noticeNo'`;

export const rectificationNotice: RecordType<RectificationRecord> = {
  code: 'rectification_notice',
  label: '整改通知书',
  jsonType: 'rectificationNotice',
  columns: [
    SEQ,
    {
      key: 'noticeNo',
      header: '通知编号',
      aliases: ['整改通知书编号', '通知书编号', '通知书文号', '整改通知编号', '文号'],
      required: true,
    },
    { ...USCC, required: true },
    { ...ENTERPRISE_NAME, note: 'optional, for the reader' },
    { ...ITEM_NAME, note: 'optional: the certified item concerned' },
    { key: 'problem', header: '问题', aliases: ['存在问题', '主要问题', '问题描述', '整改问题', '存在的问题'], required: true },
    { key: 'issuedOn', header: '下达日期', aliases: ['下达时间', '通知日期', '发出日期', '下发日期'], required: true },
    {
      key: 'dueOn',
      header: '整改期限',
      aliases: ['整改截止日期', '期限', '整改时限', '整改期限(日期)'],
      required: true,
      note: 'a date, or days from 下达日期 (30日 / 30天)',
    },
    { key: 'completedOn', header: '完成日期', aliases: ['整改完成日期', '完成时间', '整改完成时间'] },
    { key: 'result', header: '整改结果', aliases: ['整改情况', '复查结果', '结果'], note: '合格 / 不合格' },
  ],
  keyColumns: ['noticeNo'],

  normalise(row) {
    const noticeNo = row.code('noticeNo', { max: NOTICE_NO_MAX });
    const uscc = row.uscc('uscc', { hubei: true });
    const enterpriseName = row.text('enterpriseName', { max: ENTERPRISE_NAME_MAX });
    const itemName = row.text('itemName', { max: ITEM_NAME_MAX });
    const problem = row.text('problem');
    const issuedOn = row.date('issuedOn');
    let dueOn: string | null = null;
    const dueText = row.text('dueOn');
    const days = dueText ? /^(\d{1,3})\s*(?:个工作日|日|天)$/.exec(foldWidth(dueText)) : null;
    if (days && /工作日/.test(dueText!)) {
      row.report(
        'dueOn',
        '请写成截止日期或自然日天数（工作日无法换算）',
        'give the due date or calendar days (working days cannot be converted)',
      );
    } else if (days) {
      if (issuedOn) dueOn = addDays(issuedOn, Number(days[1]));
    } else if (dueText !== null) {
      dueOn = row.date('dueOn');
    }
    const completedOn = row.date('completedOn');
    const result = row.choice('result', Conclusion, { aliases: RESULT_ALIASES, forms: ConclusionForms });
    if (issuedOn && dueOn && dueOn < issuedOn)
      row.report('dueOn', `整改期限早于下达日期 ${issuedOn}`, `due before the notice was issued (${issuedOn})`);
    if (issuedOn && completedOn && completedOn < issuedOn)
      row.report('completedOn', `完成日期早于下达日期 ${issuedOn}`, `completed before the notice was issued (${issuedOn})`);
    if (result && !completedOn)
      row.report('completedOn', '填写了整改结果，却没有完成日期', 'a result is given without the completion date');
    if (row.failed || !noticeNo || !uscc || !problem || !issuedOn || !dueOn) return undefined;
    return { record: { noticeNo, uscc, enterpriseName, itemName, certifiedItemId: null, problem, issuedOn, dueOn, completedOn, result } };
  },

  naturalKey: (r) => r.noticeNo,

  content: (r) => ({
    uscc: r.uscc,
    certifiedItemId: r.certifiedItemId,
    problem: r.problem,
    issuedOn: r.issuedOn,
    dueOn: r.dueOn,
    completedOn: r.completedOn,
    result: r.result,
  }),

  async lookup(sql, records, report) {
    const usccs = [...new Set(records.map((r) => r.record.uscc))];
    requireCertified(records, await certifiedEnterprises(sql, usccs), report);
    const items = await sql.query<{ id: number; uscc: string; name: string }>(
      `SELECT DISTINCT ON (e.uscc, t.name) t.id, e.uscc, t.name FROM certified_item t JOIN enterprise e ON e.id = t.enterprise_id
        WHERE e.uscc = ANY($1::text[]) ORDER BY e.uscc, t.name, t.round DESC`,
      [usccs],
    );
    for (const r of records as Prepared<RectificationRecord>[]) {
      if (!r.record.itemName) continue;
      const item = items.find((i) => i.uscc === r.record.uscc && i.name === r.record.itemName);
      if (item) r.record.certifiedItemId = item.id;
      else if (items.some((i) => i.uscc === r.record.uscc)) {
        report(r, 'itemName', '该经营主体没有此名称的认定项目', 'the enterprise has no certified item of this name');
      }
    }
    const found = await sql.query<RectificationRecord & { version: number }>(
      `SELECT t.notice_no AS "noticeNo", e.uscc, t.certified_item_id AS "certifiedItemId", t.problem, t.issued_on::text AS "issuedOn",
              t.due_on::text AS "dueOn", t.completed_on::text AS "completedOn", t.result, t.version
         FROM rectification_notice t JOIN enterprise e ON e.id = t.enterprise_id
        WHERE t.notice_no = ANY($1::text[])`,
      [records.map((r) => r.record.noticeNo)],
    );
    return new Map(found.map((f) => [f.noticeNo, { version: f.version, record: f }]));
  },

  publish: {
    table: 'rectification_notice',
    target: NOTICE_TARGET,
    async apply(sql, batchId) {
      const inserted = await sql.execute(
        `WITH p AS (${rowsOf('rectification_notice', 'new')})
         INSERT INTO rectification_notice (notice_no, enterprise_id, certified_item_id, problem, issued_on, due_on, completed_on, result, batch_id)
         SELECT d->>'noticeNo', e.id, (d->>'certifiedItemId')::int, d->>'problem', (d->>'issuedOn')::date, (d->>'dueOn')::date,
                (d->>'completedOn')::date, d->>'result', $1::int
           FROM p JOIN enterprise e ON e.uscc = d->>'uscc'`,
        [batchId],
      );
      const corrected = await sql.execute(
        `WITH p AS (${correctedRowsOf('rectification_notice', NOTICE_TARGET)})
         UPDATE rectification_notice t
            SET enterprise_id = e.id, certified_item_id = (d->>'certifiedItemId')::int, problem = d->>'problem',
                issued_on = (d->>'issuedOn')::date, due_on = (d->>'dueOn')::date, completed_on = (d->>'completedOn')::date,
                result = d->>'result'
           FROM p JOIN enterprise e ON e.uscc = d->>'uscc'
          WHERE t.id = p.target_id`,
        [batchId],
      );
      return { inserted, corrected };
    },
  },
};
