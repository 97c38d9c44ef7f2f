import 'reflect-metadata';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  Batch,
  CertifiedItem,
  ConsumerWarning,
  Revocation,
  SpotCheck,
  SpotCheckStat,
  StatsDimension,
  type BatchRow,
  type CertifiedItemRow,
  type ConsumerWarningRow,
  type RevocationRow,
  type SpotCheckRow,
} from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { batchStats } from '../stats/stats.service.ts';

/**
 * Which batch introduced a record, and what a spot-check batch found: what the public site
 * needs to publish "per batch" (one announcement or one round of results at a time) without
 * one request per record. Visibility is the API's: a record is reached only through a list
 * that already shows it, and a batch only when it is published (BatchRepository.byId).
 *
 * These fields come last in their types, after the features' own: type-graphql orders fields
 * as their resolvers load (graphql/schema.ts loads this module last), hence a file of their own.
 */

const BATCH_DESCRIPTION = '批次 that introduced this record (null when that batch is not visible to you).';

@Resolver(() => SpotCheck)
export class SpotCheckBatchResolver {
  @FieldResolver(() => Batch, { nullable: true, description: BATCH_DESCRIPTION })
  batch(@Root() sc: SpotCheckRow, @Ctx() ctx: HubContext) {
    return ctx.repos.batches.introducing('spot_check', sc.dbId);
  }
}

@Resolver(() => CertifiedItem)
export class CertifiedItemBatchResolver {
  @FieldResolver(() => Batch, { nullable: true, description: BATCH_DESCRIPTION })
  batch(@Root() item: CertifiedItemRow, @Ctx() ctx: HubContext) {
    return ctx.repos.batches.introducing('certified_item', item.dbId);
  }
}

@Resolver(() => Revocation)
export class RevocationBatchResolver {
  @FieldResolver(() => Batch, { nullable: true, description: BATCH_DESCRIPTION })
  batch(@Root() r: RevocationRow, @Ctx() ctx: HubContext) {
    return ctx.repos.batches.introducing('revocation', r.dbId);
  }
}

@Resolver(() => ConsumerWarning)
export class ConsumerWarningBatchResolver {
  @FieldResolver(() => Batch, { nullable: true, description: BATCH_DESCRIPTION })
  batch(@Root() w: ConsumerWarningRow, @Ctx() ctx: HubContext) {
    return ctx.repos.batches.introducing('consumer_warning', w.dbId);
  }
}

@Resolver(() => Batch)
export class BatchStatsResolver {
  @FieldResolver(() => [SpotCheckStat], {
    description:
      'Counts and failure rates of the spot-check results this batch introduced, as published now, grouped by a dimension ' +
      '(the rule of Query.spotCheckStats: final results only; results still in the objection window are not counted yet).',
  })
  spotCheckStats(@Root() b: BatchRow, @Arg('by', () => StatsDimension) by: StatsDimension, @Ctx() ctx: HubContext) {
    return batchStats(ctx, b, by);
  }
}
