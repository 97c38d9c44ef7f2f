import 'reflect-metadata';
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import {
  CertifiedItem as CertifiedItemType, City, CoverageGap, CoverageReport, Eligibility, Enterprise as EnterpriseType,
  Industry, LocalDate, NoticeArgs, RectificationNotice, RectificationNoticeConnection, RevocationCandidate, SelfReportStatus,
  type CoverageGapRow, type CoverageReportRow, type RectificationNoticeRow, type RevocationCandidateRow, type SelfReportStatusRow,
} from '@hub/schema';
import { paginate } from '../graphql/paging.ts';
import { Where } from '../graphql/sql.ts';
import type { HubContext } from '../graphql/context.ts';
import { userError } from '../graphql/errors.ts';
import { yearRange } from '../graphql/filters.ts';
import { requireBureau } from '../access/access.service.ts';
import { coverageGaps, eligibilityToApply, revocationCandidates, selfReportStatus } from '../rules/dynamic-management.ts';
import { certifiedItems, checksAsOf, rectificationNotices } from './dynamic-management.service.ts';

@Resolver()
export class DynamicManagementResolver {
  @Query(() => CoverageReport, { description: '年度抽查覆盖 (000 Art. 13): certified products with and without a supervision spot check in a year.' })
  async coverage(@Arg('year', () => Int) year: number, @Ctx() ctx: HubContext): Promise<CoverageReportRow> {
    const [, yearEnd] = yearRange(year);
    const asOf = yearEnd < ctx.today ? yearEnd : ctx.today;
    const items = await certifiedItems(ctx.sql, yearEnd);
    const checks = await checksAsOf(ctx.sql, asOf, 'sc.certified_item_id IS NOT NULL', []);
    const inForce = items.map((i) => ({ id: i.id, kind: i.kind, certifiedOn: i.certifiedOn, revokedOn: i.revokedOn }));
    const gaps = coverageGaps(inForce, checks, year);
    const products = coverageGaps(inForce, [], year).length;
    return {
      year,
      productsInForce: products,
      covered: products - gaps.length,
      gaps: gaps.map((g) => ({ certifiedItemId: Number(g.item.id), partYear: g.partYear, reason: g.reason })),
    };
  }

  @Query(() => [SelfReportStatus], { description: '年度自查报告 of every enterprise with a certified item in force, as of a date (000 Art. 9–10).' })
  async selfReports(
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: HubContext,
    @Arg('asOf', () => LocalDate, { nullable: true }) asOf?: string,
  ): Promise<SelfReportStatusRow[]> {
    yearRange(year);
    const date = asOf ?? ctx.today;
    const rows = await ctx.sql.query<{ enterpriseId: number; submittedOn: string | null }>(
      `SELECT DISTINCT ci.enterprise_id AS "enterpriseId",
         (SELECT sr.submitted_on FROM self_report sr WHERE sr.enterprise_id = ci.enterprise_id AND sr.year = $1 AND sr.submitted_on <= $2::date) AS "submittedOn"
       FROM certified_item ci
       WHERE (ci.certified_on IS NULL OR ci.certified_on <= make_date($1, 10, 31))
         AND NOT EXISTS (SELECT 1 FROM revocation_item ri JOIN revocation r ON r.id = ri.revocation_id
                         WHERE ri.certified_item_id = ci.id AND r.decided_on <= make_date($1, 10, 31))
       ORDER BY 1`,
      [year, date],
    );
    return rows.map((r) => ({ enterpriseId: r.enterpriseId, year, submittedOn: r.submittedOn, ...selfReportStatus(year, r.submittedOn, date) }));
  }

  @Query(() => [RevocationCandidate], { description: 'Revocation candidates for grounds (2) and (3) of 000 Art. 16, with evidence — bureau tokens only (flags for the committee, never a decision).' })
  async revocationCandidates(@Ctx() ctx: HubContext, @Arg('asOf', () => LocalDate, { nullable: true }) asOf?: string) {
    requireBureau(ctx.viewer, 'revocationCandidates');
    const date = asOf ?? ctx.today;
    const [items, checks, notices] = await Promise.all([
      certifiedItems(ctx.sql, date),
      checksAsOf(ctx.sql, date, 'sc.certified_item_id IS NOT NULL', []),
      rectificationNotices(ctx.sql, date),
    ]);
    const out: RevocationCandidateRow[] = [];
    for (const item of items.filter((i) => !i.revokedOn)) {
      const candidates = revocationCandidates({
        checks: checks.filter((c) => c.itemId === item.id),
        rectificationNotices: notices.filter((n) => n.itemId === item.id || (n.itemId === null && n.enterpriseId === item.enterpriseId)),
      }, date);
      for (const c of candidates) {
        out.push({ certifiedItemId: item.id, ground: c.ground, article: c.article, reason: c.reason,
          evidenceReportNos: c.evidence.checks.map((e) => e.reportNo), evidenceNoticeNo: c.evidence.notice?.noticeNo ?? null, toConfirm: c.toConfirm });
      }
    }
    return out;
  }

  @Query(() => Eligibility, {
    description: 'Whether an enterprise may apply on a date, as far as the records show (seed 002; 000 Art. 16) — bureau tokens only: the answer can rest on results whose producer may not be published.',
  })
  async eligibility(@Arg('uscc', () => String) uscc: string, @Ctx() ctx: HubContext, @Arg('asOf', () => LocalDate, { nullable: true }) asOf?: string): Promise<Eligibility> {
    requireBureau(ctx.viewer, 'eligibility');
    const date = asOf ?? ctx.today;
    const [enterprise] = await ctx.sql.query<{ id: number }>('SELECT id FROM enterprise WHERE uscc = $1', [uscc.trim().toUpperCase()]);
    if (!enterprise) throw userError('NOT_FOUND', `No enterprise with USCC ${uscc} is on record.`);
    const revocations = await ctx.sql.query<{ decisionNo: string; decidedOn: string; ground: never }>(
      `SELECT decision_no AS "decisionNo", decided_on AS "decidedOn", ground FROM revocation WHERE enterprise_id = $1`, [enterprise.id]);
    const checks = await checksAsOf(ctx.sql, date, 'sc.producer_id = $2', [enterprise.id]);
    const result = eligibilityToApply(date, { revocations, checks });
    return {
      asOf: date,
      eligibleOnRecords: result.eligibleOnRecords,
      exclusions: result.exclusions.map((e) => ({ rule: e.rule, article: e.article, reason: e.reason, lapsesOn: e.lapsesOn })),
      toConfirm: result.toConfirm.map((t) => `${t.article}: ${t.rule}`),
    };
  }
}

@Resolver(() => RectificationNotice)
export class RectificationNoticeResolver {
  @Query(() => RectificationNoticeConnection, { description: '整改通知书, newest first (000 Art. 15).' })
  rectificationNotices(@Args(() => NoticeArgs) args: NoticeArgs, @Ctx() ctx: HubContext) {
    const where = new Where();
    if (args.year != null) where.add('n.issued_on BETWEEN ?::date AND ?::date', ...yearRange(args.year));
    return paginate<RectificationNoticeRow>(ctx.sql, {
      from: 'rectification_notice n', where, idExpr: 'n.id', args,
      select: `n.id AS "dbId", n.notice_no AS "noticeNo", n.enterprise_id AS "enterpriseId", n.certified_item_id AS "certifiedItemId",
        n.problem, n.issued_on AS "issuedOn", n.due_on AS "dueOn", n.completed_on AS "completedOn", n.result`,
      sort: { expr: 'n.issued_on', direction: 'DESC', field: 'issuedOn', type: 'date' },
    });
  }

  @FieldResolver(() => Boolean, { description: 'Not completed by its deadline as of a date (000 Art. 16(3)).' })
  overdue(@Root() n: RectificationNoticeRow, @Ctx() ctx: HubContext, @Arg('asOf', () => LocalDate, { nullable: true }) asOf?: string) {
    const date = asOf ?? ctx.today;
    return n.dueOn < date && (n.completedOn == null || n.completedOn > n.dueOn);
  }

  @FieldResolver(() => EnterpriseType, { nullable: true })
  enterprise(@Root() n: RectificationNoticeRow, @Ctx() ctx: HubContext) {
    return ctx.loaders.enterprise.load(n.enterpriseId);
  }

  @FieldResolver(() => CertifiedItemType, { nullable: true })
  certifiedItem(@Root() n: RectificationNoticeRow, @Ctx() ctx: HubContext) {
    return n.certifiedItemId == null ? null : ctx.loaders.certifiedItem.load(n.certifiedItemId);
  }
}

@Resolver()
export class ReferenceResolver {
  @Query(() => [City], { description: '市州: the 17 cities of Hubei.' })
  cities(@Ctx() ctx: HubContext) {
    return ctx.sql.query(`SELECT code, name, short_name AS "shortName" FROM city ORDER BY code`);
  }

  @Query(() => [Industry], { description: 'GB/T 4754 classes on record.' })
  industries(@Ctx() ctx: HubContext) {
    return ctx.sql.query(`SELECT code, name FROM industry ORDER BY code`);
  }
}

@Resolver(() => CoverageGap)
export class CoverageGapResolver {
  @FieldResolver(() => CertifiedItemType)
  certifiedItem(@Root() g: CoverageGapRow, @Ctx() ctx: HubContext) {
    return ctx.loaders.certifiedItem.load(g.certifiedItemId);
  }
}

@Resolver(() => RevocationCandidate)
export class RevocationCandidateResolver {
  @FieldResolver(() => CertifiedItemType)
  certifiedItem(@Root() c: RevocationCandidateRow, @Ctx() ctx: HubContext) {
    return ctx.loaders.certifiedItem.load(c.certifiedItemId);
  }
}

@Resolver(() => SelfReportStatus)
export class SelfReportStatusResolver {
  @FieldResolver(() => EnterpriseType, { nullable: true })
  enterprise(@Root() s: SelfReportStatusRow, @Ctx() ctx: HubContext) {
    return ctx.loaders.enterprise.load(s.enterpriseId);
  }
}

