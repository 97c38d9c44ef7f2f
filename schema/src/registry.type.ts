import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CertificationStatus as CertificationStatusVocabulary } from '@hub/db/vocabulary';
import { ItemKindEnum, LocalDate, LogoBasisEnum, Node, StandardLevelEnum } from './common.ts';

export enum CertificationStatus {
  in_force = 'in_force',
  revoked = 'revoked',
  under_rectification = 'under_rectification',
}
registerEnumType(CertificationStatus, {
  name: 'CertificationStatus',
  description: '认定状态 as of a date.',
  valuesConfig: {
    in_force: { description: `${CertificationStatusVocabulary.labels.in_force}: certified and not revoked.` },
    revoked: { description: `${CertificationStatusVocabulary.labels.revoked} (000 Art. 16).` },
    under_rectification: {
      description: `${CertificationStatusVocabulary.labels.under_rectification}: an open rectification notice (000 Art. 15).`,
    },
  },
});

@ObjectType({
  implements: Node,
  description: '认定对象: a certified product, service or engineering project of an enterprise in a round (届).',
})
export class CertifiedItem extends Node {
  @Field(() => Int, { description: '届次: 1 = 2023 (announced March 2024), 2 = 2024, …' }) round!: number;
  @Field(() => Int, { description: 'The year of the round (2022 + round).' }) roundYear!: number;
  @Field(() => String, { description: '产品/服务名称.' }) name!: string;
  @Field(() => ItemKindEnum, { description: '类别.' }) kind!: string;
  @Field(() => String, { nullable: true, description: '注册商标.' }) trademark!: string | null;
  @Field(() => String, { nullable: true, description: '执行标准编号, e.g. T/HBAS 012-2023.' }) standardNo!: string | null;
  @Field(() => String, { nullable: true, description: '执行标准名称.' }) standardName!: string | null;
  @Field(() => StandardLevelEnum, { nullable: true, description: '标准层级.' }) standardLevel!: string | null;
  @Field(() => LocalDate, { nullable: true, description: '认定日期 (announcement).' }) certifiedOn!: string | null;
  @Field(() => String, { nullable: true, description: '证书编号.' }) certificateNo!: string | null;
  @Field(() => Int, { nullable: true, description: '序号 in the announcement.' }) seqNo!: number | null;
  @Field(() => Int, { description: 'Record version (1 = never corrected).' }) version!: number;
}

@ObjectType({
  implements: Node,
  description: '培育库: an item entered for cultivation in a year (seed 001 附件3). Contact details are personal data: bureau tokens only.',
})
export class CultivationEntry extends Node {
  @Field(() => Int, { description: '年度.' }) year!: number;
  @Field(() => String, { description: '产品/服务名称.' }) itemName!: string;
  @Field(() => ItemKindEnum) itemKind!: string;
  @Field(() => String, { nullable: true, description: '执行标准名称、编号.' }) standard!: string | null;
}

@ObjectType({ implements: Node, description: '标准先进性评价: the evaluation of the standard an item is made to.' })
export class StandardEvaluation extends Node {
  @Field(() => Int, { description: '年度.' }) year!: number;
  @Field(() => String) itemName!: string;
  @Field(() => String) standardNo!: string;
  @Field(() => String, { nullable: true }) standardName!: string | null;
  @Field(() => StandardLevelEnum, { nullable: true }) standardLevel!: string | null;
  @Field(() => Boolean, { description: '评价结果: true = 通过.' }) passed!: boolean;
  @Field(() => LocalDate, { nullable: true }) evaluatedOn!: string | null;
}

@ObjectType({
  implements: Node,
  description:
    '标识使用授权: permission to use the 湖北精品 logo, for a certified item or by a 长江质量奖 self-declaration (seed 001 附件2); it stops at once on revocation (000 Art. 16).',
})
export class LogoAuthorisation extends Node {
  @Field(() => LogoBasisEnum, { description: '依据: a certified item (认定) or a 长江质量奖 self-declaration.' }) basis!: string;
  @Field(() => LocalDate, { description: '授权日期.' }) authorisedOn!: string;
  @Field(() => LocalDate, {
    nullable: true,
    description: '授权期限: the last day of the term as authorised (null = none recorded). A revocation stops it earlier: see `validity`.',
  })
  validUntil!: string | null;
}

@ObjectType({ description: 'The certification funnel of a round: entered → evaluated → passed → reviewed → certified (seed 002).' })
export class RoundFunnel {
  @Field(() => Int) round!: number;
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: '培育库入库 items.' }) cultivationItems!: number;
  @Field(() => Int, { description: 'Enterprises in the cultivation library.' }) cultivationEnterprises!: number;
  @Field(() => Int, { description: '标准先进性评价 items evaluated.' }) standardsEvaluated!: number;
  @Field(() => Int, { description: 'Standards that passed.' }) standardsPassed!: number;
  @Field(() => Int, {
    nullable: true,
    description:
      '资料评审: items the committee reviewed before the announcement (2023: 163), as the bureau stated at its import (importBatch reviewedItems, pnpm hub import --reviewed); null when not stated.',
  })
  reviewed!: number | null;
  @Field(() => Int, { description: '认定 items certified.' }) certified!: number;
}
