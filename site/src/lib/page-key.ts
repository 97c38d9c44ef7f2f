import { createHash } from 'node:crypto';
import type { HubData } from './data';
import { SITE_URL } from './site.ts';

/**
 * Cache keys for Astro's incremental build (astro.config.mjs): a page is copied from the previous
 * build, not rendered again, when its key and its code are unchanged. The key must therefore cover
 * EVERYTHING the page shows; a key that misses a dependency would serve a stale public record, so
 * when in doubt, put it in.
 *
 * Only record pages get a key (Base.astro with `record`): they show no site-wide fact that
 * changes with every publish or every day (latest batch, data-as-of date, build day — those are
 * on the home and list pages and /status/). What the layout still shows of the site is covered
 * here: the sample-data banner and the site's address (canonical and permalink links).
 *
 * What a page computes from the day (a deadline passed, a logo answer as of today) must be passed
 * in `shown` as the computed result, never left implicit: e.g. the failure page passes its case
 * timeline (lib/timeline.ts, which compares deadlines with today), so the page is rendered again
 * on the day a deadline passes, and reused on every other day. Records the API answers as of today
 * (status, validity, overdue) carry that answer in their data, so they are covered by passing the
 * record. tests/site/incremental.test.ts holds every keyed route to this.
 */
export function pageKey(data: HubData, ...shown: unknown[]): string {
  const layout = { sample: data.summary.containsSampleData, site: SITE_URL };
  return createHash('sha256')
    .update(JSON.stringify([layout, shown]))
    .digest('base64url');
}

/** The latest of a record's dates (yyyy-mm-dd), for "最后更新于" on its page; null when it has none. */
export function latestDate(...dates: (string | null | undefined)[]): string | null {
  let latest: string | null = null;
  for (const d of dates) if (d && (!latest || d.slice(0, 10) > latest)) latest = d.slice(0, 10);
  return latest;
}
