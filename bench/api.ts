/**
 * `pnpm bench:api`: the public API's typical questions, measured against the fastest correct
 * server for them (bench/api/baseline.ts), with ratios. Everything runs as its own process: the
 * hub (`api/src/main.ts`, as a user starts it), the baseline (raw node:http + pg, the same
 * answers) and the load generator (autocannon). See bench/README.md.
 *
 *   HUB_DATA_DIR=.data-province pnpm bench:api      # or DATABASE_URL=postgres://…
 *   pnpm bench:api --quick                          # demo sample, throwaway database, < 1 min
 *
 * Options: --seconds 5 (per measure), --rounds 3, --concurrency 10,50, --only failures,search,
 * --compare 40 (sampled answers per question), --statements / --no-statements, --quick.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { firstDifference } from './api/compare.ts';
import type { RunResult } from './api/load.ts';
import { QUESTIONS, WALKS, body, buildPools, type Question } from './api/questions.ts';
import { ROOT, freePort, hubToday, sleep, spawnTsx, startHub, type DataSource, type RunningHub } from './lib/hub.ts';

const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string' },
    rounds: { type: 'string' },
    concurrency: { type: 'string' },
    only: { type: 'string' },
    compare: { type: 'string' },
    statements: { type: 'boolean' },
    'no-statements': { type: 'boolean' },
    quick: { type: 'boolean', default: false },
  },
});
const quick = options.quick!;
const SECONDS = Number(options.seconds ?? (quick ? 1 : 5));
const ROUNDS = Number(options.rounds ?? (quick ? 1 : 3));
const CONCURRENCY = (options.concurrency ?? (quick ? '10' : '10,50')).split(',').map(Number);
const COMPARE = Number(options.compare ?? (quick ? 12 : 40));
const STATEMENTS = options['no-statements'] ? false : (options.statements ?? !quick);
/** requests per question for the statement count */
const STATEMENT_REQUESTS = 30;
const selected = options.only ? options.only.split(',') : QUESTIONS.map((q) => q.name);
for (const name of selected)
  if (!QUESTIONS.some((q) => q.name === name))
    throw new Error(`--only: no question "${name}" (${QUESTIONS.map((q) => q.name).join(', ')})`);
if (![SECONDS, ROUNDS, COMPARE, ...CONCURRENCY].every((n) => Number.isFinite(n) && n > 0))
  throw new Error('--seconds, --rounds, --compare and --concurrency take positive numbers');
const questions = QUESTIONS.filter((q) => selected.includes(q.name));

/** pg's Stats are flushed by an idle backend within 10 s (PGSTAT_IDLE_INTERVAL): wait a little longer */
const STATS_FLUSH_MS = 11_000;

const cleanups: Array<() => Promise<unknown>> = [];
async function cleanup() {
  for (const c of cleanups.reverse()) {
    await c().catch((error) => console.error(error));
  }
  cleanups.length = 0;
}
process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

const fmt = (n: number, digits = 0) =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–';
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const range = (xs: number[], digits = 0) => (xs.length > 1 ? ` (${fmt(Math.min(...xs), digits)}–${fmt(Math.max(...xs), digits)})` : '');

async function post(url: string, payload: string): Promise<{ status: number; json: any; bytes: number }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${url} answered ${response.status} with no JSON: ${text.slice(0, 300)}`);
  }
  return { status: response.status, json, bytes: Buffer.byteLength(text) };
}

/**
 * Whether a side that was sent a pool's request again may have answered it from its cache: the
 * hub keeps answers 60 s (a repeat comes pool/rate seconds later), the baseline its last 1,000.
 */
function cacheMayHaveAnswered(side: 'hub' | 'baseline', runs: RunResult[], poolSize: number): boolean {
  if (!runs.some((r) => r.wrapped)) return false;
  return side === 'hub' ? runs.some((r) => poolSize / r.rps < 60) : poolSize < 1000;
}

async function main() {
  const today = hubToday();
  let source: DataSource;
  if (quick) {
    const dir = await mkdtemp(join(tmpdir(), 'hub-bench-api-'));
    // as root the embedded server runs as `postgres`, who must reach the folder
    await chmod(dir, 0o755);
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    source = { dataDir: dir };
  } else if (process.env.DATABASE_URL) {
    source = { databaseUrl: process.env.DATABASE_URL };
  } else {
    const dir = process.env.HUB_DATA_DIR?.trim() || '.data';
    source = { dataDir: isAbsolute(dir) ? dir : resolve(ROOT, dir) };
  }
  console.log(
    `Starting the hub (${quick ? 'demo sample in a throwaway database' : 'databaseUrl' in source ? 'DATABASE_URL' : `embedded database in ${source.dataDir}`}), today = ${today}…`,
  );
  const hub: RunningHub = await startHub(source, { today, sample: quick ? 'demo' : 'none' });
  cleanups.push(() => hub.stop());

  const basePort = await freePort();
  const baseline = spawnTsx('bench/api/baseline.ts', [], {
    env: { DATABASE_URL: hub.databaseUrl, BENCH_TODAY: today, PORT: String(basePort) },
  });
  cleanups.push(async () => {
    if (baseline.exitCode === null) {
      baseline.kill('SIGTERM');
      await once(baseline, 'exit');
    }
    baseline.stdout!.destroy();
    baseline.stderr!.destroy();
  });
  baseline.stderr!.pipe(process.stderr);
  await new Promise<void>((resolve, reject) => {
    baseline.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
    baseline.once('exit', (code) => reject(new Error(`the baseline exited (${code})`)));
  });
  const baseUrl = `http://127.0.0.1:${basePort}/graphql`;

  const db = new pg.Client({ connectionString: hub.databaseUrl });
  await db.connect();
  cleanups.push(() => db.end());
  const database = new URL(hub.databaseUrl).pathname.slice(1);
  const facts = (
    await db.query(
      `SELECT (SELECT count(*) FROM spot_check)::int AS results, (SELECT count(*) FROM certified_item)::int AS items,
            (SELECT count(*) FROM case_period WHERE published AND valid_from <= $1::date AND (valid_until IS NULL OR valid_until > $1::date))::int AS listed,
            current_setting('server_version') AS version`,
      [today],
    )
  ).rows[0];
  if (facts.results === 0) throw new Error('The database holds no spot checks: load a sample first (pnpm hub sample --size province).');
  console.log(
    `Data: ${fmt(facts.results)} spot-check results (${fmt(facts.listed)} listed today), ${fmt(facts.items)} certified items; PostgreSQL ${facts.version}`,
  );

  // --- the requests -------------------------------------------------------------------------
  const pools = await buildPools(db, today, quick ? 3_000 : 25_000);
  const slices = new Map<string, { compare: string[]; statements: string[]; load: string[] }>();
  for (const q of questions) {
    const all = pools[q.name];
    if (q.mode === 'repeated') slices.set(q.name, { compare: all, statements: [], load: all });
    else {
      const compare = all.slice(0, COMPARE);
      const statements = all.slice(COMPARE, COMPARE + STATEMENT_REQUESTS);
      slices.set(q.name, { compare, statements, load: all.slice(COMPARE + STATEMENT_REQUESTS) });
    }
  }

  // --- equal answers ------------------------------------------------------------------------
  const t0 = performance.now();
  let compared = 0;
  let bytes = 0;
  const check = async (payload: string, what: string) => {
    const [h, b] = await Promise.all([post(hub.apiUrl, payload), post(baseUrl, payload)]);
    if (h.status !== 200 || h.json.errors)
      throw new Error(
        `The hub answered ${what} with ${h.status}: ${JSON.stringify(h.json.errors ?? h.json).slice(0, 500)}\nrequest: ${payload}`,
      );
    if (b.status !== 200)
      throw new Error(`The baseline answered ${what} with ${b.status}: ${JSON.stringify(b.json).slice(0, 500)}\nrequest: ${payload}`);
    const difference = firstDifference(h.json.data, b.json.data, 'data');
    if (difference) throw new Error(`DIFFERENT ANSWERS (hub ≠ baseline) for ${what}:\n  ${difference.slice(0, 800)}\nrequest: ${payload}`);
    compared++;
    bytes += h.bytes;
    return h.json.data;
  };
  for (const q of questions) for (const payload of slices.get(q.name)!.compare) await check(payload, q.name);
  // walks: page on with the cursors the answers give (the hub's and the baseline's must agree)
  let walked = 0;
  for (const walk of WALKS) {
    let variables: Record<string, unknown> = walk.variables;
    for (let pageNo = 0; pageNo < (quick ? 3 : 6); pageNo++) {
      const data = await check(body(walk.operationName, variables), `${walk.operationName} page ${pageNo + 1}`);
      walked++;
      const connection = Object.values(data)[0] as { pageInfo: { hasNextPage: boolean; endCursor: string } };
      if (!connection.pageInfo.hasNextPage) break;
      variables = { ...variables, after: connection.pageInfo.endCursor };
    }
  }
  console.log(
    `Equal answers: ${compared} answers of hub and baseline deep-compared (${walked} of them by paging on with the returned cursors; ` +
      `${fmt(bytes / 1024)} KiB of JSON) in ${fmt((performance.now() - t0) / 1000, 1)} s — all equal.\n`,
  );

  // --- processes for the measures -----------------------------------------------------------
  const dir = await mkdtemp(join(tmpdir(), 'hub-bench-pools-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const load: ChildProcess = fork(join(ROOT, 'bench/api/load.ts'), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  cleanups.push(async () => {
    if (load.exitCode === null) {
      load.send({ type: 'exit' });
      await once(load, 'exit');
    }
  });
  const reply = () =>
    new Promise<any>((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`the load generator exited (${code})`));
      load.once('exit', onExit);
      load.once('message', (message) => {
        load.off('exit', onExit);
        resolve(message);
      });
    });
  await reply();
  for (const q of questions) {
    const file = join(dir, `${q.name}.json`);
    await writeFile(file, JSON.stringify(slices.get(q.name)!.load));
    load.send({ type: 'pool', name: q.name, file });
    await reply();
  }

  // a probe of the database server outside the measured database when it can (then its own
  // statements are not counted), else in it (then they are subtracted)
  const probe = new pg.Client({ connectionString: Object.assign(new URL(hub.databaseUrl), { pathname: '/postgres' }).toString() });
  let probeInside = false;
  try {
    await probe.connect();
  } catch {
    probeInside = true;
  }
  const probeClient = probeInside ? db : probe;
  if (!probeInside) cleanups.push(() => probe.end());
  /** waits until no statement of the measured database is running (a run's last requests finish) */
  const drain = async () => {
    for (let quiet = 0, i = 0; quiet < 3 && i < 600; i++) {
      const { rows } = await probeClient.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid()`,
        [database],
      );
      quiet = rows[0].n === 0 ? quiet + 1 : 0;
      await sleep(100);
    }
    await sleep(200);
  };
  // PostgreSQL 18 counts the parallel workers it starts (each commits transactions of its own as it starts)
  const workersColumn = (
    await probeClient.query(
      `SELECT 1 FROM pg_attribute WHERE attrelid = 'pg_stat_database'::regclass AND attname = 'parallel_workers_launched'`,
    )
  ).rowCount
    ? 'parallel_workers_launched'
    : '0';
  const commits = async () => {
    const { rows } = await probeClient.query(
      `SELECT xact_commit, sessions, ${workersColumn} AS workers FROM pg_stat_database WHERE datname = $1`,
      [database],
    );
    return { commits: Number(rows[0].xact_commit), sessions: Number(rows[0].sessions), workers: Number(rows[0].workers) };
  };

  // --- SQL statements per request -----------------------------------------------------------
  const statementsPerRequest = new Map<string, { hub: number; baseline?: number }>();
  if (STATEMENTS) {
    console.log(
      `SQL statements per request: Δ pg_stat_database.xact_commit over ${STATEMENT_REQUESTS} distinct requests per question, one at a time ` +
        `(each statement the pools send outside a transaction commits one; so do a new connection (1) and a parallel worker (2), subtracted; ` +
        `stats reach the view within ${STATS_FLUSH_MS / 1000} s)…`,
    );
    await drain();
    await sleep(STATS_FLUSH_MS);
    // the probe's own commits in the measured database, when it has to probe from inside
    const own = probeInside ? 1 : 0;
    let before = await commits();
    const measure = async (url: string, payloads: string[]) => {
      for (const payload of payloads) {
        const r = await post(url, payload);
        if (r.status !== 200 || r.json.errors) throw new Error(`statement count: ${url} answered ${r.status}`);
      }
      await sleep(STATS_FLUSH_MS);
      const after = await commits();
      // a new connection commits one transaction as it starts (the pools reconnect after idling);
      // a parallel worker two (connecting, then loading the leader's libraries: ParallelWorkerMain)
      const sessions = after.sessions - before.sessions;
      const workers = after.workers - before.workers;
      const n = (after.commits - before.commits - sessions - 2 * workers - own) / payloads.length;
      if (process.env.BENCH_DEBUG)
        console.log(
          `    Δxact_commit ${after.commits - before.commits}, Δsessions ${sessions}, Δparallel workers ${workers}, requests ${payloads.length}`,
        );
      before = after;
      return n;
    };
    for (const q of questions) {
      if (q.mode !== 'distinct') continue;
      statementsPerRequest.set(q.name, { hub: await measure(hub.apiUrl, slices.get(q.name)!.statements) });
    }
    // the method, checked: the baseline counts its own statements, which must be what the view shows
    const verify = questions.find((q) => q.mode === 'distinct');
    if (verify) {
      const counted = async () =>
        ((await (await fetch(`http://127.0.0.1:${basePort}/__statements`)).json()) as { statements: number }).statements;
      const selfBefore = await counted();
      const measured = await measure(baseUrl, slices.get(verify.name)!.statements);
      const self = ((await counted()) - selfBefore) / STATEMENT_REQUESTS;
      statementsPerRequest.get(verify.name)!.baseline = measured;
      const ok = Math.abs(measured - self) < 1e-9;
      console.log(
        `  method check on the baseline (${verify.name}): the view shows ${fmt(measured, 2)} a request, the baseline counted ${fmt(self, 2)} — ` +
          `${ok ? 'exact' : `MISMATCH: other activity in the database${workersColumn === '0' ? ', or parallel workers (PostgreSQL < 18 does not count them)' : ''}?`}`,
      );
    }
    for (const [name, n] of statementsPerRequest) console.log(`  ${name.padEnd(16)} hub ${fmt(n.hub, 2)} statements a request`);
    console.log('');
  }

  // --- interleaved measures -----------------------------------------------------------------
  const run = async (q: Question, side: 'hub' | 'baseline', connections: number, seconds: number): Promise<RunResult> => {
    await drain();
    load.send({ type: 'run', pool: q.name, side, url: side === 'hub' ? hub.apiUrl : baseUrl, connections, seconds });
    const message = await reply();
    const result = message.result as RunResult;
    if (result.non2xx || result.errors)
      throw new Error(`${q.name} ${side} c=${connections}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
    return result;
  };
  type Row = { question: Question; c: number; hub: RunResult[]; baseline: RunResult[]; ratios: number[] };
  const table: Row[] = [];
  const pad = (s: string, n: number) => s.padStart(n);
  console.log(
    `Interleaved runs: ${ROUNDS} round(s) of ${SECONDS} s per side (slow questions ×2), alternating which side goes first; ` +
      `median over rounds (range).\n`,
  );
  for (const q of questions) {
    const seconds = q.slow ? SECONDS * 2 : SECONDS;
    const poolSize = slices.get(q.name)!.load.length;
    console.log(`${q.label} — ${q.mode === 'distinct' ? `${fmt(poolSize)} distinct requests` : 'one request, repeated'}`);
    // warm-up (not counted): JIT, plans, the pool's connections
    await run(q, 'hub', CONCURRENCY[0], 1);
    await run(q, 'baseline', CONCURRENCY[0], 1);
    console.log(
      `  ${'c'.padStart(3)}  ${'hub req/s'.padEnd(20)}${pad('p50', 7)}${pad('p99', 8)}   ${'baseline req/s'.padEnd(20)}${pad('p50', 7)}${pad('p99', 8)}   hub/baseline`,
    );
    for (const c of CONCURRENCY) {
      const row: Row = { question: q, c, hub: [], baseline: [], ratios: [] };
      for (let round = 0; round < ROUNDS; round++) {
        const order: Array<'hub' | 'baseline'> = round % 2 === 0 ? ['hub', 'baseline'] : ['baseline', 'hub'];
        const results: Partial<Record<'hub' | 'baseline', RunResult>> = {};
        for (const side of order) results[side] = await run(q, side, c, seconds);
        row.hub.push(results.hub!);
        row.baseline.push(results.baseline!);
        row.ratios.push(results.hub!.rps / results.baseline!.rps);
      }
      table.push(row);
      const side = (rs: RunResult[]) =>
        `${`${fmt(median(rs.map((r) => r.rps)))}${range(rs.map((r) => r.rps))}`.padEnd(20)}${pad(fmt(median(rs.map((r) => r.p50))), 7)}${pad(fmt(median(rs.map((r) => r.p99))), 8)}`;
      console.log(
        `  ${String(c).padStart(3)}  ${side(row.hub)}   ${side(row.baseline)}   ${fmt(median(row.ratios), 2)}${range(row.ratios, 2)}`,
      );
      if (q.mode === 'distinct') {
        for (const [name, rs] of [
          ['hub', row.hub],
          ['baseline', row.baseline],
        ] as const) {
          if (cacheMayHaveAnswered(name, rs, poolSize)) {
            console.log(`       NOTE: the ${name} was sent more requests than the pool holds: some repeated within its cache's reach`);
          }
        }
      }
    }
    console.log('');
  }

  // --- summary ------------------------------------------------------------------------------
  console.log(
    "Summary (Markdown; req/s and p99 in ms are medians over the rounds, the ratio is the median of the rounds' hub/baseline):\n",
  );
  console.log(
    '| question | c | hub req/s | hub p50 / p99 ms | baseline req/s | baseline p50 / p99 ms | hub/baseline | hub SQL statements a request |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of table) {
    const s = statementsPerRequest.get(row.question.name);
    const m = (rs: RunResult[], k: 'rps' | 'p50' | 'p99') => median(rs.map((r) => r[k]));
    console.log(
      `| ${row.question.label} | ${row.c} | ${fmt(m(row.hub, 'rps'))} | ${fmt(m(row.hub, 'p50'))} / ${fmt(m(row.hub, 'p99'))} | ` +
        `${fmt(m(row.baseline, 'rps'))} | ${fmt(m(row.baseline, 'p50'))} / ${fmt(m(row.baseline, 'p99'))} | **${fmt(median(row.ratios), 2)}**` +
        `${
          row.question.mode === 'distinct' &&
          (
            cacheMayHaveAnswered('hub', row.hub, slices.get(row.question.name)!.load.length) ||
              cacheMayHaveAnswered('baseline', row.baseline, slices.get(row.question.name)!.load.length)
          )
            ? ' (pool ran out: some repeats)'
            : ''
        } | ` +
        `${s ? `${fmt(s.hub, 2)}${s.baseline !== undefined ? ` (baseline ${fmt(s.baseline, 2)})` : ''}` : '–'} |`,
    );
  }
  console.log('\nGoals of issue 13 that this run can judge:');
  const goal = (text: string, holds: boolean, detail: string) => console.log(`  ${holds ? 'holds ' : 'misses'}  ${text}: ${detail}`);
  for (const name of ['failures', 'certified']) {
    for (const row of table.filter((r) => r.question.name === name)) {
      const ratio = median(row.ratios);
      goal(`${name} hub/raw ≥ 0.5 at c=${row.c}`, ratio >= 0.5, `${fmt(ratio, 2)}`);
      if (row.c === 50) {
        const p99 = median(row.hub.map((r) => r.p99));
        goal(`${name} p99 < 150 ms at c=50`, p99 < 150, `${fmt(p99)} ms`);
      }
    }
    const s = statementsPerRequest.get(name);
    if (s) goal(`${name} ≤ 2 SQL statements a page`, s.hub <= 2, `${fmt(s.hub, 2)}`);
  }
  for (const row of table.filter((r) => r.question.name === 'cached')) {
    const ratio = median(row.ratios);
    goal(`cached answers ≥ 0.7× a plain map at c=${row.c}`, ratio >= 0.7, `${fmt(ratio, 2)}`);
  }
  console.log(
    '  (search ≥ 5× and statistics ≥ 100× "today\'s rate" compare with an earlier run of this benchmark: see the README\'s Performance section.)',
  );
}

try {
  await main();
} finally {
  await cleanup();
}
