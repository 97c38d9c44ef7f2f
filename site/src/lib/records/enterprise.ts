/** Certified enterprises (the others have no page). */
import { EnterprisesDocument, type EnterpriseFragment } from '../../gql/graphql.ts';
import { all } from '../api.ts';
import { enterpriseSlug } from '../slug.ts';

export type Enterprise = EnterpriseFragment & { slug: string };

export async function loadEnterprises(): Promise<Enterprise[]> {
  const rows = await all(EnterprisesDocument, (d) => d.enterprises, {});
  return rows.map((e) => ({ ...e, slug: enterpriseSlug(e) }));
}
