import { defineEntity, p } from '@mikro-orm/core';

/** 市州: the 17 prefecture-level divisions of Hubei (GB/T 2260), loaded by the first migration. */
const CitySchema = defineEntity({
  name: 'City',
  tableName: 'city',
  properties: {
    /** GB/T 2260 code, e.g. 420100 */
    code: p.string().length(6).primary(),
    /** full name, e.g. 武汉市, 恩施土家族苗族自治州 */
    name: p.string().length(50).unique(),
    /** the short name the bureau writes, e.g. 武汉, 恩施州 */
    shortName: p.string().length(20).unique(),
    /** 地级市 / 自治州 / 省直管市 / 林区 */
    kind: p.enum(['prefecture_city', 'autonomous_prefecture', 'direct_city', 'forestry_district'] as const),
  },
});
export class City extends CitySchema.class {}
CitySchema.setClass(City);

/** 国民经济行业分类 GB/T 4754-2017 class (4-digit code). */
const IndustrySchema = defineEntity({
  name: 'Industry',
  tableName: 'industry',
  properties: {
    code: p.string().length(4).primary(),
    name: p.string().length(100),
  },
});
export class Industry extends IndustrySchema.class {}
IndustrySchema.setClass(Industry);
