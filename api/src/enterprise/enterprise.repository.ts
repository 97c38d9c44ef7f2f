/**
 * Enterprises, as the viewer may see them. Anonymous clients see an enterprise only when
 * something public names it: the registries (logo authorisations included), a revocation, or a
 * result whose identity is public.
 * Otherwise its mere presence could tell that it produced a withheld failure (003 Art. 27).
 */
import type { ConnectionShape, EnterpriseFilter, EnterpriseRow, PageArgs } from '@hub/schema';
import type { Viewer } from '../access/access.service.ts';
import { cityCode, containsPattern } from '../graphql/filters.ts';
import { grouped, single } from '../repository/loaders.ts';
import { paginate } from '../repository/paging.ts';
import { Repository } from '../repository/repository.ts';
import { Where } from '../repository/where.ts';
import { SC_IDENTITY_PUBLIC, SC_PUBLISHED, spotCheckFrom } from '../spot-check/spot-check.repository.ts';

export const ENTERPRISE_COLUMNS = `e.id AS "dbId", e.uscc, e.name, e.address, e.city_code AS "cityCode", e.county,
  e.province_code AS "provinceCode", e.size, e.version`;

/** Condition on enterprise alias `e`: the viewer may see this enterprise (see above). */
export function enterpriseVisible(viewer: Viewer, todayParam: string): string {
  // (the bureau sees all; the parameter is still referenced so statements keep one shape)
  if (viewer.bureau) return `${todayParam}::date IS NOT NULL`;
  return `(EXISTS (SELECT 1 FROM certified_item ci WHERE ci.enterprise_id = e.id)
    OR EXISTS (SELECT 1 FROM cultivation_entry ce WHERE ce.enterprise_id = e.id)
    OR EXISTS (SELECT 1 FROM standard_evaluation se WHERE se.enterprise_id = e.id)
    OR EXISTS (SELECT 1 FROM logo_authorisation la WHERE la.enterprise_id = e.id)
    OR EXISTS (SELECT 1 FROM revocation r WHERE r.enterprise_id = e.id)
    OR EXISTS (SELECT 1 FROM ${spotCheckFrom(todayParam)}
               WHERE (sc.producer_id = e.id OR sc.sampled_unit_id = e.id) AND ${SC_PUBLISHED} AND ${SC_IDENTITY_PUBLIC}))`;
}

/** Condition: the enterprise whose id is `idExpr` exists and the viewer may see it. */
export function enterpriseIdVisible(viewer: Viewer, todayParam: string, idExpr: string): string {
  return `EXISTS (SELECT 1 FROM enterprise e WHERE e.id = ${idExpr} AND ${enterpriseVisible(viewer, todayParam)})`;
}

/**
 * `FROM` clause: certified items `ci` with their enterprise `e` — always public, as the registry
 * names it (the first clause of enterpriseVisible), so a filter on its name reveals nothing.
 */
export const CERTIFIED_ITEM_WITH_ENTERPRISE = 'certified_item ci JOIN enterprise e ON e.id = ci.enterprise_id';

/**
 * `FROM` clause: logo authorisations `la` with their enterprise `e` — public, as the registry
 * names it (enterpriseVisible: a 长江质量奖 self-declaration may be its only public trace).
 */
export const LOGO_AUTHORISATION_WITH_ENTERPRISE = 'logo_authorisation la JOIN enterprise e ON e.id = la.enterprise_id';

/** SQL expression: the number of enterprises the viewer may see. */
export function visibleEnterpriseCount(viewer: Viewer, todayParam: string): string {
  return `(SELECT count(*) FROM enterprise e WHERE ${enterpriseVisible(viewer, todayParam)})`;
}

export class EnterpriseRepository extends Repository {
  private where(filter: EnterpriseFilter = {}): Where {
    const where = new Where([this.today]);
    where.add(enterpriseVisible(this.viewer, '$1'));
    if (filter.city) where.add('e.city_code = ?', cityCode(filter.city));
    if (filter.uscc) where.add('e.uscc = ?', filter.uscc.trim().toUpperCase());
    if (filter.certified) where.add('EXISTS (SELECT 1 FROM certified_item ci WHERE ci.enterprise_id = e.id)');
    if (filter.text) {
      const p = containsPattern(filter.text, 'filter.text');
      where.add('(e.name ILIKE ? OR EXISTS (SELECT 1 FROM trademark t WHERE t.enterprise_id = e.id AND t.name ILIKE ?))', p, p);
    }
    return where;
  }

  list(args: PageArgs & { filter?: EnterpriseFilter }): Promise<ConnectionShape<EnterpriseRow>> {
    return paginate<EnterpriseRow>(this.db, {
      from: 'enterprise e',
      select: ENTERPRISE_COLUMNS,
      where: this.where(args.filter),
      sort: { expr: 'e.name', direction: 'ASC', field: 'name', type: 'text' },
      idExpr: 'e.id',
      args,
    });
  }

  async byUscc(uscc: string): Promise<EnterpriseRow | null> {
    const where = this.where({ uscc });
    const [row] = await this.db.query<EnterpriseRow>(`SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e ${where}`, where.params);
    return row ?? null;
  }

  private readonly byIdLoader = single<number, EnterpriseRow>(
    (ids) =>
      this.db.query(`SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e WHERE e.id = ANY($1) AND ${enterpriseVisible(this.viewer, '$2')}`, [
        ids,
        this.today,
      ]),
    (r) => r.dbId,
  );

  private readonly trademarksLoader = grouped<number, { enterpriseId: number; name: string }>(
    (ids) =>
      this.db.query(`SELECT enterprise_id AS "enterpriseId", name FROM trademark WHERE enterprise_id = ANY($1) ORDER BY name`, [ids]),
    (r) => r.enterpriseId,
  );

  /** Any enterprise on record with this USCC, visible or not: for answers the service gives bureau tokens only. */
  async idByUsccForBureau(uscc: string): Promise<number | undefined> {
    if (!this.viewer.bureau) return undefined;
    const [enterprise] = await this.db.query<{ id: number }>('SELECT id FROM enterprise WHERE uscc = $1', [uscc]);
    return enterprise?.id;
  }

  byId(id: number): Promise<EnterpriseRow | null> {
    return this.byIdLoader.load(id);
  }

  /** An enterprise another query read with ENTERPRISE_COLUMNS where it is public (a certified item's): byId answers it at once. */
  prime(row: EnterpriseRow): void {
    this.byIdLoader.prime(row.dbId, row);
  }

  /** 注册商标 */
  async trademarks(enterpriseId: number): Promise<string[]> {
    return (await this.trademarksLoader.load(enterpriseId)).map((t) => t.name);
  }
}
