import 'reflect-metadata';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import {
  CertificationStatus,
  CertifiedItem,
  CertifiedItemArgs,
  CertifiedItemConnection,
  Enterprise,
  Industry,
  LocalDate,
  LogoAuthorisation,
  Revocation,
  SpotCheck,
  type CertifiedItemRow,
} from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { toGlobalId } from '../graphql/ids.ts';
import { certificationStatus, certifiedItemByNo, listCertifiedItems } from './certification.service.ts';

@Resolver(() => CertifiedItem)
export class CertifiedItemResolver {
  @Query(() => CertifiedItemConnection, { description: '认定名单: certified items of every round, by round and announcement order.' })
  certifiedItems(@Args(() => CertifiedItemArgs) args: CertifiedItemArgs, @Ctx() ctx: HubContext) {
    return listCertifiedItems(ctx, args);
  }

  @Query(() => CertifiedItem, { nullable: true, description: 'One certified item by its certificate number (证书编号).' })
  certifiedItem(@Arg('certificateNo', () => String) certificateNo: string, @Ctx() ctx: HubContext) {
    return certifiedItemByNo(ctx, certificateNo);
  }

  @FieldResolver(() => ID)
  id(@Root() item: CertifiedItemRow) {
    return toGlobalId('CertifiedItem', item.dbId);
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() item: CertifiedItemRow, @Ctx() ctx: HubContext) {
    return ctx.repos.enterprises.byId(item.enterpriseId);
  }

  @FieldResolver(() => Industry, { nullable: true, description: '所属行业类别 (GB/T 4754).' })
  industry(@Root() item: CertifiedItemRow, @Ctx() ctx: HubContext) {
    return item.industryCode ? ctx.repos.reference.industry(item.industryCode) : null;
  }

  @FieldResolver(() => CertificationStatus, { description: '认定状态 as of a date.' })
  status(
    @Root() item: CertifiedItemRow,
    @Ctx() ctx: HubContext,
    @Arg('asOf', () => LocalDate, { nullable: true, description: 'Default: today in China.' }) asOf?: string,
  ) {
    return certificationStatus(ctx, item, asOf);
  }

  @FieldResolver(() => [Revocation], { description: '撤销认定决定 naming this item.' })
  revocations(@Root() item: CertifiedItemRow, @Ctx() ctx: HubContext) {
    return ctx.repos.revocations.byCertifiedItem(item.dbId);
  }

  @FieldResolver(() => [SpotCheck], { description: 'Its spot-check history as the rules allow publishing it (newest first).' })
  spotChecks(@Root() item: CertifiedItemRow, @Ctx() ctx: HubContext) {
    return ctx.repos.spotChecks.byCertifiedItem(item.dbId);
  }

  @FieldResolver(() => [LogoAuthorisation], { description: '标识使用授权.' })
  logoAuthorisations(@Root() item: CertifiedItemRow, @Ctx() ctx: HubContext) {
    return ctx.repos.logos.byCertifiedItem(item.dbId);
  }
}
