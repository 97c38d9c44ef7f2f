import { ArgsType, Field, InputType } from 'type-graphql';
import { PageArgs } from './common.ts';

@InputType({ description: 'Filters for enterprises.' })
export class EnterpriseFilter {
  @Field(() => String, { nullable: true, description: '属地: city code or name.' }) city?: string;
  @Field(() => String, { nullable: true, description: '统一社会信用代码, exact.' }) uscc?: string;
  @Field(() => String, { nullable: true, description: 'Chinese text in the name or a trademark.' }) text?: string;
  @Field(() => Boolean, { nullable: true, description: 'Only enterprises with a certified (湖北精品) item.' }) certified?: boolean;
}

@ArgsType()
export class EnterpriseArgs extends PageArgs {
  @Field(() => EnterpriseFilter, { nullable: true }) filter?: EnterpriseFilter;
}
