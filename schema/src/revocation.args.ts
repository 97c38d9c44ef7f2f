import { ArgsType, Field, Int } from 'type-graphql';
import { PageArgs } from './common.ts';

/** Revocations and consumer warnings: one year at a time. */
@ArgsType()
export class ByYearArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: 'Only this year.' }) year?: number;
}
