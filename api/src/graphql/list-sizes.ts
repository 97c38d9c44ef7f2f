import type { Queryable } from '@hub/db';
import { todayInChina } from '../clock.ts';
import { StatsDimension } from '@hub/schema';
import { countResultListMaxima, type ResultListMaxima } from '../spot-check/spot-check.repository.ts';
import { MAX_STAT_DIMENSIONS, MAX_STAT_GROUPS, countListSizes, type ListSizeCounts } from '../stats/stats.repository.ts';
import { longestGroup as longest } from '../repository/where.ts';
import type { ListSizes } from './limits.ts';

/** The longest list of certification records one object holds (all of them are public). */
interface RecordListMaxima {
  itemsPerEnterprise: number;
  cultivationPerEnterprise: number;
  evaluationsPerEnterprise: number;
  revocationsPerEnterprise: number;
  revocationsPerItem: number;
  logosPerItem: number;
  logosPerEnterprise: number;
  itemsPerRevocation: number;
  changesPerCorrection: number;
}

type Counts = ListSizeCounts & ResultListMaxima & RecordListMaxima;

async function countRecordListMaxima(db: Queryable): Promise<RecordListMaxima> {
  const [row] = await db.query<RecordListMaxima>(
    `SELECT ${longest('certified_item', 'enterprise_id')} AS "itemsPerEnterprise",
      ${longest('cultivation_entry', 'enterprise_id')} AS "cultivationPerEnterprise",
      ${longest('standard_evaluation', 'enterprise_id')} AS "evaluationsPerEnterprise",
      ${longest('revocation', 'enterprise_id')} AS "revocationsPerEnterprise",
      ${longest('revocation_item', 'certified_item_id')} AS "revocationsPerItem",
      ${longest('logo_authorisation WHERE certified_item_id IS NOT NULL', 'certified_item_id')} AS "logosPerItem",
      ${longest('logo_authorisation', 'enterprise_id')} AS "logosPerEnterprise",
      ${longest('revocation_item', 'revocation_id')} AS "itemsPerRevocation",
      (SELECT coalesce(max(jsonb_array_length(changes)), 0) FROM correction_notice)::int AS "changesPerCorrection"`,
  );
  return row;
}

/**
 * The real sizes of the lists without paging, counted in the database (at start-up, then every
 * few minutes): `selfReports` is priced at one item per certified item, an enterprise's
 * `spotChecks` at the most results any enterprise has, a result's `nonconformingItems` at the
 * most any result has — upper bounds, not guesses, so 30 aliases (or a page of 100 parents) of a
 * list cost what they may return. Every list of objects in the schema has its size here (a test
 * walks the schema); one without is priced at the largest page.
 */
export class DatabaseListSizes implements ListSizes {
  private counts: Counts = {
    certifiedItems: 0,
    industries: 0,
    cities: 0,
    productCategories: 0,
    years: 0,
    months: 0,
    rounds: 0,
    perProducer: 0,
    perCertifiedItem: 0,
    perWarning: 0,
    nonconformingItems: 0,
    events: 0,
    deadlines: 0,
    warnings: 0,
    itemsPerEnterprise: 0,
    cultivationPerEnterprise: 0,
    evaluationsPerEnterprise: 0,
    revocationsPerEnterprise: 0,
    revocationsPerItem: 0,
    logosPerItem: 0,
    logosPerEnterprise: 0,
    itemsPerRevocation: 0,
    changesPerCorrection: 0,
  };
  private timer?: NodeJS.Timeout;

  constructor(private readonly db: Queryable) {}

  async refresh(): Promise<void> {
    try {
      const today = todayInChina();
      const [lists, results, records] = await Promise.all([
        countListSizes(this.db, today),
        countResultListMaxima(this.db, today),
        countRecordListMaxima(this.db),
      ]);
      this.counts = { ...lists, ...results, ...records };
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
    switch (`${type}.${field}`) {
      case 'Query.selfReports':
      case 'Query.revocationCandidates':
      case 'CoverageReport.gaps':
        return at(c.certifiedItems);
      case 'Query.cities':
        return at(c.cities);
      case 'Query.industries':
        return at(c.industries);
      case 'Query.roundFunnels':
        return at(c.rounds);
      case 'Query.revocationsPerYear':
      case 'Query.warningsPerYear':
        return at(c.years);
      case 'Query.spotCheckStats':
      case 'Batch.spotCheckStats':
        return at(this.groups(args.by as StatsDimension));
      // several dimensions: priced at the most groups an answer may have (stats.service.ts MAX_GROUPS)
      case 'SpotCheckStatistics.groups':
        return MAX_STAT_GROUPS;
      case 'SpotCheckStatGroup.keys':
        return MAX_STAT_DIMENSIONS;
      case 'SpotCheckStatistics.excluded':
        return 4;
      case 'Enterprise.spotChecks':
        return at(c.perProducer);
      case 'Enterprise.certifiedItems':
        return at(c.itemsPerEnterprise);
      case 'Enterprise.cultivationEntries':
        return at(c.cultivationPerEnterprise);
      case 'Enterprise.standardEvaluations':
        return at(c.evaluationsPerEnterprise);
      case 'Enterprise.revocations':
        return at(c.revocationsPerEnterprise);
      case 'CertifiedItem.spotChecks':
        return at(c.perCertifiedItem);
      case 'CertifiedItem.revocations':
        return at(c.revocationsPerItem);
      case 'CertifiedItem.logoAuthorisations':
        return at(c.logosPerItem);
      case 'Enterprise.logoAuthorisations':
        return at(c.logosPerEnterprise);
      case 'Revocation.items':
        return at(c.itemsPerRevocation);
      case 'ConsumerWarning.spotChecks':
        return at(c.perWarning);
      case 'SpotCheck.nonconformingItems':
        return at(c.nonconformingItems);
      case 'SpotCheck.events':
        return at(c.events);
      case 'SpotCheck.deadlines':
        return at(c.deadlines);
      case 'SpotCheck.warnings':
        return at(c.warnings);
      case 'PublicCorrection.changes':
        return at(c.changesPerCorrection);
      case 'Eligibility.exclusions':
        // one per revocation of the enterprise within three years, and one for failures in two consecutive years
        return at(c.revocationsPerEnterprise + 1);
    }
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
