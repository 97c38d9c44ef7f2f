import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from './common.ts';

export enum StatsDimension {
  city = 'city',
  industry = 'industry',
  productCategory = 'productCategory',
  checkType = 'checkType',
  year = 'year',
  month = 'month',
  severity = 'severity',
  samplingStage = 'samplingStage',
  platform = 'platform',
  enterpriseSize = 'enterpriseSize',
  testingAgency = 'testingAgency',
  nonconformingItem = 'nonconformingItem',
}
registerEnumType(StatsDimension, {
  name: 'StatsDimension',
  description: 'What to group spot-check results by.',
  valuesConfig: {
    city: { description: '属地 (市州) of the result.' },
    industry: { description: 'GB/T 4754 class of the certified item checked (certified items only).' },
    productCategory: { description: '产品种类.' },
    checkType: { description: '抽查类型.' },
    year: { description: 'Year of the report date.' },
    month: { description: 'Month of the report date (YYYY-MM).' },
    severity: { description: '问题严重程度 of a failure (general, serious); null for passes.' },
    samplingStage: { description: '抽样环节 (production, circulation, ecommerce).' },
    platform: { description: '电商平台 the sample was bought on; null when not bought online.' },
    enterpriseSize: {
      description:
        '企业规模 of the nominal producer (large, medium, small, micro) — for anonymous clients only where the producer may be named (null otherwise).',
    },
    testingAgency: { description: '承检机构.' },
    nonconformingItem: {
      description:
        '不符合项: a result counts in the group of each of its items (so groups overlap); for anonymous clients only the items of listed results (the others are in the null group, once each).',
    },
  },
});

@ObjectType({ description: 'One group of published spot-check results: counts with their denominator.' })
export class SpotCheckStat {
  @Field(() => String, { nullable: true, description: 'Group key (city code, category, year …); null = unknown.' }) key!: string | null;
  @Field(() => String, { nullable: true, description: 'Readable name of the key (e.g. 武汉市).' }) label!: string | null;
  @Field(() => Int, { description: 'Published results in the group (the denominator).' }) checked!: number;
  @Field(() => Int, { description: 'Of which failed (conclusion in force 不合格).' }) failed!: number;
  @Field(() => Float, { nullable: true, description: 'failed / checked; null when checked is 0.' }) failureRate!: number | null;
}

@ObjectType({ description: 'Counts per year.' })
export class YearCount {
  @Field(() => Int) year!: number;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'One dimension value of a group: its code and its Chinese label.' })
export class StatKey {
  @Field(() => StatsDimension) dimension!: StatsDimension;
  @Field(() => String, {
    nullable: true,
    description: 'The code or value (city code, check type code, category …); null = unknown or not shown.',
  })
  key!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Its Chinese label (武汉市, 市级监督抽查, 严重 …); the value itself where it is a name.',
  })
  label!: string | null;
}

@ObjectType({ description: 'One group of a multi-dimensional statistic.' })
export class SpotCheckStatGroup {
  @Field(() => [StatKey], { description: 'The group’s value of each dimension asked for, in the order asked.' }) keys!: StatKey[];
  @Field(() => Int, { description: 'Results counted in the group (the denominator).' }) checked!: number;
  @Field(() => Int, { description: 'Of which failed (conclusion in force 不合格).' }) failed!: number;
  @Field(() => Float, { nullable: true, description: 'failed / checked; null when checked is 0.' }) failureRate!: number | null;
}

@ObjectType({ description: 'Results the filter matches that the statistic does not count, and why.' })
export class StatsExclusion {
  @Field(() => String, {
    description:
      'pending (not final yet: awaiting delivery, objection window, under objection, re-test), withdrawn, uncomputed (case state not computed yet), other.',
  })
  reason!: string;
  @Field(() => String, { description: 'The reason in Chinese (未生效, 已撤回 …).' }) label!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({
  description:
    'A statistic of spot-check results with what it counts, as of when, and what it left out — never a silently truncated count.',
})
export class SpotCheckStatistics {
  @Field(() => LocalDate, { description: 'The day the counts hold for (today in China): the case state of every result on that day.' })
  asOf!: string;
  @Field(() => String, { description: 'What is counted, in words.' }) counts!: string;
  @Field(() => [StatsDimension]) dimensions!: StatsDimension[];
  @Field(() => Int, { description: 'Results counted over the whole filter.' }) checked!: number;
  @Field(() => Int, { description: 'Of which failed.' }) failed!: number;
  @Field(() => Float, { nullable: true }) failureRate!: number | null;
  @Field(() => [StatsExclusion], {
    nullable: true,
    description:
      'Results the filter matches that are not counted, by reason. Null for anonymous clients when the filter narrows by more than check types and report dates (a not-yet-final failure is not published, 003 Art. 26–27, and a narrow count could single one out); see excludedNote.',
  })
  excluded!: StatsExclusion[] | null;
  @Field(() => String, { nullable: true, description: 'Why `excluded` is null, when it is.' }) excludedNote!: string | null;
  @Field(() => String, {
    description: 'aggregate (the summary kept in step by every publish and the day refresh) or fullCount (counted from every result).',
  })
  answeredFrom!: string;
  @Field(() => [SpotCheckStatGroup]) groups!: SpotCheckStatGroup[];
}
