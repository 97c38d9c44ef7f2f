/** Batches (批次) and what they changed: anonymous clients see published batches only. */
import DataLoader from 'dataloader';
import type { BatchArgs, BatchRow, ChangesArgs, ConnectionShape, RecordChangeRow } from '@hub/schema';
import { single } from '../repository/loaders.ts';
import { paginate } from '../repository/paging.ts';
import { Repository } from '../repository/repository.ts';
import { Where } from '../repository/where.ts';
import type { Viewer } from '../access/access.service.ts';
import { enterpriseIdVisible } from '../enterprise/enterprise.repository.ts';
import { rowsNotPublicOfBatch, spotCheckFrom, spotCheckVisible } from '../spot-check/spot-check.repository.ts';

/**
 * A batch's columns for a viewer. For an anonymous viewer `rowCount` counts what the batch
 * published for the public (aggregate policy, docs/API.md): its rows less the results the
 * statistics do not count yet (in the objection window, under objection, withdrawn) and less the
 * follow-up events of results that are not listed; the import's own counts (`summary`) are the
 * bureau's working figures and stay with bureau tokens.
 */
export function batchColumns(viewer: Viewer, todayParam: string): string {
  const common = `b.id AS "dbId", b.kind, b.title, b.status, b.is_sample AS "isSample", b.source_file_name AS "sourceFileName",
  b.imported_at AS "importedAt", b.published_at AS "publishedAt", b.final, b.reason,
  b.notice_url AS "noticeUrl", b.notice_no AS "noticeNo"`;
  if (viewer.bureau) return `${common}, b.row_count AS "rowCount", b.summary`;
  return `${common}, greatest(0, b.row_count - ${rowsNotPublicOfBatch('b.id', todayParam)})::int AS "rowCount", NULL::jsonb AS summary`;
}

/**
 * The human number of a record, by table, from its row as JSON (the live row, or its last
 * version in record_history when removed): what a correction or a change names it by.
 * Nonconforming items and events are named by their result's report number.
 */
/** A record's row as JSON (to_jsonb), column name → value. */
type JsonRow = Record<string, string | number | boolean | null | undefined>;

const NUMBER_OF: Record<string, (row: JsonRow) => unknown> = {
  spot_check: (r) => r.report_no,
  certified_item: (r) => r.certificate_no ?? r.name,
  revocation: (r) => r.decision_no,
  consumer_warning: (r) => r.title,
  rectification_notice: (r) => r.notice_no,
  enterprise: (r) => r.uscc ?? r.name,
  cultivation_entry: (r) => r.item_name,
  standard_evaluation: (r) => r.item_name,
  trademark: (r) => r.name,
};
const PART_OF_RESULT = new Set(['nonconforming_item', 'case_event']);

/**
 * Every record kind a batch can add, with the column naming what its visibility hangs on: the
 * spot check a result's part belongs to, the enterprise a trademark or authorisation belongs to.
 * `no` makes the keys of additions unique across tables (see CHANGE_KEY).
 */
const ADDED_KINDS: ReadonlyArray<{ no: number; table: string; spotCheck?: string; enterprise?: string }> = [
  { no: 1, table: 'spot_check', spotCheck: 'id' },
  { no: 2, table: 'certified_item' },
  { no: 3, table: 'revocation' },
  { no: 4, table: 'consumer_warning' },
  { no: 5, table: 'case_event', spotCheck: 'spot_check_id' },
  { no: 6, table: 'cultivation_entry' },
  { no: 7, table: 'standard_evaluation' },
  { no: 8, table: 'self_report' },
  { no: 9, table: 'rectification_notice' },
  { no: 10, table: 'enterprise', enterprise: 'id' },
  { no: 11, table: 'nonconforming_item', spotCheck: 'spot_check_id' },
  { no: 12, table: 'trademark', enterprise: 'enterprise_id' },
  { no: 13, table: 'logo_authorisation' },
];

/**
 * The key of a change, the cursor's tie-breaker: a history entry's id for corrections and
 * removals; for additions -(kind × 2^40 + id), so no addition collides with another or with a
 * history entry. bigint: kind × 2^40 is far past int (the old `table_no * 1000000000` in int
 * failed with "integer out of range" as soon as a window held anything but spot checks);
 * below 2^53, so it stays exact as a JSON number in a cursor.
 */
const KIND_FACTOR = 1_099_511_627_776; // 2^40

/**
 * What each published batch added, corrected or removed — from the batches' own records
 * (added) and the database-kept history (corrected, removed): nothing is deleted silently, so
 * nothing is missed. Each row names the spot check or enterprise its visibility depends on.
 */
export const CHANGES_FROM = `(
  SELECT b.id AS batch_id, h.table_name AS record_type, h.record_id, CASE h.operation WHEN 'update' THEN 'corrected' ELSE 'removed' END AS change,
         CASE WHEN h.operation = 'update' THEN h.version + 1 ELSE h.version END AS version, h.reason, b.published_at AS at, h.id AS seq,
         CASE h.table_name WHEN 'spot_check' THEN h.record_id::int WHEN 'nonconforming_item' THEN (h.data->>'spot_check_id')::int
           WHEN 'case_event' THEN (h.data->>'spot_check_id')::int END AS spot_check_id,
         CASE h.table_name WHEN 'enterprise' THEN h.record_id::int WHEN 'trademark' THEN (h.data->>'enterprise_id')::int END AS enterprise_id
  FROM record_history h JOIN batch b ON b.id = h.batch_id
  WHERE b.status = 'published' AND h.operation IN ('update', 'delete') AND h.table_name NOT IN ('revocation_item', 'warning_spot_check')
  UNION ALL
  SELECT b.id, x.record_type, x.record_id::text, 'added', 1, NULL, b.published_at, -(x.kind_no::bigint * ${KIND_FACTOR} + x.record_id),
         x.spot_check_id, x.enterprise_id
  FROM batch b CROSS JOIN LATERAL (
    ${ADDED_KINDS.map(
      (k) =>
        `SELECT ${k.no} AS kind_no, '${k.table}' AS record_type, id AS record_id, ${k.spotCheck ?? 'NULL::int'} AS spot_check_id, ` +
        `${k.enterprise ?? 'NULL::int'} AS enterprise_id FROM ${k.table} WHERE batch_id = b.id`,
    ).join('\n    UNION ALL ')}
  ) x WHERE b.status = 'published'
) ch`;

/**
 * Condition on a change `ch`: an anonymous client learns only of records it may see today — a
 * result (or a part of it) while it is listed or carries a correction (003 Art. 15, 26–27), an
 * enterprise (or its trademark) while something public names it; the registers, decisions,
 * warnings, self-reports and notices are public records. A record whose spot check or
 * enterprise is gone is not shown: its key could name something that was never public.
 */
export function changeVisible(viewer: Viewer, todayParam: string): string {
  // (the bureau sees all; the parameter is still referenced so statements keep one shape)
  if (viewer.bureau) return `${todayParam}::date IS NOT NULL`;
  return `CASE
    WHEN ch.spot_check_id IS NOT NULL OR ch.record_type IN ('spot_check', 'nonconforming_item', 'case_event') THEN EXISTS (
      SELECT 1 FROM ${spotCheckFrom(todayParam)} WHERE sc.id = ch.spot_check_id AND ${spotCheckVisible(viewer, 'lookup')})
    WHEN ch.enterprise_id IS NOT NULL OR ch.record_type IN ('enterprise', 'trademark') THEN ${enterpriseIdVisible(viewer, todayParam, 'ch.enterprise_id')}
    ELSE true END`;
}

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
    const where = new Where([this.today]).add(changeVisible(this.viewer, '$1')).add('ch.at > ?', args.since);
    return paginate<RecordChangeRow>(this.db, {
      from: CHANGES_FROM,
      select: `ch.batch_id AS "batchId", ch.record_type AS "recordType", ch.record_id AS "recordId", ch.change, ch.version, ch.reason, ch.at,
        ch.seq::float8 AS "dbId"`,
      where,
      idExpr: 'ch.seq',
      idType: 'bigint',
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

  /**
   * Key "table|id" → the record's rows as JSON: the live row, else its last version in the
   * history (a removed record). One statement per table and request; the table names come from
   * the fixed lists above, never from a client.
   */
  private readonly rowJsonLoader = new DataLoader<string, JsonRow | null>(async (keys) => {
    const byTable = new Map<string, string[]>();
    for (const key of keys) {
      const [table, id] = key.split('|');
      if (!byTable.has(table)) byTable.set(table, []);
      byTable.get(table)!.push(id);
    }
    const found = new Map<string, JsonRow>();
    await Promise.all(
      [...byTable].map(async ([table, ids]) => {
        if (!ADDED_KINDS.some((k) => k.table === table)) return;
        const rows = await this.db.query<{ id: string; data: JsonRow }>(
          `SELECT t.id::text AS id, to_jsonb(t) AS data FROM ${table} t WHERE t.id = ANY($1::int[])
           UNION ALL
           SELECT * FROM (SELECT DISTINCT ON (h.record_id) h.record_id, h.data FROM record_history h
            WHERE h.table_name = $2 AND h.record_id = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id::text = h.record_id)
            ORDER BY h.record_id, h.id DESC) removed`,
          [ids, table],
        );
        for (const r of rows) found.set(`${table}|${r.id}`, r.data);
      }),
    );
    return keys.map((k) => found.get(k) ?? null);
  });

  /** The human number a change or correction names its record by (report number, certificate, decision …). */
  async recordNumber(recordType: string, recordId: string): Promise<string | null> {
    if (PART_OF_RESULT.has(recordType)) {
      const part = await this.rowJsonLoader.load(`${recordType}|${recordId}`);
      return part?.spot_check_id == null ? null : this.recordNumber('spot_check', String(part.spot_check_id));
    }
    const number = NUMBER_OF[recordType];
    if (!number) return null;
    const row = await this.rowJsonLoader.load(`${recordType}|${recordId}`);
    const value = row ? number(row) : null;
    return value == null ? null : String(value);
  }

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
