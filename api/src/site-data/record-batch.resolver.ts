import 'reflect-metadata';
import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  Batch, CertifiedItem, ConsumerWarning, Revocation, SpotCheck, SpotCheckStat, StatsDimension, type BatchRow, type CertifiedItemRow,
  type ConsumerWarningRow, type RevocationRow, type SpotCheckRow,
} from '@hub/schema';
import { GROUP, cityNames } from '../stats/stats.resolver.ts';
import type { HubContext } from '../graphql/context.ts';
import { SC_FAILED, spotCheckFrom } from '../graphql/visibility.ts';
import { spotCheckWhere } from '../spot-check/spot-check.service.ts';

/**
 * Which batch introduced a record, and what a spot-check batch found: what the public site
 * needs to publish "per batch" (one announcement or one round of results at a time) without
 * one request per record. Visibility is the API's: a record is reached only through a list
 * that already shows it, and a batch only when it is published (the batch loader's rule).
 */

type RecordTable = 'spot_check' | 'certified_item' | 'revocation' | 'consumer_warning';

/** One batched statement per table and request: key "table|id" → batch_id. */
const batchIdLoaders = new WeakMap<object, DataLoader<string, number | null>>();
function batchIdLoader(ctx: HubContext): DataLoader<string, number | null> {
  let loader = batchIdLoaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader<string, number | null>(async (keys) => {
      const byTable = new Map<RecordTable, number[]>();
      for (const key of keys) {
        const [table, id] = key.split('|') as [RecordTable, string];
        if (!byTable.has(table)) byTable.set(table, []);
        byTable.get(table)!.push(Number(id));
      }
      const found = new Map<string, number>();
      await Promise.all([...byTable].map(async ([table, ids]) => {
        // table names come from the fixed RecordTable union, never from a client
        const rows = await ctx.sql.query<{ id: number; batchId: number }>(`SELECT id, batch_id AS "batchId" FROM ${table} WHERE id = ANY($1)`, [ids]);
        for (const r of rows) found.set(`${table}|${r.id}`, r.batchId);
      }));
      return keys.map((k) => found.get(k) ?? null);
    });
    batchIdLoaders.set(ctx.loaders, loader);
  }
  return loader;
}

async function batchOf(ctx: HubContext, table: RecordTable, dbId: number): Promise<BatchRow | null> {
  const batchId = await batchIdLoader(ctx).load(`${table}|${dbId}`);
  return batchId == null ? null : ctx.loaders.batch.load(batchId);
}

const BATCH_DESCRIPTION = '批次 that introduced this record (null when that batch is not visible to you).';

@Resolver(() => SpotCheck)
export class SpotCheckBatchResolver {
  @FieldResolver(() => Batch, { nullable: true, description: BATCH_DESCRIPTION })
  batch(@Root() sc: SpotCheckRow, @Ctx() ctx: HubContext) {
    return batchOf(ctx, 'spot_check', sc.dbId);
  }
}

@Resolver(() => CertifiedItem)
export class CertifiedItemBatchResolver {
  @FieldResolver(() => Batch, { nullable: true, description: BATCH_DESCRIPTION })
  batch(@Root() item: CertifiedItemRow, @Ctx() ctx: HubContext) {
    return batchOf(ctx, 'certified_item', item.dbId);
  }
}

@Resolver(() => Revocation)
export class RevocationBatchResolver {
  @FieldResolver(() => Batch, { nullable: true, description: BATCH_DESCRIPTION })
  batch(@Root() r: RevocationRow, @Ctx() ctx: HubContext) {
    return batchOf(ctx, 'revocation', r.dbId);
  }
}

@Resolver(() => ConsumerWarning)
export class ConsumerWarningBatchResolver {
  @FieldResolver(() => Batch, { nullable: true, description: BATCH_DESCRIPTION })
  batch(@Root() w: ConsumerWarningRow, @Ctx() ctx: HubContext) {
    return batchOf(ctx, 'consumer_warning', w.dbId);
  }
}


type StatRow = { batchId: number; key: string | null; checked: number; failed: number };

/** Batch stats by dimension: one statement per dimension and request, whatever the page of batches. */
const statsLoaders = new WeakMap<object, DataLoader<string, StatRow[]>>();
function statsLoader(ctx: HubContext): DataLoader<string, StatRow[]> {
  let loader = statsLoaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader<string, StatRow[]>(async (keys) => {
      const byDimension = new Map<StatsDimension, number[]>();
      for (const key of keys) {
        const [by, id] = key.split('|') as [StatsDimension, string];
        if (!byDimension.has(by)) byDimension.set(by, []);
        byDimension.get(by)!.push(Number(id));
      }
      const found = new Map<string, StatRow[]>();
      await Promise.all([...byDimension].map(async ([by, ids]) => {
        const where = spotCheckWhere(ctx, {}, 'counted').add('sc.batch_id = ANY(?)', ids);
        const rows = await ctx.sql.query<StatRow>(
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
      }));
      return keys.map((k) => found.get(k) ?? []);
    });
    statsLoaders.set(ctx.loaders, loader);
  }
  return loader;
}

@Resolver(() => Batch)
export class BatchStatsResolver {
  /**
   * The same counting rule as Query.spotCheckStats (final results only, passes included,
   * 003 Art. 27(1)), restricted to the results this batch introduced.
   */
  @FieldResolver(() => [SpotCheckStat], {
    description: 'Counts and failure rates of the spot-check results this batch introduced, as published now, grouped by a dimension ' +
      '(the rule of Query.spotCheckStats: final results only; results still in the objection window are not counted yet).',
  })
  async spotCheckStats(@Root() b: BatchRow, @Arg('by', () => StatsDimension) by: StatsDimension, @Ctx() ctx: HubContext): Promise<SpotCheckStat[]> {
    const rows = await statsLoader(ctx).load(`${by}|${b.dbId}`);
    const industryNames = by === StatsDimension.industry
      ? new Map((await ctx.loaders.industry.loadMany(rows.flatMap((r) => (r.key ? [r.key] : []))))
        .flatMap((i) => (i && !(i instanceof Error) ? [[i.code, i.name] as const] : [])))
      : undefined;
    return rows.map(({ key, checked, failed }) => ({
      key, checked, failed,
      label: key == null ? null : (by === StatsDimension.city ? cityNames.get(key) : industryNames?.get(key)) ?? key,
      failureRate: checked ? failed / checked : null,
    }));
  }
}
