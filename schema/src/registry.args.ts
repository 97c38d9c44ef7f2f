import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ItemKindEnum, LocalDate, LogoBasisEnum, PageArgs } from './common.ts';
import { CertificationStatus } from './registry.type.ts';

@InputType({ description: 'Filters for certified items.' })
export class CertifiedItemFilter {
  @Field(() => Int, { nullable: true, description: '届次 (1 = 2023).' }) round?: number;
  @Field(() => String, { nullable: true, description: '属地 of the enterprise: city code or name.' }) city?: string;
  @Field(() => String, { nullable: true, description: 'GB/T 4754 class code (4 digits) or a prefix (2 digits = a division).' })
  industry?: string;
  @Field(() => ItemKindEnum, { nullable: true }) kind?: string;
  @Field(() => CertificationStatus, { nullable: true, description: 'Status as of `asOf`.' }) status?: CertificationStatus;
  @Field(() => LocalDate, { nullable: true, description: 'Date for `status` (default today in China).' }) asOf?: string;
  @Field(() => String, { nullable: true, description: 'USCC of the enterprise.' }) uscc?: string;
  @Field(() => String, { nullable: true, description: 'Chinese text in the item, trademark, standard or enterprise name.' }) text?: string;
}

@ArgsType()
export class CertifiedItemArgs extends PageArgs {
  @Field(() => CertifiedItemFilter, { nullable: true }) filter?: CertifiedItemFilter;
}

@ArgsType()
export class YearPageArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: '年度.' }) year?: number;
}

@ArgsType()
export class LogoAuthorisationArgs extends PageArgs {
  @Field(() => LogoBasisEnum, { nullable: true, description: '依据: certified items or 长江质量奖 self-declarations only.' })
  basis?: string;
  @Field(() => String, { nullable: true, description: 'USCC of the enterprise.' }) uscc?: string;
  @Field(() => String, { nullable: true, description: '证书编号 of the certified item.' }) certificateNo?: string;
}
