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
import { Repository } from '../repository/repository.ts';
import type { Viewer } from '../access/access.service.ts';
import {
  SC_COUNTED,
  SC_FAILED,
  SC_IDENTITY_PUBLIC,
  SC_PUBLISHED,
  spotCheckFrom,
  spotCheckWhere,
} from '../spot-check/spot-check.repository.ts';

/** The SQL expression each statistics dimension groups spot checks (alias sc) by. */
export const GROUP: Record<StatsDimension, string> = {
  [StatsDimension.city]: 'sc.city_code',
  [StatsDimension.industry]: '(SELECT ci.industry_code FROM certified_item ci WHERE ci.id = sc.certified_item_id)',
  [StatsDimension.productCategory]: 'sc.product_category',
  [StatsDimension.checkType]: 'sc.check_type',
  [StatsDimension.year]: `to_char(sc.report_date, 'YYYY')`,
  [StatsDimension.month]: `to_char(sc.report_date, 'YYYY-MM')`,
};

/** The grouping expression for a viewer: the industry only where the result may name its certified item. */
export function groupBy(by: StatsDimension, viewer: Viewer): string {
  if (by === StatsDimension.industry && !viewer.bureau) return `CASE WHEN ${SC_IDENTITY_PUBLIC} THEN ${GROUP[by]} END`;
  return GROUP[by];
}

export interface StatRow {
  key: string | null;
  checked: number;
  failed: number;
}

export class StatsRepository extends Repository {
  spotCheckStats(by: StatsDimension, filter?: SpotCheckFilter): Promise<StatRow[]> {
    const where = spotCheckWhere(this.viewer, this.today, filter, 'counted');
    // one producer's statistic: only what its page lists (passes are never listed, Art. 27(1)–(3))
    if (filter?.producerUscc && !this.viewer.bureau) where.add(SC_PUBLISHED);
    return this.db.query<StatRow>(
      `SELECT ${groupBy(by, this.viewer)} AS key, count(*) AS checked,
         count(*) FILTER (WHERE ${SC_FAILED}) AS failed
       FROM ${spotCheckFrom('$1')} ${where} GROUP BY 1 ORDER BY 1`,
      where.params,
    );
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
         FROM ${spotCheckFrom('$1')} ${where} GROUP BY 1, 2 ORDER BY 1, 2`,
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
