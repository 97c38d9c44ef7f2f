import { defineEntity, p } from '@mikro-orm/core';

/**
 * What the public data is at: one row, moved on inside every transaction that changes what the
 * public sees (a publish, a calendar import, the day's refresh; api/src/live/changes.ts). Every
 * API process keys its cached public answers by it — the response cache in Redis is shared, so
 * the processes must agree on the key, and a replica shows the new value exactly when it shows
 * the change. `epoch` tells databases apart (a reset, another hub on the same Redis); `n` only grows.
 */
const DataGenerationSchema = defineEntity({
  name: 'DataGeneration',
  tableName: 'data_generation',
  properties: {
    /** always 1: the table has one row */
    id: p.smallint().primary().autoincrement(false),
    epoch: p.uuid().defaultRaw('gen_random_uuid()'),
    n: p.bigint('number').defaultRaw('0'),
    changedAt: p.datetime().defaultRaw('now()'),
  },
});
export class DataGeneration extends DataGenerationSchema.class {}
DataGenerationSchema.setClass(DataGeneration);
