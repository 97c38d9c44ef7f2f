import type { ItemKind } from '@hub/db';
import type { Queryable as Sql } from '@hub/db';
import type { CheckResult, RectificationNoticeRecord } from '../rules/dynamic-management.ts';

/**
 * Records for the dynamic-management rules (000), read as of a date: each result's effective
 * conclusion, finality and withdrawal come from its case period on that date.
 */
export interface ItemCheck extends CheckResult {
  itemId: number;
  producerId: number;
}

const FINAL = `('passed','final','transferred','rectification_due','rectification_overdue','recheck_pending','closed_recheck_passed','closed_recheck_failed')`;

export async function checksAsOf(sql: Sql, asOf: string, where: string, params: unknown[]): Promise<ItemCheck[]> {
  return sql.query<ItemCheck>(
    `SELECT sc.certified_item_id AS "itemId", sc.producer_id AS "producerId", sc.report_no AS "reportNo", sc.sampled_on AS "sampledOn",
       sc.report_date AS "reportDate", sc.check_type AS "checkType",
       cp.effective_conclusion AS "effectiveConclusion", coalesce(cp.status = 'withdrawn', false) AS withdrawn,
       coalesce(cp.status IN ${FINAL}, false) AS final
     FROM spot_check sc
     LEFT JOIN case_period cp ON cp.spot_check_id = sc.id AND cp.valid_from <= $1::date AND (cp.valid_until IS NULL OR cp.valid_until > $1::date)
     WHERE sc.report_date <= $1::date AND ${where}`,
    [asOf, ...params],
  );
}

export interface ItemRow {
  id: number;
  kind: ItemKind;
  enterpriseId: number;
  certifiedOn: string | null;
  revokedOn: string | null;
}

export function certifiedItems(sql: Sql, asOf: string): Promise<ItemRow[]> {
  return sql.query<ItemRow>(
    `SELECT ci.id, ci.kind, ci.enterprise_id AS "enterpriseId", ci.certified_on AS "certifiedOn",
       (SELECT min(r.decided_on) FROM revocation_item ri JOIN revocation r ON r.id = ri.revocation_id
        WHERE ri.certified_item_id = ci.id AND r.decided_on <= $1::date) AS "revokedOn"
     FROM certified_item ci WHERE ci.certified_on IS NULL OR ci.certified_on <= $1::date ORDER BY ci.id`,
    [asOf],
  );
}

export function rectificationNotices(sql: Sql, asOf: string): Promise<(RectificationNoticeRecord & { itemId: number | null; enterpriseId: number })[]> {
  return sql.query(
    `SELECT notice_no AS "noticeNo", issued_on AS "issuedOn", due_on AS "dueOn",
       CASE WHEN completed_on <= $1::date THEN completed_on END AS "completedOn",
       CASE WHEN completed_on <= $1::date THEN result END AS result,
       certified_item_id AS "itemId", enterprise_id AS "enterpriseId"
     FROM rectification_notice WHERE issued_on <= $1::date`,
    [asOf],
  );
}

