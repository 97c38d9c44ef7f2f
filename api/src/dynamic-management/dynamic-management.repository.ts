/**
 * Records for the dynamic-management rules (000), read as of a date: each result's effective
 * conclusion, finality and withdrawal come from its case period on that date. The answers
 * built on them are for the bureau where they rest on results whose producer may not be
 * published (the service checks access first).
 */
import type { ItemKind } from '@hub/db';
import type { ConnectionShape, NoticeArgs, RectificationNoticeRow } from '@hub/schema';
import { yearRange } from '../graphql/filters.ts';
import { paginate } from '../repository/paging.ts';
import { Repository } from '../repository/repository.ts';
import { Where, literalList } from '../repository/where.ts';
import { FINAL_STATUSES } from '../rules/finality.ts';
import { SC_COUNTED, spotCheckFrom } from '../spot-check/spot-check.repository.ts';
import type { CheckResult, RectificationNoticeRecord, RevocationRecord } from '../rules/dynamic-management.ts';

export interface ItemCheck extends CheckResult {
  itemId: number;
  producerId: number;
}

export interface ItemRow {
  id: number;
  kind: ItemKind;
  enterpriseId: number;
  certifiedOn: string | null;
  revokedOn: string | null;
}

export type NoticeOfItem = RectificationNoticeRecord & { itemId: number | null; enterpriseId: number };

/** the statuses of a final result (a pass, or a final 不合格): the rule's list */
const FINAL = literalList(FINAL_STATUSES);

export class DynamicManagementRepository extends Repository {
  /**
   * Results reported by `asOf`, as they stood that day (their case period then). For an anonymous
   * viewer only the results the published statistics counted that day (final ones, passes
   * included): a result still in its objection window must not take a product off the
   * "not checked" list before the public may count it (aggregate policy, docs/API.md).
   */
  private checksAsOf(asOf: string, where: string, params: unknown[]): Promise<ItemCheck[]> {
    return this.db.query<ItemCheck>(
      `SELECT sc.certified_item_id AS "itemId", sc.producer_id AS "producerId", sc.report_no AS "reportNo", sc.sampled_on AS "sampledOn",
         sc.report_date AS "reportDate", sc.check_type AS "checkType",
         now_.effective_conclusion AS "effectiveConclusion", coalesce(now_.status = 'withdrawn', false) AS withdrawn,
         coalesce(now_.status IN ${FINAL}, false) AS final
       FROM ${spotCheckFrom('$1')}
       WHERE sc.report_date <= $1::date AND ${this.viewer.bureau ? 'true' : SC_COUNTED} AND ${where}`,
      [asOf, ...params],
    );
  }

  /** the results about certified items reported by `asOf`, as they stood that day */
  checksOfCertifiedItems(asOf: string): Promise<ItemCheck[]> {
    return this.checksAsOf(asOf, 'sc.certified_item_id IS NOT NULL', []);
  }

  /** the results where the enterprise is the nominal producer, reported by `asOf` */
  checksOfProducer(asOf: string, enterpriseId: number): Promise<ItemCheck[]> {
    return this.checksAsOf(asOf, 'sc.producer_id = $2', [enterpriseId]);
  }

  /** the items certified by `asOf`, with the date of their first revocation by then */
  certifiedItems(asOf: string): Promise<ItemRow[]> {
    return this.db.query<ItemRow>(
      `SELECT ci.id, ci.kind, ci.enterprise_id AS "enterpriseId", ci.certified_on AS "certifiedOn",
         (SELECT min(r.decided_on) FROM revocation_item ri JOIN revocation r ON r.id = ri.revocation_id
          WHERE ri.certified_item_id = ci.id AND r.decided_on <= $1::date) AS "revokedOn"
       FROM certified_item ci WHERE ci.certified_on IS NULL OR ci.certified_on <= $1::date ORDER BY ci.id`,
      [asOf],
    );
  }

  /** the notices issued by `asOf`; completion and result only where known by then */
  rectificationNotices(asOf: string): Promise<NoticeOfItem[]> {
    return this.db.query<NoticeOfItem>(
      `SELECT notice_no AS "noticeNo", issued_on AS "issuedOn", due_on AS "dueOn",
         CASE WHEN completed_on <= $1::date THEN completed_on END AS "completedOn",
         CASE WHEN completed_on <= $1::date THEN result END AS result,
         certified_item_id AS "itemId", enterprise_id AS "enterpriseId"
       FROM rectification_notice WHERE issued_on <= $1::date`,
      [asOf],
    );
  }

  /**
   * Every enterprise with an item in force on the day `year`'s self-report is due (certified by
   * then, not revoked by then), with the date it submitted that report, if by `asOf`.
   */
  selfReports(year: number, dueOn: string, asOf: string): Promise<{ enterpriseId: number; submittedOn: string | null }[]> {
    return this.db.query(
      `SELECT DISTINCT ci.enterprise_id AS "enterpriseId",
         (SELECT sr.submitted_on FROM self_report sr WHERE sr.enterprise_id = ci.enterprise_id AND sr.year = $1 AND sr.submitted_on <= $2::date) AS "submittedOn"
       FROM certified_item ci
       WHERE (ci.certified_on IS NULL OR ci.certified_on <= $3::date)
         AND NOT EXISTS (SELECT 1 FROM revocation_item ri JOIN revocation r ON r.id = ri.revocation_id
                         WHERE ri.certified_item_id = ci.id AND r.decided_on <= $3::date)
       ORDER BY 1`,
      [year, asOf, dueOn],
    );
  }

  revocationsOf(enterpriseId: number): Promise<RevocationRecord[]> {
    return this.db.query<RevocationRecord>(
      `SELECT decision_no AS "decisionNo", decided_on AS "decidedOn", ground FROM revocation WHERE enterprise_id = $1`,
      [enterpriseId],
    );
  }

  notices(args: NoticeArgs): Promise<ConnectionShape<RectificationNoticeRow>> {
    const where = new Where();
    if (args.year != null) where.add('n.issued_on BETWEEN ?::date AND ?::date', ...yearRange(args.year));
    return paginate<RectificationNoticeRow>(this.db, {
      from: 'rectification_notice n',
      where,
      idExpr: 'n.id',
      args,
      select: `n.id AS "dbId", n.notice_no AS "noticeNo", n.enterprise_id AS "enterpriseId", n.certified_item_id AS "certifiedItemId",
        n.problem, n.issued_on AS "issuedOn", n.due_on AS "dueOn", n.completed_on AS "completedOn", n.result`,
      sort: { expr: 'n.issued_on', direction: 'DESC', field: 'issuedOn', type: 'date' },
    });
  }
}
