import 'reflect-metadata';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import {
  Batch,
  SpotCheck,
  CorrectionArgs,
  Node,
  PublicCorrection,
  PublicCorrectionConnection,
  RecordChange,
  RecordChangeConnection,
  type RecordChangeRow,
} from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import {
  correctedRecord,
  correctedSpotCheck,
  correctedStatus,
  publicCorrections,
  recordCorrections,
  type PublicCorrectionView,
} from './correction.service.ts';

@Resolver(() => PublicCorrection)
export class PublicCorrectionResolver {
  @Query(() => PublicCorrectionConnection, {
    description:
      '更正公告, newest first: every published fact a later batch withdrew or changed, with what had been published and what changed (003 Art. 26–27).',
  })
  publicCorrections(@Args(() => CorrectionArgs) args: CorrectionArgs, @Ctx() ctx: HubContext) {
    return publicCorrections(ctx, args);
  }

  @FieldResolver(() => Batch, { nullable: true })
  batch(@Root() c: PublicCorrectionView, @Ctx() ctx: HubContext) {
    return ctx.repos.batches.byId(c.batchId);
  }

  @FieldResolver(() => SpotCheck, { nullable: true })
  spotCheck(@Root() c: PublicCorrectionView, @Ctx() ctx: HubContext) {
    return correctedSpotCheck(ctx, c);
  }

  @FieldResolver(() => String, { nullable: true })
  async status(@Root() c: PublicCorrectionView, @Ctx() ctx: HubContext) {
    return (await correctedStatus(ctx, c))?.status ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async statusLabel(@Root() c: PublicCorrectionView, @Ctx() ctx: HubContext) {
    return (await correctedStatus(ctx, c))?.label ?? null;
  }
}

@Resolver(() => RecordChange)
export class RecordCorrectionResolver {
  @Query(() => RecordChangeConnection, {
    description: 'Corrections and removals only (no additions), newest first: what later batches changed in published records, and why.',
  })
  recordCorrections(@Args(() => CorrectionArgs) args: CorrectionArgs, @Ctx() ctx: HubContext) {
    return recordCorrections(ctx, args);
  }

  @FieldResolver(() => Node, {
    nullable: true,
    description: 'The record now, where you may see it (a result’s correction points to the result); null when removed or not visible.',
  })
  record(@Root() c: RecordChangeRow, @Ctx() ctx: HubContext) {
    return correctedRecord(ctx, c);
  }
}
