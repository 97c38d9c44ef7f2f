/**
 * 消费警示 (003 Art. 26): a consumer warning issued after a risk assessment. Natural key:
 * (标题, 发布日期). 关联报告编号: zero or more report numbers (separated by `；` `;` `、` `,` or line
 * breaks), each a published spot-check result.
 */
import { ConsumerWarning, maxLength, maxLengths, SpotCheck } from '@hub/db';
import type { Prepared, RecordType } from '../record-type.ts';
import { splitList } from '../text.ts';
import { correctedRowsOf, rowsOf, SEQ } from './common.ts';

export interface WarningRecord {
  title: string;
  publishedOn: string;
  productCategory: string | null;
  risk: string;
  advice: string | null;
  reportNos: string[];
}

/** db/src/entities/warning.ts; the reports are spot checks' (spot-check.ts) */
const MAX = maxLengths(ConsumerWarning, ['title', 'productCategory']);
const REPORT_NO_MAX = maxLength(SpotCheck, 'reportNo');

const TARGET = `SELECT t.id, t.version FROM consumer_warning t WHERE t.title = d->>'title' AND t.published_on = (d->>'publishedOn')::date`;

export const consumerWarning: RecordType<WarningRecord> = {
  code: 'consumer_warning',
  label: '消费警示',
  jsonType: 'consumerWarning',
  columns: [
    SEQ,
    { key: 'title', header: '标题', aliases: ['警示标题', '消费警示标题', '名称', '题目'], required: true },
    { key: 'publishedOn', header: '发布日期', aliases: ['发布时间', '日期', '发布日'], required: true },
    { key: 'productCategory', header: '产品种类', aliases: ['产品类别', '产品', '涉及产品'] },
    { key: 'risk', header: '风险提示', aliases: ['风险', '主要风险', '风险提示内容', '风险描述'], required: true },
    { key: 'advice', header: '消费建议', aliases: ['建议', '消费提示', '消费者建议'] },
    {
      key: 'reportNos',
      header: '关联报告编号',
      aliases: ['报告编号', '关联报告', '相关报告编号', '关联抽查报告编号'],
      note: 'zero or more, separated by ；; 、 , or new lines',
    },
  ],
  keyColumns: ['title', 'publishedOn'],

  normalise(row) {
    const title = row.text('title', { max: MAX.title });
    const publishedOn = row.date('publishedOn');
    const productCategory = row.text('productCategory', { max: MAX.productCategory });
    const risk = row.text('risk');
    const advice = row.text('advice');
    const reports = row.text('reportNos');
    const reportNos = reports ? [...new Set(splitList(reports, { comma: true }).map((r) => r.replace(/\s+/g, '')))].sort() : [];
    if (reportNos.some((r) => r.length > REPORT_NO_MAX)) {
      row.report('reportNos', `报告编号过长（最多 ${REPORT_NO_MAX} 字）`, `report number too long (at most ${REPORT_NO_MAX} characters)`);
    }
    if (row.failed || !title || !publishedOn || !risk) return undefined;
    return { record: { title, publishedOn, productCategory, risk, advice, reportNos } };
  },

  naturalKey: (r) => `${r.title}|${r.publishedOn}`,

  content: (r) => ({ productCategory: r.productCategory, risk: r.risk, advice: r.advice, reportNos: [...r.reportNos].sort() }),

  async lookup(sql, records, report) {
    const wanted = [...new Set(records.flatMap((r) => r.record.reportNos))];
    if (wanted.length) {
      const published = new Set(
        (await sql.query<{ report_no: string }>(`SELECT report_no FROM spot_check WHERE report_no = ANY($1::text[])`, [wanted])).map(
          (r) => r.report_no,
        ),
      );
      for (const r of records as Prepared<WarningRecord>[]) {
        for (const no of r.record.reportNos) {
          if (!published.has(no))
            report(r, 'reportNos', `找不到报告编号为 ${no} 的已发布抽查结果`, `no published spot-check result has report number ${no}`, no);
        }
      }
    }
    const found = await sql.query<WarningRecord & { version: number }>(
      `SELECT t.title, t.published_on::text AS "publishedOn", t.product_category AS "productCategory", t.risk, t.advice, t.version,
              array(SELECT s.report_no FROM warning_spot_check w JOIN spot_check s ON s.id = w.spot_check_id
                     WHERE w.consumer_warning_id = t.id ORDER BY 1) AS "reportNos"
         FROM unnest($1::text[], $2::date[]) AS k(title, published_on)
         JOIN consumer_warning t ON t.title = k.title AND t.published_on = k.published_on`,
      [records.map((r) => r.record.title), records.map((r) => r.record.publishedOn)],
    );
    return new Map(found.map((f) => [`${f.title}|${f.publishedOn}`, { version: f.version, record: f }]));
  },

  publish: {
    table: 'consumer_warning',
    target: TARGET,
    async apply(sql, batchId) {
      const inserted = await sql.execute(
        `WITH p AS (${rowsOf('consumer_warning', 'new')})
         INSERT INTO consumer_warning (title, published_on, product_category, risk, advice, batch_id)
         SELECT d->>'title', (d->>'publishedOn')::date, d->>'productCategory', d->>'risk', d->>'advice', $1::int FROM p`,
        [batchId],
      );
      await sql.execute(
        `WITH p AS (${rowsOf('consumer_warning', 'new')})
         INSERT INTO warning_spot_check (consumer_warning_id, spot_check_id)
         SELECT t.id, s.id
           FROM p JOIN consumer_warning t ON t.title = d->>'title' AND t.published_on = (d->>'publishedOn')::date
          CROSS JOIN LATERAL jsonb_array_elements_text(d->'reportNos') AS r
           JOIN spot_check s ON s.report_no = r.value`,
        [batchId],
      );
      const corrected = await sql.execute(
        `WITH p AS (${correctedRowsOf('consumer_warning', TARGET)})
         UPDATE consumer_warning t SET product_category = d->>'productCategory', risk = d->>'risk', advice = d->>'advice'
           FROM p WHERE t.id = p.target_id`,
        [batchId],
      );
      if (corrected) {
        const links = `WITH p AS (${correctedRowsOf('consumer_warning', TARGET)}),
          wanted AS (SELECT p.target_id AS consumer_warning_id, s.id AS spot_check_id
                       FROM p CROSS JOIN LATERAL jsonb_array_elements_text(p.d->'reportNos') AS r
                       JOIN spot_check s ON s.report_no = r.value)`;
        await sql.execute(
          `${links}
           DELETE FROM warning_spot_check w USING p
            WHERE w.consumer_warning_id = p.target_id
              AND NOT EXISTS (SELECT 1 FROM wanted x WHERE x.consumer_warning_id = w.consumer_warning_id AND x.spot_check_id = w.spot_check_id)`,
          [batchId],
        );
        await sql.execute(`${links} INSERT INTO warning_spot_check SELECT * FROM wanted ON CONFLICT DO NOTHING`, [batchId]);
      }
      return { inserted, corrected };
    },
  },
};
