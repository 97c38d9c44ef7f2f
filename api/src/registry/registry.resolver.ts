import 'reflect-metadata';
import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import {
  CultivationEntry,
  CultivationEntryConnection,
  Enterprise,
  Industry,
  RoundFunnel,
  StandardEvaluation,
  StandardEvaluationConnection,
  YearPageArgs,
  type CultivationEntryRow,
  type StandardEvaluationRow,
} from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { toGlobalId } from '../graphql/ids.ts';
import { contact, listCultivationEntries, listStandardEvaluations, roundFunnels } from './registry.service.ts';

@Resolver(() => CultivationEntry)
export class CultivationEntryResolver {
  @Query(() => CultivationEntryConnection, { description: '培育库: entries by year.' })
  cultivationEntries(@Args(() => YearPageArgs) args: YearPageArgs, @Ctx() ctx: HubContext) {
    return listCultivationEntries(ctx, args);
  }

  @FieldResolver(() => ID)
  id(@Root() c: CultivationEntryRow) {
    return toGlobalId('CultivationEntry', c.dbId);
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() c: CultivationEntryRow, @Ctx() ctx: HubContext) {
    return ctx.repos.enterprises.byId(c.enterpriseId);
  }

  @FieldResolver(() => Industry, { nullable: true })
  industry(@Root() c: CultivationEntryRow, @Ctx() ctx: HubContext) {
    return c.industryCode ? ctx.repos.reference.industry(c.industryCode) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: '联系人 — personal data: bureau tokens only (FORBIDDEN otherwise).' })
  contactName(@Root() c: CultivationEntryRow, @Ctx() ctx: HubContext) {
    return contact(ctx, c, 'contactName');
  }

  @FieldResolver(() => String, { nullable: true, description: '联系方式 — personal data: bureau tokens only (FORBIDDEN otherwise).' })
  contactPhone(@Root() c: CultivationEntryRow, @Ctx() ctx: HubContext) {
    return contact(ctx, c, 'contactPhone');
  }
}

@Resolver(() => StandardEvaluation)
export class StandardEvaluationResolver {
  @Query(() => StandardEvaluationConnection, { description: '标准先进性评价: evaluations by year.' })
  standardEvaluations(@Args(() => YearPageArgs) args: YearPageArgs, @Ctx() ctx: HubContext) {
    return listStandardEvaluations(ctx, args);
  }

  @FieldResolver(() => ID)
  id(@Root() s: StandardEvaluationRow) {
    return toGlobalId('StandardEvaluation', s.dbId);
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() s: StandardEvaluationRow, @Ctx() ctx: HubContext) {
    return ctx.repos.enterprises.byId(s.enterpriseId);
  }
}

@Resolver()
export class RoundFunnelResolver {
  @Query(() => [RoundFunnel], {
    description: 'The certification funnel of each round: cultivation → standard evaluation → review (资料评审) → certified (seed 002).',
  })
  roundFunnels(@Ctx() ctx: HubContext) {
    return roundFunnels(ctx);
  }
}
