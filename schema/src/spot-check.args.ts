import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { CheckTypeEnum, ConclusionEnum, LocalDate, PageArgs, SeverityEnum, SortDirection } from './common.ts';

@InputType({ description: 'Filters for spot-check results; all given filters must hold.' })
export class SpotCheckFilter {
  @Field(() => [CheckTypeEnum], { nullable: true, description: '抽查类型: any of these.' }) checkTypes?: string[];
  @Field(() => ConclusionEnum, { nullable: true, description: '检验结论 as first reported.' }) conclusion?: string;
  @Field(() => SeverityEnum, { nullable: true }) severity?: string;
  @Field(() => String, { nullable: true, description: '属地: city code (420100) or name (武汉, 武汉市).' }) city?: string;
  @Field(() => String, { nullable: true, description: '产品种类, exact (e.g. 电动自行车).' }) productCategory?: string;
  @Field(() => LocalDate, { nullable: true, description: 'Report date on or after.' }) reportDateFrom?: string;
  @Field(() => LocalDate, { nullable: true, description: 'Report date on or before.' }) reportDateTo?: string;
  @Field(() => String, { nullable: true, description: '报告编号, exact.' }) reportNo?: string;
  @Field(() => String, {
    nullable: true,
    description: 'USCC of the nominal producer (only results whose producer may be published, for anonymous clients).',
  })
  producerUscc?: string;
  @Field(() => String, { nullable: true, description: 'Case status as of `asOf` (see CaseStatus.status).' }) status?: string;
  @Field(() => LocalDate, { nullable: true, description: 'The date `status` is taken at (default: today in China).' }) asOf?: string;
  @Field(() => Boolean, { nullable: true, description: 'Only results about certified (湖北精品) items.' }) certifiedOnly?: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Chinese text found in the product name, category, trademark, model or task (and the producer’s name where public).',
  })
  text?: string;
}

export enum SpotCheckSort {
  REPORT_DATE = 'REPORT_DATE',
  REPORT_NO = 'REPORT_NO',
  PRODUCT_CATEGORY = 'PRODUCT_CATEGORY',
}
registerEnumType(SpotCheckSort, { name: 'SpotCheckSort', description: 'Order of spot-check results (ties broken by id).' });

@ArgsType()
export class SpotCheckArgs extends PageArgs {
  @Field(() => SpotCheckFilter, { nullable: true }) filter?: SpotCheckFilter;
  @Field(() => SpotCheckSort, { nullable: true, defaultValue: SpotCheckSort.REPORT_DATE }) sort!: SpotCheckSort;
  @Field(() => SortDirection, { nullable: true, defaultValue: SortDirection.DESC }) direction!: SortDirection;
}
