import { p } from '@mikro-orm/core';
import { Batch } from './batch.ts';

/**
 * Columns every published record carries. `batch` introduced the record; `lastBatch` changed it
 * last. `version` starts at 1 and is raised by the database on every UPDATE, which must name its
 * batch (see the history triggers in db/migrations): a correction never overwrites silently, and
 * every version is kept in `record_history` with the batch and the reason.
 */
export function recordColumns() {
  return {
    batch: () => p.manyToOne(Batch).index(),
    lastBatch: () => p.manyToOne(Batch).nullable(),
    version: p.integer().default(1),
    createdAt: p.datetime().defaultRaw('now()'),
    updatedAt: p.datetime().defaultRaw('now()'),
  };
}

/**
 * GIN trigram indexes (pg_trgm, created by a migration) for ILIKE '%…%' searches on Chinese text:
 * PostgreSQL has no Chinese parser, and substring matching finds every occurrence (full recall);
 * the index serves queries of three characters or more. Spot checks have the gram index below instead.
 */
export const SEARCH_COLUMNS = {
  enterprise: ['name'],
  certified_item: ['name'],
} as const;

export function trigramIndexes(table: keyof typeof SEARCH_COLUMNS) {
  return SEARCH_COLUMNS[table].map((column) => ({
    name: `${table}_${column}_trgm`,
    expression: `create index "${table}_${column}_trgm" on "${table}" using gin ("${column}" gin_trgm_ops)`,
  }));
}

/**
 * The spot-check columns the public text search matches (`filter.text`, a substring of any of
 * them, case-insensitive). The producer's name is among them: the index holds it for every row,
 * and the query still names it only where the identity is public as of today (003 Art. 27(4)–(5)),
 * so the index narrows the rows and never decides what a client sees.
 */
export const SPOT_CHECK_TEXT_COLUMNS = [
  'product_name',
  'product_category',
  'trademark',
  'model_spec',
  'production_batch',
  'task_name',
  'producer_name',
] as const;

/**
 * SQL expression: every character and every two-character window of the lower-cased search
 * columns (`search_grams`, a function of the migration `search_grams`) — pg_bigm's idea in plain
 * PostgreSQL, since neither it nor a Chinese parser ships with PostgreSQL. A row whose column
 * contains the query (`ILIKE '%q%'`: `lower(q)` a substring of `lower(column)`) has every window
 * of `lower(q)` among these, so `grams @> search_query_grams(q)` never loses a row ILIKE finds,
 * for one character, two (电视, 茶杯) or more, Chinese, Latin or digits. The query keeps ILIKE as
 * the exact test. Must be written exactly as the index is for the planner to use it.
 */
export function spotCheckSearchGrams(alias?: string): string {
  return `search_grams(${SPOT_CHECK_TEXT_COLUMNS.map((c) => (alias ? `${alias}.${c}` : c)).join(', ')})`;
}

/**
 * The gram index covers the 不合格 results only — the only ones a public list shows (003 Art.
 * 27(3)); a 合格 result stays 合格 (effectiveConclusionOn). A tenth of the rows: a tenth of the
 * candidates to join with today's case period, of the build and of the upkeep at import.
 */
export const SPOT_CHECK_SEARCH_INDEX = {
  name: 'spot_check_search_grams',
  expression: `create index "spot_check_search_grams" on "spot_check" using gin ((${spotCheckSearchGrams()})) where conclusion = 'fail'`,
};
