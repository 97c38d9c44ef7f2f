/**
 * Staging checked rows in the draft: each chunk is compared with the published records (new /
 * corrected / unchanged, and the references its record types check against the database), then
 * copied into batch_row with its natural key and action. The draft batch is created with the
 * first chunk that has nothing wrong; publishing applies it later (publish.ts).
 */
import { basename } from 'node:path';
import { Batch, BatchRow, maxLength, maxLengths } from '@hub/db';
import type { UnmappedColumn } from './check-rows.ts';
import type { Issue } from './issues.ts';
import type { ImportKind } from './kinds.ts';
import type { BatchNotice } from './notice.ts';
import { copyLine, type Queryable } from '@hub/db';
import type { ImportContext, Prepared, RecordTypeCode, Reporter } from './record-type.ts';
import { canonicalJson } from './text.ts';

export interface ActionCounts {
  rows: number;
  new: number;
  corrected: number;
  unchanged: number;
}

/** what the batch and batch_row columns hold (db/src/entities/batch.ts) */
export const BATCH_MAX = maxLengths(Batch, ['title', 'sourceFileName']);
const NATURAL_KEY_MAX = maxLength(BatchRow, 'naturalKey');

export interface DraftToStage {
  kind: ImportKind;
  file: string;
  contentHash: string;
  isSample: boolean;
  /** check and count, write nothing */
  dryRun: boolean;
  /** the batch's title, once the file has been read far enough to know it */
  title: () => string;
  /** the official notice and reviewed count the bureau attached, checked (./notice.ts) */
  notice: BatchNotice;
}

/** A problem of a checked record, found against the database: its row, its column as headed in the file, the value. */
export function recordIssue(record: Prepared, column: string | undefined, zh: string, en: string, value?: string): Issue {
  const raw = column ? (record.record as Record<string, unknown>)[column] : undefined;
  return {
    sheet: record.sheet,
    row: record.row,
    column: column ? (record.headers.get(column) ?? column) : undefined,
    value: value ?? (raw === undefined || raw === null ? undefined : Array.isArray(raw) ? raw.join('；') : String(raw)),
    zh,
    en,
  };
}

export class DraftStager {
  private readonly counts = new Map<RecordTypeCode, ActionCounts>();
  /** enterprises already written with a row that publishing applies (by ref; true: with create) */
  private readonly enterprisesWritten = new Map<string, boolean>();
  /** the draft batch, once created */
  batchId: number | undefined;

  constructor(
    private readonly sql: Queryable,
    private readonly draft: DraftToStage,
    private readonly context: ImportContext,
    /** where the checks against the database report (the session's list) */
    private readonly issues: Issue[],
  ) {}

  async stage(chunk: Prepared[]): Promise<void> {
    const report: Reporter = (record, column, zh, en, value) => this.issues.push(recordIssue(record, column, zh, en, value));
    for (const type of this.draft.kind.types) {
      const records = chunk.filter((p) => p.type === type.code);
      if (!records.length) continue;
      const published = await type.lookup(this.sql, records, report, this.context);
      const counts = this.countsOf(type.code);
      for (const p of records) {
        const current = published.get(p.naturalKey);
        if (!current) p.action = 'new';
        else {
          p.seenVersion = current.version;
          p.action = canonicalJson(type.content(p.record)) === canonicalJson(type.content(current.record)) ? 'unchanged' : 'corrected';
        }
        counts.rows++;
        counts[p.action]++;
      }
    }
    // written even when the file has errors or this is a dry run (the transaction is rolled back
    // then): the checks over the whole file (duplicates, references inside it) run on batch_row
    const batchId = await this.ensureBatch();
    // Each enterprise travels once with the first row that will be applied (not an unchanged
    // one), or again when a later row may create what an earlier one could only link to:
    // publishing then reads a few thousand enterprises, not one per row.
    const written = this.enterprisesWritten;
    const enterprisesToWrite = (p: Prepared) => {
      if (p.action === 'unchanged') return [];
      return p.enterprises.filter((e) => {
        const before = written.get(e.ref);
        if (before === true || (before === false && !e.create)) return false;
        written.set(e.ref, e.create);
        return true;
      });
    };
    await this.sql.copyFrom(
      'COPY batch_row (batch_id, row_number, natural_key, action, data) FROM STDIN',
      (function* () {
        for (const p of chunk) {
          const data: Record<string, unknown> = { type: p.type, record: p.record };
          const enterprises = enterprisesToWrite(p);
          if (enterprises.length) data.enterprises = enterprises;
          if (Object.keys(p.extra).length && !('extra' in p.record)) data.extra = p.extra;
          if (p.seenVersion !== undefined) data.seenVersion = p.seenVersion;
          if (p.sheet) data.sheet = p.sheet;
          if (p.naturalKey.length > NATURAL_KEY_MAX) data.key = p.naturalKey;
          data.row = p.row;
          yield copyLine([batchId, p.rowNumber, p.naturalKey.slice(0, NATURAL_KEY_MAX), p.action!, JSON.stringify(data)]);
        }
      })(),
    );
  }

  private async ensureBatch(): Promise<number> {
    if (this.batchId !== undefined) return this.batchId;
    const { kind, file, contentHash, isSample, notice } = this.draft;
    const [row] = await this.sql
      .query<{ id: number }>(
        `INSERT INTO batch (kind, title, source_file_name, content_hash, status, is_sample, notice_url, notice_no, reviewed_items)
         VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7, $8) RETURNING id`,
        [
          kind.code,
          this.draft.title(),
          basename(file).slice(0, BATCH_MAX.sourceFileName),
          contentHash,
          isSample,
          notice.noticeUrl ?? null,
          notice.noticeNo ?? null,
          notice.reviewedItems ?? null,
        ],
      )
      .catch((error: { code?: string; constraint?: string }) => {
        if (error.code === '23505' && error.constraint === 'batch_content_hash_unique') {
          throw new Error(
            '同一文件正被另一导入写入 (the same file was being imported at the same time): run the import again to see its batch',
            { cause: error },
          );
        }
        throw error;
      });
    this.batchId = row.id;
    return row.id;
  }

  private countsOf(code: RecordTypeCode): ActionCounts {
    let counts = this.counts.get(code);
    if (!counts) this.counts.set(code, (counts = { rows: 0, new: 0, corrected: 0, unchanged: 0 }));
    return counts;
  }

  /** the counts per record type, in the order the types were first seen */
  byType(): Partial<Record<RecordTypeCode, ActionCounts>> {
    return Object.fromEntries(this.counts) as Partial<Record<RecordTypeCode, ActionCounts>>;
  }

  total(): ActionCounts {
    const total = { rows: 0, new: 0, corrected: 0, unchanged: 0 };
    for (const c of this.counts.values()) {
      total.rows += c.rows;
      total.new += c.new;
      total.corrected += c.corrected;
      total.unchanged += c.unchanged;
    }
    return total;
  }

  /** batch.summary: counts only (new / corrected / unchanged, per record type, and unmapped columns with the rows filling them). */
  batchSummary(unmapped: readonly UnmappedColumn[]): Record<string, number> {
    const total = this.total();
    const summary: Record<string, number> = {
      rows: total.rows,
      new: total.new,
      corrected: total.corrected,
      unchanged: total.unchanged,
      withdrawn: 0,
    };
    for (const [code, c] of this.counts) {
      summary[`${code}.new`] = c.new;
      summary[`${code}.corrected`] = c.corrected;
      summary[`${code}.unchanged`] = c.unchanged;
    }
    for (const u of unmapped) summary[`unmapped:${u.sheet ? `${u.sheet}!` : ''}${u.column}`] = u.rows;
    return summary;
  }
}
