/**
 * Measures a site build against the sample data: time, pages, and the peak memory of the build's
 * process tree (Astro and the Pagefind binary it starts), sampled from /proc every 100 ms.
 *
 *   pnpm exec tsx --tsconfig tsconfig.json tests/site/measure-build.ts --size province
 *
 * Options: --size demo|province (default province); --keep keeps the database
 * (hub_site_measure_<size>) and reuses it next time; --out DIR (default a temporary folder).
 * The database server is a throwaway embedded PostgreSQL unless you name one: DATABASE_URL (or
 * --server) postgres://… — any database of that server is used only to create
 * hub_site_measure_<size> beside it. The API runs in this process and is not counted: the budget
 * is the build's. `pnpm bench:site` compares the same build with a trivial Astro site.
 */
import { chmod, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { freePort, migrate, openOrm, startEmbeddedPostgres } from '@hub/db';
import { ensureCalendar, refreshCaseState } from '@hub/api/case-state';
// the generator's own module: it is not re-exported by @hub/db everywhere yet
import { loadSample } from '../../db/src/sample/generate.ts';
import { buildSite, startApiServer } from '@hub/api';
import { TreeSampler } from '../../bench/lib/processes.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'province' },
    server: { type: 'string' },
    keep: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
const size = values.size as 'demo' | 'province';
const at = (server: string, database: string) => Object.assign(new URL(server), { pathname: `/${database}` }).toString();

// explicit, never guessed: a server named by the user, else an embedded one of our own
let server = values.server ?? process.env.DATABASE_URL;
let stopEmbedded: (() => Promise<void>) | undefined;
if (server) {
  console.log(`Database server: ${new URL(server).host} (${values.server ? '--server' : 'DATABASE_URL'})`);
} else {
  const dataDir = await mkdtemp(join(tmpdir(), 'hub-measure-pg-'));
  // as root the embedded server runs as `postgres`, who must reach its folder
  await chmod(dataDir, 0o755);
  const embedded = await startEmbeddedPostgres({ dataDir, throwaway: true, database: 'postgres' });
  server = embedded.url;
  console.log('Database server: a throwaway embedded PostgreSQL');
  stopEmbedded = async () => {
    await embedded.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

const database = `hub_site_measure_${size}`;
const admin = new pg.Client({ connectionString: server });
await admin.connect();
const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount === 1;
const url = at(server, database);
let loaded = false;
if (exists && values.keep) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  loaded = Number((await c.query('SELECT count(*) AS n FROM spot_check')).rows[0].n) > 0;
  await c.end();
}
if (!loaded) {
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
}
const orm = await openOrm(url);
if (!loaded) {
  await migrate(orm);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await ensureCalendar(c);
  await c.end();
  const started = performance.now();
  console.log(`Loading the ${size} sample…`);
  const sample = await loadSample(url, { size });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const cases = await refreshCaseState(client);
  await client.end();
  console.log(`  ${sample.counts.spot_check} spot checks, ${cases.cases} cases in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
const api = await startApiServer(orm, { host: '127.0.0.1', port: await freePort() });

// the build's process tree below this process (Astro and the Pagefind indexers), not the API in it
// nor an embedded PostgreSQL
const sampler = new TreeSampler(process.pid, false, ['postgres']);

const outDir = values.out ?? (await mkdtemp(join(tmpdir(), 'hub-site-measure-')));
try {
  const build = await buildSite({ apiUrl: api.url, outDir, quiet: false });
  sampler.stop();
  let pages = 0;
  let bytes = 0;
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) await walk(p);
      else {
        bytes += (await stat(p)).size;
        if (entry.name.endsWith('.html')) pages++;
      }
    }
  };
  await walk(outDir);
  const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;
  console.log(
    `\nSite build (${size} sample): ${build.seconds.toFixed(1)} s, ${pages} HTML pages, ${(bytes / 1024 / 1024).toFixed(0)} MiB output in ${outDir}`,
  );
  console.log(`Peak memory of the build's process tree (sum of RSS): ${mb(sampler.peakKb)}`);
  for (const [n, kb] of [...sampler.byName].sort((a, b) => b[1] - a[1])) console.log(`  peak ${n}: ${mb(kb)}`);
} finally {
  sampler.stop();
  await api.stop();
  await orm.close();
  if (!values.keep) await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
  await stopEmbedded?.();
  if (!values.out) await rm(outDir, { recursive: true, force: true });
}
