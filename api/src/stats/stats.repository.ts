/**
 * Statistics of spot-check results: final results only, passes included (003 Art. 27(1)) —
 * the rows case state marks `counted`, the same for every viewer.
 */
import { StatsDimension, type SpotCheckFilter, type YearCount } from '@hub/schema';
import type { Queryable } from '@hub/db';
import DataLoader from 'dataloader';
import { Repository } from '../repository/repository.ts';
import { SC_FAILED, spotCheckFrom, spotCheckWhere } from '../spot-check/spot-check.repository.ts';

/** The SQL expression each statistics dimension groups spot checks (alias sc) by. */
export const GROUP: Record<StatsDimension, string> = {
  [StatsDimension.city]: 'sc.city_code',
  [StatsDimension.industry]: '(SELECT ci.industry_code FROM certified_item ci WHERE ci.id = sc.certified_item_id)',
  [StatsDimension.productCategory]: 'sc.product_category',
  [StatsDimension.checkType]: 'sc.check_type',
  [StatsDimension.year]: `to_char(sc.report_date, 'YYYY')`,
  [StatsDimension.month]: `to_char(sc.report_date, 'YYYY-MM')`,
};

export interface StatRow {
  key: string | null;
  checked: number;
  failed: number;
}

export class StatsRepository extends Repository {
  spotCheckStats(by: StatsDimension, filter?: SpotCheckFilter): Promise<StatRow[]> {
    const where = spotCheckWhere(this.viewer, this.today, filter, 'counted');
    return this.db.query<StatRow>(
      `SELECT ${GROUP[by]} AS key, count(*) AS checked,
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
          `SELECT sc.batch_id AS "batchId", ${GROUP[by]} AS key, count(*) AS checked,
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

/** Upper bounds of the lists without paging (graphql/list-sizes.ts prices queries with them): all rows, not what a viewer sees. */
export async function countListSizes(db: Queryable): Promise<ListSizeCounts> {
  const [row] = await db.query<Record<keyof ListSizeCounts, number>>(`SELECT
    (SELECT count(*) FROM certified_item)::int AS "certifiedItems",
    (SELECT count(*) FROM industry)::int AS industries,
    (SELECT count(*) FROM city)::int AS cities,
    (SELECT count(DISTINCT product_category) FROM spot_check)::int AS "productCategories",
    (SELECT count(DISTINCT date_trunc('year', report_date)) FROM spot_check)::int AS years,
    (SELECT count(DISTINCT date_trunc('month', report_date)) FROM spot_check)::int AS months,
    (SELECT count(DISTINCT round) FROM certified_item)::int AS rounds`);
  return row;
}
