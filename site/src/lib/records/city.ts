/** The 17 市州 of Hubei (GB/T 2260), as the API lists them. */
import { CitiesDocument, type CitiesQuery } from '../../gql/graphql.ts';
import { request } from '../api.ts';

export type City = CitiesQuery['cities'][number];

let loaded: Promise<City[]> | undefined;

/** read once per build */
export function loadCities(): Promise<City[]> {
  loaded ??= request(CitiesDocument).then((d) => d.cities);
  return loaded;
}
