/**
 * `tsx db/src/sample/cli.ts --url postgres://… --size demo|province [--seed N] [--as-of YYYY-MM-DD]`
 *
 * Loads the sample data (示例数据) into an empty, migrated database and prints the progress and a
 * summary. DATABASE_URL is used when --url is not given.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEFAULT_AS_OF, DEFAULT_SEED, loadSample, type SampleSize } from './generate.ts';

const USAGE = 'usage: tsx db/src/sample/cli.ts --url postgres://… --size demo|province [--seed N] [--as-of YYYY-MM-DD]';

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      size: { type: 'string', default: 'demo' },
      seed: { type: 'string' },
      'as-of': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const problems: string[] = [];
  const url = values.url ?? process.env.DATABASE_URL;
  if (!url) problems.push('--url (or DATABASE_URL) is required');
  if (values.size !== 'demo' && values.size !== 'province') problems.push(`--size must be demo or province, not "${values.size}"`);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) problems.push(`--seed must be an integer from 0 to 4294967295, not "${values.seed}"`);
  const asOf = values['as-of'] ?? DEFAULT_AS_OF;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) problems.push(`--as-of must be a date YYYY-MM-DD, not "${asOf}"`);
  if (problems.length) {
    console.error(`${problems.map((p) => `  - ${p}`).join('\n')}\n${USAGE}`);
    process.exit(2);
  }

  const started = performance.now();
  let lastPrint = 0;
  const summary = await loadSample(url!, {
    size: values.size as SampleSize,
    seed,
    asOf,
    onProgress(message, done, total) {
      const now = performance.now();
      if (now - lastPrint < 250 && done < total) return;
      lastPrint = now;
      process.stdout.write(`[${String(done).padStart(3)}/${total}] ${((now - started) / 1000).toFixed(1).padStart(5)} s  ${message}\n`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  // fresh statistics for the query planner now, rather than at autovacuum's next round
  const analyzeStarted = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('ANALYZE');
  await client.end();
  const analyzeSeconds = (performance.now() - analyzeStarted) / 1000;
  const rows = Object.values(summary.counts).reduce((a, b) => a + b, 0);
  console.log(`\n示例数据 loaded: size ${summary.size}, seed ${summary.seed}, as of ${summary.asOf}, ${summary.batches.length} batches`);
  for (const [table, count] of Object.entries(summary.counts)) console.log(`  ${table.padEnd(22)} ${String(count).padStart(9)}`);
  console.log(`  ${'total'.padEnd(22)} ${String(rows).padStart(9)}`);
  console.log(
    `${seconds.toFixed(1)} s: ${Math.round(summary.counts.spot_check / seconds).toLocaleString('en')} spot-check rows/s, ` +
      `${Math.round(rows / seconds).toLocaleString('en')} rows/s over all tables; then ANALYZE ${analyzeSeconds.toFixed(1)} s`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  if (error instanceof Error && error.cause) console.error(error.cause);
  process.exit(1);
});
