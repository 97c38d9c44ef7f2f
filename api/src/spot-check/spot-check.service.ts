import { SpotCheckSort, type ConnectionShape, type SpotCheckArgs, type SpotCheckFilter, type SpotCheckRow } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { cityCode, containsPattern } from '../graphql/filters.ts';
import { paginate, type SortSpec } from '../graphql/paging.ts';
import { Where } from '../graphql/sql.ts';
import { SC_COUNTED, SC_IDENTITY_PUBLIC, spotCheckColumns, spotCheckFrom, spotCheckVisible } from '../graphql/visibility.ts';

const SORTS: Record<SpotCheckSort, Omit<SortSpec, 'direction'>> = {
  [SpotCheckSort.REPORT_DATE]: { expr: 'sc.report_date', field: 'reportDate', type: 'date' },
  [SpotCheckSort.REPORT_NO]: { expr: 'sc.report_no', field: 'reportNo', type: 'text' },
  [SpotCheckSort.PRODUCT_CATEGORY]: { expr: 'sc.product_category', field: 'productCategory', type: 'text' },
};

/**
 * The WHERE clause for a filter, as the viewer may apply it. `$1` is today. `listed`: the rows a
 * list may show; `counted`: the rows the published statistics count (the same for every viewer).
 */
export function spotCheckWhere(ctx: HubContext, filter: SpotCheckFilter = {}, scope: 'listed' | 'counted' | 'lookup' = 'listed'): Where {
  const where = new Where([ctx.today]);
  where.add(scope === 'counted' ? SC_COUNTED : spotCheckVisible(ctx.viewer, scope));
  if (filter.checkTypes?.length) where.add('sc.check_type = ANY(?)', filter.checkTypes);
  where.maybe(filter.conclusion, 'sc.conclusion = ?');
  where.maybe(filter.severity, 'sc.severity = ?');
  if (filter.city) where.add('sc.city_code = ?', cityCode(filter.city));
  where.maybe(filter.productCategory, 'sc.product_category = ?');
  where.maybe(filter.reportDateFrom, 'sc.report_date >= ?::date');
  where.maybe(filter.reportDateTo, 'sc.report_date <= ?::date');
  where.maybe(filter.reportNo, 'sc.report_no = ?');
  if (filter.certifiedOnly) where.add(ctx.viewer.bureau ? 'sc.certified_item_id IS NOT NULL' : `sc.certified_item_id IS NOT NULL AND ${SC_IDENTITY_PUBLIC}`);
  if (filter.producerUscc) {
    where.add(`sc.producer_id IN (SELECT id FROM enterprise WHERE uscc = ?)`, filter.producerUscc.trim().toUpperCase());
    if (!ctx.viewer.bureau) where.add(SC_IDENTITY_PUBLIC);
  }
  if (filter.status) {
    where.add(`EXISTS (SELECT 1 FROM case_period p WHERE p.spot_check_id = sc.id AND p.status = ?
      AND p.valid_from <= ?::date AND (p.valid_until IS NULL OR p.valid_until > ?::date))`,
      filter.status, filter.asOf ?? ctx.today, filter.asOf ?? ctx.today);
  }
  if (filter.text) {
    const pattern = containsPattern(filter.text, 'filter.text');
    const producer = ctx.viewer.bureau ? 'sc.producer_name' : `CASE WHEN ${SC_IDENTITY_PUBLIC} THEN sc.producer_name END`;
    where.add(`(sc.product_name ILIKE ? OR sc.product_category ILIKE ? OR sc.trademark ILIKE ? OR sc.model_spec ILIKE ?
      OR sc.production_batch ILIKE ? OR sc.task_name ILIKE ? OR ${producer} ILIKE ?)`,
      pattern, pattern, pattern, pattern, pattern, pattern, pattern);
  }
  return where;
}

export function listSpotChecks(ctx: HubContext, args: SpotCheckArgs): Promise<ConnectionShape<SpotCheckRow>> {
  return paginate<SpotCheckRow>(ctx.sql, {
    from: spotCheckFrom('$1'),
    select: spotCheckColumns(ctx.viewer),
    where: spotCheckWhere(ctx, args.filter),
    sort: { ...SORTS[args.sort ?? SpotCheckSort.REPORT_DATE], direction: args.direction ?? 'DESC' },
    idExpr: 'sc.id',
    args,
  });
}

export async function spotCheckByReportNo(ctx: HubContext, reportNo: string): Promise<SpotCheckRow | null> {
  const where = spotCheckWhere(ctx, { reportNo: reportNo.trim() }, 'lookup');
  const [row] = await ctx.sql.query<SpotCheckRow>(`SELECT ${spotCheckColumns(ctx.viewer)} FROM ${spotCheckFrom('$1')} ${where}`, where.params);
  return row ?? null;
}
