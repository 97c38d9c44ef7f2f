/**
 * 监督抽查结果: one tested sample and its conclusion. Natural key: 报告编号.
 *
 * - 商标 `/`, `—`, `无` → none.
 * - 不合格项目: items separated by `；` `;` `、` or line breaks, each optionally
 *   `项目(标准值: …, 实测值: …)` (full-width parentheses, colons and commas too) → nonconforming_item
 *   rows in order. Required when 检验结论 is 不合格, not allowed when 合格.
 * - The nominal producer may be out of province (003 Art. 16): its USCC is checked, not its division.
 * - Certified item: the check concerns a certified item when the producer has a USCC and a certified
 *   item of that enterprise bears exactly the product name (after trimming and folding full-width
 *   letters and digits); the latest round wins. Resolved on publish.
 * - 属地 (city_code): the 属地 column when the file has one, else the sampled unit's address,
 *   else the producer's USCC division (Hubei), else the producer's address.
 * - Columns the hub does not know are kept in spot_check.extra.
 */
import {
  CheckType,
  CheckTypeForms,
  Conclusion,
  ConclusionForms,
  maxLengths,
  NonconformingItem,
  SamplingStage,
  SamplingStageForms,
  Severity,
  SeverityForms,
  SpotCheck,
} from '@hub/db';
import { findDateIn } from '../date-input.ts';
import { enterpriseRef } from '../fields.ts';
import type { RecordType } from '../record-type.ts';
import { parsePlace } from '../row-reader.ts';
import { foldWidth, splitList } from '../text.ts';
import type { Queryable } from '@hub/db';
import { SEQ } from './common.ts';

export interface Nonconformity {
  item: string;
  requirement: string | null;
  measured: string | null;
}

export interface SpotCheckRecord {
  reportNo: string;
  checkType: string;
  taskName: string | null;
  productCategory: string;
  productName: string;
  trademark: string | null;
  modelSpec: string | null;
  productionBatch: string | null;
  productionDate: string | null;
  producerName: string;
  producerUscc: string | null;
  producerAddress: string | null;
  producerRef: string;
  sampledUnitName: string;
  sampledUnitAddress: string | null;
  sampledUnitRef: string;
  samplingStage: string | null;
  platform: string | null;
  sampledOn: string | null;
  samplingAgency: string | null;
  testingAgency: string;
  reportDate: string;
  conclusion: string;
  severity: string | null;
  mainProblem: string | null;
  remarks: string | null;
  cityCode: string | null;
  items: Nonconformity[];
  extra: Record<string, string> | null;
}

/** The lengths of the columns the result and its items are stored in (db/src/entities/spot-check.ts). */
const MAX = maxLengths(SpotCheck, [
  'taskName',
  'productCategory',
  'productName',
  'trademark',
  'modelSpec',
  'productionBatch',
  'producerName',
  'producerAddress',
  'sampledUnitName',
  'sampledUnitAddress',
  'platform',
  'samplingAgency',
  'testingAgency',
  'reportNo',
]);
const ITEM_MAX = maxLengths(NonconformingItem, ['item', 'requirement', 'measured']);

const REQUIREMENT_LABEL = /(标准值|标准要求|标准规定值|标准规定|要求值|规定值|要求)\s*:\s*/;
const MEASURED_LABEL = /(实测值|检验结果|实测结果|检测值|测定值|检测结果|实测)\s*:\s*/;

/**
 * `整车质量（标准值：≤55kg，实测值：58kg）` → item, requirement, measured. The values are the last
 * parenthesised group that holds a 标准值/实测值 label; everything before it is the item's name
 * as written — `酸价（以KOH计）（标准值: ≤3, 实测值: 4.1）` keeps `酸价（以KOH计）`. Positions are
 * found in the width-folded text (one character for one) and cut from the text as written.
 */
export function parseNonconformity(text: string): Nonconformity {
  const original = text.trim();
  const t = foldWidth(original);
  if (t.endsWith(')')) {
    // the group closing at the end: walk back to its opening parenthesis
    let depth = 0;
    let open = -1;
    for (let i = t.length - 1; i >= 0; i--) {
      if (t[i] === ')') depth++;
      else if (t[i] === '(' && --depth === 0) {
        open = i;
        break;
      }
    }
    if (open > 0) {
      const inner = t.slice(open + 1, -1);
      const req = REQUIREMENT_LABEL.exec(inner);
      const mea = MEASURED_LABEL.exec(inner);
      if (req || mea) {
        const innerOriginal = original.slice(open + 1, -1);
        const tidy = (s: string) => s.replace(/^[\s,;，；、]+|[\s,;，；、]+$/g, '') || null;
        const reqStart = req ? req.index + req[0].length : -1;
        const meaStart = mea ? mea.index + mea[0].length : -1;
        const requirement = req ? tidy(innerOriginal.slice(reqStart, mea && mea.index > req.index ? mea.index : undefined)) : null;
        const measured = mea ? tidy(innerOriginal.slice(meaStart, req && req.index > mea.index ? req.index : undefined)) : null;
        return { item: original.slice(0, open).trim(), requirement, measured };
      }
    }
  }
  return { item: original, requirement: null, measured: null };
}

const TARGET = `SELECT t.id, t.version FROM spot_check t WHERE t.report_no = d->>'reportNo'`;

/** The record's fields as typed columns (jsonb_to_record's column list). */
const FIELDS = `"reportNo" text, "checkType" text, "taskName" text, "productCategory" text, "productName" text, trademark text,
  "modelSpec" text, "productionBatch" text, "productionDate" date, "producerName" text, "producerAddress" text,
  "producerRef" text, "sampledUnitName" text, "sampledUnitAddress" text, "sampledUnitRef" text, "samplingStage" text,
  platform text, "sampledOn" date, "samplingAgency" text, "testingAgency" text, "reportDate" date, conclusion text,
  severity text, "mainProblem" text, remarks text, "cityCode" text, extra jsonb, items jsonb`;

const COLUMNS_FROM_RECORD = `x."checkType", x."taskName", x."productCategory", x."productName", x.trademark,
  x."modelSpec", x."productionBatch", x."productionDate", pe.id, x."producerName", x."producerAddress",
  su.id, x."sampledUnitName", x."sampledUnitAddress", x."samplingStage", x.platform, x."sampledOn",
  x."samplingAgency", x."testingAgency", x."reportDate", x.conclusion, x.severity, x."mainProblem",
  x.remarks, ci.id, x."cityCode", nullif(x.extra, 'null'::jsonb)`;

/** A staged result's producer, sampled unit and certified item. */
const RESOLVE = `JOIN pub_enterprise pe ON pe.ref = x."producerRef"
  LEFT JOIN pub_enterprise su ON su.ref = x."sampledUnitRef"
  LEFT JOIN LATERAL (SELECT c.id FROM certified_item c
                      WHERE pe.uscc IS NOT NULL AND c.enterprise_id = pe.id AND c.name = x."productName"
                      ORDER BY c.round DESC LIMIT 1) ci ON true`;

/**
 * The draft's new and corrected results, unpacked once into a temporary table (typed columns, no
 * WAL) and analysed: the planner then hashes the enterprises instead of probing them per row,
 * which batch_row's jsonb — without statistics — would not let it see.
 */
async function stage(sql: Queryable, batchId: number): Promise<void> {
  await sql.execute(
    `CREATE TEMP TABLE pub_spot_check ON COMMIT DROP AS
     SELECT r.action, NULL::int AS target_id, x.*
       FROM batch_row r CROSS JOIN LATERAL jsonb_to_record(r.data->'record') AS x(${FIELDS})
      WHERE r.batch_id = $1 AND r.action = 'new' AND r.data->>'type' = 'spot_check'`,
    [batchId],
  );
  await sql.execute(
    `INSERT INTO pub_spot_check
     SELECT r.action, t.id, x.*
       FROM batch_row r
       CROSS JOIN LATERAL (SELECT r.data->'record' AS d) y
       JOIN LATERAL (${TARGET.replace(/\bd->>/g, 'y.d->>')}) t ON true
       CROSS JOIN LATERAL jsonb_to_record(y.d) AS x(${FIELDS})
      WHERE r.batch_id = $1 AND r.action = 'corrected' AND r.data->>'type' = 'spot_check'`,
    [batchId],
  );
  await sql.execute('ANALYZE pub_spot_check (action, "producerRef", "sampledUnitRef", "reportNo")');
}

export const spotCheck: RecordType<SpotCheckRecord> = {
  code: 'spot_check',
  label: '监督抽查结果',
  jsonType: 'spotCheck',
  columns: [
    SEQ,
    {
      key: 'checkType',
      header: '抽查类型',
      aliases: ['抽查类别', '抽检类型', '抽查级别', '抽查层级', '类型'],
      required: true,
      note: '国家监督抽查 / 省级监督抽查 / 市级监督抽查 / 动态抽查 / 服务质量评价',
    },
    { key: 'taskName', header: '任务名称', aliases: ['抽查任务', '任务', '抽查任务名称', '任务来源', '抽查批次'] },
    { key: 'productCategory', header: '产品种类', aliases: ['产品类别', '产品类型', '产品大类', '抽查产品', '产品品种'], required: true },
    { key: 'productName', header: '产品名称', aliases: ['样品名称', '抽样产品名称', '商品名称'], required: true },
    { key: 'trademark', header: '商标', aliases: ['注册商标', '品牌', '商标名称'], note: '/ or — means none' },
    { key: 'modelSpec', header: '规格型号', aliases: ['型号规格', '规格', '型号', '规格/型号', '型号/规格', '产品规格型号'] },
    {
      key: 'productionBatch',
      header: '生产日期/批号',
      aliases: ['生产日期或批号', '生产日期(批号)', '生产日期、批号', '批号', '生产日期', '生产批号', '生产日期/批号/编号'],
    },
    {
      key: 'producerName',
      header: '标称生产企业名称',
      aliases: [
        '标称生产者',
        '标称生产者名称',
        '标称生产企业',
        '生产企业名称',
        '生产者名称',
        '生产企业',
        '标称生产单位',
        '标称生产单位名称',
        '标称生产商',
        '生产商',
        '生产者',
      ],
      required: true,
    },
    {
      key: 'producerUscc',
      header: '标称生产企业统一社会信用代码',
      aliases: [
        '标称生产者统一社会信用代码',
        '生产企业统一社会信用代码',
        '生产者统一社会信用代码',
        '标称生产企业信用代码',
        '生产企业社会信用代码',
        '标称生产企业社会信用代码',
        '生产企业信用代码',
      ],
    },
    { key: 'producerAddress', header: '标称生产企业地址', aliases: ['标称生产者地址', '生产企业地址', '生产者地址', '标称生产单位地址'] },
    {
      key: 'sampledUnitName',
      header: '被抽样单位名称',
      aliases: [
        '被抽样单位',
        '受检单位名称',
        '受检单位',
        '被抽查单位名称',
        '被抽查单位',
        '被抽样企业',
        '被抽样者名称',
        '销售者',
        '销售单位',
      ],
      required: true,
    },
    { key: 'sampledUnitAddress', header: '被抽样单位地址', aliases: ['受检单位地址', '被抽查单位地址', '被抽样单位所在地', '销售者地址'] },
    { key: 'samplingStage', header: '抽样环节', aliases: ['抽样场所', '环节', '抽样领域'], note: '生产 / 流通 / 电商' },
    { key: 'platform', header: '电商平台', aliases: ['网购平台', '平台', '电商平台名称', '销售平台'] },
    { key: 'sampledOn', header: '抽样日期', aliases: ['抽样时间'] },
    { key: 'samplingAgency', header: '抽样机构', aliases: ['抽样单位', '抽样机构名称'] },
    { key: 'testingAgency', header: '承检机构', aliases: ['检验机构', '承检单位', '检验单位', '承检机构名称', '检测机构'], required: true },
    {
      key: 'reportNo',
      header: '报告编号',
      aliases: ['检验报告编号', '报告号', '检验报告号', '报告书编号'],
      required: true,
      note: 'unique per result: the natural key',
    },
    { key: 'reportDate', header: '报告日期', aliases: ['检验报告日期', '签发日期', '报告签发日期'], required: true },
    {
      key: 'conclusion',
      header: '检验结论',
      aliases: ['检验结果', '抽查结果', '结论', '判定结论', '检测结论', '抽检结论'],
      required: true,
      note: '合格 / 不合格',
    },
    {
      key: 'items',
      header: '不合格项目',
      aliases: ['不合格项目及检验结果', '不符合项', '不合格项', '不符合项目', '不合格项目名称', '不合格项目(标准值、实测值)'],
      note: 'when 不合格: items separated by ；; 、 or new lines, each optionally 项目(标准值: …, 实测值: …)',
    },
    { key: 'severity', header: '问题严重程度', aliases: ['严重程度', '问题程度', '问题性质'], note: '一般 / 严重' },
    { key: 'mainProblem', header: '主要质量问题', aliases: ['主要问题', '质量问题', '主要不合格问题'] },
    { key: 'remarks', header: '备注', aliases: ['说明'] },
    {
      key: 'city',
      header: '属地',
      aliases: ['所属市州', '市州', '被抽样单位属地'],
      note: 'optional: the Hubei city the result is attributed to',
    },
  ],
  keyColumns: ['reportNo'],

  normalise(row) {
    const checkType = row.choice('checkType', CheckType, { forms: CheckTypeForms });
    const taskName = row.text('taskName', { max: MAX.taskName });
    const productCategory = row.text('productCategory', { max: MAX.productCategory });
    const productName = row.text('productName', { max: MAX.productName });
    const trademark = row.text('trademark', { max: MAX.trademark });
    const modelSpec = row.text('modelSpec', { max: MAX.modelSpec });
    const productionBatch = row.text('productionBatch', { max: MAX.productionBatch });
    const producerName = row.text('producerName', { max: MAX.producerName });
    const producerUscc = row.uscc('producerUscc');
    const producerAddress = row.text('producerAddress', { max: MAX.producerAddress });
    const sampledUnitName = row.text('sampledUnitName', { max: MAX.sampledUnitName });
    const sampledUnitAddress = row.text('sampledUnitAddress', { max: MAX.sampledUnitAddress });
    const samplingStage = row.choice('samplingStage', SamplingStage, { forms: SamplingStageForms });
    const platform = row.text('platform', { max: MAX.platform });
    const sampledOn = row.date('sampledOn');
    const samplingAgency = row.text('samplingAgency', { max: MAX.samplingAgency });
    const testingAgency = row.text('testingAgency', { max: MAX.testingAgency });
    const reportNo = row.code('reportNo', { max: MAX.reportNo });
    const reportDate = row.date('reportDate');
    const conclusion = row.choice('conclusion', Conclusion, { forms: ConclusionForms });
    const severity = row.choice('severity', Severity, { forms: SeverityForms });
    const mainProblem = row.text('mainProblem');
    const remarks = row.text('remarks');
    const place = row.city('city');

    const itemsText = row.text('items');
    const items = itemsText ? splitList(itemsText).map(parseNonconformity) : [];
    if (conclusion === 'fail' && items.length === 0) {
      row.report('items', '检验结论为不合格时必须填写不合格项目', 'required when the conclusion is 不合格');
    } else if (conclusion === 'pass' && items.length > 0) {
      row.report('items', '检验结论为合格，却填写了不合格项目', 'nonconforming items given for a result that passed');
    }
    for (const item of items) {
      const long = (['item', 'requirement', 'measured'] as const).find((part) => (item[part]?.length ?? 0) > ITEM_MAX[part]);
      if (long) {
        row.report(
          'items',
          `不合格项目"${item[long]!.slice(0, 20)}…"过长（最多 ${ITEM_MAX[long]} 字）`,
          `a nonconforming item, requirement or value is too long (at most ${ITEM_MAX[long]} characters)`,
        );
      }
      if (!item.item) row.report('items', '不合格项目缺少项目名称', 'a nonconforming item lacks its name');
    }
    if (sampledOn && reportDate && sampledOn > reportDate) {
      row.report('sampledOn', `抽样日期晚于报告日期 ${reportDate}`, `sampled after the report date ${reportDate}`);
    }

    if (
      row.failed ||
      !checkType ||
      !productCategory ||
      !productName ||
      !producerName ||
      !sampledUnitName ||
      !testingAgency ||
      !reportNo ||
      !reportDate ||
      !conclusion
    ) {
      return undefined;
    }
    const producer = enterpriseRef({ uscc: producerUscc, name: producerName, address: producerAddress, create: true });
    const sampledUnit =
      sampledUnitName === producerName
        ? producer
        : enterpriseRef({ uscc: null, name: sampledUnitName, address: sampledUnitAddress, create: false });
    const cityCode =
      place?.city.code ?? (sampledUnitAddress ? parsePlace(sampledUnitAddress)?.city.code : undefined) ?? producer.cityCode ?? null;
    const extra = Object.keys(row.raw.extra).length ? row.raw.extra : null;
    return {
      record: {
        reportNo,
        checkType,
        taskName,
        productCategory,
        productName,
        trademark,
        modelSpec,
        productionBatch,
        productionDate: productionBatch ? (findDateIn(productionBatch) ?? null) : null,
        producerName,
        producerUscc,
        producerAddress,
        producerRef: producer.ref,
        sampledUnitName,
        sampledUnitAddress,
        sampledUnitRef: sampledUnit.ref,
        samplingStage,
        platform,
        sampledOn,
        samplingAgency,
        testingAgency,
        reportDate,
        conclusion,
        severity,
        mainProblem,
        remarks,
        cityCode,
        items,
        extra,
      },
      enterprises: sampledUnit === producer ? [producer] : [producer, sampledUnit],
    };
  },

  naturalKey: (r) => r.reportNo,

  content: (r) => ({
    checkType: r.checkType,
    taskName: r.taskName,
    productCategory: r.productCategory,
    productName: r.productName,
    trademark: r.trademark,
    modelSpec: r.modelSpec,
    productionBatch: r.productionBatch,
    productionDate: r.productionDate,
    producerName: r.producerName,
    producerUscc: r.producerUscc,
    producerAddress: r.producerAddress,
    sampledUnitName: r.sampledUnitName,
    sampledUnitAddress: r.sampledUnitAddress,
    samplingStage: r.samplingStage,
    platform: r.platform,
    sampledOn: r.sampledOn,
    samplingAgency: r.samplingAgency,
    testingAgency: r.testingAgency,
    reportDate: r.reportDate,
    conclusion: r.conclusion,
    severity: r.severity,
    mainProblem: r.mainProblem,
    remarks: r.remarks,
    cityCode: r.cityCode,
    items: r.items,
    extra: r.extra ?? null,
  }),

  async lookup(sql, records) {
    const found = await sql.query<SpotCheckRecord & { version: number }>(
      `SELECT s.report_no AS "reportNo", s.check_type AS "checkType", s.task_name AS "taskName", s.product_category AS "productCategory",
              s.product_name AS "productName", s.trademark, s.model_spec AS "modelSpec", s.production_batch AS "productionBatch",
              s.production_date::text AS "productionDate", s.producer_name AS "producerName", e.uscc AS "producerUscc",
              s.producer_address AS "producerAddress", s.sampled_unit_name AS "sampledUnitName", s.sampled_unit_address AS "sampledUnitAddress",
              s.sampling_stage AS "samplingStage", s.platform, s.sampled_on::text AS "sampledOn", s.sampling_agency AS "samplingAgency",
              s.testing_agency AS "testingAgency", s.report_date::text AS "reportDate", s.conclusion, s.severity,
              s.main_problem AS "mainProblem", s.remarks, s.city_code AS "cityCode", s.extra, s.version,
              coalesce((SELECT jsonb_agg(jsonb_build_object('item', n.item, 'requirement', n.requirement, 'measured', n.measured) ORDER BY n.seq)
                          FROM nonconforming_item n WHERE n.spot_check_id = s.id), '[]'::jsonb) AS items
         FROM spot_check s JOIN enterprise e ON e.id = s.producer_id
        WHERE s.report_no = ANY($1::text[])`,
      [records.map((r) => r.record.reportNo)],
    );
    return new Map(found.map((f) => [f.reportNo, { version: f.version, record: f }]));
  },

  publish: {
    table: 'spot_check',
    target: TARGET,
    async apply(sql, batchId) {
      await stage(sql, batchId);
      // the new results and, in the same statement, their items: joined to the rows just
      // inserted by report number in one hash join (not one index probe per result)
      const inserted = await sql.query<{ id: number }>(
        `WITH inserted AS (
           INSERT INTO spot_check (report_no, check_type, task_name, product_category, product_name, trademark, model_spec,
                                   production_batch, production_date, producer_id, producer_name, producer_address, sampled_unit_id,
                                   sampled_unit_name, sampled_unit_address, sampling_stage, platform, sampled_on, sampling_agency,
                                   testing_agency, report_date, conclusion, severity, main_problem, remarks, certified_item_id,
                                   city_code, extra, batch_id)
           SELECT x."reportNo", ${COLUMNS_FROM_RECORD}, $1::int
             FROM pub_spot_check x ${RESOLVE}
            WHERE x.action = 'new'
           RETURNING id, report_no
         ), items AS (
           INSERT INTO nonconforming_item (spot_check_id, seq, item, requirement, measured, batch_id)
           SELECT s.id, i.seq, i.e->>'item', i.e->>'requirement', i.e->>'measured', $1::int
             FROM inserted s
             JOIN pub_spot_check x ON x."reportNo" = s.report_no AND x.action = 'new'
             CROSS JOIN LATERAL jsonb_array_elements(x.items) WITH ORDINALITY AS i(e, seq)
            WHERE x.items <> '[]'::jsonb
         )
         SELECT id FROM inserted`,
        [batchId],
      );
      const corrected = await sql.query<{ id: number }>(
        `UPDATE spot_check t
            SET (check_type, task_name, product_category, product_name, trademark, model_spec, production_batch, production_date,
                 producer_id, producer_name, producer_address, sampled_unit_id, sampled_unit_name, sampled_unit_address,
                 sampling_stage, platform, sampled_on, sampling_agency, testing_agency, report_date, conclusion, severity,
                 main_problem, remarks, certified_item_id, city_code, extra)
              = (${COLUMNS_FROM_RECORD})
           FROM pub_spot_check x ${RESOLVE}
          WHERE x.action = 'corrected' AND t.id = x.target_id
         RETURNING t.id`,
      );
      if (corrected.length) await applyCorrectedItems(sql, batchId);
      return { inserted: inserted.length, corrected: corrected.length, spotCheckIds: [...inserted, ...corrected].map((r) => r.id) };
    },
  },
};

/** Nonconforming items of corrected results: changed ones updated, missing ones added, surplus ones removed (all kept in history). */
async function applyCorrectedItems(sql: Queryable, batchId: number): Promise<void> {
  const items = `WITH n AS (
      SELECT x.target_id AS spot_check_id, i.seq::int AS seq, i.e->>'item' AS item, i.e->>'requirement' AS requirement,
             i.e->>'measured' AS measured
        FROM pub_spot_check x CROSS JOIN LATERAL jsonb_array_elements(x.items) WITH ORDINALITY AS i(e, seq)
       WHERE x.action = 'corrected')`;
  await sql.execute(
    `DELETE FROM nonconforming_item n USING pub_spot_check x
      WHERE x.action = 'corrected' AND n.spot_check_id = x.target_id AND n.seq > jsonb_array_length(x.items)`,
  );
  await sql.execute(
    `${items}
     UPDATE nonconforming_item x SET item = n.item, requirement = n.requirement, measured = n.measured
       FROM n WHERE x.spot_check_id = n.spot_check_id AND x.seq = n.seq
        AND (x.item, x.requirement, x.measured) IS DISTINCT FROM (n.item, n.requirement, n.measured)`,
  );
  await sql.execute(
    `${items}
     INSERT INTO nonconforming_item (spot_check_id, seq, item, requirement, measured, batch_id)
     SELECT n.spot_check_id, n.seq, n.item, n.requirement, n.measured, $1::int FROM n
      WHERE NOT EXISTS (SELECT 1 FROM nonconforming_item x WHERE x.spot_check_id = n.spot_check_id AND x.seq = n.seq)`,
    [batchId],
  );
}
