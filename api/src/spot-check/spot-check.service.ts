import type { CaseDeadline, CaseEventRow, CaseStatus, ConnectionShape, Disclosure, SpotCheckArgs, SpotCheckRow } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { CASE_STATUS_LABELS, type CaseStatus as CaseStatusCode } from '../rules/case-timeline.ts';
import { deadlineOn } from '../rules/overdue.ts';
import { compareDates } from '@hub/db/plain-date';

export function listSpotChecks(ctx: HubContext, args: SpotCheckArgs): Promise<ConnectionShape<SpotCheckRow>> {
  return ctx.repos.spotChecks.list(args);
}

export function spotCheckByReportNo(ctx: HubContext, reportNo: string): Promise<SpotCheckRow | null> {
  return ctx.repos.spotChecks.byReportNo(reportNo.trim());
}

/**
 * The case's deadlines as of the date asked (default today): those begun by then, each with
 * what was met and what was overdue that day (rules/overdue.ts).
 */
export async function deadlines(ctx: HubContext, sc: SpotCheckRow, asOf?: string): Promise<CaseDeadline[]> {
  const date = asOf ?? ctx.today;
  return (await ctx.repos.spotChecks.deadlines(sc.dbId))
    .filter((d) => compareDates(d.startsOn, date) <= 0)
    .map((d) => {
      const on = deadlineOn(d, date);
      return { ...on, notRecorded: on.metOn === null };
    });
}

/** Where the case stands on a date (default today); null before the report date. */
export async function caseStatus(ctx: HubContext, sc: SpotCheckRow, asOf?: string): Promise<CaseStatus | null> {
  const date = asOf ?? ctx.today;
  // today's period came with the row (spotCheckColumns); another day's is looked up
  const period =
    date === ctx.today
      ? sc.periodStatus === null
        ? null
        : { status: sc.periodStatus, statusSince: sc.statusSince!, effectiveConclusion: sc.effectiveConclusion }
      : await ctx.repos.spotChecks.period(sc.dbId, date);
  if (!period) return null;
  return {
    status: period.status,
    label: CASE_STATUS_LABELS[period.status as CaseStatusCode] ?? period.status,
    asOf: date,
    since: period.statusSince,
    effectiveConclusion: period.effectiveConclusion,
  };
}

/** What the public sees of the result today, and why (003 Art. 15, 26–27): read from its case period. */
export function disclosure(sc: SpotCheckRow): Disclosure {
  return {
    published: sc.published,
    identityPublic: sc.identityPublic,
    identityBasis: sc.identityBasis ?? (sc.conclusion === 'pass' ? 'not_applicable' : null),
    correction: sc.correction,
    publishedOn: sc.published ? sc.publicSince : null,
  };
}

/** 说明 of a case event: for bureau tokens only, since it may name the parties. */
export function eventNote(ctx: HubContext, event: CaseEventRow): string | null {
  return ctx.viewer.bureau ? event.note : null;
}
