/** Published batches, newest first, each with its own counts. */
import { BatchesDocument, type BatchFragment } from '../../gql/graphql.ts';
import { all } from '../api.ts';
import { chinaDate } from '../format.ts';

export type Batch = BatchFragment & {
  /** yyyy-mm-dd in China */
  publishedOn: string | null;
  slug: string;
};

export async function loadBatches(): Promise<Batch[]> {
  const rows = await all(BatchesDocument, (d) => d.batches, {});
  return rows.map((b) => ({ ...b, publishedOn: b.publishedAt ? chinaDate(b.publishedAt) : null, slug: b.id }));
}
