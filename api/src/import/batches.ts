/** Listing and discarding batches. */
import { transaction, withConnection, type Database } from '@hub/db';

export interface BatchListing {
  id: number;
  kind: string;
  title: string;
  status: 'draft' | 'published' | 'discarded';
  rows: number;
  importedAt: Date;
  publishedAt: Date | null;
  isSample: boolean;
  sourceFileName: string | null;
  summary: Record<string, number> | null;
}

export interface ListBatchesOptions {
  status?: 'draft' | 'published' | 'discarded';
  limit?: number;
}

/** Batches, newest first. */
export async function listBatches(db: Database, options: ListBatchesOptions = {}): Promise<BatchListing[]> {
  return withConnection(db, (sql) =>
    sql.query<BatchListing>(
      `SELECT id, kind, title, status, row_count AS rows, imported_at AS "importedAt", published_at AS "publishedAt",
              is_sample AS "isSample", source_file_name AS "sourceFileName", summary
         FROM batch
        WHERE ($1::text IS NULL OR status = $1)
        ORDER BY id DESC
        LIMIT $2`,
      [options.status ?? null, options.limit ?? 1000],
    ),
  );
}

export class DiscardRefused extends Error {}

/**
 * Discards a draft: its rows are deleted and its content hash released, so the same file can be
 * imported again (after a correction elsewhere made the draft out of date, for instance).
 */
export async function discardBatch(db: Database, batchId: number): Promise<void> {
  await withConnection(db, (sql) =>
    transaction(sql, async () => {
      const [batch] = await sql.query<{ status: string; content_hash: string | null }>(
        'SELECT status, content_hash FROM batch WHERE id = $1 FOR UPDATE',
        [batchId],
      );
      if (!batch) throw new DiscardRefused(`批次 ${batchId} 不存在 (no batch ${batchId})`);
      if (batch.status !== 'draft') {
        throw new DiscardRefused(`批次 ${batchId} 不是草稿，不能作废 (batch ${batchId} is ${batch.status}: only a draft can be discarded)`);
      }
      await sql.execute('DELETE FROM batch_row WHERE batch_id = $1', [batchId]);
      await sql.execute(
        `UPDATE batch SET status = 'discarded', content_hash = NULL,
                note = concat_ws(E'\n', note, 'discarded ' || to_char(now(), 'YYYY-MM-DD HH24:MI') || ', file sha256 ' || $2::text)
          WHERE id = $1`,
        [batchId, batch.content_hash ?? '-'],
      );
    }),
  );
}
