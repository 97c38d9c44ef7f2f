import 'reflect-metadata';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import {
  CertifiedItem,
  City,
  CultivationEntry,
  Enterprise,
  EnterpriseArgs,
  EnterpriseConnection,
  LogoAuthorisation,
  Revocation,
  SpotCheck,
  StandardEvaluation,
  type EnterpriseRow,
} from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { toGlobalId } from '../graphql/ids.ts';
import { enterpriseByUscc, listEnterprises } from './enterprise.service.ts';

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => EnterpriseConnection, { description: '经营主体, by name.' })
  enterprises(@Args(() => EnterpriseArgs) args: EnterpriseArgs, @Ctx() ctx: HubContext) {
    return listEnterprises(ctx, args);
  }

  @Query(() => Enterprise, {
    nullable: true,
    description:
      'One enterprise by its USCC (统一社会信用代码, GB 32100-2015; spaces and lower case are forgiven). null when the hub has no public record of it; a code that cannot be a USCC (length, characters, check character) is a BAD_USER_INPUT error saying what is wrong — for a wrong check character, the one the first 17 characters give (校验码应为 X).',
  })
  enterprise(@Arg('uscc', () => String) uscc: string, @Ctx() ctx: HubContext) {
    return enterpriseByUscc(ctx, uscc);
  }

  @FieldResolver(() => ID)
  id(@Root() e: EnterpriseRow) {
    return toGlobalId('Enterprise', e.dbId);
  }

  @FieldResolver(() => City, { nullable: true })
  city(@Root() e: EnterpriseRow, @Ctx() ctx: HubContext) {
    return e.cityCode ? ctx.repos.reference.city(e.cityCode) : null;
  }

  @FieldResolver(() => [String], { description: '注册商标.' })
  trademarks(@Root() e: EnterpriseRow, @Ctx() ctx: HubContext) {
    return ctx.repos.enterprises.trademarks(e.dbId);
  }

  @FieldResolver(() => [CertifiedItem], { description: 'Its certified items, all rounds.' })
  certifiedItems(@Root() e: EnterpriseRow, @Ctx() ctx: HubContext) {
    return ctx.repos.certification.byEnterprise(e.dbId);
  }

  @FieldResolver(() => [CultivationEntry], { description: '培育库: its entries, oldest year first.' })
  cultivationEntries(@Root() e: EnterpriseRow, @Ctx() ctx: HubContext) {
    return ctx.repos.registry.cultivationByEnterprise(e.dbId);
  }

  @FieldResolver(() => [StandardEvaluation], { description: '标准先进性评价 of its items’ standards, oldest year first.' })
  standardEvaluations(@Root() e: EnterpriseRow, @Ctx() ctx: HubContext) {
    return ctx.repos.registry.evaluationsByEnterprise(e.dbId);
  }

  @FieldResolver(() => [Revocation], { description: '撤销认定 decisions against it, oldest first (000 Art. 16).' })
  revocations(@Root() e: EnterpriseRow, @Ctx() ctx: HubContext) {
    return ctx.repos.revocations.byEnterprise(e.dbId);
  }

  @FieldResolver(() => [LogoAuthorisation], {
    description: '标识使用授权: for its certified items and by 长江质量奖 self-declaration, oldest first.',
  })
  logoAuthorisations(@Root() e: EnterpriseRow, @Ctx() ctx: HubContext) {
    return ctx.repos.logos.byEnterprise(e.dbId);
  }

  @FieldResolver(() => [SpotCheck], { description: 'Results where it is the nominal producer and that may name it (newest first).' })
  spotChecks(@Root() e: EnterpriseRow, @Ctx() ctx: HubContext) {
    return ctx.repos.spotChecks.byProducer(e.dbId);
  }
}
