import { defineEntity, p } from '@mikro-orm/core';
import { CorrectionKind } from '../vocabulary.ts';
import { Batch } from './batch.ts';

/**
 * 更正公告: the corrections ledger. Whenever a published batch makes a fact the public could see
 * stop being public or change — a result withdrawn (003 Art. 13–14), overturned on re-test
 * (Art. 11), reopened by an objection, a field or a conclusion corrected by a later batch, a
 * producer no longer named, a decision or warning corrected or withdrawn — the publishing
 * transaction writes one notice here, from the public view before and after the batch
 * (api/src/correction/ledger.ts). Append-only, like record_history: a notice never goes away,
 * so nothing published vanishes without a trace (003 Art. 26).
 */
const CorrectionNoticeSchema = defineEntity({
  name: 'CorrectionNotice',
  tableName: 'correction_notice',
  properties: {
    id: p.integer().primary(),
    /** the record's table (spot_check, certified_item, revocation, consumer_warning …) */
    recordType: p.string().length(63),
    recordId: p.integer(),
    /** its human number: 报告编号, 证书编号, 决定文号, 通知书编号, a warning's title, a USCC */
    recordNumber: p.string().length(500).nullable(),
    kind: p.enum(CorrectionKind.codes),
    /** what the public saw before the batch: the public fields, as published */
    published: p.json<Record<string, unknown>>(),
    /** field by field: [{ field, before, after }] (after null: no longer shown) */
    changes: p.json<Array<{ field: string; before: unknown; after: unknown }>>(),
    /** the record is still public after the correction (a corrected field), or no longer (withdrawn, removed) */
    stillPublic: p.boolean(),
    batch: () => p.manyToOne(Batch),
    /** the bureau's reason (batch.reason), when it gave one */
    reason: p.text().nullable(),
    /** what the rules say happened, citing the article */
    explanation: p.text(),
    /** since when the published fact no longer holds (a withdrawal's day, else the publishing day) */
    effectiveOn: p.date(),
    /** the day in China the correction was published */
    recordedOn: p.date(),
    recordedAt: p.datetime().defaultRaw('now()'),
  },
  indexes: [{ properties: ['recordType', 'recordId'] }, { properties: ['recordedOn'] }, { properties: ['recordNumber'] }],
});
export class CorrectionNotice extends CorrectionNoticeSchema.class {}
CorrectionNoticeSchema.setClass(CorrectionNotice);
