import type { Where } from '../graphql/sql.ts';

/**
 * 认定状态 of certified item `ci` as of a date (a parameter reference):
 * revoked once a revocation decision naming it is dated (000 Art. 16); under rectification while
 * a rectification notice for it (or for its enterprise as a whole) is open (000 Art. 15);
 * otherwise in force.
 */
export function certificationStatusSql(asOfParam: string): string {
  return `CASE
    WHEN EXISTS (SELECT 1 FROM revocation_item ri JOIN revocation r ON r.id = ri.revocation_id
                 WHERE ri.certified_item_id = ci.id AND r.decided_on <= ${asOfParam}::date) THEN 'revoked'
    WHEN EXISTS (SELECT 1 FROM rectification_notice rn
                 WHERE (rn.certified_item_id = ci.id OR (rn.certified_item_id IS NULL AND rn.enterprise_id = ci.enterprise_id))
                   AND rn.issued_on <= ${asOfParam}::date AND (rn.completed_on IS NULL OR rn.completed_on > ${asOfParam}::date)) THEN 'under_rectification'
    ELSE 'in_force' END`;
}

export function addStatusFilter(where: Where, status: string, asOf: string): void {
  const p = where.param(asOf);
  where.add(`${certificationStatusSql(p)} = ?`, status);
}
