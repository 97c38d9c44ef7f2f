import type { MikroORM } from '@mikro-orm/postgresql';
import { PgConnection, migrate, openOrm, type OrmOptions } from '@hub/db';
import type { HubConfig } from './config.ts';
import { ensureCalendar } from './case-state/calendar.store.ts';
import { acquireDatabase, commandLabel, type FolderDatabase, type Who } from './live/folder.ts';
import type { HubRecord } from './live/owner.ts';

export interface HubDatabase {
  url: string;
  orm: MikroORM;
  /** true when this process runs the embedded PostgreSQL */
  embedded: boolean;
  /** `owner`: this process runs the embedded database; `client`: a running hub (or command) does; `external`: DATABASE_URL */
  mode: FolderDatabase['mode'];
  /** the hub (or command) whose database this process joined as a client */
  owner: HubRecord | null;
  /** migrations applied by this start */
  applied: string[];
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or to the embedded PostgreSQL of the data folder — started by this
 * process, or joined as a client when a running hub holds it (live/folder.ts) — then applies
 * pending migrations (the owner only: a client finds them applied).
 */
export async function openHubDatabase(
  config: HubConfig,
  options: OrmOptions = {},
  who: Who = { role: 'command', label: commandLabel() },
): Promise<HubDatabase> {
  const folder = await acquireDatabase(config, who);
  try {
    const orm = await openOrm(folder.url, options);
    const client = folder.mode === 'client';
    const applied = client ? [] : await migrate(orm);
    if (!client) await PgConnection.using(folder.url, ensureCalendar);
    await folder.ready();
    return {
      url: folder.url,
      orm,
      embedded: folder.mode === 'owner',
      mode: folder.mode,
      owner: folder.owner,
      applied,
      async close() {
        await orm.close();
        await folder.leave();
        await folder.release();
      },
    };
  } catch (error) {
    await folder.leave();
    await folder.release();
    throw error;
  }
}

/** Whether the database holds no batch at all (a new installation). */
export async function isEmpty(url: string): Promise<boolean> {
  const [row] = await PgConnection.using(url, (db) => db.query<{ n: string }>('SELECT count(*) AS n FROM batch'));
  return Number(row.n) === 0;
}
