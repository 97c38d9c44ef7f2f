import { createHash } from 'node:crypto';
import type { HubData } from './data';

/**
 * Cache keys for Astro's incremental build (astro.config.mjs): a page is copied from the previous
 * build only when its key is unchanged, so the key must cover EVERYTHING the page shows — its
 * records and what the layout shows on every page (Base.astro: the latest batch, the date the
 * data is current to, the sample-data banner, the day the site was generated). A key that misses
 * a dependency would serve a stale public record: when in doubt, put it in.
 *
 * Note: the layout names the latest batch and today's date on every page, so every publish and
 * every new day changes every key. Only a build on the same day with the same latest batch reuses
 * pages (a retried or repeated build).
 */
export function pageKey(data: HubData, ...shown: unknown[]): string {
  const layout = {
    latestBatch: data.latestBatch,
    dataAsOf: data.summary.dataAsOf,
    sample: data.summary.containsSampleData,
    today: data.today,
  };
  return createHash('sha256')
    .update(JSON.stringify([layout, shown]))
    .digest('base64url');
}
