import 'reflect-metadata';
import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import {
  ByYearArgs, CertifiedItem, ConsumerWarning, ConsumerWarningConnection, Enterprise, LocalDate, Revocation, RevocationConnection, SpotCheck,
  type ConsumerWarningRow, type RevocationRow,
} from '@hub/schema';
import { RevocationGround } from '@hub/db';
import { revocationEffects } from '../rules/dynamic-management.ts';
import type { HubContext } from '../graphql/context.ts';
import { yearRange } from '../graphql/filters.ts';
import { toGlobalId } from '../graphql/ids.ts';
import { paginate } from '../graphql/paging.ts';
import { REVOCATION_COLUMNS, WARNING_COLUMNS } from '../graphql/columns.ts';
import { Where } from '../graphql/sql.ts';

@Resolver(() => Revocation)
export class RevocationResolver {
  @Query(() => RevocationConnection, { description: '撤销认定决定, newest first.' })
  revocations(@Args(() => ByYearArgs) args: ByYearArgs, @Ctx() ctx: HubContext) {
    const where = new Where();
    if (args.year != null) where.add('r.decided_on BETWEEN ?::date AND ?::date', ...yearRange(args.year));
    return paginate<RevocationRow>(ctx.sql, {
      from: 'revocation r', select: REVOCATION_COLUMNS, where, idExpr: 'r.id', args,
      sort: { expr: 'r.decided_on', direction: 'DESC', field: 'decidedOn', type: 'date' },
    });
  }

  @FieldResolver(() => ID)
  id(@Root() r: RevocationRow) {
    return toGlobalId('Revocation', r.dbId);
  }
  @FieldResolver(() => String)
  groundLabel(@Root() r: RevocationRow) {
    return RevocationGround.label(r.ground as RevocationGround);
  }
  @FieldResolver(() => LocalDate)
  logoStopsOn(@Root() r: RevocationRow) {
    return revocationEffects(r.decidedOn).logoUseStopsOn;
  }
  @FieldResolver(() => LocalDate)
  reapplicationBarredUntil(@Root() r: RevocationRow) {
    return revocationEffects(r.decidedOn).reapplicationBarredThrough;
  }
  @FieldResolver(() => LocalDate)
  reapplicationFrom(@Root() r: RevocationRow) {
    return revocationEffects(r.decidedOn).reapplicationAcceptedFrom;
  }
  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() r: RevocationRow, @Ctx() ctx: HubContext) {
    return ctx.loaders.enterprise.load(r.enterpriseId);
  }
  @FieldResolver(() => [CertifiedItem], { description: 'The certified items revoked.' })
  items(@Root() r: RevocationRow, @Ctx() ctx: HubContext) {
    return ctx.loaders.revokedItems.load(r.dbId);
  }
}

@Resolver(() => ConsumerWarning)
export class ConsumerWarningResolver {
  @Query(() => ConsumerWarningConnection, { description: '消费警示, newest first.' })
  consumerWarnings(@Args(() => ByYearArgs) args: ByYearArgs, @Ctx() ctx: HubContext) {
    const where = new Where();
    if (args.year != null) where.add('w.published_on BETWEEN ?::date AND ?::date', ...yearRange(args.year));
    return paginate<ConsumerWarningRow>(ctx.sql, {
      from: 'consumer_warning w', select: WARNING_COLUMNS, where, idExpr: 'w.id', args,
      sort: { expr: 'w.published_on', direction: 'DESC', field: 'publishedOn', type: 'date' },
    });
  }

  @FieldResolver(() => ID)
  id(@Root() w: ConsumerWarningRow) {
    return toGlobalId('ConsumerWarning', w.dbId);
  }
  @FieldResolver(() => [SpotCheck], { description: '关联报告: the results the warning cites (as the rules allow publishing them).' })
  spotChecks(@Root() w: ConsumerWarningRow, @Ctx() ctx: HubContext) {
    return ctx.loaders.spotChecksByWarning.load(w.dbId);
  }
}
