import type { Queryable } from '@hub/db';
import { todayInChina } from '../clock.ts';
import { StatsDimension } from '@hub/schema';
import { countListSizes, type ListSizeCounts } from '../stats/stats.repository.ts';
import type { ListSizes } from './limits.ts';

/**
 * The real sizes of the lists without paging, counted in the database (at start-up, then every
 * few minutes): `selfReports` is priced at one item per certified item, not at a guess, so 30
 * aliases of it cost what they return.
 */
export class DatabaseListSizes implements ListSizes {
  private counts: ListSizeCounts = { certifiedItems: 0, industries: 0, cities: 0, productCategories: 0, years: 0, months: 0, rounds: 0 };
  private timer?: NodeJS.Timeout;

  constructor(private readonly db: Queryable) {}

  async refresh(): Promise<void> {
    try {
      this.counts = await countListSizes(this.db, todayInChina());
    } catch (error) {
      // the old counts stay; the API must not fail because a count did
      console.error('[api] could not count list sizes:', (error as Error).message);
    }
  }

  refreshEvery(ms: number): void {
    this.timer = setInterval(() => void this.refresh(), ms);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  size(type: string, field: string, args: Record<string, unknown>): number | undefined {
    const c = this.counts;
    const at = (n: number) => Math.max(1, n);
    if (type === 'Query') {
      switch (field) {
        case 'selfReports':
        case 'revocationCandidates':
          return at(c.certifiedItems);
        case 'cities':
          return at(c.cities);
        case 'industries':
          return at(c.industries);
        case 'roundFunnels':
          return at(c.rounds);
        case 'revocationsPerYear':
        case 'warningsPerYear':
          return at(c.years);
        case 'spotCheckStats':
          return at(this.groups(args.by as StatsDimension));
      }
      return undefined;
    }
    if (type === 'CoverageReport' && field === 'gaps') return at(c.certifiedItems);
    if (field === 'spotCheckStats') return at(this.groups(args.by as StatsDimension));
    return undefined;
  }

  private groups(by: StatsDimension): number {
    const c = this.counts;
    switch (by) {
      case StatsDimension.city:
        return c.cities + 1;
      case StatsDimension.industry:
        return c.industries + 1;
      case StatsDimension.productCategory:
        return c.productCategories;
      case StatsDimension.year:
        return c.years;
      case StatsDimension.month:
        return c.months;
      default:
        return 10;
    }
  }
}
