/**
 * `pnpm bench:import [ROWS]`: how fast a large spot-check file goes through the import workflow,
 * compared with the fastest way PostgreSQL can take the same rows (COPY).
 *
 * 1. Generates a realistic spot-check CSV (default 200,000 rows; deterministic, bench/generate.ts).
 * 2. Starts a throwaway embedded PostgreSQL with two migrated databases.
 * 3. importFile + publishBatch of the CSV into the first (peak RSS measured here, before step 4).
 * 4. Baseline: COPY of the same rows — producers into enterprise, results into spot_check, failed
 *    items into nonconforming_item — into the second, from COPY text prepared beforehand.
 * Prints rows/s for both, the ratio, and the process's peak RSS.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgConnection, copyLine, ensureDatabase, migrate, openOrm, startEmbeddedPostgres, type Queryable } from '../db/src/index.ts';
import { importFile, publishBatch } from '../api/src/index.ts';
import { writeSpotCheckCsv } from './generate.ts';

const ROWS = Number(process.argv[2] ?? process.env.BENCH_ROWS ?? 200_000);
const MB = 1024 * 1024;

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
const rate = (rows: number, s: number) => `${Math.round(rows / s).toLocaleString('en-US')} rows/s`;
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'hub-bench-'));
  // as root, the embedded server runs as the `postgres` user, who must reach its folder
  await chmod(dir, 0o755);
  const csv = join(dir, 'spot-checks.csv');
  let server: { stop(): Promise<void> } | undefined;
  try {
    let t = process.hrtime.bigint();
    const bytes = await writeSpotCheckCsv(csv, ROWS);
    console.log(
      `generated ${ROWS.toLocaleString('en-US')} spot-check rows (${(bytes / MB).toFixed(1)} MB CSV) in ${seconds(t).toFixed(1)} s`,
    );

    t = process.hrtime.bigint();
    const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'db'), throwaway: true, database: 'hub_import' });
    server = pg;
    await ensureDatabase(pg.url, 'hub_copy');
    const copyUrl = pg.url.replace(/\/hub_import$/, '/hub_copy');
    for (const url of [pg.url, copyUrl]) {
      const orm = await openOrm(url);
      await migrate(orm);
      await orm.close();
    }
    // one connection each, as `pnpm hub import` and `pnpm hub publish` use
    const importDb = await PgConnection.open(pg.url);
    const copyDb = await PgConnection.open(copyUrl);
    console.log(`embedded PostgreSQL started and migrated in ${seconds(t).toFixed(1)} s\n`);

    // --- the import workflow -----------------------------------------------------------------
    const rssBefore = peakRssMb();
    t = process.hrtime.bigint();
    const summary = await importFile(importDb, csv, { kind: 'spot-checks', errorsFile: join(dir, 'errors.csv') });
    const importSeconds = seconds(t);
    t = process.hrtime.bigint();
    const steps: Array<[string, bigint]> = [];
    const published = await publishBatch(importDb, summary.batchId!, { onStep: (step) => steps.push([step, process.hrtime.bigint()]) });
    steps.push(['', process.hrtime.bigint()]);
    const publishSeconds = seconds(t);
    const workflowSeconds = importSeconds + publishSeconds;
    const rssAfter = peakRssMb();
    if (summary.rows !== ROWS || published.inserted !== ROWS)
      throw new Error(`imported ${summary.rows}, published ${published.inserted} of ${ROWS}`);

    // --- the COPY baseline -------------------------------------------------------------------
    const prepared = await prepareCopy(importDb);
    let spotCheckSeconds = 0;
    await copyDb.transaction(async () => {
      await copyDb.execute(`INSERT INTO batch (id, kind, title, status) VALUES (1, 'spot_checks', 'COPY baseline', 'published')`);
      t = process.hrtime.bigint();
      await copyDb.copyFrom(
        'COPY enterprise (id, uscc, name, address, city_code, county, province_code, batch_id) FROM STDIN',
        prepared.enterprises,
      );
      const s = process.hrtime.bigint();
      await copyDb.copyFrom(`COPY spot_check (${SPOT_CHECK_COLUMNS}) FROM STDIN`, prepared.spotChecks);
      spotCheckSeconds = seconds(s);
      await copyDb.copyFrom(
        'COPY nonconforming_item (spot_check_id, seq, item, requirement, measured, batch_id) FROM STDIN',
        prepared.items,
      );
    });
    const copySeconds = seconds(t);
    await importDb.close();
    await copyDb.close();

    const ratio = workflowSeconds / copySeconds;
    console.log('rows/s (spot-check results; each with its producer and nonconforming items)');
    console.log(`  COPY spot_check alone             ${spotCheckSeconds.toFixed(2).padStart(7)} s   ${rate(ROWS, spotCheckSeconds)}`);
    console.log(`  COPY baseline (enterprise + spot_check + nonconforming_item)`);
    console.log(`                                    ${copySeconds.toFixed(2).padStart(7)} s   ${rate(ROWS, copySeconds)}`);
    console.log(`  importFile (read, check, draft)   ${importSeconds.toFixed(2).padStart(7)} s   ${rate(ROWS, importSeconds)}`);
    console.log(`  publishBatch (one transaction)    ${publishSeconds.toFixed(2).padStart(7)} s   ${rate(ROWS, publishSeconds)}`);
    console.log(`  import + publish                  ${workflowSeconds.toFixed(2).padStart(7)} s   ${rate(ROWS, workflowSeconds)}`);
    console.log('publish steps:');
    for (let i = 0; i + 1 < steps.length; i++) {
      console.log(`  ${steps[i][0].padEnd(32)} ${(Number(steps[i + 1][1] - steps[i][1]) / 1e9).toFixed(2).padStart(7)} s`);
    }
    const finishing = Number(steps[steps.length - 1][1] - steps[steps.length - 2][1]) / 1e9;
    console.log(
      `ratio without the last step (afterPublish: derived case state, not the import's own work): ${((workflowSeconds - finishing) / copySeconds).toFixed(2)}×`,
    );
    console.log(`ratio (import + publish) / COPY baseline: ${ratio.toFixed(2)}×  (aim: within 3×)`);
    console.log(
      `peak RSS: ${rssAfter.toFixed(0)} MB after import + publish (${rssBefore.toFixed(0)} MB before it); CSV ${(bytes / MB).toFixed(0)} MB`,
    );
  } finally {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * COPY text for the baseline, prepared before the clock starts: exactly the rows the workflow
 * wrote — its enterprises, results (every column, city, extras, links) and nonconforming items —
 * read back from the first database.
 */
async function prepareCopy(source: Queryable): Promise<{ enterprises: string[]; spotChecks: string[]; items: string[] }> {
  const lines = async (query: string) => (await source.query(query)).map((row) => copyLine(Object.values(row) as string[]));
  return {
    enterprises: await lines(`SELECT id, uscc, name, address, city_code, county, province_code, 1 FROM enterprise ORDER BY id`),
    spotChecks: await lines(
      `SELECT id, report_no, check_type, task_name, product_category, product_name, trademark, model_spec, production_batch,
              production_date::text, producer_id, producer_name, producer_address, sampled_unit_id, sampled_unit_name,
              sampled_unit_address, sampling_stage, platform, sampled_on::text, sampling_agency, testing_agency, report_date::text,
              conclusion, severity, main_problem, remarks, certified_item_id, city_code, extra::text, 1
         FROM spot_check ORDER BY id`,
    ),
    items: await lines(`SELECT spot_check_id, seq, item, requirement, measured, 1 FROM nonconforming_item ORDER BY id`),
  };
}

const SPOT_CHECK_COLUMNS = `id, report_no, check_type, task_name, product_category, product_name, trademark, model_spec, production_batch,
  production_date, producer_id, producer_name, producer_address, sampled_unit_id, sampled_unit_name, sampled_unit_address,
  sampling_stage, platform, sampled_on, sampling_agency, testing_agency, report_date, conclusion, severity, main_problem, remarks,
  certified_item_id, city_code, extra, batch_id`;

await main();
