import { CheckType, EnterpriseSize, HUBEI_CITIES, SamplingStage, Severity } from '@hub/db';
import {
  StatsDimension,
  type BatchRow,
  type SpotCheckFilter,
  type SpotCheckStat,
  type SpotCheckStatistics,
  type YearCount,
} from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { userError } from '../graphql/errors.ts';
import { MAX_STAT_DIMENSIONS, MAX_STAT_GROUPS, type StatRow } from './stats.repository.ts';

const cityNames = new Map(HUBEI_CITIES.map((c) => [c.code, c.name]));

/** The Chinese label of a code of each vocabulary dimension (db/src/vocabulary.ts); other dimensions are their own labels. */
const VOCABULARY: Partial<Record<StatsDimension, (code: string) => string | undefined>> = {
  [StatsDimension.city]: (code) => cityNames.get(code),
  [StatsDimension.checkType]: (code) => CheckType.find(code),
  [StatsDimension.severity]: (code) => Severity.find(code),
  [StatsDimension.samplingStage]: (code) => SamplingStage.find(code)?.longLabel,
  [StatsDimension.enterpriseSize]: (code) => EnterpriseSize.find(code),
};

type Labeller = (by: StatsDimension, key: string | null) => string | null;

/** Labels for the dimensions asked (the industries' names from the database, only when asked). */
async function labeller(ctx: HubContext, dimensions: StatsDimension[], industryCodes?: string[]): Promise<Labeller> {
  let industries: Map<string, string> | undefined;
  if (dimensions.includes(StatsDimension.industry)) {
    const rows = industryCodes ? await ctx.repos.reference.industriesByCode(industryCodes) : await ctx.repos.reference.industryNames();
    industries = new Map(rows.map((r) => [r.code, r.name]));
  }
  return (by, key) => {
    if (key == null) return null;
    const label = by === StatsDimension.industry ? industries?.get(key) : VOCABULARY[by]?.(key);
    return label ?? key;
  };
}

function withLabels(by: StatsDimension, rows: StatRow[], label: Labeller): SpotCheckStat[] {
  return rows.map(({ key, checked, failed }) => ({
    key,
    checked,
    failed,
    label: label(by, key),
    failureRate: checked ? failed / checked : null,
  }));
}

/** Why results are not counted, in Chinese (stats-aggregate.ts SC_STATE). */
const EXCLUSION_LABELS: Record<string, string> = {
  pending: '尚未生效（待送达、异议期内、异议处理或复检中）',
  withdrawn: '已撤回',
  uncomputed: '案件状态尚未计算',
  other: '其他',
};

/** Filter fields that keep an exclusion count coarse enough to tell an anonymous viewer (see SpotCheckStatistics.excluded). */
const COARSE_FILTER: ReadonlySet<string> = new Set(['checkTypes', 'reportDateFrom', 'reportDateTo']);

function coarse(filter: SpotCheckFilter | undefined): boolean {
  return Object.entries(filter ?? {}).every(
    ([field, value]) => COARSE_FILTER.has(field) || value == null || value === false || (Array.isArray(value) && value.length === 0),
  );
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
  return withLabels(by, rows, await labeller(ctx, [by]));
}

const rate = (failed: number, checked: number) => (checked ? failed / checked : null);

/**
 * A statistic over several dimensions (003 Art. 27(1): final results, passes included), with its
 * day, what it counts and what the filter matched that it does not count.
 */
export async function spotCheckStatistics(
  ctx: HubContext,
  dimensions: StatsDimension[],
  filter?: SpotCheckFilter,
): Promise<SpotCheckStatistics> {
  checkStatisticsFilter(ctx, filter);
  if (new Set(dimensions).size !== dimensions.length) throw userError('BAD_USER_INPUT', 'dimensions: each dimension at most once.');
  if (dimensions.length > MAX_STAT_DIMENSIONS) throw userError('BAD_USER_INPUT', `dimensions: at most ${MAX_STAT_DIMENSIONS}.`);
  const stats = ctx.repos.stats;
  const answer = await stats.statistics(dimensions, filter);
  // a result counts in each of its items' groups: the totals come from the results themselves
  const whole = dimensions.includes(StatsDimension.nonconformingItem) ? (await stats.statistics([], filter)).cells : answer.cells;
  const label = await labeller(ctx, dimensions);
  const counted = answer.cells.filter((c) => c.state === 'counted').length;
  if (counted > MAX_STAT_GROUPS) {
    throw userError(
      'BAD_USER_INPUT',
      `dimensions: ${counted} groups, more than the ${MAX_STAT_GROUPS} one answer gives; narrow the filter or ask for fewer dimensions.`,
    );
  }
  const groups = answer.cells
    .filter((c) => c.state === 'counted')
    .map((c) => ({
      keys: c.keys.map((key, i) => ({ dimension: dimensions[i], key, label: label(dimensions[i], key) })),
      checked: c.checked,
      failed: c.failed,
      failureRate: rate(c.failed, c.checked),
    }));
  const totals = whole.filter((c) => c.state === 'counted');
  const checked = totals.reduce((n, c) => n + c.checked, 0);
  const failed = totals.reduce((n, c) => n + c.failed, 0);
  const byReason = new Map<string, number>();
  for (const c of whole) if (c.state !== 'counted') byReason.set(c.state, (byReason.get(c.state) ?? 0) + c.checked);
  const told = ctx.viewer.bureau || coarse(filter);
  return {
    asOf: ctx.today,
    counts:
      `最终结果（含合格，003 Art. 27(1)），截至 ${ctx.today}；不合格 = 现行结论为不合格（复检结论取代初检）。` +
      `Final results as of ${ctx.today}, passes included; a failure is a result whose conclusion in force is 不合格. ` +
      'Not counted: results not final yet (in the objection window, under objection, awaiting a re-test), withdrawn ones, and those whose case state is not computed yet.',
    dimensions,
    checked,
    failed,
    failureRate: rate(failed, checked),
    excluded: told
      ? Object.keys(EXCLUSION_LABELS)
          .filter((reason) => reason !== 'other' || byReason.has(reason))
          .map((reason) => ({ reason, label: EXCLUSION_LABELS[reason], count: byReason.get(reason) ?? 0 }))
      : null,
    excludedNote: told
      ? null
      : 'Not told for a filter narrower than check types and report dates: a result that is not final is not published (003 Art. 26–27), and a narrow count could single one out.',
    answeredFrom: answer.answeredFrom,
    groups,
  };
}

/**
 * The same counting rule as spotCheckStats (final results only, passes included, 003 Art. 27(1)),
 * restricted to the results this batch introduced.
 */
export async function batchStats(ctx: HubContext, batch: BatchRow, by: StatsDimension): Promise<SpotCheckStat[]> {
  const rows = await ctx.repos.stats.byBatch(batch.dbId, by);
  return withLabels(
    by,
    rows,
    await labeller(
      ctx,
      [by],
      rows.flatMap((r) => (r.key ? [r.key] : [])),
    ),
  );
}

export function revocationsPerYear(ctx: HubContext): Promise<YearCount[]> {
  return ctx.repos.stats.revocationsPerYear();
}

export function warningsPerYear(ctx: HubContext): Promise<YearCount[]> {
  return ctx.repos.stats.warningsPerYear();
}
