/**
 * Corrections (更正) for the public record: nothing published disappears silently
 * (003 Art. 26–27; docs/sources/DOMAIN.md "Batches and republishing").
 *
 * - publicCorrections: the corrections ledger (ledger.ts): every published fact a later batch
 *   withdrew or changed — results withdrawn, overturned, reopened or corrected, registers and
 *   decisions corrected or removed — with the record's number, what had been published and
 *   what changed field by field, the batch, the bureau's reason and the date.
 * - recordCorrections: records a later batch corrected or removed (record_history), with the
 *   reason.
 */
import type { RecordType } from '@hub/db/vocabulary';
import type { ConnectionShape, CorrectionArgs, PageArgs, PublicCorrectionRow, RecordChangeRow } from '@hub/schema';
import { CorrectionKind } from '@hub/db/vocabulary';
import { paginate } from '../repository/paging.ts';
import { Repository } from '../repository/repository.ts';
import { Where } from '../repository/where.ts';
import { CHANGES_FROM, changeVisible } from '../batch/batch.repository.ts';
import { SC_WITHDRAWN_PUBLICATION, spotCheckFrom } from '../spot-check/spot-check.repository.ts';

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

const LEDGER = `SELECT cn.id AS "dbId", cn.record_type AS "recordType", cn.record_id AS "recordId", cn.record_number AS "recordNumber",
  cn.kind, cn.published, cn.changes, cn.still_public AS "stillPublic", cn.batch_id AS "batchId", cn.reason AS "bureauReason",
  cn.explanation, cn.effective_on AS since, cn.recorded_on AS "recordedOn"
  FROM correction_notice cn`;

/** What the derived notices say, by kind ($2–$4): the vocabulary's words. */
const DERIVED_TEXTS = (['withdrawn', 'overturned', 'reopened'] as const).map(
  (k) => `${CorrectionKind.entries[k].text}（${CorrectionKind.entries[k].article}）`,
);

/**
 * Results published as failures and no longer listed whose change no ledger notice records —
 * published before the ledger existed, or written outside a publish (sample data): derived from
 * their case periods (the correction flag, 003 Art. 26–27) with the Art. 27(1)–(3) fields, so
 * they are never missing from the public record. Keyed by -id so they never collide with notices.
 */
const DERIVED = `SELECT -sc.id AS "dbId", 'spot_check' AS "recordType", sc.id AS "recordId", sc.report_no AS "recordNumber",
  CASE now_.status WHEN 'withdrawn' THEN 'withdrawn' WHEN 'passed' THEN 'overturned' ELSE 'reopened' END AS kind,
  jsonb_build_object('reportNo', sc.report_no, 'productCategory', sc.product_category, 'productName', sc.product_name,
    'trademark', sc.trademark, 'modelSpec', sc.model_spec, 'productionBatch', sc.production_batch, 'reportDate', sc.report_date,
    'conclusion', 'fail') AS published,
  '[]'::jsonb AS changes, false AS "stillPublic", coalesce(sc.last_batch_id, sc.batch_id) AS "batchId", NULL::text AS "bureauReason",
  CASE now_.status WHEN 'withdrawn' THEN $2 WHEN 'passed' THEN $3 ELSE $4 END AS explanation, now_.valid_from AS since, now_.valid_from AS "recordedOn"
  FROM ${spotCheckFrom('$1')}
  WHERE ${SC_WITHDRAWN_PUBLICATION} AND NOT EXISTS (SELECT 1 FROM correction_notice n WHERE n.record_type = 'spot_check' AND n.record_id = sc.id)`;

export class CorrectionRepository extends Repository {
  /**
   * The corrections ledger (correction_notice), newest first: every notice is about a fact that
   * was public, and holds only what was public (the identity only where it had been named), so
   * every viewer sees all of them.
   */
  publicCorrections(args: CorrectionArgs): Promise<ConnectionShape<PublicCorrectionRow>> {
    const where = new Where([this.today, ...DERIVED_TEXTS]);
    where.maybe(args.recordNumber?.trim(), 'cn."recordNumber" = ?');
    return paginate<PublicCorrectionRow>(this.db, {
      from: `(${LEDGER} UNION ALL ${DERIVED}) cn`,
      select: 'cn.*',
      where,
      sort: { expr: 'cn."recordedOn"', direction: 'DESC', field: 'recordedOn', type: 'date' },
      idExpr: 'cn."dbId"',
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
