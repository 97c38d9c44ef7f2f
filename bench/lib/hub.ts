/**
 * The hub as a user runs it: `tsx --tsconfig tsconfig.json api/src/main.ts` in its own process,
 * configured by environment variables only. The benchmarks never import the API's modules, so
 * they measure what a user gets and keep working while the API's files move.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** a deadline for Promise.race that does not keep the process alive */
const deadline = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** "Today" as the hub computes it (HUB_TODAY, else the date in Asia/Shanghai). */
export function hubToday(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.HUB_TODAY?.trim() ||
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
  );
}

/** Where the data is: an external PostgreSQL (DATABASE_URL) or an embedded one in a folder. */
export type DataSource = { databaseUrl: string } | { dataDir: string };

export interface RunningHub {
  apiUrl: string;
  /** the hub's database, for the baseline and the probes */
  databaseUrl: string;
  process: ChildProcess;
  /** what the hub printed (last lines), for error messages */
  log(): string;
  stop(): Promise<void>;
}

/** Spawns a TypeScript entry point of the project with tsx, as `pnpm` scripts do. */
export function spawnTsx(
  entry: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; stdio?: 'pipe' | 'inherit' } = {},
): ChildProcess {
  return spawn(process.execPath, [TSX, '--tsconfig', join(ROOT, 'tsconfig.json'), join(ROOT, entry), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: options.stdio === 'inherit' ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
  });
}

/** The embedded cluster's postmaster, if one is running in `dataDir`. */
function postmasterPid(dataDir: string): number | undefined {
  const file = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/**
 * Starts the hub (API only: no site build, no sample loading unless `sample` says so) on free
 * ports and resolves once it answers. With a data folder, the embedded database gets a port
 * chosen here so the baseline can reach the same database.
 */
export async function startHub(
  source: DataSource,
  options: { today: string; sample?: 'demo' | 'none'; env?: NodeJS.ProcessEnv } = { today: hubToday() },
): Promise<RunningHub> {
  const apiPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    // nothing to serve unless asked: the benchmarks build sites themselves
    HUB_SITE_DIR: join(ROOT, 'bench', '.no-site'),
    ...options.env,
    HUB_API_PORT: String(apiPort),
    HUB_SITE_PORT: String(await freePort()),
    HUB_BUILD_SITE: '0',
    HUB_SAMPLE: options.sample ?? 'none',
    HUB_TODAY: options.today,
  };
  let dbPort: number | undefined;
  if ('databaseUrl' in source) {
    env.DATABASE_URL = source.databaseUrl;
    delete env.HUB_DATA_DIR;
  } else {
    if (postmasterPid(source.dataDir))
      throw new Error(`A PostgreSQL is already running in ${source.dataDir}: stop the hub that uses it first.`);
    dbPort = await freePort();
    env.HUB_DATA_DIR = source.dataDir;
    env.HUB_DB_PORT = String(dbPort);
    delete env.DATABASE_URL;
  }
  const child = spawnTsx('api/src/main.ts', [], { env });
  const lines: string[] = [];
  const remember = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 60) lines.splice(0, lines.length - 60);
  };
  child.stdout!.on('data', remember);
  child.stderr!.on('data', remember);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const log = () => lines.join('\n');

  const apiUrl = `http://127.0.0.1:${apiPort}/graphql`;
  const ready = (async () => {
    for (;;) {
      try {
        const response = await fetch(apiUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query":"{ health }"}',
        });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
  })();
  const outcome = await Promise.race([
    ready.then(() => 'ready' as const),
    exited.then((code) => code),
    deadline(15 * 60_000).then(() => 'timeout' as const),
  ]);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, deadline(60_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    // a grandchild may still hold the pipes open
    child.stdout?.destroy();
    child.stderr?.destroy();
    // an embedded PostgreSQL outlives a parent that died: stop the one this hub started
    if (!('databaseUrl' in source)) {
      const pid = postmasterPid(source.dataDir);
      if (pid) {
        process.kill(pid, 'SIGINT');
        for (let i = 0; i < 100 && postmasterPid(source.dataDir); i++) await sleep(100);
      }
    }
  };
  if (outcome !== 'ready') {
    await stop();
    throw new Error(`The hub did not start (${outcome === 'timeout' ? 'timed out' : `exit ${outcome}`}):\n${log()}`);
  }

  let databaseUrl: string;
  if ('databaseUrl' in source) databaseUrl = source.databaseUrl;
  else {
    const { user, password } = JSON.parse(readFileSync(join(source.dataDir, 'credentials.json'), 'utf8')) as {
      user: string;
      password: string;
    };
    databaseUrl = `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${dbPort}/hub`;
  }
  return { apiUrl, databaseUrl, process: child, log, stop };
}
