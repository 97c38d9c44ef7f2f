import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: '概况: headline numbers over the published records, with the date they are current to.' })
export class Summary {
  @Field(() => String, {
    nullable: true,
    description: '数据截至: the date of the latest published batch (YYYY-MM-DD); null before the first.',
  })
  dataAsOf!: string | null;

  @Field(() => Boolean, {
    description: '示例数据: true when any published batch is generated sample data, not the bureau’s.',
  })
  containsSampleData!: boolean;

  @Field(() => Int, { description: '已发布批次: batches published so far.' })
  publishedBatches!: number;

  @Field(() => Int, { description: '经营主体: enterprises the viewer may see (named by a registry, a revocation or a published result).' })
  enterprises!: number;

  @Field(() => Int, { description: '认定对象: certified products, services and engineering projects, all rounds.' })
  certifiedItems!: number;

  @Field(() => Int, {
    description:
      '抽查结果: spot-check results the published statistics count (final results, passes included; every result for a bureau token).',
  })
  spotChecks!: number;

  @Field(() => Int, {
    description:
      '不合格: 不合格 results as listed (final, not withdrawn; the conclusion in force after a re-test). A bureau token: every result whose conclusion in force is 不合格.',
  })
  failedSpotChecks!: number;

  @Field(() => Int, { description: '撤销认定: revocation decisions.' })
  revocations!: number;

  @Field(() => Int, { description: '消费警示: consumer warnings.' })
  consumerWarnings!: number;
}
