import { defineEntity, p } from '@mikro-orm/core';
import { CaseEventKind, CheckType, Conclusion, SamplingStage, Severity } from '../vocabulary.ts';
import { Enterprise } from './enterprise.ts';
import { City } from './reference.ts';
import { CertifiedItem } from './registry.ts';
import { SPOT_CHECK_SEARCH_INDEX, recordColumns } from './record-columns.ts';

/**
 * 抽查结果: one tested sample and its conclusion — supervision spot checks of every level, the
 * annual dynamic check of certified items and service-quality evaluations (docs/sources/DOMAIN.md).
 * The report number is the natural key.
 */
const SpotCheckSchema = defineEntity({
  name: 'SpotCheck',
  tableName: 'spot_check',
  properties: {
    id: p.integer().primary(),
    /** 报告编号 */
    reportNo: p.string().length(100).unique(),
    checkType: p.enum(CheckType.codes),
    /** 任务名称, e.g. 2026年第1批省级产品质量监督抽查 */
    taskName: p.string().length(300).nullable(),
    /** 产品种类 */
    productCategory: p.string().length(100),
    productName: p.string().length(200),
    trademark: p.string().length(100).nullable(),
    /** 规格型号 */
    modelSpec: p.string().length(200).nullable(),
    /** 生产日期/批号, as written */
    productionBatch: p.string().length(200).nullable(),
    /** the production date when the batch field holds one */
    productionDate: p.date().nullable(),
    /** 标称生产者: the enterprise named on the product */
    producer: () => p.manyToOne(Enterprise).index(),
    producerName: p.string().length(200),
    producerAddress: p.string().length(500).nullable(),
    /** 被抽样单位: producer or seller */
    sampledUnit: () => p.manyToOne(Enterprise).nullable().index(),
    sampledUnitName: p.string().length(200),
    sampledUnitAddress: p.string().length(500).nullable(),
    samplingStage: p.enum(SamplingStage.codes).nullable(),
    /** 电商平台, when bought online */
    platform: p.string().length(100).nullable(),
    sampledOn: p.date().nullable(),
    samplingAgency: p.string().length(200).nullable(),
    /** 承检机构 */
    testingAgency: p.string().length(200),
    reportDate: p.date(),
    conclusion: p.enum(Conclusion.codes),
    severity: p.enum(Severity.codes).nullable(),
    /** 主要质量问题 */
    mainProblem: p.text().nullable(),
    remarks: p.text().nullable(),
    /** the certified item this check concerns, when it is one (000 Art. 9, 13) */
    certifiedItem: () => p.manyToOne(CertifiedItem).nullable().index(),
    /** 属地: the Hubei city the result is attributed to (sampled unit's, else producer's) */
    city: () => p.manyToOne(City).nullable(),
    /** columns of the source file the hub does not map, kept with the row */
    extra: p.json<Record<string, string>>().nullable(),
    ...recordColumns(),
  },
  indexes: [
    { properties: ['reportDate'] },
    { properties: ['conclusion', 'reportDate'] },
    { properties: ['city', 'reportDate'] },
    { properties: ['productCategory', 'reportDate'] },
    { properties: ['checkType', 'reportDate'] },
    // Chinese text search: one GIN index of the characters and character pairs, for substring queries of any length
    SPOT_CHECK_SEARCH_INDEX,
  ],
});
export class SpotCheck extends SpotCheckSchema.class {}
SpotCheckSchema.setClass(SpotCheck);

/** 不符合项: one failed test item with its requirement and measured value. */
const NonconformingItemSchema = defineEntity({
  name: 'NonconformingItem',
  tableName: 'nonconforming_item',
  properties: {
    id: p.integer().primary(),
    spotCheck: () => p.manyToOne(SpotCheck).deleteRule('cascade').index(),
    /** order within the result, from 1 */
    seq: p.integer(),
    item: p.string().length(300),
    /** 标准值 */
    requirement: p.string().length(300).nullable(),
    /** 实测值 */
    measured: p.string().length(300).nullable(),
    ...recordColumns(),
  },
  uniques: [{ properties: ['spotCheck', 'seq'] }],
});
export class NonconformingItem extends NonconformingItemSchema.class {}
NonconformingItemSchema.setClass(NonconformingItem);

/**
 * 后处理事项: one event after a result — delivery, objection and its outcome, re-test, transfer,
 * correction order, re-check, disclosure situation, refusal, recall (003 Art. 5–27).
 * `occurredOn` is the day the document was received.
 */
const CaseEventSchema = defineEntity({
  name: 'CaseEvent',
  tableName: 'case_event',
  properties: {
    id: p.integer().primary(),
    spotCheck: () => p.manyToOne(SpotCheck),
    kind: p.enum(CaseEventKind.codes),
    occurredOn: p.date(),
    /** the event's result code: an objection ground, an objection outcome, 合格/不合格, a situation */
    outcome: p.string().length(50).nullable(),
    note: p.text().nullable(),
    ...recordColumns(),
  },
  uniques: [{ properties: ['spotCheck', 'kind', 'occurredOn'] }],
  indexes: [{ properties: ['kind', 'occurredOn'] }],
});
export class CaseEvent extends CaseEventSchema.class {}
CaseEventSchema.setClass(CaseEvent);
