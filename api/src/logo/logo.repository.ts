/**
 * 标识使用授权: logo authorisations, for a certified item or by a 长江质量奖 self-declaration
 * (seed 001 附件2). Public records of the registry (seed 002), the same for every viewer; their
 * enterprise is public through them (enterpriseVisible).
 */
import type { ConnectionShape, LogoAuthorisationArgs, LogoAuthorisationRow } from '@hub/schema';
import { LOGO_AUTHORISATION_WITH_ENTERPRISE } from '../enterprise/enterprise.repository.ts';
import { grouped, single } from '../repository/loaders.ts';
import { paginate } from '../repository/paging.ts';
import { Repository } from '../repository/repository.ts';
import { Where } from '../repository/where.ts';

export const LOGO_COLUMNS = `la.id AS "dbId", la.enterprise_id AS "enterpriseId", la.certified_item_id AS "certifiedItemId", la.basis,
  la.authorised_on AS "authorisedOn", la.valid_until AS "validUntil"`;

export class LogoRepository extends Repository {
  list(args: LogoAuthorisationArgs): Promise<ConnectionShape<LogoAuthorisationRow>> {
    const where = new Where();
    where.maybe(args.basis, 'la.basis = ?');
    if (args.uscc) where.add('e.uscc = ?', args.uscc.trim().toUpperCase());
    if (args.certificateNo)
      where.add('la.certified_item_id IN (SELECT ci.id FROM certified_item ci WHERE ci.certificate_no = ?)', args.certificateNo.trim());
    return paginate<LogoAuthorisationRow>(this.db, {
      from: LOGO_AUTHORISATION_WITH_ENTERPRISE,
      select: LOGO_COLUMNS,
      where,
      sort: { expr: 'la.authorised_on', direction: 'DESC', field: 'authorisedOn', type: 'date' },
      idExpr: 'la.id',
      args,
    });
  }

  private readonly byIdLoader = single<number, LogoAuthorisationRow>(
    (ids) => this.db.query(`SELECT ${LOGO_COLUMNS} FROM logo_authorisation la WHERE la.id = ANY($1)`, [ids]),
    (r) => r.dbId,
  );

  private readonly byItemLoader = grouped<number, LogoAuthorisationRow>(
    (ids) =>
      this.db.query(
        `SELECT ${LOGO_COLUMNS} FROM logo_authorisation la WHERE la.certified_item_id = ANY($1) ORDER BY la.authorised_on, la.id`,
        [ids],
      ),
    (r) => r.certifiedItemId!,
  );

  private readonly byEnterpriseLoader = grouped<number, LogoAuthorisationRow>(
    (ids) =>
      this.db.query(`SELECT ${LOGO_COLUMNS} FROM logo_authorisation la WHERE la.enterprise_id = ANY($1) ORDER BY la.authorised_on, la.id`, [
        ids,
      ]),
    (r) => r.enterpriseId,
  );

  byId(id: number): Promise<LogoAuthorisationRow | null> {
    return this.byIdLoader.load(id);
  }

  /** the authorisations of a certified item */
  byCertifiedItem(itemId: number): Promise<LogoAuthorisationRow[]> {
    return this.byItemLoader.load(itemId);
  }

  /** every authorisation of an enterprise: its certified items' and its self-declarations */
  byEnterprise(enterpriseId: number): Promise<LogoAuthorisationRow[]> {
    return this.byEnterpriseLoader.load(enterpriseId);
  }
}
