import { defineEntity, p } from '@mikro-orm/core';
import { ItemKind, LogoBasis, StandardLevel } from '../vocabulary.ts';
import { Enterprise } from './enterprise.ts';
import { Industry } from './reference.ts';
import { recordColumns, trigramIndexes } from './record-columns.ts';

/** The four registries of the programme (docs/sources/DOMAIN.md "Registries"). */

/**
 * 培育库: an enterprise and one product/service entered for cultivation in a year (seed 001 附件3).
 * The contact person and phone are personal information: stored for the bureau, never public.
 */
const CultivationEntrySchema = defineEntity({
  name: 'CultivationEntry',
  tableName: 'cultivation_entry',
  properties: {
    id: p.integer().primary(),
    year: p.integer().index(),
    enterprise: () => p.manyToOne(Enterprise).index(),
    itemName: p.string().length(200),
    itemKind: p.enum(ItemKind.codes).default('product'),
    /** 产品/服务执行标准名称、编号, as written */
    standard: p.string().length(300).nullable(),
    industry: () => p.manyToOne(Industry).nullable().index(),
    /** 经营主体联系人 — personal data */
    contactName: p.string().length(50).nullable(),
    /** 联系方式 — personal data */
    contactPhone: p.string().length(50).nullable(),
    ...recordColumns(),
  },
  uniques: [{ properties: ['year', 'enterprise', 'itemName'] }],
});
export class CultivationEntry extends CultivationEntrySchema.class {}
CultivationEntrySchema.setClass(CultivationEntry);

/** 标准先进性评价: the standard an item is made to, evaluated pass/fail (seed 001, 002). */
const StandardEvaluationSchema = defineEntity({
  name: 'StandardEvaluation',
  tableName: 'standard_evaluation',
  properties: {
    id: p.integer().primary(),
    year: p.integer().index(),
    enterprise: () => p.manyToOne(Enterprise).index(),
    cultivationEntry: () => p.manyToOne(CultivationEntry).nullable(),
    itemName: p.string().length(200),
    standardNo: p.string().length(100),
    standardName: p.string().length(300).nullable(),
    standardLevel: p.enum(StandardLevel.codes).nullable(),
    passed: p.boolean(),
    evaluatedOn: p.date().nullable(),
    ...recordColumns(),
  },
  uniques: [{ properties: ['year', 'enterprise', 'itemName'] }],
});
export class StandardEvaluation extends StandardEvaluationSchema.class {}
StandardEvaluationSchema.setClass(StandardEvaluation);

/**
 * 认定名单: a certified product, service or engineering project of an enterprise in a round
 * (届: round 1 = 2023, announced March 2024).
 */
const CertifiedItemSchema = defineEntity({
  name: 'CertifiedItem',
  tableName: 'certified_item',
  properties: {
    id: p.integer().primary(),
    /** 届次: 1 = 2023 */
    round: p.integer().index(),
    enterprise: () => p.manyToOne(Enterprise).index(),
    name: p.string().length(200),
    kind: p.enum(ItemKind.codes).default('product'),
    trademark: p.string().length(100).nullable(),
    standardNo: p.string().length(100).nullable(),
    standardName: p.string().length(300).nullable(),
    standardLevel: p.enum(StandardLevel.codes).nullable(),
    industry: () => p.manyToOne(Industry).nullable().index(),
    /** 认定日期: the announcement date */
    certifiedOn: p.date().nullable(),
    certificateNo: p.string().length(100).nullable().unique(),
    /** 序号 in the announcement */
    seqNo: p.integer().nullable(),
    ...recordColumns(),
  },
  uniques: [{ properties: ['round', 'enterprise', 'name'] }],
  indexes: trigramIndexes('certified_item'),
});
export class CertifiedItem extends CertifiedItemSchema.class {}
CertifiedItemSchema.setClass(CertifiedItem);

/**
 * 标识使用授权: permission to use the 湖北精品 logo — for a certified item, or by self-declaration
 * for 长江质量奖 winners (seed 001 附件2, 002). Use stops at once on revocation (000 Art. 16).
 */
const LogoAuthorisationSchema = defineEntity({
  name: 'LogoAuthorisation',
  tableName: 'logo_authorisation',
  properties: {
    id: p.integer().primary(),
    enterprise: () => p.manyToOne(Enterprise).index(),
    certifiedItem: () => p.manyToOne(CertifiedItem).nullable().index(),
    basis: p.enum(LogoBasis.codes),
    authorisedOn: p.date(),
    validUntil: p.date().nullable(),
    ...recordColumns(),
  },
  uniques: [{ properties: ['enterprise', 'certifiedItem', 'basis'] }],
});
export class LogoAuthorisation extends LogoAuthorisationSchema.class {}
LogoAuthorisationSchema.setClass(LogoAuthorisation);
