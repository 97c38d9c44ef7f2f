/** Revocation decisions (撤销认定决定, 000 Art. 16): published decisions, the same for every viewer. */
import type { ByYearArgs, ConnectionShape, RevocationRow } from '@hub/schema';
import { yearRange } from '../graphql/filters.ts';
import { grouped, single } from '../repository/loaders.ts';
import { paginate } from '../repository/paging.ts';
import { Repository } from '../repository/repository.ts';
import { Where } from '../repository/where.ts';

export const REVOCATION_COLUMNS = `r.id AS "dbId", r.decision_no AS "decisionNo", r.decided_on AS "decidedOn", r.enterprise_id AS "enterpriseId",
  r.ground, r.ground_text AS "groundText", r.facts, r.version`;

type Keyed<R> = R & { key: number };

export class RevocationRepository extends Repository {
  list(args: ByYearArgs): Promise<ConnectionShape<RevocationRow>> {
    const where = new Where();
    if (args.year != null) where.add('r.decided_on BETWEEN ?::date AND ?::date', ...yearRange(args.year));
    return paginate<RevocationRow>(this.db, {
      from: 'revocation r',
      select: REVOCATION_COLUMNS,
      where,
      idExpr: 'r.id',
      args,
      sort: { expr: 'r.decided_on', direction: 'DESC', field: 'decidedOn', type: 'date' },
    });
  }

  private readonly byIdLoader = single<number, RevocationRow>(
    (ids) => this.db.query(`SELECT ${REVOCATION_COLUMNS} FROM revocation r WHERE r.id = ANY($1)`, [ids]),
    (r) => r.dbId,
  );

  private readonly byCertifiedItemLoader = grouped<number, Keyed<RevocationRow>>(
    (ids) =>
      this.db.query(
        `SELECT ${REVOCATION_COLUMNS}, ri.certified_item_id AS key FROM revocation_item ri JOIN revocation r ON r.id = ri.revocation_id
         WHERE ri.certified_item_id = ANY($1) ORDER BY r.decided_on`,
        [ids],
      ),
    (r) => r.key,
  );

  /**
   * The decisions that may stop a logo authorisation (000 Art. 16): those against its enterprise
   * and those revoking its certified item, with the items each revokes; rules/logo.ts decides.
   */
  private readonly concerningLogoLoader = grouped<number, Keyed<RevocationRow & { itemIds: number[] }>>(
    (ids) =>
      this.db.query(
        `SELECT ${REVOCATION_COLUMNS}, la.id AS key,
           array(SELECT ri.certified_item_id FROM revocation_item ri WHERE ri.revocation_id = r.id ORDER BY 1) AS "itemIds"
         FROM logo_authorisation la JOIN revocation r ON r.enterprise_id = la.enterprise_id
           OR EXISTS (SELECT 1 FROM revocation_item ri WHERE ri.revocation_id = r.id AND ri.certified_item_id = la.certified_item_id)
         WHERE la.id = ANY($1) ORDER BY r.decided_on, r.id`,
        [ids],
      ),
    (r) => r.key,
  );

  private readonly byEnterpriseLoader = grouped<number, RevocationRow>(
    (ids) =>
      this.db.query(`SELECT ${REVOCATION_COLUMNS} FROM revocation r WHERE r.enterprise_id = ANY($1) ORDER BY r.decided_on, r.id`, [ids]),
    (r) => r.enterpriseId,
  );

  /** the decisions against an enterprise, oldest first */
  byEnterprise(enterpriseId: number): Promise<RevocationRow[]> {
    return this.byEnterpriseLoader.load(enterpriseId);
  }

  byId(id: number): Promise<RevocationRow | null> {
    return this.byIdLoader.load(id);
  }

  /** the decisions that may stop a logo authorisation, oldest first */
  concerningLogo(logoId: number): Promise<(RevocationRow & { itemIds: number[] })[]> {
    return this.concerningLogoLoader.load(logoId);
  }

  /** the decisions naming a certified item, oldest first */
  byCertifiedItem(itemId: number): Promise<RevocationRow[]> {
    return this.byCertifiedItemLoader.load(itemId);
  }
}
