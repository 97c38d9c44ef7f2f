import { ArgsType, Field, Int } from 'type-graphql';
import { PageArgs } from './common.ts';

@ArgsType()
export class NoticeArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: 'Issued in this year.' }) year?: number;
}
