import 'reflect-metadata';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import {
  CertifiedItem,
  Enterprise,
  LocalDate,
  LogoAuthorisation,
  LogoAuthorisationArgs,
  LogoAuthorisationConnection,
  LogoValidityEnum,
  Revocation,
  type LogoAuthorisationRow,
} from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { toGlobalId } from '../graphql/ids.ts';
import { listLogoAuthorisations, logoStatus } from './logo.service.ts';

const AS_OF = { nullable: true, description: 'Default: today in China. A decision dated later is not known yet.' } as const;

@Resolver(() => LogoAuthorisation)
export class LogoAuthorisationResolver {
  @Query(() => LogoAuthorisationConnection, {
    description: '标识使用授权: every logo authorisation, newest first — for certified items and by 长江质量奖 self-declaration.',
  })
  logoAuthorisations(@Args(() => LogoAuthorisationArgs) args: LogoAuthorisationArgs, @Ctx() ctx: HubContext) {
    return listLogoAuthorisations(ctx, args);
  }

  @FieldResolver(() => ID)
  id(@Root() l: LogoAuthorisationRow) {
    return toGlobalId('LogoAuthorisation', l.dbId);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The enterprise authorised.' })
  enterprise(@Root() l: LogoAuthorisationRow, @Ctx() ctx: HubContext) {
    return ctx.repos.enterprises.byId(l.enterpriseId);
  }

  @FieldResolver(() => CertifiedItem, { nullable: true, description: 'The certified item it is for; null for a self-declaration.' })
  certifiedItem(@Root() l: LogoAuthorisationRow, @Ctx() ctx: HubContext) {
    return l.certifiedItemId === null ? null : ctx.repos.certification.byId(l.certifiedItemId);
  }

  @FieldResolver(() => LogoValidityEnum, { description: '这个标识还有效吗 on `asOf` (000 Art. 16; seed 002).' })
  async validity(@Root() l: LogoAuthorisationRow, @Ctx() ctx: HubContext, @Arg('asOf', () => LocalDate, AS_OF) asOf?: string) {
    return (await logoStatus(ctx, l, asOf)).validity;
  }

  @FieldResolver(() => LocalDate, {
    nullable: true,
    description: 'The day use stopped: the date of the revocation decision that stopped it (000 Art. 16); null unless stopped by `asOf`.',
  })
  async stoppedOn(@Root() l: LogoAuthorisationRow, @Ctx() ctx: HubContext, @Arg('asOf', () => LocalDate, AS_OF) asOf?: string) {
    return (await logoStatus(ctx, l, asOf)).stoppedOn;
  }

  @FieldResolver(() => Revocation, { nullable: true, description: 'The revocation decision that stopped it by `asOf`.' })
  async stoppedBy(@Root() l: LogoAuthorisationRow, @Ctx() ctx: HubContext, @Arg('asOf', () => LocalDate, AS_OF) asOf?: string) {
    return (await logoStatus(ctx, l, asOf)).stoppedBy;
  }
}
