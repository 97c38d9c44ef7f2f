/** Revocation decisions (撤销认定, 000 Art. 16). */
import { RevocationsDocument, type RevocationFragment } from '../../gql/graphql.ts';
import { all } from '../api.ts';
import { reportSlug } from '../slug.ts';

export type Revocation = RevocationFragment & { slug: string };

export async function loadRevocations(): Promise<Revocation[]> {
  const rows = await all(RevocationsDocument, (d) => d.revocations, {});
  return rows.map((r) => ({ ...r, slug: reportSlug(r.decisionNo) }));
}
