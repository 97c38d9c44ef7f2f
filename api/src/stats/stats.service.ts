import { HUBEI_CITIES } from '@hub/db';
import { StatsDimension, type BatchRow, type SpotCheckFilter, type SpotCheckStat, type YearCount } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
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

/** Counts and failure rates of the published results by a dimension; a bureau token sees the same numbers. */
export async function spotCheckStats(ctx: HubContext, by: StatsDimension, filter?: SpotCheckFilter): Promise<SpotCheckStat[]> {
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
