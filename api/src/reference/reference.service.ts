import type { City, Industry } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';

export function listCities(ctx: HubContext): Promise<City[]> {
  return ctx.repos.reference.cities();
}

export function listIndustries(ctx: HubContext): Promise<Industry[]> {
  return ctx.repos.reference.industries();
}
