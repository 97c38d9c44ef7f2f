import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'The asking client’s budget (its address, or its token): each request spends its query cost (extensions.cost) from a budget per minute. The same numbers are in the X-RateLimit-* headers of every answer.',
})
export class RateLimit {
  @Field(() => Int, { description: 'Points a client may spend per window (one minute).' }) limit!: number;
  @Field(() => Int, { description: 'What this request costs.' }) cost!: number;
  @Field(() => Int, { description: 'Points left in the window, after this request.' }) remaining!: number;
  @Field(() => GraphQLISODateTime, { description: 'When the window ends and the budget is full again.' }) resetAt!: Date;
  @Field(() => Boolean, {
    description: 'false when no budget applies to this client (requests from the hub’s own machine, e.g. the site build).',
  })
  limited!: boolean;
}
