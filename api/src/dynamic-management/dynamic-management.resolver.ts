import 'reflect-metadata';
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import {
  CertifiedItem,
  CoverageGap,
  CoverageReport,
  Eligibility,
  Enterprise,
  LocalDate,
  NoticeArgs,
  RectificationNotice,
  RectificationNoticeConnection,
  RevocationCandidate,
  SelfReportStatus,
  type CoverageGapRow,
  type RectificationNoticeRow,
  type RevocationCandidateRow,
  type SelfReportStatusRow,
} from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import {
  candidatesForRevocation,
  coverage,
  eligibility,
  listRectificationNotices,
  noticeOverdue,
  selfReports,
} from './dynamic-management.service.ts';

@Resolver()
export class DynamicManagementResolver {
  @Query(() => CoverageReport, {
    description: '年度抽查覆盖 (000 Art. 13): certified products with and without a supervision spot check in a year.',
  })
  coverage(@Arg('year', () => Int) year: number, @Ctx() ctx: HubContext) {
    return coverage(ctx, year);
  }

  @Query(() => [SelfReportStatus], {
    description: '年度自查报告 of every enterprise with a certified item in force, as of a date (000 Art. 9–10).',
  })
  selfReports(
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: HubContext,
    @Arg('asOf', () => LocalDate, { nullable: true }) asOf?: string,
  ) {
    return selfReports(ctx, year, asOf);
  }

  @Query(() => [RevocationCandidate], {
    description:
      'Revocation candidates for grounds (2) and (3) of 000 Art. 16, with evidence — bureau tokens only (flags for the committee, never a decision).',
  })
  revocationCandidates(@Ctx() ctx: HubContext, @Arg('asOf', () => LocalDate, { nullable: true }) asOf?: string) {
    return candidatesForRevocation(ctx, asOf);
  }

  @Query(() => Eligibility, {
    description:
      'Whether an enterprise may apply on a date, as far as the records show (seed 002; 000 Art. 16), also for one the hub has never seen (nothing on record: see basis) — a malformed USCC is BAD_USER_INPUT; bureau tokens only: the answer can rest on results whose producer may not be published.',
  })
  eligibility(
    @Arg('uscc', () => String) uscc: string,
    @Ctx() ctx: HubContext,
    @Arg('asOf', () => LocalDate, { nullable: true }) asOf?: string,
  ) {
    return eligibility(ctx, uscc, asOf);
  }
}

@Resolver(() => RectificationNotice)
export class RectificationNoticeResolver {
  @Query(() => RectificationNoticeConnection, { description: '整改通知书, newest first (000 Art. 15).' })
  rectificationNotices(@Args(() => NoticeArgs) args: NoticeArgs, @Ctx() ctx: HubContext) {
    return listRectificationNotices(ctx, args);
  }

  @FieldResolver(() => Boolean, { description: 'Not completed by its deadline as of a date (000 Art. 16(3)).' })
  overdue(@Root() n: RectificationNoticeRow, @Ctx() ctx: HubContext, @Arg('asOf', () => LocalDate, { nullable: true }) asOf?: string) {
    return noticeOverdue(ctx, n, asOf);
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() n: RectificationNoticeRow, @Ctx() ctx: HubContext) {
    return ctx.repos.enterprises.byId(n.enterpriseId);
  }

  @FieldResolver(() => CertifiedItem, { nullable: true })
  certifiedItem(@Root() n: RectificationNoticeRow, @Ctx() ctx: HubContext) {
    return n.certifiedItemId == null ? null : ctx.repos.certification.byId(n.certifiedItemId);
  }
}

@Resolver(() => CoverageGap)
export class CoverageGapResolver {
  @FieldResolver(() => CertifiedItem)
  certifiedItem(@Root() g: CoverageGapRow, @Ctx() ctx: HubContext) {
    return ctx.repos.certification.byId(g.certifiedItemId);
  }
}

@Resolver(() => RevocationCandidate)
export class RevocationCandidateResolver {
  @FieldResolver(() => CertifiedItem)
  certifiedItem(@Root() c: RevocationCandidateRow, @Ctx() ctx: HubContext) {
    return ctx.repos.certification.byId(c.certifiedItemId);
  }
}

@Resolver(() => SelfReportStatus)
export class SelfReportStatusResolver {
  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() s: SelfReportStatusRow, @Ctx() ctx: HubContext) {
    return ctx.repos.enterprises.byId(s.enterpriseId);
  }
}
