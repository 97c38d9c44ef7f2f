import { PgConnection } from '@hub/db';
import { loadConfig } from '../config.ts';
import { openHubDatabase, type HubDatabase } from '../database.ts';

export interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<void>;
}

/** Wrong arguments: exit code 2. */
export class UsageError extends Error {}
/** The input (a file) has errors: exit code 3, nothing written. */
export class InputError extends Error {}

/** Opens the configured database (embedded or DATABASE_URL), and one connection to it, for the length of `work`. */
export async function withDatabase<T>(work: (db: HubDatabase, connection: PgConnection) => Promise<T>): Promise<T> {
  const db = await openHubDatabase(loadConfig());
  try {
    return await PgConnection.using(db.url, (connection) => work(db, connection));
  } finally {
    await db.close();
  }
}
