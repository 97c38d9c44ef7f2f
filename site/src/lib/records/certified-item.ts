/** Certified items (认定对象) with their status and revocations (their logo authorisations: logo.ts). */
import { CertifiedItemsDocument, type ItemFragment } from '../../gql/graphql.ts';
import { all } from '../api.ts';
import { itemSlug } from '../slug.ts';

export type Item = ItemFragment & { slug: string };

export async function loadItems(): Promise<Item[]> {
  const rows = await all(CertifiedItemsDocument, (d) => d.certifiedItems, {});
  return rows.map((i) => ({ ...i, slug: itemSlug(i) }));
}
