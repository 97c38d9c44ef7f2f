import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDate, Node, RevocationGroundEnum } from './common.ts';

@ObjectType({
  implements: Node,
  description: '撤销认定决定: the committee’s decision (000 Art. 16). Effects: the logo stops at once; no reapplication for 3 years.',
})
export class Revocation extends Node {
  @Field(() => String, { description: '决定文号.' }) decisionNo!: string;
  @Field(() => LocalDate, { description: '决定日期.' }) decidedOn!: string;
  @Field(() => RevocationGroundEnum, { description: '撤销情形.' }) ground!: string;
  @Field(() => String, { description: 'The clause, e.g. 第十六条第二项.' }) groundLabel!: string;
  @Field(() => String, { nullable: true, description: 'The clause text or the decision’s wording.' }) groundText!: string | null;
  @Field(() => String, { nullable: true, description: '事实与理由.' }) facts!: string | null;
  @Field(() => LocalDate, { description: 'Logo use stops on this day (000 Art. 16).' }) logoStopsOn!: string;
  @Field(() => LocalDate, { description: 'Last day on which a new application is barred (3 years, 000 Art. 16).' })
  reapplicationBarredUntil!: string;
  @Field(() => LocalDate, { description: 'First day a new application is accepted.' }) reapplicationFrom!: string;
  @Field(() => Int) version!: number;
}

@ObjectType({ implements: Node, description: '消费警示: a consumer warning issued after a risk assessment (003 Art. 26).' })
export class ConsumerWarning extends Node {
  @Field(() => String, { description: '标题.' }) title!: string;
  @Field(() => LocalDate, { description: '发布日期.' }) publishedOn!: string;
  @Field(() => String, { nullable: true, description: '产品种类.' }) productCategory!: string | null;
  @Field(() => String, { description: '风险提示.' }) risk!: string;
  @Field(() => String, { nullable: true, description: '消费建议.' }) advice!: string | null;
  @Field(() => Int) version!: number;
}
