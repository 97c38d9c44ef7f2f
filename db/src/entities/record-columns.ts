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
