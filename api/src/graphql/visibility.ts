/**
 * What an anonymous client may see — the one place the API applies 003 Art. 15, 26–27 and the
 * personal-data rule. Every read of spot checks and enterprises goes through these fragments.
 *
 * - Spot checks: anonymous clients see a result listed only while it is published (case_period
 *   as of today: a final 不合格, never while in the objection window, under objection or
 *   withdrawn; a 合格 result counts in the statistics only, Art. 27(1)–(3)); the producer’s and
 *   sampled unit’s identity only where it may be published (Art. 27(4)–(5), never after an
 *   upheld sample-authenticity objection, Art. 15). A result whose period the rules have not
 *   computed yet is neither listed nor counted (the safe side).
 * - Enterprises: anonymous clients see an enterprise only when something public names it: the
 *   registries, a revocation, or a result whose identity is public. Otherwise its mere presence
 *   could tell that it produced a withheld failure.
 */
import type { Viewer } from '../access/access.service.ts';

export type { Viewer };

/**
 * `FROM` clause for spot checks with their case period as of `$today` (a parameter reference).
 * Periods of a case do not overlap, so the join adds at most one row; a plain join (not a
 * lateral subquery) lets the planner start from the few published periods when that is cheaper.
 */
export function spotCheckFrom(todayParam: string): string {
  return `spot_check sc
    LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id AND now_.valid_from <= ${todayParam}::date
      AND (now_.valid_until IS NULL OR now_.valid_until > ${todayParam}::date)`;
}

export const SC_PUBLISHED = `now_.published IS TRUE`;
export const SC_COUNTED = `now_.counted IS TRUE`;
export const SC_IDENTITY_PUBLIC = `now_.identity_public IS TRUE`;
/** The conclusion in force is 不合格: a re-test replaces the first conclusion (003 Art. 11). */
export const SC_FAILED = `coalesce(now_.effective_conclusion, sc.conclusion) = 'fail'`;

/** The spot-check columns for a viewer: identity columns masked unless allowed. */
export function spotCheckColumns(viewer: Viewer): string {
  const party = (column: string) => (viewer.bureau ? `sc.${column}` : `CASE WHEN ${SC_IDENTITY_PUBLIC} THEN sc.${column} END`);
  return `sc.id AS "dbId", sc.report_no AS "reportNo", sc.check_type AS "checkType", sc.task_name AS "taskName",
    sc.product_category AS "productCategory", sc.product_name AS "productName", sc.trademark, sc.model_spec AS "modelSpec",
    sc.production_batch AS "productionBatch", sc.production_date AS "productionDate",
    ${party('producer_id')} AS "producerId", ${party('producer_name')} AS "producerName",
    ${party('producer_address')} AS "producerAddress", ${party('sampled_unit_id')} AS "sampledUnitId",
    ${party('sampled_unit_name')} AS "sampledUnitName", ${party('sampled_unit_address')} AS "sampledUnitAddress",
    sc.sampling_stage AS "samplingStage", sc.platform, sc.sampled_on AS "sampledOn", sc.sampling_agency AS "samplingAgency",
    sc.testing_agency AS "testingAgency", sc.report_date AS "reportDate", sc.conclusion, sc.severity,
    sc.main_problem AS "mainProblem", ${party('certified_item_id')} AS "certifiedItemId", sc.city_code AS "cityCode", sc.version,
    ${SC_PUBLISHED} AS published, ${SC_IDENTITY_PUBLIC} AS "identityPublic",
    now_.identity_basis AS "identityBasis", coalesce(now_.correction, false) AS correction`;
}

/** A published failure that was later withdrawn: the public sees its correction (更正), never a silent deletion. */
export const SC_CORRECTION = `now_.correction IS TRUE`;

/**
 * Condition: the viewer may see this spot check — in lists (`listed`: published results), or when
 * asked for by report number or ID (`lookup`: also the corrections of withdrawn publications).
 */
export function spotCheckVisible(viewer: Viewer, mode: 'listed' | 'lookup' = 'listed'): string {
  if (viewer.bureau) return 'true';
  return mode === 'listed' ? SC_PUBLISHED : `(${SC_PUBLISHED} OR ${SC_CORRECTION})`;
}

/** Condition on enterprise alias `e`: the viewer may see this enterprise (see above). */
export function enterpriseVisible(viewer: Viewer, todayParam: string): string {
  // (the bureau sees all; the parameter is still referenced so statements keep one shape)
  if (viewer.bureau) return `${todayParam}::date IS NOT NULL`;
  return `(EXISTS (SELECT 1 FROM certified_item ci WHERE ci.enterprise_id = e.id)
    OR EXISTS (SELECT 1 FROM cultivation_entry ce WHERE ce.enterprise_id = e.id)
    OR EXISTS (SELECT 1 FROM standard_evaluation se WHERE se.enterprise_id = e.id)
    OR EXISTS (SELECT 1 FROM revocation r WHERE r.enterprise_id = e.id)
    OR EXISTS (SELECT 1 FROM ${spotCheckFrom(todayParam)}
               WHERE (sc.producer_id = e.id OR sc.sampled_unit_id = e.id) AND ${SC_PUBLISHED} AND ${SC_IDENTITY_PUBLIC}))`;
}
