import 'reflect-metadata';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import {
  CorrectionArgs,
  Node,
  PublicCorrection,
  PublicCorrectionConnection,
  RecordChange,
  RecordChangeConnection,
  type RecordChangeRow,
} from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { correctedRecord, publicCorrections, recordCorrections } from './correction.service.ts';

@Resolver(() => PublicCorrection)
export class PublicCorrectionResolver {
  @Query(() => PublicCorrectionConnection, {
    description: '更正: results that were published as failures and no longer are, newest first (003 Art. 26–27).',
  })
  publicCorrections(@Args(() => CorrectionArgs) args: CorrectionArgs, @Ctx() ctx: HubContext) {
    return publicCorrections(ctx, args);
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
