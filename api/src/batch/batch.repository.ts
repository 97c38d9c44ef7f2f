/** Batches (批次) and what they changed: anonymous clients see published batches only. */
import DataLoader from 'dataloader';
import type { BatchArgs, BatchRow, ChangesArgs, ConnectionShape, RecordChangeRow } from '@hub/schema';
import { single } from '../repository/loaders.ts';
import { paginate } from '../repository/paging.ts';
import { Repository } from '../repository/repository.ts';
import { Where } from '../repository/where.ts';
import type { Viewer } from '../access/access.service.ts';
import { rowsNotPublicOfBatch } from '../spot-check/spot-check.repository.ts';

/**
 * A batch's columns for a viewer. For an anonymous viewer `rowCount` counts what the batch
 * published for the public (aggregate policy, docs/API.md): its rows less the results the
 * statistics do not count yet (in the objection window, under objection, withdrawn) and less the
 * follow-up events of results that are not listed; the import's own counts (`summary`) are the
 * bureau's working figures and stay with bureau tokens.
 */
export function batchColumns(viewer: Viewer, todayParam: string): string {
  const common = `b.id AS "dbId", b.kind, b.title, b.status, b.is_sample AS "isSample", b.source_file_name AS "sourceFileName",
  b.imported_at AS "importedAt", b.published_at AS "publishedAt"`;
  if (viewer.bureau) return `${common}, b.row_count AS "rowCount", b.summary`;
  return `${common}, greatest(0, b.row_count - ${rowsNotPublicOfBatch('b.id', todayParam)})::int AS "rowCount", NULL::jsonb AS summary`;
}

/**
 * (Owned by the live-truth work, issue 12: this query still reads spot_check without the
 * visibility fragments; the gate's guard test allow-lists it by name.)
 *
 * What each published batch added, corrected or removed since a moment — from the batches'
 * own records (added) and the database-kept history (corrected, removed): nothing is deleted
 * silently, so nothing is missed.
 */
const CHANGES_FROM = `(
  SELECT b.id AS batch_id, h.table_name AS record_type, h.record_id, CASE h.operation WHEN 'update' THEN 'corrected' ELSE 'removed' END AS change,
         CASE WHEN h.operation = 'update' THEN h.version + 1 ELSE h.version END AS version, h.reason, b.published_at AS at, h.id AS seq
  FROM record_history h JOIN batch b ON b.id = h.batch_id
  WHERE b.status = 'published' AND h.operation IN ('update', 'delete') AND h.table_name NOT IN ('revocation_item', 'warning_spot_check')
  UNION ALL
  SELECT b.id, x.record_type, x.record_id::text, 'added', 1, NULL, b.published_at, -(x.table_no * 1000000000 + x.record_id)
  FROM batch b CROSS JOIN LATERAL (
    SELECT 1 AS table_no, 'spot_check' AS record_type, id AS record_id FROM spot_check WHERE batch_id = b.id
    UNION ALL SELECT 2, 'certified_item', id FROM certified_item WHERE batch_id = b.id
    UNION ALL SELECT 3, 'revocation', id FROM revocation WHERE batch_id = b.id
    UNION ALL SELECT 4, 'consumer_warning', id FROM consumer_warning WHERE batch_id = b.id
    UNION ALL SELECT 5, 'case_event', id FROM case_event WHERE batch_id = b.id
    UNION ALL SELECT 6, 'cultivation_entry', id FROM cultivation_entry WHERE batch_id = b.id
    UNION ALL SELECT 7, 'standard_evaluation', id FROM standard_evaluation WHERE batch_id = b.id
    UNION ALL SELECT 8, 'self_report', id FROM self_report WHERE batch_id = b.id
    UNION ALL SELECT 9, 'rectification_notice', id FROM rectification_notice WHERE batch_id = b.id
  ) x WHERE b.status = 'published'
) ch`;

/** The tables whose records carry the batch that introduced them, as the site shows it. */
export type RecordTable = 'spot_check' | 'certified_item' | 'revocation' | 'consumer_warning';

export class BatchRepository extends Repository {
  list(args: BatchArgs): Promise<ConnectionShape<BatchRow>> {
    const where = new Where([this.today]);
    // today ($1) is for the columns; referenced here too, so that the count statement has the same parameters
    where.add(`$1::date IS NOT NULL`);
    if (!this.viewer.bureau) where.add(`b.status = 'published'`);
    where.maybe(args.status, 'b.status = ?');
    return paginate<BatchRow>(this.db, {
      from: 'batch b',
      select: batchColumns(this.viewer, '$1'),
      where,
      idExpr: 'b.id',
      args,
      sort: { expr: 'b.id', direction: 'DESC', field: 'dbId', type: 'int' },
    });
  }

  changes(args: ChangesArgs): Promise<ConnectionShape<RecordChangeRow>> {
    const where = new Where().add('ch.at > ?', args.since);
    return paginate<RecordChangeRow>(this.db, {
      from: CHANGES_FROM,
      select: `ch.batch_id AS "batchId", ch.record_type AS "recordType", ch.record_id AS "recordId", ch.change, ch.version, ch.reason, ch.at,
        ch.seq AS "dbId"`,
      where,
      idExpr: 'ch.seq',
      args,
      sort: { expr: 'ch.batch_id', direction: 'ASC', field: 'batchId', type: 'int' },
    });
  }

  private readonly byIdLoader = single<number, BatchRow>(
    (ids) =>
      this.db.query(
        `SELECT ${batchColumns(this.viewer, '$2')} FROM batch b WHERE b.id = ANY($1)${this.viewer.bureau ? '' : ` AND b.status = 'published'`}`,
        // the bureau's columns do not need today
        this.viewer.bureau ? [ids] : [ids, this.today],
      ),
    (r) => r.dbId,
  );

  /** One batched statement per table and request: key "table|id" → batch_id. */
  private readonly batchIdLoader = new DataLoader<string, number | null>(async (keys) => {
    const byTable = new Map<RecordTable, number[]>();
    for (const key of keys) {
      const [table, id] = key.split('|') as [RecordTable, string];
      if (!byTable.has(table)) byTable.set(table, []);
      byTable.get(table)!.push(Number(id));
    }
    const found = new Map<string, number>();
    await Promise.all(
      [...byTable].map(async ([table, ids]) => {
        // table names come from the fixed RecordTable union, never from a client
        const rows = await this.db.query<{ id: number; batchId: number }>(
          `SELECT id, batch_id AS "batchId" FROM ${table} WHERE id = ANY($1)`,
          [ids],
        );
        for (const r of rows) found.set(`${table}|${r.id}`, r.batchId);
      }),
    );
    return keys.map((k) => found.get(k) ?? null);
  });

  /** A batch the viewer may see (published ones only, for anonymous clients). */
  byId(id: number): Promise<BatchRow | null> {
    return this.byIdLoader.load(id);
  }

  /** The batch that introduced a record, when the viewer may see it. */
  async introducing(table: RecordTable, recordId: number): Promise<BatchRow | null> {
    const batchId = await this.batchIdLoader.load(`${table}|${recordId}`);
    return batchId == null ? null : this.byId(batchId);
  }
}
