/** Published failed results: the Art. 27 fields, the case (events, deadlines, status) and its disclosure. */
import { FailuresDocument, type FailureFragment } from '../../gql/graphql.ts';
import { all } from '../api.ts';
import { reportSlug } from '../slug.ts';
import type { Stat } from './stats.ts';

export type Failure = FailureFragment & { slug: string };

/** Runs the tasks at most `width` at a time, results in task order. */
async function pooled<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        out[i] = await tasks[i]();
      }
    }),
  );
  return out;
}

/**
 * The published failures, newest first, read month by month: every page of a connection also
 * counts its whole filtered list, so one list of 300,000 results paged 100 at a time would count
 * 300,000 rows per page. A month's window keeps each count small. Only months with published
 * results are read (a published failure is always counted in the statistics).
 */
export async function loadFailures(months: Pick<Stat, 'key' | 'checked'>[]): Promise<Failure[]> {
  const windows = months
    .filter((m) => m.key && m.checked > 0)
    .map((m) => m.key!)
    .sort()
    .reverse();
  const lastDay = (month: string) => {
    const [y, m] = month.split('-').map(Number);
    return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  };
  const pages = await pooled(
    windows.map((month) => () => all(FailuresDocument, (d) => d.spotChecks, { from: `${month}-01`, to: lastDay(month) })),
    3,
  );
  return pages.flat().map((f) => ({ ...f, slug: reportSlug(f.reportNo) }));
}
