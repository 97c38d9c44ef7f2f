import { HUBEI_CITIES } from '@hub/db';
import { StatsDimension, type BatchRow, type SpotCheckFilter, type SpotCheckStat, type YearCount } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { userError } from '../graphql/errors.ts';
import type { StatRow } from './stats.repository.ts';

const cityNames = new Map(HUBEI_CITIES.map((c) => [c.code, c.name]));

function withLabels(by: StatsDimension, rows: StatRow[], industries: Map<string, string> | undefined): SpotCheckStat[] {
  return rows.map(({ key, checked, failed }) => ({
    key,
    checked,
    failed,
    label: key == null ? null : ((by === StatsDimension.city ? cityNames.get(key) : industries?.get(key)) ?? key),
    failureRate: checked ? failed / checked : null,
  }));
}

/**
 * The aggregate policy's refusals (docs/API.md): a public statistic filtered by report number is
 * a statistic of one result, and one filtered by free text can be narrowed to one product; both
 * would tell what the result's page does not (a pass is never listed, a withheld producer's
 * certified item never named — 003 Art. 15, 27).
 */
export function checkStatisticsFilter(ctx: HubContext, filter: SpotCheckFilter | undefined): void {
  if (ctx.viewer.bureau || !filter) return;
  if (filter.reportNo != null) {
    throw userError(
      'BAD_USER_INPUT',
      'filter.reportNo: statistics are not given for one result. Look the result up with spotCheck(reportNo:) — a 合格 result is counted, never listed.',
    );
  }
  if (filter.text != null) {
    throw userError(
      'BAD_USER_INPUT',
      'filter.text: statistics cannot be narrowed by free text (it can single out one result). Filter by city, category, check type, dates or conclusion.',
    );
  }
}

/** Counts and failure rates of the published results by a dimension, as the aggregate policy allows the viewer. */
export async function spotCheckStats(ctx: HubContext, by: StatsDimension, filter?: SpotCheckFilter): Promise<SpotCheckStat[]> {
  checkStatisticsFilter(ctx, filter);
  const rows = await ctx.repos.stats.spotCheckStats(by, filter);
  const industries =
    by === StatsDimension.industry ? new Map((await ctx.repos.reference.industryNames()).map((r) => [r.code, r.name])) : undefined;
  return withLabels(by, rows, industries);
}

/**
 * The same counting rule as spotCheckStats (final results only, passes included, 003 Art. 27(1)),
 * restricted to the results this batch introduced.
 */
export async function batchStats(ctx: HubContext, batch: BatchRow, by: StatsDimension): Promise<SpotCheckStat[]> {
  const rows = await ctx.repos.stats.byBatch(batch.dbId, by);
  const industries =
    by === StatsDimension.industry
      ? new Map((await ctx.repos.reference.industriesByCode(rows.flatMap((r) => (r.key ? [r.key] : [])))).map((i) => [i.code, i.name]))
      : undefined;
  return withLabels(by, rows, industries);
}

export function revocationsPerYear(ctx: HubContext): Promise<YearCount[]> {
  return ctx.repos.stats.revocationsPerYear();
}

export function warningsPerYear(ctx: HubContext): Promise<YearCount[]> {
  return ctx.repos.stats.warningsPerYear();
}
