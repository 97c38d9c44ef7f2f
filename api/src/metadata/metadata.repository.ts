import { Repository } from '../repository/repository.ts';

export interface DataMetadataRow {
  dataAsOf: string | null;
  latestBatchId: number | null;
  latestBatchTitle: string | null;
  latestBatchPublishedAt: string | null;
}

/** What every answer says about the data behind it: published batches only (drafts never show). */
export class MetadataRepository extends Repository {
  /** one statement */
  async current(): Promise<DataMetadataRow> {
    const [row] = await this.db.query<DataMetadataRow>(`
    SELECT to_char(b.published_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "dataAsOf", b.id AS "latestBatchId",
      b.title AS "latestBatchTitle", to_char(b.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "latestBatchPublishedAt"
    FROM (SELECT 1) one
    LEFT JOIN LATERAL (SELECT id, title, published_at FROM batch WHERE status = 'published' ORDER BY published_at DESC, id DESC LIMIT 1) b ON true`);
    return row ?? { dataAsOf: null, latestBatchId: null, latestBatchTitle: null, latestBatchPublishedAt: null };
  }
}
