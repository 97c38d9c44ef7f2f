import { defineEntity, p } from '@mikro-orm/core';

/**
 * The statistics aggregate (api/src/stats/stats-aggregate.ts): counts of spot-check results per
 * combination of the values the statistics group and filter by, as of one day, so a statistic
 * sums a few hundred cells instead of joining every result with its case period. Derived, never
 * edited: rebuilt inside every transaction that changes what the public sees (a publish, a
 * calendar import, the day's refresh) and answered from only while it is fresh (`stats_aggregate`).
 *
 * Several cubes share the table (`cube`): each keeps only some columns (the others null), so the
 * common questions (by city, by category, by month over a year) sum a small cube and the rare
 * ones (by testing agency and severity) a larger one. `state` says whether the results count
 * (003 Art. 27(1)) or why not (pending, withdrawn, uncomputed).
 */
const StatsCellSchema = defineEntity({
  name: 'StatsCell',
  tableName: 'stats_cell',
  properties: {
    id: p.bigint('number').primary(),
    cube: p.smallint(),
    /** the first day of the report date's month */
    month: p.date(),
    checkType: p.string().length(40).nullable(),
    cityCode: p.string().length(6).nullable(),
    productCategory: p.string().length(100).nullable(),
    severity: p.string().length(20).nullable(),
    conclusion: p.string().length(10).nullable(),
    samplingStage: p.string().length(20).nullable(),
    platform: p.string().length(100).nullable(),
    testingAgency: p.string().length(200).nullable(),
    industryCode: p.string().length(4).nullable(),
    enterpriseSize: p.string().length(10).nullable(),
    /** the case status as of the aggregate's day */
    status: p.string().length(40).nullable(),
    /** counted, pending, withdrawn, uncomputed or other */
    state: p.string().length(12),
    failed: p.boolean(),
    identityPublic: p.boolean().default(false),
    certified: p.boolean().default(false),
    n: p.integer(),
  },
  indexes: [{ properties: ['cube', 'month'] }, { properties: ['cube', 'cityCode', 'month'] }],
});
export class StatsCell extends StatsCellSchema.class {}
StatsCellSchema.setClass(StatsCell);

/** One row: the day and data generation the aggregate was built for, and the days it holds for. */
const StatsAggregateSchema = defineEntity({
  name: 'StatsAggregate',
  tableName: 'stats_aggregate',
  properties: {
    /** always 1 */
    id: p.smallint().primary().autoincrement(false),
    /** the day it was computed as of */
    asOf: p.date().nullable(),
    /** it holds for every day in [validFrom, validUntil): no case period starts or ends in between; null = open */
    validFrom: p.date().nullable(),
    validUntil: p.date().nullable(),
    /** the data generation (data_generation.n) it was computed for: any other means stale */
    generation: p.bigint('number').nullable(),
    cells: p.integer().default(0),
    builtAt: p.datetime().nullable(),
  },
});
export class StatsAggregate extends StatsAggregateSchema.class {}
StatsAggregateSchema.setClass(StatsAggregate);
