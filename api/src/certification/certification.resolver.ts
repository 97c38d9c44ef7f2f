import 'reflect-metadata';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import {
  CertificationStatus, CertifiedItem, CertifiedItemArgs, CertifiedItemConnection, CultivationEntry, CultivationEntryConnection, Enterprise,
  Industry, LocalDate, LogoAuthorisation, Revocation, RoundFunnel, SpotCheck, StandardEvaluation, StandardEvaluationConnection, YearPageArgs,
  type CertifiedItemRow, type CultivationEntryRow, type LogoAuthorisationRow, type StandardEvaluationRow,
} from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { requireBureau } from '../access/access.service.ts';
import { userError } from '../graphql/errors.ts';
import { cityCode, containsPattern } from '../graphql/filters.ts';
import { toGlobalId } from '../graphql/ids.ts';
import { paginate } from '../graphql/paging.ts';
import { CERTIFIED_ITEM_COLUMNS, CULTIVATION_COLUMNS, EVALUATION_COLUMNS } from '../graphql/columns.ts';
import { Where } from '../graphql/sql.ts';
import { addStatusFilter, certificationStatusSql } from './certification.service.ts';

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
    return paginate<CertifiedItemRow>(ctx.sql, {
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
    const [row] = await ctx.sql.query<CertifiedItemRow>(`SELECT ${CERTIFIED_ITEM_COLUMNS} FROM certified_item ci WHERE ci.certificate_no = $1`, [certificateNo.trim()]);
    return row ?? null;
  }

  @Query(() => CultivationEntryConnection, { description: '培育库: entries by year.' })
  cultivationEntries(@Args(() => YearPageArgs) args: YearPageArgs, @Ctx() ctx: HubContext) {
    const where = new Where().maybe(args.year, 'c.year = ?');
    return paginate<CultivationEntryRow>(ctx.sql, {
      from: 'cultivation_entry c', where, idExpr: 'c.id', args,
      select: CULTIVATION_COLUMNS,
      sort: { expr: 'c.year', direction: 'DESC', field: 'year', type: 'int' },
    });
  }

  @Query(() => StandardEvaluationConnection, { description: '标准先进性评价: evaluations by year.' })
  standardEvaluations(@Args(() => YearPageArgs) args: YearPageArgs, @Ctx() ctx: HubContext) {
    const where = new Where().maybe(args.year, 's.year = ?');
    return paginate<StandardEvaluationRow>(ctx.sql, {
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
  id(@Root() item: CertifiedItemRow) {
    return toGlobalId('CertifiedItem', item.dbId);
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() item: CertifiedItemRow, @Ctx() ctx: HubContext) {
    return ctx.loaders.enterprise.load(item.enterpriseId);
  }

  @FieldResolver(() => Industry, { nullable: true, description: '所属行业类别 (GB/T 4754).' })
  industry(@Root() item: CertifiedItemRow, @Ctx() ctx: HubContext) {
    return item.industryCode ? ctx.loaders.industry.load(item.industryCode) : null;
  }

  @FieldResolver(() => CertificationStatus, { description: '认定状态 as of a date.' })
  async status(
    @Root() item: CertifiedItemRow,
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
  revocations(@Root() item: CertifiedItemRow, @Ctx() ctx: HubContext) {
    return ctx.loaders.revocationsByItem.load(item.dbId);
  }

  @FieldResolver(() => [SpotCheck], { description: 'Its spot-check history as the rules allow publishing it (newest first).' })
  spotChecks(@Root() item: CertifiedItemRow, @Ctx() ctx: HubContext) {
    return ctx.loaders.spotChecksByCertifiedItem.load(item.dbId);
  }

  @FieldResolver(() => [LogoAuthorisation], { description: '标识使用授权.' })
  logoAuthorisations(@Root() item: CertifiedItemRow, @Ctx() ctx: HubContext) {
    return ctx.loaders.logoByItem.load(item.dbId);
  }
}

@Resolver(() => CultivationEntry)
export class CultivationEntryResolver {
  @FieldResolver(() => ID)
  id(@Root() c: CultivationEntryRow) {
    return toGlobalId('CultivationEntry', c.dbId);
  }
  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() c: CultivationEntryRow, @Ctx() ctx: HubContext) {
    return ctx.loaders.enterprise.load(c.enterpriseId);
  }
  @FieldResolver(() => Industry, { nullable: true })
  industry(@Root() c: CultivationEntryRow, @Ctx() ctx: HubContext) {
    return c.industryCode ? ctx.loaders.industry.load(c.industryCode) : null;
  }
  @FieldResolver(() => String, { nullable: true, description: '联系人 — personal data: bureau tokens only (FORBIDDEN otherwise).' })
  contactName(@Root() c: CultivationEntryRow, @Ctx() ctx: HubContext) {
    requireBureau(ctx.viewer, 'contactName');
    return c.contactName;
  }
  @FieldResolver(() => String, { nullable: true, description: '联系方式 — personal data: bureau tokens only (FORBIDDEN otherwise).' })
  contactPhone(@Root() c: CultivationEntryRow, @Ctx() ctx: HubContext) {
    requireBureau(ctx.viewer, 'contactPhone');
    return c.contactPhone;
  }
}

@Resolver(() => StandardEvaluation)
export class StandardEvaluationResolver {
  @FieldResolver(() => ID)
  id(@Root() s: StandardEvaluationRow) {
    return toGlobalId('StandardEvaluation', s.dbId);
  }
  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() s: StandardEvaluationRow, @Ctx() ctx: HubContext) {
    return ctx.loaders.enterprise.load(s.enterpriseId);
  }
}

@Resolver(() => LogoAuthorisation)
export class LogoAuthorisationResolver {
  @FieldResolver(() => ID)
  id(@Root() l: LogoAuthorisationRow) {
    return toGlobalId('LogoAuthorisation', l.dbId);
  }
}

export { certificationStatusSql };
