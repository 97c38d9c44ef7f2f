/**
 * 标准先进性评价 (seeds 001, 002): the standard a cultivated item is made to, evaluated pass/fail.
 * Natural key: (年度, 统一社会信用代码, 产品/服务名称) — the database's unique key. On publish the
 * evaluation is linked to the cultivation entry of the same year, enterprise and item name.
 */
import { maxLength, StandardEvaluation, type StandardLevel } from '@hub/db';
import type { RecordType } from '../record-type.ts';
import { checkSameName, enterpriseRef, readStandard, readYear } from '../fields.ts';
import { correctedRowsOf, ENTERPRISE_NAME, ENTERPRISE_NAME_MAX, ITEM_NAME, PLACE, rowsOf, SEQ, USCC } from './common.ts';

export interface EvaluationRecord {
  year: number;
  uscc: string;
  enterpriseName: string;
  enterpriseRef: string;
  itemName: string;
  standardNo: string;
  standardName: string | null;
  standardLevel: StandardLevel | null;
  passed: boolean;
  evaluatedOn: string | null;
}

const RESULT = {
  codes: ['pass', 'fail'] as const,
  labels: { pass: '通过', fail: '未通过' },
};

const RESULT_ALIASES = {
  合格: 'pass',
  不合格: 'fail',
  是: 'pass',
  否: 'fail',
  不通过: 'fail',
  未通过评价: 'fail',
  通过评价: 'pass',
} as const;

/** db/src/entities/registry.ts */
const ITEM_NAME_MAX = maxLength(StandardEvaluation, 'itemName');

const TARGET = `SELECT t.id, t.version FROM standard_evaluation t JOIN enterprise e ON e.id = t.enterprise_id
                WHERE t.year = (d->>'year')::int AND e.uscc = d->>'uscc' AND t.item_name = d->>'itemName'`;

const CULTIVATION_ENTRY = `(SELECT c.id FROM cultivation_entry c
                             WHERE c.year = (d->>'year')::int AND c.enterprise_id = pe.id AND c.item_name = d->>'itemName')`;

export const standardEvaluation: RecordType<EvaluationRecord> = {
  code: 'standard_evaluation',
  label: '标准先进性评价',
  jsonType: 'standardEvaluation',
  columns: [
    SEQ,
    { key: 'year', header: '年度', aliases: ['评价年度', '年份'], required: true },
    { ...ENTERPRISE_NAME, required: true },
    { ...USCC, required: true },
    { ...PLACE, required: true },
    { ...ITEM_NAME, required: true },
    {
      key: 'standard',
      header: '执行标准',
      aliases: [
        '标准',
        '执行标准名称及编号',
        '执行标准编号及名称',
        '产品/服务执行标准名称、编号',
        '评价标准',
        '标准编号及名称',
        '标准编号',
      ],
      required: true,
      note: 'number and name, e.g. T/HBAS 012-2023 某某产品',
    },
    { key: 'result', header: '评价结果', aliases: ['结果', '评价结论', '是否通过', '结论'], required: true, note: '通过 / 未通过' },
    { key: 'evaluatedOn', header: '评价日期', aliases: ['评价时间', '日期'] },
  ],
  keyColumns: ['year', 'uscc', 'itemName'],

  normalise(row, context) {
    const year = readYear(row, 'year');
    const name = row.text('enterpriseName', { max: ENTERPRISE_NAME_MAX });
    const uscc = row.uscc('uscc', { hubei: true });
    const place = row.city('place');
    const itemName = row.text('itemName', { max: ITEM_NAME_MAX });
    const standard = readStandard(row, 'standard', { required: true });
    const result = row.choice('result', RESULT, {
      aliases: RESULT_ALIASES,
    });
    const evaluatedOn = row.date('evaluatedOn');
    if (uscc && name) checkSameName(row, context, uscc, name, 'enterpriseName');
    if (row.failed || year === null || !name || !uscc || !place || !itemName || !standard || !result) return undefined;
    const enterprise = enterpriseRef({ uscc, name, city: place.city, county: place.county, create: true });
    return {
      record: {
        year,
        uscc,
        enterpriseName: name,
        enterpriseRef: enterprise.ref,
        itemName,
        standardNo: standard.no,
        standardName: standard.name,
        standardLevel: standard.level,
        passed: result === 'pass',
        evaluatedOn,
      },
      enterprises: [enterprise],
    };
  },

  naturalKey: (r) => `${r.year}|${r.uscc}|${r.itemName}`,

  content: (r) => ({
    standardNo: r.standardNo,
    standardName: r.standardName,
    standardLevel: r.standardLevel,
    passed: r.passed,
    evaluatedOn: r.evaluatedOn,
  }),

  async lookup(sql, records) {
    const found = await sql.query<EvaluationRecord & { version: number }>(
      `SELECT t.year, e.uscc, t.item_name AS "itemName", t.standard_no AS "standardNo", t.standard_name AS "standardName",
              t.standard_level AS "standardLevel", t.passed, t.evaluated_on::text AS "evaluatedOn", t.version
         FROM unnest($1::int[], $2::text[], $3::text[]) AS k(year, uscc, name)
         JOIN enterprise e ON e.uscc = k.uscc
         JOIN standard_evaluation t ON t.enterprise_id = e.id AND t.year = k.year AND t.item_name = k.name`,
      [records.map((r) => r.record.year), records.map((r) => r.record.uscc), records.map((r) => r.record.itemName)],
    );
    return new Map(found.map((f) => [`${f.year}|${f.uscc}|${f.itemName}`, { version: f.version, record: f }]));
  },

  publish: {
    table: 'standard_evaluation',
    target: TARGET,
    async apply(sql, batchId) {
      const inserted = await sql.execute(
        `WITH p AS (${rowsOf('standard_evaluation', 'new')})
         INSERT INTO standard_evaluation (year, enterprise_id, cultivation_entry_id, item_name, standard_no, standard_name,
                                          standard_level, passed, evaluated_on, batch_id)
         SELECT (d->>'year')::int, pe.id, ${CULTIVATION_ENTRY}, d->>'itemName', d->>'standardNo', d->>'standardName',
                d->>'standardLevel', (d->>'passed')::boolean, (d->>'evaluatedOn')::date, $1::int
           FROM p JOIN pub_enterprise pe ON pe.ref = d->>'enterpriseRef'`,
        [batchId],
      );
      const corrected = await sql.execute(
        `WITH p AS (${correctedRowsOf('standard_evaluation', TARGET)})
         UPDATE standard_evaluation t
            SET standard_no = d->>'standardNo', standard_name = d->>'standardName', standard_level = d->>'standardLevel',
                passed = (d->>'passed')::boolean, evaluated_on = (d->>'evaluatedOn')::date,
                cultivation_entry_id = coalesce(t.cultivation_entry_id,
                  (SELECT c.id FROM cultivation_entry c WHERE c.year = t.year AND c.enterprise_id = t.enterprise_id AND c.item_name = t.item_name))
           FROM p WHERE t.id = p.target_id`,
        [batchId],
      );
      return { inserted, corrected };
    },
  },
};
