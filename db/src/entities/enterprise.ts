import { defineEntity, p } from '@mikro-orm/core';
import { EnterpriseSize } from '../vocabulary.ts';
import { City } from './reference.ts';
import { recordColumns, trigramIndexes } from './record-columns.ts';

/**
 * 经营主体: an enterprise, certified or spot-checked. Certified ones are registered in Hubei;
 * spot-checked producers may be from anywhere (003 Art. 16), and some are known only by name.
 */
const EnterpriseSchema = defineEntity({
  name: 'Enterprise',
  tableName: 'enterprise',
  properties: {
    id: p.integer().primary(),
    /** 统一社会信用代码 (GB 32100-2015), checksum-validated; null when the source gives none */
    uscc: p.string().length(18).nullable().unique(),
    name: p.string().length(200),
    address: p.string().length(500).nullable(),
    /** 市州, for Hubei enterprises */
    city: () => p.manyToOne(City).nullable().index(),
    /** 县区, as written by the source */
    county: p.string().length(50).nullable(),
    /** first two digits of the administrative division (42 = Hubei) */
    provinceCode: p.string().length(2).nullable(),
    size: p.enum(EnterpriseSize.codes).nullable(),
    ...recordColumns(),
  },
  indexes: [{ properties: ['name'] }, ...trigramIndexes('enterprise')],
  // hub_uscc_valid (db/migrations): GB 32100-2015 shape, Hubei-or-other division digits, checksum
  checks: [{ name: 'enterprise_uscc_valid', expression: 'hub_uscc_valid(uscc)' }],
  uniques: [{ name: 'enterprise_name_without_uscc_unique', properties: ['name'], where: { uscc: null } }],
});
export class Enterprise extends EnterpriseSchema.class {}
EnterpriseSchema.setClass(Enterprise);

/** 注册商标 of an enterprise */
const TrademarkSchema = defineEntity({
  name: 'Trademark',
  tableName: 'trademark',
  properties: {
    id: p.integer().primary(),
    enterprise: () => p.manyToOne(Enterprise),
    name: p.string().length(100),
    ...recordColumns(),
  },
  uniques: [{ properties: ['enterprise', 'name'] }],
});
export class Trademark extends TrademarkSchema.class {}
TrademarkSchema.setClass(Trademark);
