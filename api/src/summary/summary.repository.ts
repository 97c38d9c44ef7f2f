import type { Summary } from '@hub/schema';
import { visibleEnterpriseCount } from '../enterprise/enterprise.repository.ts';
import { Repository } from '../repository/repository.ts';
import { SC_COUNTED, SC_FAILED, spotCheckFrom, spotCheckVisible } from '../spot-check/spot-check.repository.ts';

/**
 * Headline numbers and the health check. The numbers follow the aggregate policy (docs/API.md):
 * a public count counts only what the public may count — results the statistics count, failures
 * as listed, enterprises as visible — so a headline never exceeds what the lists show.
 */
export class SummaryRepository extends Repository {
  /** one statement, published batches only */
  async summary(): Promise<Summary> {
    const bureau = this.viewer.bureau;
    const [row] = await this.db.query<Record<string, string | number | boolean | null>>(
      `
    SELECT
      (SELECT to_char(max(published_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') FROM batch WHERE status = 'published') AS data_as_of,
      (SELECT coalesce(bool_or(is_sample), false) FROM batch WHERE status = 'published') AS contains_sample_data,
      (SELECT count(*) FROM batch WHERE status = 'published') AS published_batches,
      ${visibleEnterpriseCount(this.viewer, '$1')} AS enterprises,
      (SELECT count(*) FROM certified_item) AS certified_items,
      (SELECT count(*) FROM ${spotCheckFrom('$1')} WHERE ${bureau ? 'true' : SC_COUNTED}) AS spot_checks,
      (SELECT count(*) FROM ${spotCheckFrom('$1')} WHERE ${spotCheckVisible(this.viewer)} AND ${SC_FAILED}) AS failed_spot_checks,
      (SELECT count(*) FROM revocation) AS revocations,
      (SELECT count(*) FROM consumer_warning) AS consumer_warnings`,
      [this.today],
    );
    return {
      dataAsOf: row.data_as_of as string | null,
      containsSampleData: row.contains_sample_data as boolean,
      publishedBatches: Number(row.published_batches),
      enterprises: Number(row.enterprises),
      certifiedItems: Number(row.certified_items),
      spotChecks: Number(row.spot_checks),
      failedSpotChecks: Number(row.failed_spot_checks),
      revocations: Number(row.revocations),
      consumerWarnings: Number(row.consumer_warnings),
    };
  }

  /** a round trip to the database */
  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }
}
