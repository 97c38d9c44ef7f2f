import 'reflect-metadata';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Node } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { nodeById } from './node.service.ts';

/** node(id:): any object again by its global ID, under the same visibility rules as the lists. */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global ID; null when it does not exist or is not visible to you.' })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    return nodeById(ctx, id);
  }
}
