import type { MikroORM } from '@mikro-orm/postgresql';
import { PgConnection, migrate, openOrm, startEmbeddedPostgres, type OrmOptions } from '@hub/db';
import type { HubConfig } from './config.ts';
import { ensureCalendar } from './case-state/calendar.store.ts';

export interface HubDatabase {
  url: string;
  orm: MikroORM;
  /** true when the hub runs its own embedded PostgreSQL */
  embedded: boolean;
  /** migrations applied by this start */
  applied: string[];
  close(): Promise<void>;
}

/** Connects to DATABASE_URL or starts the embedded PostgreSQL, then applies pending migrations. */
export async function openHubDatabase(config: HubConfig, options: OrmOptions = {}): Promise<HubDatabase> {
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedDbPort });
  const url = config.databaseUrl ?? embedded!.url;
  try {
    const orm = await openOrm(url, options);
    const applied = await migrate(orm);
    await PgConnection.using(url, ensureCalendar);
    return {
      url,
      orm,
      embedded: !!embedded,
      applied,
      async close() {
        await orm.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** Whether the database holds no batch at all (a new installation). */
export async function isEmpty(url: string): Promise<boolean> {
  const [row] = await PgConnection.using(url, (db) => db.query<{ n: string }>('SELECT count(*) AS n FROM batch'));
  return Number(row.n) === 0;
}
