import 'reflect-metadata';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import {
  Batch,
  BatchArgs,
  BatchConnection,
  ChangesArgs,
  ImportBatchInput,
  ImportBatchResult,
  PublishBatchResult,
  RecordChange,
  RecordChangeConnection,
  type BatchRow,
  type RecordChangeRow,
} from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { toGlobalId } from '../graphql/ids.ts';
import { changes, discard, importBatch, listBatches, loadCalendar, publish, recordNumberLabel } from './batch.service.ts';

@Resolver(() => Batch)
export class BatchResolver {
  @Query(() => BatchConnection, { description: '批次, newest first. Anonymous clients see published batches only.' })
  batches(@Args(() => BatchArgs) args: BatchArgs, @Ctx() ctx: HubContext) {
    return listBatches(ctx, args);
  }

  @Query(() => RecordChangeConnection, {
    description: 'changes(since:): what each batch published after `since` added, corrected or removed, oldest first.',
  })
  changes(@Args(() => ChangesArgs) args: ChangesArgs, @Ctx() ctx: HubContext) {
    return changes(ctx, args);
  }

  @FieldResolver(() => ID)
  id(@Root() b: BatchRow) {
    return toGlobalId('Batch', b.dbId);
  }
}

@Resolver(() => RecordChange)
export class RecordChangeResolver {
  @FieldResolver(() => Batch)
  batch(@Root() c: RecordChangeRow, @Ctx() ctx: HubContext) {
    return ctx.repos.batches.byId(c.batchId);
  }

  @FieldResolver(() => String, { nullable: true })
  recordNumber(@Root() c: RecordChangeRow, @Ctx() ctx: HubContext) {
    return ctx.repos.batches.recordNumber(c.recordType, c.recordId);
  }

  @FieldResolver(() => String, { nullable: true })
  recordNumberLabel(@Root() c: RecordChangeRow) {
    return recordNumberLabel(c.recordType);
  }
}

/** The bureau's batch workflow as mutations for a bureau token (see batch.service.ts). */
@Resolver()
export class BatchMutationResolver {
  @Mutation(() => ImportBatchResult, { description: 'Import a batch file as a draft (bureau tokens only).' })
  importBatch(@Arg('input', () => ImportBatchInput) input: ImportBatchInput, @Ctx() ctx: HubContext) {
    return importBatch(ctx, input);
  }

  @Mutation(() => PublishBatchResult, {
    description:
      'Publish a draft batch: its records become public at once, every API cache included (bureau tokens only). rebuildSite: true also asks the running hub to rebuild the site.',
  })
  publishBatch(
    @Arg('id', () => ID, { description: 'The batch’s global ID or its number.' }) id: string,
    @Arg('final', () => Boolean, {
      nullable: true,
      description:
        '结果公告: the batch’s results are final (the bureau’s results announcement), so failures without a recorded 送达 are listed on the estimated dates. Default false: such failures wait for the 送达 record.',
    })
    final: boolean | null,
    @Arg('reason', () => String, {
      nullable: true,
      description: 'The bureau’s reason (更正原因) for what the batch corrects: shown in each correction notice it causes.',
    })
    reason: string | null,
    @Arg('rebuildSite', () => Boolean, {
      defaultValue: false,
      description: 'Rebuild the static site afterwards (the running hub builds it and swaps it in; see siteRebuild).',
    })
    rebuildSite: boolean,
    @Ctx() ctx: HubContext,
  ) {
    return publish(ctx, id, { final: final ?? false, reason: reason ?? undefined, rebuildSite });
  }

  @Mutation(() => Boolean, { description: 'Discard a draft batch (bureau tokens only).' })
  discardBatch(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return discard(ctx, id);
  }

  @Mutation(() => [Int], {
    description:
      'Load years of the official holiday calendar (003 Art. 34) and recompute every deadline; returns the years (bureau tokens only). Data: { years: [2027], days: [{ date, kind: holiday|workday, name }] }.',
  })
  importCalendar(@Arg('data', () => GraphQLJSONObject) data: Record<string, unknown>, @Ctx() ctx: HubContext) {
    return loadCalendar(ctx, data);
  }
}
