/**
 * The statistics aggregate (db stats_cell, stats_aggregate): the counts of spot-check results per
 * combination of what the statistics group and filter by, as of one day, kept exact by being
 * rebuilt inside every transaction that changes what the public sees — `refreshStatistics`, called
 * by a publish, a calendar import and the day's refresh (after `notifyChanged`, so it is stamped
 * with the data generation it was built for). A statistic is answered from it only while it is
 * fresh: built for the data generation the database shows, and for a day range that contains the
 * day asked (no case period starts or ends in between, so every result's state is the same on all
 * those days). Otherwise — and for filters it does not keep (free text, report number, producer,
 * report dates inside a month, a status on another day) — the statistic is a full count of the
 * results (stats.repository.ts), which is also what the tests compare it with.
 *
 * Cubes (the `cube` column; each keeps some columns, the others null). The smallest that holds
 * what a question groups and filters by answers it (`cubeFor`); a question no cube holds (two rare
 * dimensions at once, 不符合项) is a full count. Each cube also keeps month, check type, state and
 * whether the result failed:
 *   1  city                        5  city, sampling stage, platform
 *   2  product category            6  city, testing agency
 *   3  city, product category      7  city, industry, producer's size, identity public, certified item
 *   4  city, severity, conclusion  8  city, case status
 */
import { transaction, type Queryable } from '@hub/db';
import type { PlainDate } from '@hub/db/plain-date';
import { PENDING_STATUSES } from '../rules/case-timeline/statuses.ts';
import { literalList } from '../repository/where.ts';
import { SC_FAILED, SC_ITEM_AND_PRODUCER_JOINS, spotCheckFrom } from '../spot-check/spot-check.repository.ts';

/**
 * Why a result is counted or not, as of the day of `now_` (its case period): counted (final,
 * 003 Art. 27(1)), pending (not final yet, Art. 5–11), withdrawn (Art. 13–14), uncomputed (the
 * rules have not computed its case yet: neither listed nor counted, the safe side), other.
 */
export const SC_STATE = `CASE WHEN now_.spot_check_id IS NULL THEN 'uncomputed' WHEN now_.counted THEN 'counted'
  WHEN now_.status = 'withdrawn' THEN 'withdrawn' WHEN now_.status IN ${literalList([...PENDING_STATUSES])} THEN 'pending' ELSE 'other' END`;

const BASE = ['month', 'check_type', 'state', 'failed'];
const cube = (id: number, ...columns: string[]) => ({ id, columns: new Set([...BASE, ...columns]) as ReadonlySet<string> });
/** The columns each cube keeps, smallest first. */
export const CUBES: ReadonlyArray<{ id: number; columns: ReadonlySet<string> }> = [
  cube(1, 'city_code'),
  cube(2, 'product_category'),
  cube(3, 'city_code', 'product_category'),
  cube(4, 'city_code', 'severity', 'conclusion'),
  cube(5, 'city_code', 'sampling_stage', 'platform'),
  cube(6, 'city_code', 'testing_agency'),
  cube(7, 'city_code', 'industry_code', 'enterprise_size', 'identity_public', 'certified'),
  cube(8, 'city_code', 'status'),
];
const COLUMNS = [...new Set(CUBES.flatMap((c) => [...c.columns]))];
const NOT_NULL = new Set(['identity_public', 'certified']);
/** Columns whose grouping bits tell the cubes apart (GROUPING(...) in the rebuild). */
const DISTINCT = ['city_code', 'product_category', 'severity', 'sampling_stage', 'testing_agency', 'industry_code', 'status'];
const bitsOf = (columns: ReadonlySet<string>) =>
  DISTINCT.reduce((bits, column, i) => bits | (columns.has(column) ? 0 : 1 << (DISTINCT.length - 1 - i)), 0);

/** The smallest cube that keeps all of `columns`; null when none does. */
export function cubeFor(columns: Iterable<string>): number | null {
  const needed = [...columns];
  return CUBES.find((c) => needed.every((column) => c.columns.has(column)))?.id ?? null;
}

/** Every result with the values the cubes keep, as of `$1`. */
const FACTS = `SELECT sc.id, date_trunc('month', sc.report_date)::date AS month, sc.check_type, sc.city_code, sc.product_category,
    sc.severity, sc.conclusion, sc.sampling_stage, sc.platform, sc.testing_agency,
    ci.industry_code, e.size AS enterprise_size,
    now_.status, ${SC_STATE} AS state, ${SC_FAILED} AS failed, coalesce(now_.identity_public, false) AS identity_public,
    sc.certified_item_id IS NOT NULL AS certified
  FROM ${spotCheckFrom('$1')} ${SC_ITEM_AND_PRODUCER_JOINS}`;

export interface StatisticsRefresh {
  cells: number;
  validFrom: PlainDate | null;
  validUntil: PlainDate | null;
  ms: number;
}

/**
 * Rebuilds the aggregate as of `today`, inside the caller's transaction (after its notifyChanged,
 * so it is stamped with the generation the transaction commits). Concurrent rebuilds queue on
 * the stats_aggregate row.
 */
export async function refreshStatistics(tx: Queryable, today: PlainDate): Promise<StatisticsRefresh> {
  const started = Date.now();
  await tx.query('SELECT id FROM stats_aggregate WHERE id = 1 FOR UPDATE');
  await tx.execute('DELETE FROM stats_cell');
  const sets = CUBES.map((c) => `(${[...c.columns].join(', ')})`);
  const which = `CASE GROUPING(${DISTINCT.join(', ')}) ${CUBES.map((c) => `WHEN ${bitsOf(c.columns)} THEN ${c.id}`).join(' ')} END`;
  const cells = await tx.execute(
    `WITH f AS (${FACTS})
     INSERT INTO stats_cell (cube, ${COLUMNS.join(', ')}, n)
     SELECT ${which}, ${COLUMNS.map((c) => (NOT_NULL.has(c) ? `coalesce(${c}, false)` : c)).join(', ')}, count(*)
     FROM f GROUP BY GROUPING SETS (${sets.join(', ')}) ORDER BY 1, month`,
    [today],
  );
  // the days every result's case period stays the one of `today`
  const [range] = await tx.query<{ validFrom: PlainDate | null; validUntil: PlainDate | null }>(
    `SELECT to_char(greatest((SELECT max(valid_from) FROM case_period WHERE valid_from <= $1::date),
                             (SELECT max(valid_until) FROM case_period WHERE valid_until <= $1::date)), 'YYYY-MM-DD') AS "validFrom",
            to_char(least((SELECT min(valid_from) FROM case_period WHERE valid_from > $1::date),
                          (SELECT min(valid_until) FROM case_period WHERE valid_until > $1::date)), 'YYYY-MM-DD') AS "validUntil"`,
    [today],
  );
  await tx.execute(
    `UPDATE stats_aggregate SET as_of = $1::date, valid_from = $2::date, valid_until = $3::date,
       generation = (SELECT n FROM data_generation WHERE id = 1), cells = $4, built_at = now() WHERE id = 1`,
    [today, range.validFrom, range.validUntil, cells],
  );
  return { cells, validFrom: range.validFrom, validUntil: range.validUntil, ms: Date.now() - started };
}

/** SQL condition: the aggregate holds for day `$todayParam` and the data as the database shows it. */
export function statisticsFresh(todayParam: string): string {
  return `(SELECT s.generation = g.n AND (s.valid_from IS NULL OR s.valid_from <= ${todayParam}::date)
      AND (s.valid_until IS NULL OR ${todayParam}::date < s.valid_until)
    FROM stats_aggregate s, data_generation g WHERE s.id = 1 AND g.id = 1 AND s.as_of IS NOT NULL)`;
}

/**
 * A process that starts (the hub, `pnpm hub sample`): builds the aggregate if it is not fresh for
 * `today` — after a restore, a migration, a sample load, or a day the hub was not running for.
 * Changes no public answer, so no new data generation. Returns null when it was fresh.
 */
export async function ensureStatistics(db: Queryable, today: PlainDate): Promise<StatisticsRefresh | null> {
  return transaction(db, async () => {
    const [row] = await db.query<{ fresh: boolean | null }>(`SELECT ${statisticsFresh('$1')} AS fresh`, [today]);
    if (row?.fresh) return null;
    return refreshStatistics(db, today);
  });
}
