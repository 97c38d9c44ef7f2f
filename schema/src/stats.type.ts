import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum StatsDimension {
  city = 'city',
  industry = 'industry',
  productCategory = 'productCategory',
  checkType = 'checkType',
  year = 'year',
  month = 'month',
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
