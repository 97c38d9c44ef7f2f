/**
 * Measures a site build against the sample data: time, pages, and the peak memory of the build's
 * process tree (Astro and the Pagefind binary it starts), sampled from /proc every 100 ms.
 *
 *   pnpm exec tsx --tsconfig tsconfig.json tests/site/measure-build.ts --size province
 *
 * Options: --size demo|province (default province); --server postgres://… (default: the
 * machine's PostgreSQL at 127.0.0.1:5432, else an embedded one); --keep keeps the database
 * (hub_site_measure_<size>) and reuses it next time; --out DIR (default a temporary folder).
 * The API runs in this process and is not counted: the budget is the build's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { freePort, migrate, openOrm, startEmbeddedPostgres } from '@hub/db';
import { ensureCalendar, refreshCaseState, startApiServer, buildSite } from '@hub/api';
// the generator's own module: it is not re-exported by @hub/db everywhere yet
import { loadSample } from '../../db/src/sample/generate.ts';

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

async function reachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

let server = values.server ?? 'postgres://postgres@127.0.0.1:5432/postgres';
let stopEmbedded: (() => Promise<void>) | undefined;
if (!(await reachable(server))) {
  const dataDir = await mkdtemp(join(tmpdir(), 'hub-measure-pg-'));
  const embedded = await startEmbeddedPostgres({ dataDir, throwaway: true, database: 'postgres' });
  server = embedded.url;
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

/** RSS of every process below `root` (not root itself), by command name. */
function treeRss(root: number): { total: number; byName: Map<string, number> } {
  const parent = new Map<number, number>();
  const name = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const s = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = s.lastIndexOf(')');
      parent.set(Number(entry), Number(s.slice(close + 2).split(' ')[1]));
      name.set(Number(entry), s.slice(s.indexOf('(') + 1, close));
    } catch {
      // the process ended meanwhile
    }
  }
  const below = (pid: number): boolean => {
    for (let p = parent.get(pid); p; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  const byName = new Map<string, number>();
  let total = 0;
  for (const pid of parent.keys()) {
    if (!below(pid)) continue;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      const kb = m ? Number(m[1]) : 0;
      total += kb;
      const n = name.get(pid)!;
      byName.set(n, Math.max(byName.get(n) ?? 0, kb));
    } catch {
      // ended
    }
  }
  return { total, byName };
}

const peak = { total: 0, byName: new Map<string, number>() };
const sampler = setInterval(() => {
  const now = treeRss(process.pid);
  peak.total = Math.max(peak.total, now.total);
  for (const [n, kb] of now.byName) peak.byName.set(n, Math.max(peak.byName.get(n) ?? 0, kb));
}, 100);

const outDir = values.out ?? (await mkdtemp(join(tmpdir(), 'hub-site-measure-')));
try {
  const build = await buildSite({ apiUrl: api.url, outDir, quiet: false });
  clearInterval(sampler);
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
  console.log(`Peak memory of the build's process tree (sum of RSS): ${mb(peak.total)}`);
  for (const [n, kb] of [...peak.byName].sort((a, b) => b[1] - a[1])) console.log(`  peak ${n}: ${mb(kb)}`);
} finally {
  clearInterval(sampler);
  await api.stop();
  await orm.close();
  if (!values.keep) await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
  await stopEmbedded?.();
  if (!values.out) await rm(outDir, { recursive: true, force: true });
}
