/**
 * Certified items (认定名单): public records (the registries are published, seed 002), so every
 * viewer sees the same rows. Their logo authorisations: logo/logo.repository.ts.
 */
import type { CertificationStatus, CertifiedItemArgs, CertifiedItemRow, ConnectionShape } from '@hub/schema';
import { userError } from '../graphql/errors.ts';
import { cityCode, containsPattern } from '../graphql/filters.ts';
import { grouped, single } from '../repository/loaders.ts';
import { paginate } from '../repository/paging.ts';
import { Repository } from '../repository/repository.ts';
import { Where } from '../repository/where.ts';
import { CERTIFIED_ITEM_WITH_ENTERPRISE, ENTERPRISE_COLUMNS } from '../enterprise/enterprise.repository.ts';
import { ROUND_YEAR_OFFSET } from '../rules/rounds.ts';

/** SQL: the year of round `round` (seed 002: round 1 = 2023), as rules/rounds.ts defines it. */
export const roundYearSql = (round: string) => `${ROUND_YEAR_OFFSET} + ${round}`;
/** SQL: the round of year `year`. */
export const roundOfYearSql = (year: string) => `${year} - ${ROUND_YEAR_OFFSET}`;

export const CERTIFIED_ITEM_COLUMNS = `ci.id AS "dbId", ci.round, ${roundYearSql('ci.round')} AS "roundYear", ci.enterprise_id AS "enterpriseId",
  ci.name, ci.kind, ci.trademark, ci.standard_no AS "standardNo", ci.standard_name AS "standardName",
  ci.standard_level AS "standardLevel", ci.industry_code AS "industryCode", ci.certified_on AS "certifiedOn",
  ci.certificate_no AS "certificateNo", ci.seq_no AS "seqNo", ci.version`;

/**
 * 认定状态 of certified item `ci` as of a date (a parameter reference or a column):
 * revoked once a revocation decision naming it is dated (000 Art. 16); under rectification while
 * a rectification notice for it (or for its enterprise as a whole) is open (000 Art. 15);
 * otherwise in force. The one definition: lists filter by it and `CertifiedItem.status` reads it.
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

type Keyed<R> = R & { key: number };

export class CertificationRepository extends Repository {
  list(args: CertifiedItemArgs): Promise<ConnectionShape<CertifiedItemRow>> {
    const f = args.filter ?? {};
    const where = new Where();
    where.maybe(f.round, 'ci.round = ?');
    if (f.city) where.add('e.city_code = ?', cityCode(f.city));
    if (f.industry) {
      if (!/^\d{2,4}$/.test(f.industry))
        throw userError('BAD_USER_INPUT', 'filter.industry: a GB/T 4754 code of 2–4 digits, e.g. 1512 or 15.');
      where.add('ci.industry_code LIKE ?', `${f.industry}%`);
    }
    where.maybe(f.kind, 'ci.kind = ?');
    if (f.uscc) where.add('e.uscc = ?', f.uscc.trim().toUpperCase());
    if (f.status) this.addStatusFilter(where, f.status, f.asOf ?? this.today);
    if (f.text) {
      const p = containsPattern(f.text, 'filter.text');
      where.add(
        '(ci.name ILIKE ? OR ci.trademark ILIKE ? OR ci.standard_no ILIKE ? OR ci.standard_name ILIKE ? OR e.name ILIKE ?)',
        p,
        p,
        p,
        p,
        p,
      );
    }
    return paginate<CertifiedItemRow>(this.db, {
      from: CERTIFIED_ITEM_WITH_ENTERPRISE,
      // today's status and the enterprise come with the page: no statement of their own
      select: (page) => `${CERTIFIED_ITEM_COLUMNS}, ci.round * 100000 + coalesce(ci.seq_no, 0) AS "orderKey",
        ${certificationStatusSql(page.param(this.today))} AS "statusToday",
        (SELECT row_to_json(x) FROM (SELECT ${ENTERPRISE_COLUMNS}) x) AS "enterpriseRow"`,
      where,
      sort: { expr: 'ci.round * 100000 + coalesce(ci.seq_no, 0)', direction: 'ASC', field: 'orderKey', type: 'int' },
      idExpr: 'ci.id',
      args,
    });
  }

  private addStatusFilter(where: Where, status: CertificationStatus, asOf: string): void {
    const p = where.param(asOf);
    where.add(`${certificationStatusSql(p)} = ?`, status);
  }

  async byCertificateNo(certificateNo: string): Promise<CertifiedItemRow | null> {
    const [row] = await this.db.query<CertifiedItemRow>(
      `SELECT ${CERTIFIED_ITEM_COLUMNS} FROM certified_item ci WHERE ci.certificate_no = $1`,
      [certificateNo],
    );
    return row ?? null;
  }

  private readonly byIdLoader = single<number, CertifiedItemRow>(
    (ids) => this.db.query(`SELECT ${CERTIFIED_ITEM_COLUMNS} FROM certified_item ci WHERE ci.id = ANY($1)`, [ids]),
    (r) => r.dbId,
  );

  private readonly byEnterpriseLoader = grouped<number, CertifiedItemRow>(
    (ids) =>
      this.db.query(`SELECT ${CERTIFIED_ITEM_COLUMNS} FROM certified_item ci WHERE ci.enterprise_id = ANY($1) ORDER BY ci.round, ci.id`, [
        ids,
      ]),
    (r) => r.enterpriseId,
  );

  private readonly byRevocationLoader = grouped<number, Keyed<CertifiedItemRow>>(
    (ids) =>
      this.db.query(
        `SELECT ${CERTIFIED_ITEM_COLUMNS}, ri.revocation_id AS key FROM revocation_item ri JOIN certified_item ci ON ci.id = ri.certified_item_id
         WHERE ri.revocation_id = ANY($1) ORDER BY ci.id`,
        [ids],
      ),
    (r) => r.key,
  );

  /** key "id|date" */
  private readonly statusLoader = single<string, { key: string; status: CertificationStatus }>(
    (keys) =>
      this.db.query(
        `SELECT q.id || '|' || q.d AS key, ${certificationStatusSql('q.d')} AS status
         FROM unnest($1::int[], $2::date[]) AS q(id, d) JOIN certified_item ci ON ci.id = q.id`,
        [keys.map((k) => Number(k.split('|')[0])), keys.map((k) => k.split('|')[1])],
      ),
    (r) => r.key,
  );

  byId(id: number): Promise<CertifiedItemRow | null> {
    return this.byIdLoader.load(id);
  }

  /** an enterprise's certified items, all rounds */
  byEnterprise(enterpriseId: number): Promise<CertifiedItemRow[]> {
    return this.byEnterpriseLoader.load(enterpriseId);
  }

  /** the items a revocation decision revoked */
  byRevocation(revocationId: number): Promise<CertifiedItemRow[]> {
    return this.byRevocationLoader.load(revocationId);
  }

  /** 认定状态 of an item on `date` (see certificationStatusSql) */
  async status(itemId: number, date: string): Promise<CertificationStatus | null> {
    return (await this.statusLoader.load(`${itemId}|${date}`))?.status ?? null;
  }
}
