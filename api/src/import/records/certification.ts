/**
 * 认定名单: one certified product, service or engineering project of an enterprise in a round.
 * Natural key: (届次, 统一社会信用代码, 产品/服务名称). Certified enterprises are registered in
 * Hubei: the USCC's division is 42xxxx and 属地 names a Hubei city.
 */
import { CertifiedItem, ItemKind, maxLengths, type StandardLevel } from '@hub/db';
import type { Prepared, RecordType } from '../record-type.ts';
import { checkSameName, enterpriseRef, readIndustry, readRound, readStandard } from '../fields.ts';
import {
  correctedRowsOf,
  ENTERPRISE_NAME,
  ENTERPRISE_NAME_MAX,
  INDUSTRY,
  ITEM_KIND,
  ITEM_KIND_ALIASES,
  ITEM_NAME,
  PLACE,
  rowsOf,
  SEQ,
  USCC,
} from './common.ts';

export interface CertifiedItemRecord {
  round: number;
  uscc: string;
  enterpriseName: string;
  enterpriseRef: string;
  itemName: string;
  kind: string;
  trademark: string | null;
  standardNo: string | null;
  standardName: string | null;
  standardLevel: StandardLevel | null;
  industryCode: string | null;
  industryName: string | null;
  certifiedOn: string | null;
  certificateNo: string | null;
  seqNo: number | null;
}

/** db/src/entities/registry.ts */
const MAX = maxLengths(CertifiedItem, ['name', 'trademark', 'certificateNo']);

const TARGET = `SELECT t.id, t.version FROM certified_item t JOIN enterprise e ON e.id = t.enterprise_id
                WHERE t.round = (d->>'round')::int AND e.uscc = d->>'uscc' AND t.name = d->>'itemName'`;

export const certifiedItem: RecordType<CertifiedItemRecord> = {
  code: 'certified_item',
  label: '认定名单',
  jsonType: 'certifiedItem',
  columns: [
    SEQ,
    {
      key: 'round',
      header: '届次',
      aliases: ['届别', '认定届次', '届', '认定年度'],
      required: true,
      note: '2023, 第一届, 首届, 第二届 … (round 1 = 2023)',
    },
    { ...ENTERPRISE_NAME, required: true },
    { ...USCC, required: true },
    { ...PLACE, required: true },
    { ...ITEM_NAME, required: true },
    ITEM_KIND,
    { key: 'trademark', header: '注册商标', aliases: ['商标', '品牌'] },
    {
      key: 'standard',
      header: '执行标准',
      aliases: [
        '标准',
        '执行标准名称及编号',
        '执行标准编号及名称',
        '产品/服务执行标准名称、编号',
        '产品执行标准',
        '标准名称及编号',
        '标准编号',
        '执行标准编号',
      ],
      note: 'number and name, e.g. T/HBAS 012-2023 某某产品',
    },
    INDUSTRY,
    { key: 'certifiedOn', header: '认定日期', aliases: ['公布日期', '公告日期', '认定时间', '发布日期'] },
    { key: 'certificateNo', header: '证书编号', aliases: ['证书号', '证书号码', '认定证书编号'] },
  ],
  keyColumns: ['round', 'uscc', 'itemName'],

  normalise(row, context) {
    const round = readRound(row, 'round');
    const name = row.text('enterpriseName', { max: ENTERPRISE_NAME_MAX });
    const uscc = row.uscc('uscc', { hubei: true });
    const place = row.city('place');
    const itemName = row.text('itemName', { max: MAX.name });
    const kind = row.choice('itemKind', ItemKind, { aliases: ITEM_KIND_ALIASES }) ?? 'product';
    const trademark = row.text('trademark', { max: MAX.trademark });
    const standard = readStandard(row, 'standard');
    const industry = readIndustry(row, 'industry', context);
    const certifiedOn = row.date('certifiedOn');
    const certificateNo = row.code('certificateNo', { max: MAX.certificateNo });
    const seqNo = row.integer('seq', { min: 0, max: 1_000_000 });
    if (uscc && name) checkSameName(row, context, uscc, name, 'enterpriseName');
    if (certificateNo) {
      const first = context.scratch.get(`certificate:${certificateNo}`) as number | undefined;
      if (first !== undefined) row.report('certificateNo', `与第${first}行的证书编号重复`, `same certificate number as row ${first}`);
      else context.scratch.set(`certificate:${certificateNo}`, row.row);
    }
    if (row.failed || round === null || !name || !uscc || !place || !itemName) return undefined;
    const enterprise = enterpriseRef({ uscc, name, city: place.city, county: place.county, create: true });
    return {
      record: {
        round,
        uscc,
        enterpriseName: name,
        enterpriseRef: enterprise.ref,
        itemName,
        kind,
        trademark,
        standardNo: standard?.no || null,
        standardName: standard?.name ?? null,
        standardLevel: standard?.level ?? null,
        industryCode: industry?.code ?? null,
        industryName: industry?.name ?? null,
        certifiedOn,
        certificateNo,
        seqNo,
      },
      enterprises: [enterprise],
    };
  },

  naturalKey: (r) => `${r.round}|${r.uscc}|${r.itemName}`,

  // 序号 is the announcement's order, not a fact about the item: a re-numbered list corrects nothing
  content: (r) => ({
    kind: r.kind,
    trademark: r.trademark,
    standardNo: r.standardNo,
    standardName: r.standardName,
    standardLevel: r.standardLevel,
    industryCode: r.industryCode,
    certifiedOn: r.certifiedOn,
    certificateNo: r.certificateNo,
  }),

  async lookup(sql, records, report) {
    const found = await sql.query<CertifiedItemRecord & { version: number }>(
      `SELECT t.round, e.uscc, t.name AS "itemName", t.kind, t.trademark, t.standard_no AS "standardNo",
              t.standard_name AS "standardName", t.standard_level AS "standardLevel", t.industry_code AS "industryCode",
              t.certified_on::text AS "certifiedOn", t.certificate_no AS "certificateNo", t.version
         FROM unnest($1::int[], $2::text[], $3::text[]) AS k(round, uscc, name)
         JOIN enterprise e ON e.uscc = k.uscc
         JOIN certified_item t ON t.enterprise_id = e.id AND t.round = k.round AND t.name = k.name`,
      [records.map((r) => r.record.round), records.map((r) => r.record.uscc), records.map((r) => r.record.itemName)],
    );
    const withCertificate = records.filter((r) => r.record.certificateNo);
    if (withCertificate.length) {
      const holders = await sql.query<{ certificate_no: string; key: string }>(
        `SELECT t.certificate_no, t.round || '|' || coalesce(e.uscc, '') || '|' || t.name AS key
           FROM certified_item t JOIN enterprise e ON e.id = t.enterprise_id
          WHERE t.certificate_no = ANY($1::text[])`,
        [withCertificate.map((r) => r.record.certificateNo)],
      );
      const holderOf = new Map(holders.map((h) => [h.certificate_no, h.key]));
      for (const r of withCertificate as Prepared<CertifiedItemRecord>[]) {
        const holder = holderOf.get(r.record.certificateNo!);
        if (holder && holder !== r.naturalKey) {
          const [round, uscc, name] = holder.split('|');
          report(
            r,
            'certificateNo',
            `证书编号已属于第${round}届 ${uscc} 的"${name}"`,
            `certificate number already belongs to round ${round}, ${uscc} "${name}"`,
          );
        }
      }
    }
    return new Map(found.map((f) => [`${f.round}|${f.uscc}|${f.itemName}`, { version: f.version, record: f }]));
  },

  publish: {
    table: 'certified_item',
    target: TARGET,
    async apply(sql, batchId) {
      const inserted = await sql.execute(
        `WITH p AS (${rowsOf('certified_item', 'new')})
         INSERT INTO certified_item (round, enterprise_id, name, kind, trademark, standard_no, standard_name, standard_level,
                                     industry_code, certified_on, certificate_no, seq_no, batch_id)
         SELECT (d->>'round')::int, pe.id, d->>'itemName', d->>'kind', d->>'trademark', d->>'standardNo', d->>'standardName',
                d->>'standardLevel', d->>'industryCode', (d->>'certifiedOn')::date, d->>'certificateNo', (d->>'seqNo')::int, $1::int
           FROM p JOIN pub_enterprise pe ON pe.ref = d->>'enterpriseRef'`,
        [batchId],
      );
      const corrected = await sql.execute(
        `WITH p AS (${correctedRowsOf('certified_item', TARGET)})
         UPDATE certified_item t
            SET kind = d->>'kind', trademark = d->>'trademark', standard_no = d->>'standardNo', standard_name = d->>'standardName',
                standard_level = d->>'standardLevel', industry_code = d->>'industryCode', certified_on = (d->>'certifiedOn')::date,
                certificate_no = d->>'certificateNo'
           FROM p WHERE t.id = p.target_id`,
        [batchId],
      );
      // 注册商标 of the enterprise (kept once per enterprise and name)
      await sql.execute(
        `INSERT INTO trademark (enterprise_id, name, batch_id)
         SELECT DISTINCT pe.id, r.data->'record'->>'trademark', $1::int
           FROM batch_row r JOIN pub_enterprise pe ON pe.ref = r.data->'record'->>'enterpriseRef'
          WHERE r.batch_id = $1 AND r.action <> 'unchanged' AND r.data->>'type' = 'certified_item'
            AND r.data->'record'->>'trademark' IS NOT NULL
         ON CONFLICT (enterprise_id, name) DO NOTHING`,
        [batchId],
      );
      return { inserted, corrected };
    },
  },
};
