import { defineEntity, p } from '@mikro-orm/core';
import { SpotCheck } from './spot-check.ts';
import { recordColumns } from './record-columns.ts';

/** 消费警示: a consumer warning the bureau issues after a risk assessment (003 Art. 26). */
const ConsumerWarningSchema = defineEntity({
  name: 'ConsumerWarning',
  tableName: 'consumer_warning',
  properties: {
    id: p.integer().primary(),
    title: p.string().length(300),
    publishedOn: p.date().index(),
    productCategory: p.string().length(100).nullable(),
    /** 风险提示 */
    risk: p.text(),
    /** 消费建议 */
    advice: p.text().nullable(),
    /** 关联报告: the results the warning is based on */
    spotChecks: () => p.manyToMany(SpotCheck).pivotTable('warning_spot_check'),
    ...recordColumns(),
  },
  uniques: [{ properties: ['title', 'publishedOn'] }],
});
export class ConsumerWarning extends ConsumerWarningSchema.class {}
ConsumerWarningSchema.setClass(ConsumerWarning);
