import 'reflect-metadata';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { CertifiedItem, City, Enterprise, EnterpriseArgs, EnterpriseConnection, SpotCheck, type EnterpriseFilter, type EnterpriseRow } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { cityCode, containsPattern } from '../graphql/filters.ts';
import { toGlobalId } from '../graphql/ids.ts';
import { paginate } from '../graphql/paging.ts';
import { ENTERPRISE_COLUMNS } from '../graphql/columns.ts';
import { Where } from '../graphql/sql.ts';
import { enterpriseVisible } from '../graphql/visibility.ts';

export function enterpriseWhere(ctx: HubContext, filter: EnterpriseFilter = {}): Where {
  const where = new Where([ctx.today]);
  where.add(enterpriseVisible(ctx.viewer, '$1'));
  if (filter.city) where.add('e.city_code = ?', cityCode(filter.city));
  if (filter.uscc) where.add('e.uscc = ?', filter.uscc.trim().toUpperCase());
  if (filter.certified) where.add('EXISTS (SELECT 1 FROM certified_item ci WHERE ci.enterprise_id = e.id)');
  if (filter.text) {
    const p = containsPattern(filter.text, 'filter.text');
    where.add('(e.name ILIKE ? OR EXISTS (SELECT 1 FROM trademark t WHERE t.enterprise_id = e.id AND t.name ILIKE ?))', p, p);
  }
  return where;
}

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => EnterpriseConnection, { description: '经营主体, by name.' })
  enterprises(@Args(() => EnterpriseArgs) args: EnterpriseArgs, @Ctx() ctx: HubContext) {
    return paginate<EnterpriseRow>(ctx.sql, {
      from: 'enterprise e', select: ENTERPRISE_COLUMNS, where: enterpriseWhere(ctx, args.filter),
      sort: { expr: 'e.name', direction: 'ASC', field: 'name', type: 'text' }, idExpr: 'e.id', args,
    });
  }

  @Query(() => Enterprise, { nullable: true, description: 'One enterprise by its USCC.' })
  async enterprise(@Arg('uscc', () => String) uscc: string, @Ctx() ctx: HubContext) {
    const where = enterpriseWhere(ctx, { uscc });
    const [row] = await ctx.sql.query<EnterpriseRow>(`SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e ${where}`, where.params);
    return row ?? null;
  }

  @FieldResolver(() => ID)
  id(@Root() e: EnterpriseRow) {
    return toGlobalId('Enterprise', e.dbId);
  }

  @FieldResolver(() => City, { nullable: true })
  city(@Root() e: EnterpriseRow, @Ctx() ctx: HubContext) {
    return e.cityCode ? ctx.loaders.city.load(e.cityCode) : null;
  }

  @FieldResolver(() => [String], { description: '注册商标.' })
  async trademarks(@Root() e: EnterpriseRow, @Ctx() ctx: HubContext) {
    return (await ctx.loaders.trademarksByEnterprise.load(e.dbId)).map((t) => t.name);
  }

  @FieldResolver(() => [CertifiedItem], { description: 'Its certified items, all rounds.' })
  certifiedItems(@Root() e: EnterpriseRow, @Ctx() ctx: HubContext) {
    return ctx.loaders.certifiedItemsByEnterprise.load(e.dbId);
  }

  @FieldResolver(() => [SpotCheck], { description: 'Results where it is the nominal producer and that may name it (newest first).' })
  spotChecks(@Root() e: EnterpriseRow, @Ctx() ctx: HubContext) {
    return ctx.loaders.spotChecksByProducer.load(e.dbId);
  }
}
