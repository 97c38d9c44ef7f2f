import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { DatabaseLockedError, startEmbeddedPostgres, stopStalePostgres } from '@hub/db';
import type { HubConfig } from '../config.ts';
import { claimFolder, liveHubRecord, readHubRecord, releaseFolder, updateHubRecord, type HubRecord } from './owner.ts';

/**
 * One data folder, any number of processes (issue 10.1, 12.5). The first process to need the
 * embedded database owns it (hub.json, owner.ts); the others connect to it as clients. The owner:
 *
 * - `pnpm start` always owns: a command running when it starts is waited for, a second hub refused;
 * - a `pnpm hub` command owns only when no one else does, and on finishing waits for the clients
 *   that joined it before it stops the database;
 * - an owner that died (kill -9, out of memory) left a stale hub.json and possibly a running
 *   PostgreSQL: the next process takes the folder over and stops that PostgreSQL (a fast shutdown,
 *   which rolls back what was in flight — the same as crash recovery) before starting its own.
 *
 * Publishing stays serialised whoever connects: publish.ts takes a PostgreSQL advisory lock.
 */
export interface FolderDatabase {
  url: string;
  /** `owner`: this process runs the embedded database; `client`: another does; `external`: DATABASE_URL */
  mode: 'owner' | 'client' | 'external';
  /** the owner this process is a client of */
  owner: HubRecord | null;
  /** a client ends the connection that keeps the owner from stopping while this process works */
  leave(): Promise<void>;
  /** the owner's record may now be read by clients (after the migrations) */
  ready(): Promise<void>;
  release(): Promise<void>;
}

export interface Who {
  role: HubRecord['role'];
  label: string;
}

/** How long a command waits for a folder held by another command (a hub starting waits as long). */
const WAIT_FOR_OWNER_MS = 15 * 60_000;
/** How long a stopping owner waits for its clients to finish: a hub briefly, a command as long as they work. */
const WAIT_FOR_CLIENTS_MS = { hub: 30_000, command: 15 * 60_000 };

export function commandLabel(argv = process.argv): string {
  const i = argv.findIndex((a) => a.endsWith('hub.ts'));
  return i >= 0 && argv[i + 1] ? `pnpm hub ${argv[i + 1]}` : 'pnpm hub';
}

export async function acquireDatabase(config: HubConfig, who: Who): Promise<FolderDatabase> {
  if (config.databaseUrl) {
    const url = config.databaseUrl;
    return { url, mode: 'external', owner: null, leave: async () => {}, ready: async () => {}, release: async () => {} };
  }
  const { dataDir } = config;
  const deadline = Date.now() + WAIT_FOR_OWNER_MS;
  let toldWaiting = false;
  for (;;) {
    const record: HubRecord = {
      pid: process.pid,
      role: who.role,
      label: who.label,
      state: 'starting',
      startedAt: new Date().toISOString(),
    };
    if (await claimFolder(dataDir, record)) return own(config, who);

    const holder = liveHubRecord(dataDir);
    if (holder) {
      if (who.role === 'hub' && holder.role === 'hub') {
        throw new DatabaseLockedError(
          `The embedded database in ${dataDir} is in use by another running hub (${holder.label}, pid ${holder.pid}` +
            `${holder.apiUrl ? `, API ${holder.apiUrl}` : ''}). Stop that instance first, or point this one elsewhere with HUB_DATA_DIR or DATABASE_URL.`,
        );
      }
      // a hub never becomes the client of a command: the command would wait for it to end
      if (who.role === 'command' && holder.state === 'ready' && holder.databaseUrl) {
        const hold = await join(dataDir, holder);
        if (hold) {
          return {
            url: holder.databaseUrl,
            mode: 'client',
            owner: holder,
            leave: () => hold.end().catch(() => undefined),
            ready: async () => {},
            release: async () => {},
          };
        }
      }
      if (!toldWaiting) {
        console.error(`Waiting for ${holder.label} (pid ${holder.pid}) to finish with ${dataDir} …`);
        toldWaiting = true;
      }
    }
    if (Date.now() > deadline)
      throw new DatabaseLockedError(`${dataDir} stayed busy for ${WAIT_FOR_OWNER_MS / 60_000} minutes: giving up.`);
    await sleep(200);
  }
}

/**
 * Connects to the owner's database and checks the owner still takes clients afterwards: an owner
 * stopping waits for every connection opened before it said so, so this one keeps it from
 * stopping until the caller leaves.
 */
async function join(dataDir: string, holder: HubRecord): Promise<pg.Client | null> {
  const client = new pg.Client({ connectionString: holder.databaseUrl, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch {
    return null;
  }
  const now = readHubRecord(dataDir);
  if (now?.pid === holder.pid && now.startedAt === holder.startedAt && now.state === 'ready') return client;
  await client.end().catch(() => undefined);
  return null;
}

async function own(config: HubConfig, who: Who): Promise<FolderDatabase> {
  const { dataDir } = config;
  try {
    const stale = await stopStalePostgres(dataDir);
    if (stale === 'stopped') console.error(`Stopped the PostgreSQL that a process which ended abnormally left running in ${dataDir}.`);
    const embedded = await startEmbeddedPostgres({ dataDir, port: config.embeddedDbPort });
    return {
      url: embedded.url,
      mode: 'owner',
      owner: null,
      leave: async () => {},
      async ready() {
        await updateHubRecord(dataDir, { state: 'ready', databaseUrl: embedded.url });
      },
      async release() {
        await updateHubRecord(dataDir, { state: 'stopping' }).catch(() => undefined);
        await waitForClients(embedded.url, WAIT_FOR_CLIENTS_MS[who.role]).catch(() => undefined);
        // given up before the stop: a process arriving meanwhile finds this PostgreSQL shutting
        // down and waits for it (and a signal ending this process mid-stop leaves nothing stale)
        await releaseFolder(dataDir);
        await embedded.stop();
      },
    };
  } catch (error) {
    await releaseFolder(dataDir);
    throw error;
  }
}

/** Waits until no other process has a connection open to the database (or the time is up). */
async function waitForClients(url: string, timeoutMs: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    let told = false;
    for (;;) {
      const [{ n }] = (
        await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
        )
      ).rows;
      if (n === 0 || Date.now() > deadline) return;
      if (!told) {
        console.error(`Waiting for ${n} connection(s) of other commands to close before stopping the database …`);
        told = true;
      }
      await sleep(200);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
