import 'reflect-metadata';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Int, Query, Resolver, Root } from 'type-graphql';
import {
  CertificationStatus, CertifiedItem, Connection, CultivationEntry, Enterprise, Industry, ItemKindEnum, LocalDate,
  LogoAuthorisation, Revocation, RoundFunnel, SpotCheck, StandardEvaluation,
} from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { userError } from '../graphql/errors.ts';
import { cityCode, containsPattern } from '../graphql/filters.ts';
import { toGlobalId } from '../graphql/ids.ts';
import { PageArgs, paginate } from '../graphql/paging.ts';
import { CERTIFIED_ITEM_COLUMNS, CULTIVATION_COLUMNS, EVALUATION_COLUMNS } from '../graphql/columns.ts';
import { Where } from '../graphql/sql.ts';
import { addStatusFilter, certificationStatusSql } from './certification.service.ts';

export const CertifiedItemConnection = Connection('CertifiedItem', CertifiedItem, 'A page of certified items.');
export const CultivationEntryConnection = Connection('CultivationEntry', CultivationEntry, 'A page of cultivation-library entries.');
export const StandardEvaluationConnection = Connection('StandardEvaluation', StandardEvaluation, 'A page of standard evaluations.');

@InputType({ description: 'Filters for certified items.' })
class CertifiedItemFilter {
  @Field(() => Int, { nullable: true, description: '届次 (1 = 2023).' }) round?: number;
  @Field(() => String, { nullable: true, description: '属地 of the enterprise: city code or name.' }) city?: string;
  @Field(() => String, { nullable: true, description: 'GB/T 4754 class code (4 digits) or a prefix (2 digits = a division).' }) industry?: string;
  @Field(() => ItemKindEnum, { nullable: true }) kind?: string;
  @Field(() => CertificationStatus, { nullable: true, description: 'Status as of `asOf`.' }) status?: CertificationStatus;
  @Field(() => LocalDate, { nullable: true, description: 'Date for `status` (default today in China).' }) asOf?: string;
  @Field(() => String, { nullable: true, description: 'USCC of the enterprise.' }) uscc?: string;
  @Field(() => String, { nullable: true, description: 'Chinese text in the item, trademark, standard or enterprise name.' }) text?: string;
}

@ArgsType()
class CertifiedItemArgs extends PageArgs {
  @Field(() => CertifiedItemFilter, { nullable: true }) filter?: CertifiedItemFilter;
}

@ArgsType()
class YearPageArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: '年度.' }) year?: number;
}

@Resolver(() => CertifiedItem)
export class CertifiedItemResolver {
  @Query(() => CertifiedItemConnection, { description: '认定名单: certified items of every round, by round and announcement order.' })
  certifiedItems(@Args(() => CertifiedItemArgs) args: CertifiedItemArgs, @Ctx() ctx: HubContext) {
    const f = args.filter ?? {};
    const where = new Where();
    where.maybe(f.round, 'ci.round = ?');
    if (f.city) where.add('e.city_code = ?', cityCode(f.city));
    if (f.industry) {
      if (!/^\d{2,4}$/.test(f.industry)) throw userError('BAD_USER_INPUT', 'filter.industry: a GB/T 4754 code of 2–4 digits, e.g. 1512 or 15.');
      where.add('ci.industry_code LIKE ?', `${f.industry}%`);
    }
    where.maybe(f.kind, 'ci.kind = ?');
    if (f.uscc) where.add('e.uscc = ?', f.uscc.trim().toUpperCase());
    if (f.status) addStatusFilter(where, f.status, f.asOf ?? ctx.today);
    if (f.text) {
      const p = containsPattern(f.text, 'filter.text');
      where.add('(ci.name ILIKE ? OR ci.trademark ILIKE ? OR ci.standard_no ILIKE ? OR ci.standard_name ILIKE ? OR e.name ILIKE ?)', p, p, p, p, p);
    }
    return paginate<CertifiedItem>(ctx.sql, {
      from: 'certified_item ci JOIN enterprise e ON e.id = ci.enterprise_id',
      select: `${CERTIFIED_ITEM_COLUMNS}, ci.round * 100000 + coalesce(ci.seq_no, 0) AS "orderKey"`,
      where,
      sort: { expr: 'ci.round * 100000 + coalesce(ci.seq_no, 0)', direction: 'ASC', field: 'orderKey', type: 'int' },
      idExpr: 'ci.id',
      args,
    });
  }

  @Query(() => CertifiedItem, { nullable: true, description: 'One certified item by its certificate number (证书编号).' })
  async certifiedItem(@Arg('certificateNo', () => String) certificateNo: string, @Ctx() ctx: HubContext) {
    const [row] = await ctx.sql.query<CertifiedItem>(`SELECT ${CERTIFIED_ITEM_COLUMNS} FROM certified_item ci WHERE ci.certificate_no = $1`, [certificateNo.trim()]);
    return row ?? null;
  }

  @Query(() => CultivationEntryConnection, { description: '培育库: entries by year.' })
  cultivationEntries(@Args(() => YearPageArgs) args: YearPageArgs, @Ctx() ctx: HubContext) {
    const where = new Where().maybe(args.year, 'c.year = ?');
    return paginate<CultivationEntry>(ctx.sql, {
      from: 'cultivation_entry c', where, idExpr: 'c.id', args,
      select: CULTIVATION_COLUMNS,
      sort: { expr: 'c.year', direction: 'DESC', field: 'year', type: 'int' },
    });
  }

  @Query(() => StandardEvaluationConnection, { description: '标准先进性评价: evaluations by year.' })
  standardEvaluations(@Args(() => YearPageArgs) args: YearPageArgs, @Ctx() ctx: HubContext) {
    const where = new Where().maybe(args.year, 's.year = ?');
    return paginate<StandardEvaluation>(ctx.sql, {
      from: 'standard_evaluation s', where, idExpr: 's.id', args,
      select: EVALUATION_COLUMNS,
      sort: { expr: 's.year', direction: 'DESC', field: 'year', type: 'int' },
    });
  }

  @Query(() => [RoundFunnel], { description: 'The certification funnel of each round: cultivation → standard evaluation → certified (seed 002).' })
  roundFunnels(@Ctx() ctx: HubContext) {
    return ctx.sql.query<RoundFunnel>(`
      WITH rounds AS (
        SELECT DISTINCT year - 2022 AS round FROM cultivation_entry
        UNION SELECT DISTINCT year - 2022 FROM standard_evaluation UNION SELECT DISTINCT round FROM certified_item)
      SELECT r.round, 2022 + r.round AS year,
        (SELECT count(*) FROM cultivation_entry c WHERE c.year = 2022 + r.round) AS "cultivationItems",
        (SELECT count(DISTINCT enterprise_id) FROM cultivation_entry c WHERE c.year = 2022 + r.round) AS "cultivationEnterprises",
        (SELECT count(*) FROM standard_evaluation s WHERE s.year = 2022 + r.round) AS "standardsEvaluated",
        (SELECT count(*) FROM standard_evaluation s WHERE s.year = 2022 + r.round AND s.passed) AS "standardsPassed",
        (SELECT count(*) FROM certified_item ci WHERE ci.round = r.round) AS certified
      FROM rounds r ORDER BY r.round`);
  }

  @FieldResolver(() => ID)
  id(@Root() item: CertifiedItem) {
    return toGlobalId('CertifiedItem', item.dbId);
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() item: CertifiedItem, @Ctx() ctx: HubContext) {
    return ctx.loaders.enterprise.load(item.enterpriseId);
  }

  @FieldResolver(() => Industry, { nullable: true, description: '所属行业类别 (GB/T 4754).' })
  industry(@Root() item: CertifiedItem, @Ctx() ctx: HubContext) {
    return item.industryCode ? ctx.loaders.industry.load(item.industryCode) : null;
  }

  @FieldResolver(() => CertificationStatus, { description: '认定状态 as of a date.' })
  async status(
    @Root() item: CertifiedItem,
    @Ctx() ctx: HubContext,
    @Arg('asOf', () => LocalDate, { nullable: true, description: 'Default: today in China.' }) asOf?: string,
  ) {
    const [revocations, open] = await Promise.all([
      ctx.loaders.revocationsByItem.load(item.dbId),
      ctx.loaders.openRectification.load(`${item.dbId}|${asOf ?? ctx.today}`),
    ]);
    const date = asOf ?? ctx.today;
    if (revocations.some((r) => r.decidedOn <= date)) return CertificationStatus.revoked;
    return open ? CertificationStatus.under_rectification : CertificationStatus.in_force;
  }

  @FieldResolver(() => [Revocation], { description: '撤销认定决定 naming this item.' })
  revocations(@Root() item: CertifiedItem, @Ctx() ctx: HubContext) {
    return ctx.loaders.revocationsByItem.load(item.dbId);
  }

  @FieldResolver(() => [SpotCheck], { description: 'Its spot-check history as the rules allow publishing it (newest first).' })
  spotChecks(@Root() item: CertifiedItem, @Ctx() ctx: HubContext) {
    return ctx.loaders.spotChecksByCertifiedItem.load(item.dbId);
  }

  @FieldResolver(() => [LogoAuthorisation], { description: '标识使用授权.' })
  logoAuthorisations(@Root() item: CertifiedItem, @Ctx() ctx: HubContext) {
    return ctx.loaders.logoByItem.load(item.dbId);
  }
}

@Resolver(() => CultivationEntry)
export class CultivationEntryResolver {
  @FieldResolver(() => ID)
  id(@Root() c: CultivationEntry) {
    return toGlobalId('CultivationEntry', c.dbId);
  }
  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() c: CultivationEntry, @Ctx() ctx: HubContext) {
    return ctx.loaders.enterprise.load(c.enterpriseId);
  }
  @FieldResolver(() => Industry, { nullable: true })
  industry(@Root() c: CultivationEntry, @Ctx() ctx: HubContext) {
    return c.industryCode ? ctx.loaders.industry.load(c.industryCode) : null;
  }
  @FieldResolver(() => String, { nullable: true, description: '联系人 — personal data: bureau tokens only (FORBIDDEN otherwise).' })
  contactName(@Root() c: CultivationEntry, @Ctx() ctx: HubContext) {
    requireBureau(ctx, 'contactName');
    return c.contactNameValue;
  }
  @FieldResolver(() => String, { nullable: true, description: '联系方式 — personal data: bureau tokens only (FORBIDDEN otherwise).' })
  contactPhone(@Root() c: CultivationEntry, @Ctx() ctx: HubContext) {
    requireBureau(ctx, 'contactPhone');
    return c.contactPhoneValue;
  }
}

@Resolver(() => StandardEvaluation)
export class StandardEvaluationResolver {
  @FieldResolver(() => ID)
  id(@Root() s: StandardEvaluation) {
    return toGlobalId('StandardEvaluation', s.dbId);
  }
  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() s: StandardEvaluation, @Ctx() ctx: HubContext) {
    return ctx.loaders.enterprise.load(s.enterpriseId);
  }
}

@Resolver(() => LogoAuthorisation)
export class LogoAuthorisationResolver {
  @FieldResolver(() => ID)
  id(@Root() l: LogoAuthorisation) {
    return toGlobalId('LogoAuthorisation', l.dbId);
  }
}

export function requireBureau(ctx: HubContext, field: string): void {
  if (!ctx.viewer.bureau) {
    throw userError('FORBIDDEN', `${field} is personal data: it is returned only to bureau API tokens.`);
  }
}

export { certificationStatusSql };
