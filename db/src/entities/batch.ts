import { defineEntity, p } from '@mikro-orm/core';
import { BatchKind, BatchStatus } from '../vocabulary.ts';

/**
 * 批次: one file the bureau imported (an announcement, a round of results, revocation decisions…).
 * Records enter the hub only through a batch; a draft's rows wait in `batch_row` and become
 * records when the batch is published, in one transaction.
 */
const BatchSchema = defineEntity({
  name: 'Batch',
  tableName: 'batch',
  properties: {
    id: p.integer().primary(),
    kind: p.enum(BatchKind.codes),
    title: p.string().length(500),
    sourceFileName: p.string().length(500).nullable(),
    /** sha256 of the file's bytes: re-importing the same file is a no-op */
    contentHash: p.string().length(64).nullable().unique(),
    status: p.enum(BatchStatus.codes).default('draft'),
    /** generated sample data, never the bureau's: labelled as such wherever it shows */
    isSample: p.boolean().default(false),
    importedAt: p.datetime().defaultRaw('now()'),
    publishedAt: p.datetime().nullable(),
    rowCount: p.integer().default(0),
    /** counts by outcome (new / corrected / unchanged / withdrawn) */
    summary: p.json<Record<string, number>>().nullable(),
    note: p.text().nullable(),
    /**
     * 结果公告: the bureau states, on publishing, that the batch's results are final — a failure
     * without a recorded 送达 may then be listed (003 Art. 26); otherwise it waits for the record
     * (api/src/rules/finality.ts).
     */
    final: p.boolean().default(false),
    /** the bureau's reason for what this batch corrects (更正原因), given on publishing; in every correction notice */
    reason: p.text().nullable(),
    /** 公告: the address of the bureau's official notice of this batch, given at import (http or https only) */
    noticeUrl: p.string().length(2000).nullable(),
    /** 文号 of that notice (鄂市监质〔2024〕12号), given at import */
    noticeNo: p.string().length(100).nullable(),
    /**
     * 资料评审: how many items the committee reviewed before this certification announcement
     * (seed 002: 163 reviewed, 155 certified in 2023) — given at import, for the round's funnel
     */
    reviewedItems: p.integer().nullable(),
  },
  indexes: [{ properties: ['status', 'publishedAt'] }],
});
export class Batch extends BatchSchema.class {}
BatchSchema.setClass(Batch);

/** One validated row of a draft batch, as it will be written on publish. */
const BatchRowSchema = defineEntity({
  name: 'BatchRow',
  tableName: 'batch_row',
  properties: {
    id: p.bigint('number').primary(),
    batch: () => p.manyToOne(Batch).deleteRule('cascade'),
    /** row number in the source file (1-based, as a spreadsheet shows it) */
    rowNumber: p.integer(),
    /** the record's natural key (report number, decision number, USCC + item …) */
    naturalKey: p.string().length(500),
    action: p.enum(['new', 'corrected', 'unchanged', 'withdrawn'] as const),
    data: p.json<Record<string, unknown>>(),
  },
  uniques: [{ properties: ['batch', 'rowNumber'] }],
});
export class BatchRow extends BatchRowSchema.class {}
BatchRowSchema.setClass(BatchRow);

/**
 * 历史版本: every version of every record, written by database triggers (never by application
 * code) and append-only — UPDATE, DELETE and TRUNCATE on this table raise an error.
 */
const RecordHistorySchema = defineEntity({
  name: 'RecordHistory',
  tableName: 'record_history',
  properties: {
    id: p.bigint('number').primary(),
    tableName: p.string().length(63),
    /** the record's primary key as text */
    recordId: p.string().length(100),
    version: p.integer().nullable(),
    operation: p.enum(['insert', 'update', 'delete'] as const),
    batch: () => p.manyToOne(Batch).nullable(),
    reason: p.text().nullable(),
    /** the row as it was after the operation (before it, for a delete) */
    data: p.json<Record<string, unknown>>(),
    recordedAt: p.datetime().defaultRaw('now()'),
  },
  indexes: [{ properties: ['tableName', 'recordId'] }, { properties: ['batch'] }],
});
export class RecordHistory extends RecordHistorySchema.class {}
RecordHistorySchema.setClass(RecordHistory);
