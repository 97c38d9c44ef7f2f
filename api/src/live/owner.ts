import { readFileSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isAlive } from '@hub/db';

/**
 * Who holds a data folder: `<dataDir>/hub.json`. The process that runs the folder's embedded
 * PostgreSQL (the hub, or a `pnpm hub` command when no hub runs) creates it exclusively before it
 * starts the database and removes it after stopping it; everyone else reads it to connect as a
 * client. A record whose pid is dead is stale (kill -9, out of memory) and may be taken over —
 * together with the PostgreSQL the dead owner left running (`stopStalePostgres`).
 *
 * The file holds the database password (as `credentials.json` beside it does): mode 0600.
 */
export interface HubRecord {
  pid: number;
  /** `hub`: `pnpm start` (serves, stays); `command`: a `pnpm hub …` command (stops when done) */
  role: 'hub' | 'command';
  /** what runs, for messages: "pnpm start", "pnpm hub publish" */
  label: string;
  /** `starting` until the database is migrated; `stopping` once the owner no longer takes clients */
  state: 'starting' | 'ready' | 'stopping';
  startedAt: string;
  databaseUrl?: string;
  /** the running hub's GraphQL API and site, as printed at start */
  apiUrl?: string;
  siteUrl?: string;
}

export const hubFile = (dataDir: string) => join(dataDir, 'hub.json');

export function readHubRecord(dataDir: string): HubRecord | null {
  try {
    return JSON.parse(readFileSync(hubFile(dataDir), 'utf8')) as HubRecord;
  } catch {
    return null; // absent, or half-written by a process killed while writing: treated as absent
  }
}

/** The record, when its owner is alive. */
export function liveHubRecord(dataDir: string): HubRecord | null {
  const record = readHubRecord(dataDir);
  return record && isAlive(record.pid) ? record : null;
}

/**
 * Tries to become the folder's owner: creates hub.json only if there is none (O_EXCL), after
 * removing a stale one. Returns false when a live process holds the folder.
 */
export async function claimFolder(dataDir: string, record: HubRecord): Promise<boolean> {
  await mkdir(dataDir, { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(hubFile(dataDir), JSON.stringify(record, null, 2) + '\n', { flag: 'wx', mode: 0o600 });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = readHubRecord(dataDir);
    if (current && isAlive(current.pid)) return false;
    if (current === null && Date.now() - modifiedAt(dataDir) < 2_000) {
      // unreadable and fresh: an owner is writing it right now
      return false;
    }
    await rm(hubFile(dataDir), { force: true });
  }
  return false;
}

function modifiedAt(dataDir: string): number {
  try {
    return statSync(hubFile(dataDir)).mtimeMs;
  } catch {
    return 0;
  }
}

/** Rewrites the owner's record (atomically: write aside, rename over). */
export async function updateHubRecord(dataDir: string, change: Partial<HubRecord>): Promise<HubRecord> {
  const current = readHubRecord(dataDir);
  if (!current || current.pid !== process.pid) throw new Error(`${hubFile(dataDir)} is not held by this process`);
  const next = { ...current, ...change };
  const aside = `${hubFile(dataDir)}.${process.pid}.tmp`;
  await writeFile(aside, JSON.stringify(next, null, 2) + '\n', { mode: 0o600 });
  await rename(aside, hubFile(dataDir));
  return next;
}

/** Gives the folder up (only if this process holds it). */
export async function releaseFolder(dataDir: string): Promise<void> {
  if (readHubRecord(dataDir)?.pid === process.pid) await rm(hubFile(dataDir), { force: true });
}
