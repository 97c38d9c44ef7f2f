/**
 * `pnpm bench:processes`: requests per second of one API process against two, on one database,
 * on this machine (issue 14). Two hubs are started as users start them (`api/src/main.ts`): the
 * first owns the embedded database, the second joins it through DATABASE_URL. The load comes
 * from two load generators (bench/api/load.ts, autocannon) in both configurations — in the
 * one-process measure both aim at the first hub, in the two-process measure one at each — so the
 * load generators' own CPU is the same in both. Rounds are interleaved (1, 2, 1, 2 …) and the
 * ratio of medians is printed: on a shared machine the absolute numbers swing.
 *
 *   pnpm bench:processes                      # demo sample in a throwaway database, ≈ 1 min
 *   DATABASE_URL=postgres://… pnpm bench:processes
 *   REDIS_URL=redis://127.0.0.1:6379 pnpm bench:processes   # the two share the response cache and budgets
 *
 * Options: --seconds 5 (per measure), --rounds 3, --connections 20 (in all, split between the
 * load generators), --question failures (a pool of bench/api/questions.ts).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism, loadavg } from 'node:os';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { RunResult } from './api/load.ts';
import { QUESTIONS, buildPools } from './api/questions.ts';
import { ROOT, hubToday, startHub, type DataSource, type RunningHub } from './lib/hub.ts';

const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '20' },
    question: { type: 'string', default: 'failures' },
  },
});
const SECONDS = Number(options.seconds);
const ROUNDS = Number(options.rounds);
const CONNECTIONS = Number(options.connections);
const QUESTION = options.question!;
if (![SECONDS, ROUNDS, CONNECTIONS].every((n) => Number.isInteger(n) && n > 0))
  throw new Error('--seconds, --rounds and --connections take whole numbers > 0');
if (!QUESTIONS.some((q) => q.name === QUESTION)) throw new Error(`--question: one of ${QUESTIONS.map((q) => q.name).join(', ')}`);

const cleanups: Array<() => Promise<unknown>> = [];
async function cleanup() {
  for (const c of cleanups.reverse()) await c().catch((error) => console.error(error));
  cleanups.length = 0;
}
process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** A load generator process, driven over IPC one message at a time. */
async function loadGenerator(poolFile: string): Promise<{ run(url: string, connections: number): Promise<RunResult> }> {
  const child: ChildProcess = fork(join(ROOT, 'bench/api/load.ts'), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  cleanups.push(async () => {
    if (child.exitCode === null) {
      child.send({ type: 'exit' });
      await once(child, 'exit');
    }
  });
  const reply = () =>
    new Promise<any>((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`a load generator exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (message) => {
        child.off('exit', onExit);
        resolve(message);
      });
    });
  await reply();
  child.send({ type: 'pool', name: QUESTION, file: poolFile });
  await reply();
  return {
    async run(url, connections) {
      const answer = reply();
      // one walk through the pool across all runs: no request body is sent twice
      child.send({ type: 'run', pool: QUESTION, side: 'shared', url, connections, seconds: SECONDS });
      return (await answer).result as RunResult;
    },
  };
}

async function main() {
  const today = hubToday();
  let source: DataSource;
  if (process.env.DATABASE_URL) source = { databaseUrl: process.env.DATABASE_URL };
  else {
    const dir = await mkdtemp(join(tmpdir(), 'hub-bench-processes-'));
    // as root the embedded server runs as `postgres`, who must reach the folder
    await chmod(dir, 0o755);
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    source = { dataDir: dir };
  }
  console.log(
    `Starting hub 1 (${'databaseUrl' in source ? 'DATABASE_URL' : 'demo sample, throwaway embedded database'}), today = ${today}…`,
  );
  // API processes as a deployment runs them (docs/operations.md): no static server
  const env = { HUB_ROLE: 'api' };
  const first: RunningHub = await startHub(source, { today, sample: 'databaseUrl' in source ? 'none' : 'demo', env });
  cleanups.push(() => first.stop());
  console.log('Starting hub 2 on the same database…');
  const second: RunningHub = await startHub({ databaseUrl: first.databaseUrl }, { today, env });
  cleanups.push(() => second.stop());

  const db = new pg.Client({ connectionString: first.databaseUrl });
  await db.connect();
  cleanups.push(() => db.end());
  const pools = await buildPools(db, today, 40_000);
  const bodies = pools[QUESTION];
  const dir = await mkdtemp(join(tmpdir(), 'hub-bench-processes-pool-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  // each load generator its own half of the pool: no body is asked twice, whichever hub gets it
  const files = [join(dir, 'even.json'), join(dir, 'odd.json')];
  await writeFile(files[0], JSON.stringify(bodies.filter((_, i) => i % 2 === 0)));
  await writeFile(files[1], JSON.stringify(bodies.filter((_, i) => i % 2 === 1)));
  const loaders = [await loadGenerator(files[0]), await loadGenerator(files[1])];
  const half = Math.max(1, Math.floor(CONNECTIONS / 2));

  console.log(
    `\n${QUESTION}: ${fmt(bodies.length)} distinct requests; ${CONNECTIONS} connections in all, ${SECONDS} s a measure, ${ROUNDS} rounds; ` +
      `${availableParallelism()} cores, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (the machine is shared: compare the ratio, not the numbers)\n`,
  );
  const rps: Record<'one' | 'two', number[]> = { one: [], two: [] };
  let wrapped = false;
  let failed = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    for (const setup of ['one', 'two'] as const) {
      const targets = setup === 'one' ? [first.apiUrl, first.apiUrl] : [first.apiUrl, second.apiUrl];
      const results = await Promise.all(loaders.map((l, i) => l.run(targets[i], half)));
      const total = results.reduce((sum, r) => sum + r.rps, 0);
      wrapped ||= results.some((r) => r.wrapped);
      failed += results.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0);
      rps[setup].push(total);
      const p99 = Math.max(...results.map((r) => r.p99));
      console.log(
        `round ${round}  ${setup === 'one' ? '1 process  ' : '2 processes'} ${fmt(total).padStart(6)} req/s   p99 ${fmt(p99)} ms`,
      );
    }
  }
  const one = median(rps.one);
  const two = median(rps.two);
  console.log(`\nmedian: 1 process ${fmt(one)} req/s, 2 processes ${fmt(two)} req/s — ratio ${fmt(two / one, 2)}×`);
  if (failed) console.log(`${failed} requests failed (non-2xx, errors or timeouts): the numbers count only answered ones.`);
  if (wrapped) console.log('The pool ran out and wrapped around: some answers may have come from the response cache.');
  console.log(
    `What limits it: ${availableParallelism()} cores shared by both API processes, PostgreSQL, and the two load generators. A second ` +
      'process helps only while one process leaves a core idle (its single JavaScript thread is the bottleneck); beyond that the ' +
      'processes compete with PostgreSQL for the same cores. On separate machines (docs/operations.md) each process brings its own.',
  );
}

main()
  .then(cleanup)
  .catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await cleanup();
    process.exit(1);
  });
