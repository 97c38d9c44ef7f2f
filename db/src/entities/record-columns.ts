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
 * the index serves queries of three characters or more.
 */
export const SEARCH_COLUMNS = {
  spot_check: ['product_name', 'trademark', 'model_spec', 'production_batch'],
  enterprise: ['name'],
  certified_item: ['name'],
} as const;

export function trigramIndexes(table: keyof typeof SEARCH_COLUMNS) {
  return SEARCH_COLUMNS[table].map((column) => ({
    name: `${table}_${column}_trgm`,
    expression: `create index "${table}_${column}_trgm" on "${table}" using gin ("${column}" gin_trgm_ops)`,
  }));
}
