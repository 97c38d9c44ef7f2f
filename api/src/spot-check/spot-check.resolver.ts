import 'reflect-metadata';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import {
  CaseDeadline,
  CaseEvent,
  CaseStatus,
  CertifiedItem,
  City,
  ConsumerWarning,
  Disclosure,
  Enterprise,
  LocalDate,
  NonconformingItem,
  SpotCheck,
  SpotCheckArgs,
  SpotCheckConnection,
  type CaseEventRow,
  type SpotCheckRow,
} from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { toGlobalId } from '../graphql/ids.ts';
import { caseStatus, deadlines, disclosure, eventNote, listSpotChecks, spotCheckByReportNo } from './spot-check.service.ts';

@Resolver(() => SpotCheck)
export class SpotCheckResolver {
  @Query(() => SpotCheckConnection, { description: '抽查结果: published results (all results for bureau tokens), filtered and sorted.' })
  spotChecks(@Args(() => SpotCheckArgs) args: SpotCheckArgs, @Ctx() ctx: HubContext) {
    return listSpotChecks(ctx, args);
  }

  @Query(() => SpotCheck, {
    nullable: true,
    description: 'One result by its report number (报告编号): a published result, or the correction of a withdrawn one.',
  })
  spotCheck(@Arg('reportNo', () => String) reportNo: string, @Ctx() ctx: HubContext) {
    return spotCheckByReportNo(ctx, reportNo);
  }

  @FieldResolver(() => ID)
  id(@Root() sc: SpotCheckRow) {
    return toGlobalId('SpotCheck', sc.dbId);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: '标称生产者 — null unless its publication is allowed.' })
  producer(@Root() sc: SpotCheckRow, @Ctx() ctx: HubContext) {
    return sc.producerId == null ? null : ctx.repos.enterprises.byId(sc.producerId);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: '被抽样单位 — null unless its publication is allowed.' })
  sampledUnit(@Root() sc: SpotCheckRow, @Ctx() ctx: HubContext) {
    return sc.sampledUnitId == null ? null : ctx.repos.enterprises.byId(sc.sampledUnitId);
  }

  @FieldResolver(() => City, { nullable: true, description: '属地 (市州).' })
  city(@Root() sc: SpotCheckRow, @Ctx() ctx: HubContext) {
    return sc.cityCode == null ? null : ctx.repos.reference.city(sc.cityCode);
  }

  @FieldResolver(() => CertifiedItem, {
    nullable: true,
    description: 'The certified (湖北精品) item checked, if any — null where that would reveal a withheld producer.',
  })
  certifiedItem(@Root() sc: SpotCheckRow, @Ctx() ctx: HubContext) {
    return sc.certifiedItemId == null ? null : ctx.repos.certification.byId(sc.certifiedItemId);
  }

  @FieldResolver(() => [NonconformingItem], { description: '不符合项.' })
  nonconformingItems(@Root() sc: SpotCheckRow) {
    // read with the result (spotCheckColumns): no query of its own
    return sc.items;
  }

  @FieldResolver(() => [CaseEvent], { description: '后处理事项 in date order.' })
  events(@Root() sc: SpotCheckRow, @Ctx() ctx: HubContext) {
    return ctx.repos.spotChecks.events(sc.dbId);
  }

  @FieldResolver(() => [CaseDeadline], { description: 'The deadlines of the case (003 Art. 5–25, counted by Art. 34).' })
  deadlines(
    @Root() sc: SpotCheckRow,
    @Ctx() ctx: HubContext,
    @Arg('asOf', () => LocalDate, { nullable: true, description: 'Date for `overdue` (default: today in China).' }) asOf?: string,
  ) {
    return deadlines(ctx, sc, asOf);
  }

  @FieldResolver(() => CaseStatus, { nullable: true, description: 'Where the case stands as of a date; null before the report date.' })
  status(
    @Root() sc: SpotCheckRow,
    @Ctx() ctx: HubContext,
    @Arg('asOf', () => LocalDate, { nullable: true, description: 'Default: today in China.' }) asOf?: string,
  ) {
    return caseStatus(ctx, sc, asOf);
  }

  @FieldResolver(() => Disclosure, { description: 'What the public sees of this result today, and why (003 Art. 15, 26–27).' })
  disclosure(@Root() sc: SpotCheckRow) {
    return disclosure(sc);
  }

  @FieldResolver(() => [ConsumerWarning], { description: '消费警示 that cite this result.' })
  warnings(@Root() sc: SpotCheckRow, @Ctx() ctx: HubContext) {
    return ctx.repos.warnings.bySpotCheck(sc.dbId);
  }
}

@Resolver(() => CaseEvent)
export class CaseEventResolver {
  @FieldResolver(() => String, { nullable: true, description: '说明 — for bureau tokens only (it may name the parties).' })
  note(@Root() event: CaseEventRow, @Ctx() ctx: HubContext) {
    return eventNote(ctx, event);
  }
}
