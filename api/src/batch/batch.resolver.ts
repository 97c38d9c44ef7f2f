import 'reflect-metadata';
import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Batch, BatchArgs, BatchConnection, ChangesArgs, RecordChange, RecordChangeConnection, type BatchRow, type RecordChangeRow } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { userError } from '../graphql/errors.ts';
import { toGlobalId } from '../graphql/ids.ts';
import { paginate } from '../graphql/paging.ts';
import { Where } from '../graphql/sql.ts';
import { BATCH_COLUMNS } from '../graphql/columns.ts';

/**
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

@Resolver(() => Batch)
export class BatchResolver {
  @Query(() => BatchConnection, { description: '批次, newest first. Anonymous clients see published batches only.' })
  batches(@Args(() => BatchArgs) args: BatchArgs, @Ctx() ctx: HubContext) {
    const where = new Where();
    if (!ctx.viewer.bureau) {
      if (args.status && args.status !== 'published') throw userError('FORBIDDEN', 'Draft and discarded batches are visible to bureau API tokens only.');
      where.add(`b.status = 'published'`);
    }
    where.maybe(args.status, 'b.status = ?');
    return paginate<BatchRow>(ctx.sql, {
      from: 'batch b', select: BATCH_COLUMNS, where, idExpr: 'b.id', args,
      sort: { expr: 'b.id', direction: 'DESC', field: 'dbId', type: 'int' },
    });
  }

  @Query(() => RecordChangeConnection, { description: 'changes(since:): what each batch published after `since` added, corrected or removed, oldest first.' })
  changes(@Args(() => ChangesArgs) args: ChangesArgs, @Ctx() ctx: HubContext) {
    const where = new Where().add('ch.at > ?', args.since);
    return paginate<RecordChangeRow>(ctx.sql, {
      from: CHANGES_FROM,
      select: `ch.batch_id AS "batchId", ch.record_type AS "recordType", ch.record_id AS "recordId", ch.change, ch.version, ch.reason, ch.at,
        ch.seq AS "dbId"`,
      where, idExpr: 'ch.seq', args,
      sort: { expr: 'ch.batch_id', direction: 'ASC', field: 'batchId', type: 'int' },
    });
  }

  @FieldResolver(() => ID)
  id(@Root() b: BatchRow) {
    return toGlobalId('Batch', b.dbId);
  }
}

@Resolver(() => RecordChange)
export class RecordChangeResolver {
  @FieldResolver(() => Batch)
  batch(@Root() c: RecordChangeRow, @Ctx() ctx: HubContext) {
    return ctx.loaders.batch.load(c.batchId);
  }
}
