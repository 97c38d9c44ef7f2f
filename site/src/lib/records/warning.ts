/** Consumer warnings (消费警示, 003 Art. 26). */
import { WarningsDocument, type WarningFragment } from '../../gql/graphql.ts';
import { all } from '../api.ts';
import { warningSlug } from '../slug.ts';

export type Warning = WarningFragment & { slug: string };

export async function loadWarnings(): Promise<Warning[]> {
  const rows = await all(WarningsDocument, (d) => d.consumerWarnings, {});
  return rows.map((w) => ({ ...w, slug: warningSlug(w) }));
}
