/**
 * `pnpm bench:import [--rows 200000,1000000]`: how long a large spot-check file takes through the
 * bureau's workflow (`pnpm hub import` then `pnpm hub publish`, each its own process, as the
 * bureau runs them), against the fastest way PostgreSQL takes the same rows: COPY into the same
 * schema. Prints the ratio and the peak memory of each command.
 *
 * For each size: a deterministic CSV (bench/generate.ts) → a throwaway embedded PostgreSQL with
 * two databases, migrated by the hub itself → import + publish into the first → COPY of exactly
 * the rows the workflow wrote (producers, results with every column, nonconforming items; read
 * back and turned into COPY text before the clock starts) into the second.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ensureDatabase, startEmbeddedPostgres } from '../db/src/embedded.ts';
import { copyFrom, copyLine } from './lib/copy.ts';
import { timedHub, type Timed } from './lib/processes.ts';
import { writeSpotCheckCsv } from './generate.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: process.env.BENCH_ROWS ?? '200000' } } });
const SIZES = values.rows!.split(',').map((s) => Number(s.replace(/_/g, '')));
if (!SIZES.every((n) => Number.isInteger(n) && n > 0)) throw new Error('--rows takes whole numbers, e.g. --rows 200000,1000000');

const MB = 1024 * 1024;
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const seconds = (from: number) => (performance.now() - from) / 1000;

const SPOT_CHECK_COLUMNS = `id, report_no, check_type, task_name, product_category, product_name, trademark, model_spec, production_batch,
  production_date, producer_id, producer_name, producer_address, sampled_unit_id, sampled_unit_name, sampled_unit_address,
  sampling_stage, platform, sampled_on, sampling_agency, testing_agency, report_date, conclusion, severity, main_problem, remarks,
  certified_item_id, city_code, extra, batch_id`;

interface Outcome {
  rows: number;
  csvMiB: number;
  importRun: Timed;
  publishRun: Timed;
  startup: number;
  copySeconds: number;
  copySpotCheckSeconds: number;
}

async function measure(rows: number): Promise<Outcome> {
  const dir = await mkdtemp(join(tmpdir(), 'hub-bench-import-'));
  // as root, the embedded server runs as the `postgres` user, who must reach its folder
  await chmod(dir, 0o755);
  let server: { stop(): Promise<void> } | undefined;
  try {
    let t = performance.now();
    const csv = join(dir, 'spot-checks.csv');
    const bytes = await writeSpotCheckCsv(csv, rows);
    console.log(`  generated ${n(rows)} rows (${(bytes / MB).toFixed(1)} MB CSV) in ${seconds(t).toFixed(1)} s`);

    const embedded = await startEmbeddedPostgres({ dataDir: join(dir, 'db'), throwaway: true, database: 'hub_import' });
    server = embedded;
    await ensureDatabase(embedded.url, 'hub_copy');
    const importUrl = embedded.url;
    const copyUrl = embedded.url.replace(/\/hub_import$/, '/hub_copy');
    // the hub migrates a database it opens: the first command migrates, the second is start-up alone
    await timedHub(['batches'], { DATABASE_URL: importUrl });
    await timedHub(['batches'], { DATABASE_URL: copyUrl });
    const startup = (await timedHub(['batches'], { DATABASE_URL: importUrl })).seconds;

    const importRun = await timedHub(['import', csv, '--kind', 'spot-checks'], { DATABASE_URL: importUrl });
    const batch = /draft batch (\d+)/.exec(importRun.output)?.[1];
    if (!batch) throw new Error(`no draft batch in the import's output:\n${importRun.output}`);
    const publishRun = await timedHub(['publish', batch], { DATABASE_URL: importUrl });
    console.log(`  pnpm hub import  ${importRun.seconds.toFixed(1).padStart(7)} s   peak RSS ${n(importRun.peakMiB)} MiB`);
    console.log(`  pnpm hub publish ${publishRun.seconds.toFixed(1).padStart(7)} s   peak RSS ${n(publishRun.peakMiB)} MiB`);

    const source = new pg.Client({ connectionString: importUrl });
    await source.connect();
    const [{ published }] = (await source.query(`SELECT count(*)::int AS published FROM spot_check WHERE batch_id = $1`, [batch])).rows;
    if (published !== rows) throw new Error(`published ${published} of ${rows} rows`);
    const lines = async (text: string) => (await source.query({ text, rowMode: 'array' })).rows.map((row: unknown[]) => copyLine(row));
    const enterprises = await lines(`SELECT id, uscc, name, address, city_code, county, province_code, 1 FROM enterprise ORDER BY id`);
    const spotChecks = await lines(
      `SELECT id, report_no, check_type, task_name, product_category, product_name, trademark, model_spec, production_batch,
              production_date::text, producer_id, producer_name, producer_address, sampled_unit_id, sampled_unit_name,
              sampled_unit_address, sampling_stage, platform, sampled_on::text, sampling_agency, testing_agency, report_date::text,
              conclusion, severity, main_problem, remarks, certified_item_id, city_code, extra::text, 1
         FROM spot_check ORDER BY id`,
    );
    const items = await lines(`SELECT spot_check_id, seq, item, requirement, measured, 1 FROM nonconforming_item ORDER BY id`);
    await source.end();

    const target = new pg.Client({ connectionString: copyUrl });
    await target.connect();
    let copySpotCheckSeconds: number;
    t = performance.now();
    try {
      await target.query('BEGIN');
      await target.query(`INSERT INTO batch (id, kind, title, status) VALUES (1, 'spot_checks', 'COPY baseline', 'published')`);
      await copyFrom(
        target,
        'COPY enterprise (id, uscc, name, address, city_code, county, province_code, batch_id) FROM STDIN',
        enterprises,
      );
      const s = performance.now();
      await copyFrom(target, `COPY spot_check (${SPOT_CHECK_COLUMNS}) FROM STDIN`, spotChecks);
      copySpotCheckSeconds = seconds(s);
      await copyFrom(target, 'COPY nonconforming_item (spot_check_id, seq, item, requirement, measured, batch_id) FROM STDIN', items);
      await target.query('COMMIT');
    } finally {
      await target.end();
    }
    const copySeconds = seconds(t);
    return { rows, csvMiB: bytes / MB, importRun, publishRun, startup, copySeconds, copySpotCheckSeconds };
  } finally {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

const outcomes: Outcome[] = [];
for (const rows of SIZES) {
  console.log(`${n(rows)} spot-check results (each with its producer and nonconforming items):`);
  const o = await measure(rows);
  outcomes.push(o);
  const work = o.importRun.seconds + o.publishRun.seconds - 2 * o.startup;
  console.log(
    `  COPY of the same rows (enterprise + spot_check + nonconforming_item) ${o.copySeconds.toFixed(1)} s ` +
      `(spot_check alone ${o.copySpotCheckSeconds.toFixed(1)} s)`,
  );
  console.log(`  a hub command's own start-up (pnpm hub batches) ${o.startup.toFixed(1)} s, subtracted once per command below`);
  console.log(`  import + publish ${work.toFixed(1)} s = ${n(rows / work)} rows/s; COPY ${n(rows / o.copySeconds)} rows/s`);
  console.log(`  ratio (import + publish) / COPY: ${(work / o.copySeconds).toFixed(2)}×  (goal ≤ 1.5×)\n`);
}
console.log('| rows | import + publish | COPY | ratio | peak RSS import / publish |');
console.log('| --- | --- | --- | --- | --- |');
for (const o of outcomes) {
  const work = o.importRun.seconds + o.publishRun.seconds - 2 * o.startup;
  console.log(
    `| ${n(o.rows)} | ${work.toFixed(1)} s (${n(o.rows / work)} rows/s) | ${o.copySeconds.toFixed(1)} s (${n(o.rows / o.copySeconds)} rows/s) | ` +
      `**${(work / o.copySeconds).toFixed(2)}×** | ${n(o.importRun.peakMiB)} / ${n(o.publishRun.peakMiB)} MiB |`,
  );
}
