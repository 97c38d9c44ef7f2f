import { defineEntity, p } from '@mikro-orm/core';
import { Conclusion } from '../vocabulary.ts';
import { Enterprise } from './enterprise.ts';
import { CertifiedItem } from './registry.ts';
import { recordColumns } from './record-columns.ts';

/**
 * Dynamic management of certified items (seed 000). The annual dynamic spot checks and
 * service-quality evaluations are spot_check rows of those check types.
 */

/** 年度自查报告, due by 31 October each year (000 Art. 9–10). */
const SelfReportSchema = defineEntity({
  name: 'SelfReport',
  tableName: 'self_report',
  properties: {
    id: p.integer().primary(),
    enterprise: () => p.manyToOne(Enterprise),
    year: p.integer(),
    submittedOn: p.date(),
    /** 审查意见 */
    reviewOpinion: p.text().nullable(),
    ...recordColumns(),
  },
  uniques: [{ properties: ['enterprise', 'year'] }],
  indexes: [{ properties: ['year'] }],
});
export class SelfReport extends SelfReportSchema.class {}
SelfReportSchema.setClass(SelfReport);

/** 整改通知书: a general problem to rectify by a deadline (000 Art. 15). */
const RectificationNoticeSchema = defineEntity({
  name: 'RectificationNotice',
  tableName: 'rectification_notice',
  properties: {
    id: p.integer().primary(),
    noticeNo: p.string().length(100).unique(),
    enterprise: () => p.manyToOne(Enterprise).index(),
    certifiedItem: () => p.manyToOne(CertifiedItem).nullable().index(),
    problem: p.text(),
    issuedOn: p.date(),
    /** 整改期限 */
    dueOn: p.date(),
    completedOn: p.date().nullable(),
    /** 整改结果 */
    result: p.enum(Conclusion.codes).nullable(),
    ...recordColumns(),
  },
  indexes: [{ properties: ['dueOn'] }],
});
export class RectificationNotice extends RectificationNoticeSchema.class {}
RectificationNoticeSchema.setClass(RectificationNotice);
