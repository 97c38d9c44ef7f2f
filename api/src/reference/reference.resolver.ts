import 'reflect-metadata';
import { Ctx, Query, Resolver } from 'type-graphql';
import { City, Industry } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { listCities, listIndustries } from './reference.service.ts';

@Resolver()
export class ReferenceResolver {
  @Query(() => [City], { description: '市州: the 17 cities of Hubei.' })
  cities(@Ctx() ctx: HubContext) {
    return listCities(ctx);
  }

  @Query(() => [Industry], { description: 'GB/T 4754 classes on record.' })
  industries(@Ctx() ctx: HubContext) {
    return listIndustries(ctx);
  }
}
