/**
 * `tsx bench/import-memory.ts --rows 50000,200000 [--format xlsx] [--publish]`: peak RSS of
 * `pnpm hub import` (and `publish`) alone, at several sizes in one throwaway database each — the
 * slope tells what grows with the file. `--format xlsx` writes the same rows as a workbook (shared
 * strings after the sheet, as Excel stores them) instead of a CSV.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDatabase, startEmbeddedPostgres } from '../db/src/embedded.ts';
import { timedHub } from './lib/processes.ts';
import { writeSpotCheckCsv, writeSpotCheckXlsx } from './generate.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '50000,200000' },
    publish: { type: 'boolean', default: false },
    format: { type: 'string', default: 'csv' },
  },
});
if (values.format !== 'csv' && values.format !== 'xlsx') throw new Error(`--format is csv or xlsx, not ${values.format}`);
const dir = await mkdtemp(join(tmpdir(), 'hub-bench-mem-'));
await chmod(dir, 0o755);
const embedded = await startEmbeddedPostgres({ dataDir: join(dir, 'db'), throwaway: true, database: 'hub_m0' });
try {
  for (const [i, rows] of values.rows!.split(',').map(Number).entries()) {
    const file = join(dir, `s${rows}.${values.format}`);
    const bytes = values.format === 'xlsx' ? await writeSpotCheckXlsx(file, rows) : await writeSpotCheckCsv(file, rows);
    const url = embedded.url.replace(/\/hub_m0$/, `/hub_m${i + 1}`);
    await ensureDatabase(embedded.url, `hub_m${i + 1}`);
    await timedHub(['batches'], { DATABASE_URL: url });
    const run = await timedHub(['import', file, '--kind', 'spot-checks'], { DATABASE_URL: url });
    const size = `${values.format}, ${(bytes / 1024 ** 2).toFixed(1)} MB`;
    console.log(`${rows} rows (${size}): import ${run.seconds.toFixed(1)} s, peak RSS ${Math.round(run.peakMiB)} MiB`);
    if (values.publish) {
      const batch = /draft batch (\d+)/.exec(run.output)?.[1];
      const p = await timedHub(['publish', batch!], { DATABASE_URL: url });
      console.log(`${rows} rows: publish ${p.seconds.toFixed(1)} s, peak RSS ${Math.round(p.peakMiB)} MiB`);
    }
  }
} finally {
  await embedded.stop();
  await rm(dir, { recursive: true, force: true });
}
