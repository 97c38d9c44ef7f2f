/**
 * The registries before certification: the cultivation library (培育库, seed 001 附件3) and the
 * standard evaluations (标准先进性评价), and the funnel of each round across them (seed 002).
 * Contacts are personal data: read here, shown by the field resolvers to bureau tokens only.
 */
import type { ConnectionShape, CultivationEntryRow, RoundFunnel, StandardEvaluationRow, YearPageArgs } from '@hub/schema';
import { grouped, single } from '../repository/loaders.ts';
import { paginate } from '../repository/paging.ts';
import { Repository } from '../repository/repository.ts';
import { Where } from '../repository/where.ts';
import { roundOfYearSql, roundYearSql } from '../certification/certification.repository.ts';

export const CULTIVATION_COLUMNS = `c.id AS "dbId", c.year, c.enterprise_id AS "enterpriseId", c.item_name AS "itemName",
  c.item_kind AS "itemKind", c.standard, c.industry_code AS "industryCode", c.contact_name AS "contactName",
  c.contact_phone AS "contactPhone"`;

export const EVALUATION_COLUMNS = `s.id AS "dbId", s.year, s.enterprise_id AS "enterpriseId", s.item_name AS "itemName",
  s.standard_no AS "standardNo", s.standard_name AS "standardName", s.standard_level AS "standardLevel", s.passed,
  s.evaluated_on AS "evaluatedOn"`;

export class RegistryRepository extends Repository {
  cultivationEntries(args: YearPageArgs): Promise<ConnectionShape<CultivationEntryRow>> {
    const where = new Where().maybe(args.year, 'c.year = ?');
    return paginate<CultivationEntryRow>(this.db, {
      from: 'cultivation_entry c',
      where,
      idExpr: 'c.id',
      args,
      select: CULTIVATION_COLUMNS,
      sort: { expr: 'c.year', direction: 'DESC', field: 'year', type: 'int' },
    });
  }

  standardEvaluations(args: YearPageArgs): Promise<ConnectionShape<StandardEvaluationRow>> {
    const where = new Where().maybe(args.year, 's.year = ?');
    return paginate<StandardEvaluationRow>(this.db, {
      from: 'standard_evaluation s',
      where,
      idExpr: 's.id',
      args,
      select: EVALUATION_COLUMNS,
      sort: { expr: 's.year', direction: 'DESC', field: 'year', type: 'int' },
    });
  }

  roundFunnels(): Promise<RoundFunnel[]> {
    const year = roundYearSql('r.round');
    return this.db.query<RoundFunnel>(`
      WITH rounds AS (
        SELECT DISTINCT ${roundOfYearSql('year')} AS round FROM cultivation_entry
        UNION SELECT DISTINCT ${roundOfYearSql('year')} FROM standard_evaluation UNION SELECT DISTINCT round FROM certified_item)
      SELECT r.round, ${year} AS year,
        (SELECT count(*) FROM cultivation_entry c WHERE c.year = ${year}) AS "cultivationItems",
        (SELECT count(DISTINCT enterprise_id) FROM cultivation_entry c WHERE c.year = ${year}) AS "cultivationEnterprises",
        (SELECT count(*) FROM standard_evaluation s WHERE s.year = ${year}) AS "standardsEvaluated",
        (SELECT count(*) FROM standard_evaluation s WHERE s.year = ${year} AND s.passed) AS "standardsPassed",
        -- 资料评审: stated by the bureau at the import of the round's announcement (batch.reviewed_items)
        (SELECT sum(b.reviewed_items)::int FROM batch b WHERE b.status = 'published'
          AND b.id IN (SELECT ci.batch_id FROM certified_item ci WHERE ci.round = r.round)) AS reviewed,
        (SELECT count(*) FROM certified_item ci WHERE ci.round = r.round) AS certified
      FROM rounds r ORDER BY r.round`);
  }

  private readonly cultivationLoader = single<number, CultivationEntryRow>(
    (ids) => this.db.query(`SELECT ${CULTIVATION_COLUMNS} FROM cultivation_entry c WHERE c.id = ANY($1)`, [ids]),
    (r) => r.dbId,
  );

  private readonly evaluationLoader = single<number, StandardEvaluationRow>(
    (ids) => this.db.query(`SELECT ${EVALUATION_COLUMNS} FROM standard_evaluation s WHERE s.id = ANY($1)`, [ids]),
    (r) => r.dbId,
  );

  private readonly cultivationByEnterpriseLoader = grouped<number, CultivationEntryRow>(
    (ids) =>
      this.db.query(`SELECT ${CULTIVATION_COLUMNS} FROM cultivation_entry c WHERE c.enterprise_id = ANY($1) ORDER BY c.year, c.id`, [ids]),
    (r) => r.enterpriseId,
  );

  private readonly evaluationsByEnterpriseLoader = grouped<number, StandardEvaluationRow>(
    (ids) =>
      this.db.query(`SELECT ${EVALUATION_COLUMNS} FROM standard_evaluation s WHERE s.enterprise_id = ANY($1) ORDER BY s.year, s.id`, [ids]),
    (r) => r.enterpriseId,
  );

  /** an enterprise's 培育库 entries, oldest year first */
  cultivationByEnterprise(enterpriseId: number): Promise<CultivationEntryRow[]> {
    return this.cultivationByEnterpriseLoader.load(enterpriseId);
  }

  /** an enterprise's 标准先进性评价, oldest year first */
  evaluationsByEnterprise(enterpriseId: number): Promise<StandardEvaluationRow[]> {
    return this.evaluationsByEnterpriseLoader.load(enterpriseId);
  }

  cultivationEntry(id: number): Promise<CultivationEntryRow | null> {
    return this.cultivationLoader.load(id);
  }

  standardEvaluation(id: number): Promise<StandardEvaluationRow | null> {
    return this.evaluationLoader.load(id);
  }
}
