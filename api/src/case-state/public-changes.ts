/**
 * Whether what the public sees changes on a day without anyone publishing: the running hub's
 * day-boundary job asks this at 00:00 China time and rebuilds the site only when it says so.
 *
 * Everything date-dependent is stored as date ranges (case_period, case_deadline) or as dates on
 * the records, so "does day D change anything public" is a lookup: a case period that starts on
 * D and differs in what the public sees from the one before (a result becoming listed when its
 * objection window closes, a consecutive-failure run completing and naming the producer — 003
 * Art. 27(4)5 —, a correction notice appearing), a public result's deadline lapsing the day
 * before (its timeline shows 已逾期 from D), and the dated facts of the registers and of dynamic
 * management (000 Art. 9–16): a certification, a revocation, a warning, a self-report due date
 * passing (000 Art. 9–10), a rectification notice falling due, a logo authorisation starting or
 * ending (这个标识还有效吗: 尚未生效 → 有效 → 已过期, api/src/rules/logo.ts).
 */
import { queryable, type Database } from '@hub/db';
import { addDays, isPlainDate, type PlainDate } from '@hub/db/plain-date';
import { selfReportDue } from '../rules/dynamic-management.ts';

/** One public fact that changes on the day. */
export interface PublicChangeKey {
  /** the table of the record whose public face changes */
  recordType: string;
  /** its key in that table */
  recordId: number;
  /** its human number where it has one (report number, certificate, decision, notice) */
  number: string | null;
  /** what happens: period_starts, deadline_lapses, certified, revoked, warning, self_report_due, notice_due, authorisation_starts, authorisation_ends */
  what: string;
}

export interface PublicChanges {
  changed: boolean;
  keys: PublicChangeKey[];
}

/**
 * What changes in public on `day` (a China calendar date), as far as the stored date ranges
 * say: `changed` is false when every page and every as-of-today answer is the same on `day` as
 * on the day before. Read-only; safe to call at any time and for any day (past or future).
 */
export async function publicChangesOn(db: Database, day: PlainDate): Promise<PublicChanges> {
  if (!isPlainDate(day)) throw new Error(`publicChangesOn: "${day}" is not a date (YYYY-MM-DD)`);
  const sql = queryable(db);
  const dayBefore = addDays(day, -1);
  const keys = await sql.query<PublicChangeKey>(
    `WITH starting AS (
       SELECT p.spot_check_id, p.published, p.counted, p.identity_public, p.identity_basis, p.correction, p.status, p.effective_conclusion
         FROM case_period p WHERE p.valid_from = $1::date
     ), changed_periods AS (
       SELECT s.spot_check_id FROM starting s
         LEFT JOIN case_period prev ON prev.spot_check_id = s.spot_check_id AND prev.valid_until = $1::date
        WHERE (s.published OR s.correction OR coalesce(prev.published OR prev.correction, false)
               OR s.counted IS DISTINCT FROM coalesce(prev.counted, false))
          AND (prev.spot_check_id IS NULL
               OR (s.published, s.counted, s.identity_public, s.identity_basis, s.correction, s.status, s.effective_conclusion)
                  IS DISTINCT FROM (prev.published, prev.counted, prev.identity_public, prev.identity_basis, prev.correction, prev.status,
                                    prev.effective_conclusion))
     )
     SELECT 'spot_check' AS "recordType", sc.id AS "recordId", sc.report_no AS number, 'period_starts' AS what
       FROM changed_periods c JOIN spot_check sc ON sc.id = c.spot_check_id
     UNION ALL
     SELECT DISTINCT 'spot_check', sc.id, sc.report_no, 'deadline_lapses'
       FROM case_deadline d JOIN spot_check sc ON sc.id = d.spot_check_id
       JOIN case_period p ON p.spot_check_id = sc.id AND p.valid_from <= $1::date AND (p.valid_until IS NULL OR p.valid_until > $1::date)
      WHERE coalesce(d.due_on, d.latest_due_on) = $2::date AND d.can_be_overdue AND (d.met_on IS NULL OR d.met_on > $2::date) AND (p.published OR p.correction)
     UNION ALL
     SELECT 'certified_item', ci.id, ci.certificate_no, 'certified' FROM certified_item ci WHERE ci.certified_on = $1::date
     UNION ALL
     SELECT 'revocation', r.id, r.decision_no, 'revoked' FROM revocation r WHERE r.decided_on = $1::date
     UNION ALL
     SELECT 'consumer_warning', w.id, w.title, 'warning' FROM consumer_warning w WHERE w.published_on = $1::date
     UNION ALL
     SELECT 'rectification_notice', n.id, n.notice_no, 'notice_due' FROM rectification_notice n
      WHERE n.due_on = $2::date AND (n.completed_on IS NULL OR n.completed_on > $2::date)
     UNION ALL
     SELECT 'logo_authorisation', a.id, NULL, 'authorisation_starts' FROM logo_authorisation a WHERE a.authorised_on = $1::date
     UNION ALL
     SELECT 'logo_authorisation', a.id, NULL, 'authorisation_ends' FROM logo_authorisation a WHERE a.valid_until = $2::date
     ORDER BY 1, 2, 4`,
    [day, dayBefore],
  );
  // 000 Art. 9–10: the day after the self-report due date, the missing ones are overdue
  if (selfReportDue(Number(day.slice(0, 4))) === dayBefore) {
    const [due] = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM certified_item ci WHERE ci.certified_on IS NULL OR ci.certified_on <= $1::date`,
      [dayBefore],
    );
    if (due.n > 0) keys.push({ recordType: 'self_report', recordId: Number(day.slice(0, 4)), number: null, what: 'self_report_due' });
  }
  const numbered = keys.map((k) => ({ ...k, recordId: Number(k.recordId) }));
  return { changed: numbered.length > 0, keys: numbered };
}
