import 'reflect-metadata';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import {
  CaseDeadline, CaseEvent, CaseStatus, CertifiedItem, City, ConsumerWarning, Disclosure, Enterprise, LocalDate,
  NonconformingItem, SpotCheck, SpotCheckArgs, SpotCheckConnection, type CaseEventRow, type SpotCheckRow,
} from '@hub/schema';
import { CASE_STATUS_LABELS, type CaseStatus as CaseStatusCode } from '../rules/case-timeline.ts';
import type { HubContext } from '../graphql/context.ts';
import { toGlobalId } from '../graphql/ids.ts';
import { listSpotChecks, spotCheckByReportNo } from './spot-check.service.ts';

@Resolver(() => SpotCheck)
export class SpotCheckResolver {
  @Query(() => SpotCheckConnection, { description: '抽查结果: published results (all results for bureau tokens), filtered and sorted.' })
  spotChecks(@Args(() => SpotCheckArgs) args: SpotCheckArgs, @Ctx() ctx: HubContext) {
    return listSpotChecks(ctx, args);
  }

  @Query(() => SpotCheck, { nullable: true, description: 'One result by its report number (报告编号): a published result, or the correction of a withdrawn one.' })
  spotCheck(@Arg('reportNo', () => String) reportNo: string, @Ctx() ctx: HubContext) {
    return spotCheckByReportNo(ctx, reportNo);
  }

  @FieldResolver(() => ID)
  id(@Root() sc: SpotCheckRow) {
    return toGlobalId('SpotCheck', sc.dbId);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: '标称生产者 — null unless its publication is allowed.' })
  producer(@Root() sc: SpotCheckRow, @Ctx() ctx: HubContext) {
    return sc.producerId == null ? null : ctx.loaders.enterprise.load(sc.producerId);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: '被抽样单位 — null unless its publication is allowed.' })
  sampledUnit(@Root() sc: SpotCheckRow, @Ctx() ctx: HubContext) {
    return sc.sampledUnitId == null ? null : ctx.loaders.enterprise.load(sc.sampledUnitId);
  }

  @FieldResolver(() => City, { nullable: true, description: '属地 (市州).' })
  city(@Root() sc: SpotCheckRow, @Ctx() ctx: HubContext) {
    return sc.cityCode == null ? null : ctx.loaders.city.load(sc.cityCode);
  }

  @FieldResolver(() => CertifiedItem, { nullable: true, description: 'The certified (湖北精品) item checked, if any — null where that would reveal a withheld producer.' })
  certifiedItem(@Root() sc: SpotCheckRow, @Ctx() ctx: HubContext) {
    return sc.certifiedItemId == null ? null : ctx.loaders.certifiedItem.load(sc.certifiedItemId);
  }

  @FieldResolver(() => [NonconformingItem], { description: '不符合项.' })
  nonconformingItems(@Root() sc: SpotCheckRow, @Ctx() ctx: HubContext) {
    return ctx.loaders.nonconformingItems.load(sc.dbId);
  }

  @FieldResolver(() => [CaseEvent], { description: '后处理事项 in date order.' })
  events(@Root() sc: SpotCheckRow, @Ctx() ctx: HubContext) {
    return ctx.loaders.events.load(sc.dbId);
  }

  @FieldResolver(() => [CaseDeadline], { description: 'The deadlines of the case (003 Art. 5–25, counted by Art. 34).' })
  async deadlines(
    @Root() sc: SpotCheckRow,
    @Ctx() ctx: HubContext,
    @Arg('asOf', () => LocalDate, { nullable: true, description: 'Date for `overdue` (default: today in China).' }) asOf?: string,
  ) {
    const date = asOf ?? ctx.today;
    const rows = await ctx.loaders.deadlines.load(sc.dbId);
    // overdue: a duty (not a right such as the objection, nor a step the records never show)
    // not done by its last day, as of the date asked
    return rows.map(({ canBeOverdue, ...d }) => {
      const metOn = d.metOn && d.metOn <= date ? d.metOn : null;
      return { ...d, metOn, overdue: canBeOverdue && !metOn && !!d.dueOn && d.dueOn < date };
    });
  }

  @FieldResolver(() => CaseStatus, { nullable: true, description: 'Where the case stands as of a date; null before the report date.' })
  async status(
    @Root() sc: SpotCheckRow,
    @Ctx() ctx: HubContext,
    @Arg('asOf', () => LocalDate, { nullable: true, description: 'Default: today in China.' }) asOf?: string,
  ): Promise<CaseStatus | null> {
    const date = asOf ?? ctx.today;
    const period = await ctx.loaders.period.load(`${sc.dbId}|${date}`);
    if (!period) return null;
    return {
      status: period.status,
      label: CASE_STATUS_LABELS[period.status as CaseStatusCode] ?? period.status,
      asOf: date,
      since: period.validFrom,
      effectiveConclusion: period.effectiveConclusion,
    };
  }

  @FieldResolver(() => Disclosure, { description: 'What the public sees of this result today, and why (003 Art. 15, 26–27).' })
  disclosure(@Root() sc: SpotCheckRow): Disclosure {
    return {
      published: sc.published,
      identityPublic: sc.identityPublic,
      identityBasis: sc.identityBasis ?? (sc.conclusion === 'pass' ? 'not_applicable' : null),
      correction: sc.correction,
    };
  }

  @FieldResolver(() => [ConsumerWarning], { description: '消费警示 that cite this result.' })
  warnings(@Root() sc: SpotCheckRow, @Ctx() ctx: HubContext) {
    return ctx.loaders.warningsBySpotCheck.load(sc.dbId);
  }
}

@Resolver(() => CaseEvent)
export class CaseEventResolver {
  @FieldResolver(() => String, { nullable: true, description: '说明 — for bureau tokens only (it may name the parties).' })
  note(@Root() event: CaseEventRow, @Ctx() ctx: HubContext) {
    return ctx.viewer.bureau ? event.note : null;
  }
}
