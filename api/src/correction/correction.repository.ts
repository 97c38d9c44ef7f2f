/**
 * Corrections (更正) for the public record: nothing published disappears silently
 * (003 Art. 26–27; docs/sources/DOMAIN.md "Batches and republishing").
 *
 * - publicCorrections: results that were published as failures and no longer are (withdrawn,
 *   replaced by a 合格 re-test, or reopened by an objection). The correction names the result
 *   by the fields that were published (Art. 27(1)–(3)); the producer stays as masked as the
 *   result's current disclosure says (never public once it is no longer a published failure).
 * - recordCorrections: records a later batch corrected or removed (record_history), with the
 *   reason.
 */
import type { RecordType } from '@hub/db/vocabulary';
import type { ConnectionShape, PageArgs, RecordChangeRow, SpotCheckRow } from '@hub/schema';
import { paginate } from '../repository/paging.ts';
import { Repository } from '../repository/repository.ts';
import { Where } from '../repository/where.ts';
import { SC_CORRECTION, spotCheckColumns, spotCheckFrom } from '../spot-check/spot-check.repository.ts';

/** The tables whose corrections the public record lists (the vocabulary's RecordType), with the GraphQL type of their record. */
export const CORRECTED_TYPES: Readonly<Record<string, string>> = {
  spot_check: 'SpotCheck',
  nonconforming_item: 'SpotCheck',
  case_event: 'SpotCheck',
  certified_item: 'CertifiedItem',
  enterprise: 'Enterprise',
  revocation: 'Revocation',
  consumer_warning: 'ConsumerWarning',
} satisfies Record<RecordType, string>;

/** A corrected result with the start and status of its current period. */
export type CorrectedSpotCheckRow = SpotCheckRow & { since: string; status: string };

export class CorrectionRepository extends Repository {
  publicCorrections(args: PageArgs): Promise<ConnectionShape<CorrectedSpotCheckRow>> {
    return paginate<CorrectedSpotCheckRow>(this.db, {
      // the current period again, for its start (periods of a case do not overlap)
      from: `${spotCheckFrom('$1')} JOIN case_period cur ON cur.spot_check_id = sc.id AND cur.valid_from <= $1::date
        AND (cur.valid_until IS NULL OR cur.valid_until > $1::date)`,
      select: `${spotCheckColumns(this.viewer)}, cur.valid_from AS since, cur.status`,
      where: new Where([this.today]).add(SC_CORRECTION),
      sort: { expr: 'cur.valid_from', direction: 'DESC', field: 'since', type: 'date' },
      idExpr: 'sc.id',
      args,
    });
  }

  recordCorrections(args: PageArgs): Promise<ConnectionShape<RecordChangeRow>> {
    const where = new Where()
      .add(`b.status = 'published'`)
      .add(`h.operation IN ('update', 'delete')`)
      .add('h.table_name = ANY(?)', Object.keys(CORRECTED_TYPES));
    return paginate<RecordChangeRow>(this.db, {
      from: 'record_history h JOIN batch b ON b.id = h.batch_id',
      select: `h.batch_id AS "batchId", h.table_name AS "recordType", h.record_id AS "recordId",
        CASE h.operation WHEN 'update' THEN 'corrected' ELSE 'removed' END AS change,
        CASE WHEN h.operation = 'update' THEN h.version + 1 ELSE h.version END AS version, h.reason, b.published_at AS at,
        h.id AS "dbId", h.data->>'spot_check_id' AS "parentSpotCheckId"`,
      where,
      idExpr: 'h.id',
      args,
      sort: { expr: 'h.id', direction: 'DESC', field: 'dbId', type: 'int' },
    });
  }
}
