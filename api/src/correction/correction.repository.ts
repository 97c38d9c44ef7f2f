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
import { CHANGES_FROM, changeVisible } from '../batch/batch.repository.ts';

/** The tables whose corrections the public record lists (the vocabulary's RecordType), with the GraphQL type of their record. */
export const CORRECTED_TYPES: Readonly<Record<string, string>> = {
  spot_check: 'SpotCheck',
  nonconforming_item: 'SpotCheck',
  case_event: 'SpotCheck',
  certified_item: 'CertifiedItem',
  enterprise: 'Enterprise',
  revocation: 'Revocation',
  consumer_warning: 'ConsumerWarning',
} satisfies Partial<Record<RecordType, string>>;

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

  /** Corrections and removals of the records the viewer may see (the same visibility as changes(since:)), newest first. */
  recordCorrections(args: PageArgs): Promise<ConnectionShape<RecordChangeRow>> {
    const where = new Where([this.today]).add(changeVisible(this.viewer, '$1')).add(`ch.change <> 'added'`);
    return paginate<RecordChangeRow>(this.db, {
      from: CHANGES_FROM,
      select: `ch.batch_id AS "batchId", ch.record_type AS "recordType", ch.record_id AS "recordId", ch.change, ch.version, ch.reason,
        ch.at, ch.seq::float8 AS "dbId", ch.spot_check_id::text AS "parentSpotCheckId"`,
      where,
      idExpr: 'ch.seq',
      idType: 'bigint',
      args,
      sort: { expr: 'ch.seq', direction: 'DESC', field: 'dbId', type: 'numeric' },
    });
  }
}
