import { PgConnection, loadSample } from '@hub/db';
import { refreshCaseState } from './case-state/case-state.service.ts';

/**
 * Generated sample data (示例数据, db/src/sample) and then what the rules derive from it, so the
 * sample shows statuses and disclosure like real data would.
 */
export async function loadSampleData(
  url: string,
  options: { size: 'demo' | 'province'; seed?: number; asOf?: string; progress?: boolean },
): Promise<{ spotChecks: number; cases: number }> {
  const summary = await loadSample(url, {
    size: options.size,
    seed: options.seed,
    asOf: options.asOf,
    onProgress: options.progress && process.stderr.isTTY ? (message: string) => process.stderr.write(`\r${message}`.padEnd(60)) : undefined,
  });
  if (options.progress && process.stderr.isTTY) process.stderr.write('\n');
  const refreshed = await PgConnection.using(url, async (db) => {
    const result = await refreshCaseState(db);
    // fresh statistics for the planner: the tables just grew from nothing
    await db.execute('ANALYZE');
    return result;
  });
  return { spotChecks: summary.counts?.spot_check ?? 0, cases: refreshed.cases };
}
