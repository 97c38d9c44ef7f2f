import type {
  ConnectionShape,
  CoverageReportRow,
  Eligibility,
  NoticeArgs,
  RectificationNoticeRow,
  RevocationCandidateRow,
  SelfReportStatusRow,
} from '@hub/schema';
import { requireBureau } from '../access/access.service.ts';
import type { HubContext } from '../graphql/context.ts';
import { yearRange } from '../graphql/filters.ts';
import { usccArgument } from '../graphql/uscc.ts';
import { coverageGaps, eligibilityToApply, revocationCandidates, selfReportDue, selfReportStatus } from '../rules/dynamic-management.ts';
import { rectificationOverdue } from '../rules/overdue.ts';

/** 年度抽查覆盖 (000 Art. 13): certified products with and without a supervision spot check in a year. */
export async function coverage(ctx: HubContext, year: number): Promise<CoverageReportRow> {
  const [, yearEnd] = yearRange(year);
  const asOf = yearEnd < ctx.today ? yearEnd : ctx.today;
  const items = await ctx.repos.dynamicManagement.certifiedItems(yearEnd);
  const checks = await ctx.repos.dynamicManagement.checksOfCertifiedItems(asOf);
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

/** 年度自查报告 of every enterprise with a certified item in force, as of a date (000 Art. 9–10). */
export async function selfReports(ctx: HubContext, year: number, asOf?: string): Promise<SelfReportStatusRow[]> {
  yearRange(year);
  const date = asOf ?? ctx.today;
  const rows = await ctx.repos.dynamicManagement.selfReports(year, selfReportDue(year), date);
  return rows.map((r) => ({
    enterpriseId: r.enterpriseId,
    year,
    submittedOn: r.submittedOn,
    ...selfReportStatus(year, r.submittedOn, date),
  }));
}

/** Flags for the committee under 000 Art. 16(2), (3), with their evidence — bureau tokens only. */
export async function candidatesForRevocation(ctx: HubContext, asOf?: string): Promise<RevocationCandidateRow[]> {
  requireBureau(ctx.viewer, 'revocationCandidates');
  const date = asOf ?? ctx.today;
  const repo = ctx.repos.dynamicManagement;
  const [items, checks, notices] = await Promise.all([
    repo.certifiedItems(date),
    repo.checksOfCertifiedItems(date),
    repo.rectificationNotices(date),
  ]);
  const out: RevocationCandidateRow[] = [];
  for (const item of items.filter((i) => !i.revokedOn)) {
    const candidates = revocationCandidates(
      {
        checks: checks.filter((c) => c.itemId === item.id),
        rectificationNotices: notices.filter((n) => n.itemId === item.id || (n.itemId === null && n.enterpriseId === item.enterpriseId)),
      },
      date,
    );
    for (const c of candidates) {
      out.push({
        certifiedItemId: item.id,
        ground: c.ground,
        article: c.article,
        reason: c.reason,
        evidenceReportNos: c.evidence.checks.map((e) => e.reportNo),
        evidenceNoticeNo: c.evidence.notice?.noticeNo ?? null,
        toConfirm: c.toConfirm,
      });
    }
  }
  return out;
}

/**
 * Whether an enterprise may apply on a date, as far as the records show (seed 002; 000 Art. 16),
 * also for one the hub has never seen (the usual applicant) — bureau tokens only: the answer can rest on results whose producer may not be published.
 */
export async function eligibility(ctx: HubContext, uscc: string, asOf?: string): Promise<Eligibility> {
  requireBureau(ctx.viewer, 'eligibility');
  const date = asOf ?? ctx.today;
  const repo = ctx.repos.dynamicManagement;
  const enterpriseId = await ctx.repos.enterprises.idByUsccForBureau(usccArgument('uscc', uscc));
  // an applicant the hub has never seen: nothing on record, which the rule says in its basis
  const [revocations, checks] =
    enterpriseId === undefined
      ? [[], []]
      : await Promise.all([repo.revocationsOf(enterpriseId), repo.checksOfProducer(date, enterpriseId)]);
  const result = eligibilityToApply(date, { enterpriseOnRecord: enterpriseId !== undefined, revocations, checks });
  return {
    asOf: date,
    enterpriseOnRecord: enterpriseId !== undefined,
    basis: result.basis,
    eligibleOnRecords: result.eligibleOnRecords,
    exclusions: result.exclusions.map((e) => ({ rule: e.rule, article: e.article, reason: e.reason, lapsesOn: e.lapsesOn })),
    toConfirm: result.toConfirm.map((t) => `${t.article}: ${t.rule}`),
  };
}

export function listRectificationNotices(ctx: HubContext, args: NoticeArgs): Promise<ConnectionShape<RectificationNoticeRow>> {
  return ctx.repos.dynamicManagement.notices(args);
}

/** Not completed by its deadline as of a date (000 Art. 16(3)). */
export function noticeOverdue(ctx: HubContext, n: RectificationNoticeRow, asOf?: string): boolean {
  return rectificationOverdue(n, asOf ?? ctx.today);
}
