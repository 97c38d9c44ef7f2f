/**
 * Statistics of spot-check results: final results only, passes included (003 Art. 27(1)) —
 * the rows case state marks `counted`. What a public statistic may say follows the aggregate
 * policy (docs/API.md): it tells no more about one result than that result's own page does.
 * So for an anonymous viewer a result is attributed to its certified item's industry only where
 * its producer may be named (the API returns `certifiedItem: null` otherwise), and a statistic
 * narrowed to one producer counts only that producer's listed results.
 */
import { StatsDimension, type SpotCheckFilter, type YearCount } from '@hub/schema';
import type { Queryable } from '@hub/db';
import DataLoader from 'dataloader';
import { cityCode } from '../graphql/filters.ts';
import { Repository } from '../repository/repository.ts';
import { Where } from '../repository/where.ts';
import type { Viewer } from '../access/access.service.ts';
import {
  SC_COUNTED,
  SC_FAILED,
  SC_IDENTITY_PUBLIC,
  SC_PUBLISHED,
  SC_PRODUCER_SIZE,
  scItemsJoin,
  spotCheckFrom,
  spotCheckWhere,
} from '../spot-check/spot-check.repository.ts';
import { SC_STATE, cubeFor, statisticsFresh } from './stats-aggregate.ts';

/** The SQL expression each statistics dimension groups spot checks (alias sc) by, in a full count. */
export const GROUP: Record<StatsDimension, string> = {
  [StatsDimension.city]: 'sc.city_code',
  [StatsDimension.industry]: '(SELECT ci.industry_code FROM certified_item ci WHERE ci.id = sc.certified_item_id)',
  [StatsDimension.productCategory]: 'sc.product_category',
  [StatsDimension.checkType]: 'sc.check_type',
  [StatsDimension.year]: `to_char(sc.report_date, 'YYYY')`,
  [StatsDimension.month]: `to_char(sc.report_date, 'YYYY-MM')`,
  [StatsDimension.severity]: 'sc.severity',
  [StatsDimension.samplingStage]: 'sc.sampling_stage',
  [StatsDimension.platform]: 'sc.platform',
  [StatsDimension.enterpriseSize]: SC_PRODUCER_SIZE,
  [StatsDimension.testingAgency]: 'sc.testing_agency',
  // joined (ni): a result counts once per item, once with null when it has none
  [StatsDimension.nonconformingItem]: 'ni.item',
};

/**
 * Dimensions that describe the producer: for an anonymous viewer a result is attributed to one
 * only where its producer may be named (003 Art. 15, 27(4)–(5)), else to the null group.
 */
const PRODUCER_DIMENSIONS: ReadonlySet<StatsDimension> = new Set([StatsDimension.industry, StatsDimension.enterpriseSize]);

/** The grouping expression for a viewer: the producer's attributes only where the result may name its producer. */
export function groupBy(by: StatsDimension, viewer: Viewer): string {
  if (PRODUCER_DIMENSIONS.has(by) && !viewer.bureau) return `CASE WHEN ${SC_IDENTITY_PUBLIC} THEN ${GROUP[by]} END`;
  return GROUP[by];
}

/** The same dimensions over the aggregate's cells (alias c), and the columns of the cells each reads (stats-aggregate.ts). */
const CELL: Record<StatsDimension, { expr: string; columns: string[] }> = {
  [StatsDimension.city]: { expr: 'c.city_code', columns: ['city_code'] },
  [StatsDimension.checkType]: { expr: 'c.check_type', columns: ['check_type'] },
  [StatsDimension.year]: { expr: `to_char(c.month, 'YYYY')`, columns: ['month'] },
  [StatsDimension.month]: { expr: `to_char(c.month, 'YYYY-MM')`, columns: ['month'] },
  [StatsDimension.productCategory]: { expr: 'c.product_category', columns: ['product_category'] },
  [StatsDimension.industry]: { expr: 'c.industry_code', columns: ['industry_code', 'identity_public'] },
  [StatsDimension.severity]: { expr: 'c.severity', columns: ['severity'] },
  [StatsDimension.samplingStage]: { expr: 'c.sampling_stage', columns: ['sampling_stage'] },
  [StatsDimension.platform]: { expr: 'c.platform', columns: ['platform'] },
  [StatsDimension.enterpriseSize]: { expr: 'c.enterprise_size', columns: ['enterprise_size', 'identity_public'] },
  [StatsDimension.testingAgency]: { expr: 'c.testing_agency', columns: ['testing_agency'] },
  // no cube keeps the items: by 不符合项 is a full count
  [StatsDimension.nonconformingItem]: { expr: 'c.item', columns: ['item'] },
};

function cellGroupBy(by: StatsDimension, viewer: Viewer): string {
  const { expr } = CELL[by];
  if (viewer.bureau) return expr;
  if (PRODUCER_DIMENSIONS.has(by)) return `CASE WHEN c.identity_public THEN ${expr} END`;
  return expr;
}

/** The most dimensions one statistic groups by, and the most groups it answers (a larger one is refused: narrow the filter). */
export const MAX_STAT_DIMENSIONS = 4;
export const MAX_STAT_GROUPS = 2_000;

export interface StatRow {
  key: string | null;
  checked: number;
  failed: number;
}

/** One group of a statistic and the state of its results: counted, or why not (stats-aggregate.ts SC_STATE). */
export interface StatCell {
  keys: (string | null)[];
  state: string;
  checked: number;
  failed: number;
}

export interface StatCells {
  answeredFrom: 'aggregate' | 'fullCount';
  /** in the order of the keys (PostgreSQL's), then state */
  cells: StatCell[];
}

const isFirstOfMonth = (d: string) => d.endsWith('-01');
const isLastOfMonth = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate() === day;
};

export class StatsRepository extends Repository {
  /** The published statistic by one dimension: the counted groups only (the old shape of spotCheckStats). */
  async spotCheckStats(by: StatsDimension, filter?: SpotCheckFilter): Promise<StatRow[]> {
    const { cells } = await this.statistics([by], filter);
    return cells.filter((c) => c.state === 'counted').map((c) => ({ key: c.keys[0], checked: c.checked, failed: c.failed }));
  }

  /** A statistic over several dimensions, every state: from the aggregate when it holds the filter and is fresh, else a full count. */
  async statistics(dimensions: StatsDimension[], filter: SpotCheckFilter = {}): Promise<StatCells> {
    return (await this.fromAggregate(dimensions, filter)) ?? { answeredFrom: 'fullCount', cells: await this.fullCount(dimensions, filter) };
  }

  /**
   * The full count: every result the filter matches, joined with its case period as of today,
   * grouped by the dimensions and its state. The reference the aggregate is tested against.
   */
  fullCount(dimensions: StatsDimension[], filter: SpotCheckFilter = {}): Promise<StatCell[]> {
    const where = spotCheckWhere(this.viewer, this.today, filter, 'all');
    // one producer's statistic: only what its page lists (passes are never listed, Art. 27(1)–(3))
    if (filter.producerUscc && !this.viewer.bureau) where.add(SC_PUBLISHED);
    const keys = dimensions.map((d) => groupBy(d, this.viewer));
    const items = dimensions.includes(StatsDimension.nonconformingItem) ? scItemsJoin(this.viewer) : '';
    const groups = [...keys.map((_, i) => `k${i}`), 'state'];
    return this.cellsOf(
      `SELECT ${keys.map((k, i) => `${k} AS k${i}`).join(', ')}${keys.length ? ',' : ''} ${SC_STATE} AS state,
         count(*)::int AS checked, (count(*) FILTER (WHERE ${SC_FAILED}))::int AS failed
       FROM ${spotCheckFrom('$1')} ${items} ${where} GROUP BY ${groups.join(', ')} ORDER BY ${groups.join(', ')}`,
      where.params,
      dimensions.length,
    );
  }

  /** The statistic from the aggregate; null when the aggregate does not keep the filter or is not fresh for today. */
  async fromAggregate(dimensions: StatsDimension[], filter: SpotCheckFilter = {}): Promise<StatCells | null> {
    const where = new Where([this.today]);
    const columns = new Set(dimensions.flatMap((d) => CELL[d].columns));
    const reads = (...names: string[]) => {
      for (const n of names) columns.add(n);
    };
    if (filter.reportNo != null || filter.text != null || filter.producerUscc != null) return null;
    if (filter.status != null && filter.asOf != null && filter.asOf !== this.today) return null;
    if (filter.reportDateFrom != null && !isFirstOfMonth(filter.reportDateFrom)) return null;
    if (filter.reportDateTo != null && !isLastOfMonth(filter.reportDateTo)) return null;
    if (filter.checkTypes?.length) where.add('c.check_type = ANY(?)', filter.checkTypes);
    if (filter.city) {
      where.add('c.city_code = ?', cityCode(filter.city));
      reads('city_code');
    }
    if (filter.reportDateFrom) where.add('c.month >= ?::date', filter.reportDateFrom);
    if (filter.reportDateTo) where.add(`c.month <= date_trunc('month', ?::date)::date`, filter.reportDateTo);
    if (filter.certifiedOnly) {
      where.add(this.viewer.bureau ? 'c.certified' : 'c.certified AND c.identity_public');
      reads('certified', 'identity_public');
    }
    for (const [value, column] of [
      [filter.productCategory, 'product_category'],
      [filter.conclusion, 'conclusion'],
      [filter.severity, 'severity'],
      [filter.status, 'status'],
    ] as const) {
      if (value == null) continue;
      where.add(`c.${column} = ?`, value);
      reads(column);
    }
    const cube = cubeFor(columns);
    if (cube == null) return null;
    where.add(`c.cube = ${cube}`);
    const keys = dimensions.map((d) => cellGroupBy(d, this.viewer));
    const groups = [...keys.map((_, i) => `k${i}`), 'state'];
    const rows = await this.db.query<Record<string, unknown> & { fresh: boolean | null }>(
      `SELECT fresh.ok AS fresh, g.* FROM (SELECT ${statisticsFresh('$1')} AS ok) fresh LEFT JOIN LATERAL (
         SELECT ${keys.map((k, i) => `${k} AS k${i}`).join(', ')}${keys.length ? ',' : ''} c.state,
           sum(c.n)::int AS checked, (sum(c.n) FILTER (WHERE c.failed))::int AS failed
         FROM stats_cell c ${where} AND fresh.ok GROUP BY ${groups.join(', ')}) g ON true
       ORDER BY ${groups.map((g) => `g.${g}`).join(', ')}`,
      where.params,
    );
    if (!rows[0]?.fresh) return null;
    return {
      answeredFrom: 'aggregate',
      cells: toCells(
        rows.filter((r) => r.state != null),
        dimensions.length,
      ),
    };
  }

  private async cellsOf(sql: string, params: unknown[], n: number): Promise<StatCell[]> {
    return toCells(await this.db.query<Record<string, unknown>>(sql, params), n);
  }

  /** Batch stats by dimension: one statement per dimension and request, whatever the page of batches. Key "dimension|batch id". */
  private readonly byBatchLoader = new DataLoader<string, StatRow[]>(async (keys) => {
    const byDimension = new Map<StatsDimension, number[]>();
    for (const key of keys) {
      const [by, id] = key.split('|') as [StatsDimension, string];
      if (!byDimension.has(by)) byDimension.set(by, []);
      byDimension.get(by)!.push(Number(id));
    }
    const found = new Map<string, StatRow[]>();
    await Promise.all(
      [...byDimension].map(async ([by, ids]) => {
        const where = spotCheckWhere(this.viewer, this.today, {}, 'counted').add('sc.batch_id = ANY(?)', ids);
        const rows = await this.db.query<StatRow & { batchId: number }>(
          `SELECT sc.batch_id AS "batchId", ${groupBy(by, this.viewer)} AS key, count(*) AS checked,
           count(*) FILTER (WHERE ${SC_FAILED}) AS failed
         FROM ${spotCheckFrom('$1')} ${by === StatsDimension.nonconformingItem ? scItemsJoin(this.viewer) : ''} ${where}
         GROUP BY 1, 2 ORDER BY 1, 2`,
          where.params,
        );
        for (const r of rows) {
          const key = `${by}|${r.batchId}`;
          if (!found.has(key)) found.set(key, []);
          found.get(key)!.push(r);
        }
      }),
    );
    return keys.map((k) => found.get(k) ?? []);
  });

  /** The same counts, restricted to the results a batch introduced. */
  byBatch(batchId: number, by: StatsDimension): Promise<StatRow[]> {
    return this.byBatchLoader.load(`${by}|${batchId}`);
  }

  revocationsPerYear(): Promise<YearCount[]> {
    return this.db.query<YearCount>(
      `SELECT extract(year FROM decided_on)::int AS year, count(*) AS count FROM revocation GROUP BY 1 ORDER BY 1`,
    );
  }

  warningsPerYear(): Promise<YearCount[]> {
    return this.db.query<YearCount>(
      `SELECT extract(year FROM published_on)::int AS year, count(*) AS count FROM consumer_warning GROUP BY 1 ORDER BY 1`,
    );
  }
}

function toCells(rows: Record<string, unknown>[], n: number): StatCell[] {
  return rows.map((r) => ({
    keys: Array.from({ length: n }, (_, i) => (r[`k${i}`] ?? null) as string | null),
    state: r.state as string,
    checked: Number(r.checked ?? 0),
    failed: Number(r.failed ?? 0),
  }));
}

export interface ListSizeCounts {
  certifiedItems: number;
  industries: number;
  cities: number;
  productCategories: number;
  years: number;
  months: number;
  rounds: number;
}

/**
 * The sizes of the lists without paging (graphql/list-sizes.ts prices queries with them). Every
 * answer reports its cost, so these count only what the public may count: the results the
 * statistics count as of `today`.
 */
export async function countListSizes(db: Queryable, today: string): Promise<ListSizeCounts> {
  const [row] = await db.query<Record<keyof ListSizeCounts, number>>(
    `WITH counted AS (SELECT sc.product_category, sc.report_date FROM ${spotCheckFrom('$1')} WHERE ${SC_COUNTED})
    SELECT
    (SELECT count(*) FROM certified_item)::int AS "certifiedItems",
    (SELECT count(*) FROM industry)::int AS industries,
    (SELECT count(*) FROM city)::int AS cities,
    (SELECT count(DISTINCT product_category) FROM counted)::int AS "productCategories",
    (SELECT count(DISTINCT date_trunc('year', report_date)) FROM counted)::int AS years,
    (SELECT count(DISTINCT date_trunc('month', report_date)) FROM counted)::int AS months,
    (SELECT count(DISTINCT round) FROM certified_item)::int AS rounds`,
    [today],
  );
  return row;
}
