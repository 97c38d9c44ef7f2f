/**
 * 培育库入库名单 (seed 001 附件3): an enterprise and one product/service entered for cultivation in a
 * year. Natural key: (年度, 统一社会信用代码, 产品/服务名称). The contact person and phone are
 * personal information: stored for the bureau, never published.
 */
import { CultivationEntry, ItemKind, maxLengths } from '@hub/db';
import type { RecordType } from '../record-type.ts';
import { checkSameName, enterpriseRef, readIndustry, readYear, splitContact } from '../fields.ts';
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

export interface CultivationRecord {
  year: number;
  uscc: string;
  enterpriseName: string;
  enterpriseRef: string;
  itemName: string;
  itemKind: string;
  standard: string | null;
  industryCode: string | null;
  industryName: string | null;
  contactName: string | null;
  contactPhone: string | null;
}

/** db/src/entities/registry.ts */
const MAX = maxLengths(CultivationEntry, ['itemName', 'standard', 'contactName', 'contactPhone']);
/** name and phone in one cell, with the words or marks between them */
const CONTACT_CELL_MAX = MAX.contactName + MAX.contactPhone + 10;

const TARGET = `SELECT t.id, t.version FROM cultivation_entry t JOIN enterprise e ON e.id = t.enterprise_id
                WHERE t.year = (d->>'year')::int AND e.uscc = d->>'uscc' AND t.item_name = d->>'itemName'`;

export const cultivationEntry: RecordType<CultivationRecord> = {
  code: 'cultivation_entry',
  label: '培育库入库名单',
  jsonType: 'cultivationEntry',
  columns: [
    SEQ,
    { key: 'year', header: '年度', aliases: ['入库年度', '年份', '推荐年度', '培育年度'], required: true },
    { ...ENTERPRISE_NAME, required: true },
    { ...USCC, required: true },
    { ...PLACE, required: true },
    { ...ITEM_NAME, required: true },
    ITEM_KIND,
    {
      key: 'standard',
      header: '产品/服务执行标准名称、编号',
      aliases: [
        '执行标准',
        '执行标准名称、编号',
        '执行标准名称及编号',
        '产品/服务执行标准名称及编号',
        '标准名称、编号',
        '产品执行标准',
        '标准',
      ],
      note: 'as written',
    },
    INDUSTRY,
    {
      key: 'contact',
      header: '经营主体联系人、联系方式',
      aliases: ['联系人、联系方式', '联系人及联系方式', '联系人/联系方式', '经营主体联系人及联系方式', '联系人和联系方式'],
      note: 'personal data: name and phone in one cell, e.g. 张三 13800000000',
    },
    { key: 'contactName', header: '联系人', aliases: ['经营主体联系人', '联系人姓名'], note: 'personal data' },
    { key: 'contactPhone', header: '联系方式', aliases: ['联系电话', '电话', '手机', '手机号码'], note: 'personal data' },
  ],
  keyColumns: ['year', 'uscc', 'itemName'],

  normalise(row, context) {
    const year = readYear(row, 'year');
    const name = row.text('enterpriseName', { max: ENTERPRISE_NAME_MAX });
    const uscc = row.uscc('uscc', { hubei: true });
    const place = row.city('place');
    const itemName = row.text('itemName', { max: MAX.itemName });
    const itemKind = row.choice('itemKind', ItemKind, { aliases: ITEM_KIND_ALIASES }) ?? 'product';
    const standard = row.text('standard', { max: MAX.standard });
    const industry = readIndustry(row, 'industry', context);
    const both = row.text('contact', { max: CONTACT_CELL_MAX });
    const split = both ? splitContact(both) : { name: null, phone: null };
    const contactName = row.text('contactName', { max: MAX.contactName }) ?? split.name;
    const contactPhone = row.text('contactPhone', { max: MAX.contactPhone }) ?? split.phone;
    if ((contactName?.length ?? 0) > MAX.contactName) {
      row.report('contact', `联系人过长（最多 ${MAX.contactName} 字）`, `contact name too long (at most ${MAX.contactName} characters)`);
    }
    if (uscc && name) checkSameName(row, context, uscc, name, 'enterpriseName');
    if (row.failed || year === null || !name || !uscc || !place || !itemName) return undefined;
    const enterprise = enterpriseRef({ uscc, name, city: place.city, county: place.county, create: true });
    return {
      record: {
        year,
        uscc,
        enterpriseName: name,
        enterpriseRef: enterprise.ref,
        itemName,
        itemKind,
        standard,
        industryCode: industry?.code ?? null,
        industryName: industry?.name ?? null,
        contactName: contactName?.slice(0, MAX.contactName) ?? null,
        contactPhone: contactPhone?.slice(0, MAX.contactPhone) ?? null,
      },
      enterprises: [enterprise],
    };
  },

  naturalKey: (r) => `${r.year}|${r.uscc}|${r.itemName}`,

  content: (r) => ({
    itemKind: r.itemKind,
    standard: r.standard,
    industryCode: r.industryCode,
    contactName: r.contactName,
    contactPhone: r.contactPhone,
  }),

  async lookup(sql, records) {
    const found = await sql.query<CultivationRecord & { version: number }>(
      `SELECT t.year, e.uscc, t.item_name AS "itemName", t.item_kind AS "itemKind", t.standard, t.industry_code AS "industryCode",
              t.contact_name AS "contactName", t.contact_phone AS "contactPhone", t.version
         FROM unnest($1::int[], $2::text[], $3::text[]) AS k(year, uscc, name)
         JOIN enterprise e ON e.uscc = k.uscc
         JOIN cultivation_entry t ON t.enterprise_id = e.id AND t.year = k.year AND t.item_name = k.name`,
      [records.map((r) => r.record.year), records.map((r) => r.record.uscc), records.map((r) => r.record.itemName)],
    );
    return new Map(found.map((f) => [`${f.year}|${f.uscc}|${f.itemName}`, { version: f.version, record: f }]));
  },

  publish: {
    table: 'cultivation_entry',
    target: TARGET,
    async apply(sql, batchId) {
      const inserted = await sql.execute(
        `WITH p AS (${rowsOf('cultivation_entry', 'new')})
         INSERT INTO cultivation_entry (year, enterprise_id, item_name, item_kind, standard, industry_code, contact_name, contact_phone, batch_id)
         SELECT (d->>'year')::int, pe.id, d->>'itemName', d->>'itemKind', d->>'standard', d->>'industryCode',
                d->>'contactName', d->>'contactPhone', $1::int
           FROM p JOIN pub_enterprise pe ON pe.ref = d->>'enterpriseRef'`,
        [batchId],
      );
      const corrected = await sql.execute(
        `WITH p AS (${correctedRowsOf('cultivation_entry', TARGET)})
         UPDATE cultivation_entry t
            SET item_kind = d->>'itemKind', standard = d->>'standard', industry_code = d->>'industryCode',
                contact_name = d->>'contactName', contact_phone = d->>'contactPhone'
           FROM p WHERE t.id = p.target_id`,
        [batchId],
      );
      return { inserted, corrected };
    },
  },
};
