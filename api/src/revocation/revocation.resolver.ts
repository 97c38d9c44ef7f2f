import 'reflect-metadata';
import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ByYearArgs, CertifiedItem, Enterprise, LocalDate, Revocation, RevocationConnection, type RevocationRow } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { toGlobalId } from '../graphql/ids.ts';
import { effects, groundLabel, listRevocations } from './revocation.service.ts';

@Resolver(() => Revocation)
export class RevocationResolver {
  @Query(() => RevocationConnection, { description: '撤销认定决定, newest first.' })
  revocations(@Args(() => ByYearArgs) args: ByYearArgs, @Ctx() ctx: HubContext) {
    return listRevocations(ctx, args);
  }

  @FieldResolver(() => ID)
  id(@Root() r: RevocationRow) {
    return toGlobalId('Revocation', r.dbId);
  }
  @FieldResolver(() => String)
  groundLabel(@Root() r: RevocationRow) {
    return groundLabel(r);
  }
  @FieldResolver(() => LocalDate)
  logoStopsOn(@Root() r: RevocationRow) {
    return effects(r).logoUseStopsOn;
  }
  @FieldResolver(() => LocalDate)
  reapplicationBarredUntil(@Root() r: RevocationRow) {
    return effects(r).reapplicationBarredThrough;
  }
  @FieldResolver(() => LocalDate)
  reapplicationFrom(@Root() r: RevocationRow) {
    return effects(r).reapplicationAcceptedFrom;
  }
  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() r: RevocationRow, @Ctx() ctx: HubContext) {
    return ctx.repos.enterprises.byId(r.enterpriseId);
  }
  @FieldResolver(() => [CertifiedItem], { description: 'The certified items revoked.' })
  items(@Root() r: RevocationRow, @Ctx() ctx: HubContext) {
    return ctx.repos.certification.byRevocation(r.dbId);
  }
}
