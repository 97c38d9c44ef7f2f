import { fileURLToPath } from 'node:url';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, defineConfig } from '@mikro-orm/postgresql';
import { migrationsList } from '../migrations/index.ts';
import { entities } from './entities/index.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));

export interface OrmOptions {
  /** log every SQL statement through this function (tests count statements with it) */
  onQuery?: (sql: string) => void;
  /** pool size; the API wants more than a one-shot CLI command */
  poolMax?: number;
}

export function ormConfig(clientUrl: string, options: OrmOptions = {}) {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    // dates are calendar dates in China: keep DATE columns as 'YYYY-MM-DD' strings, timestamps in UTC
    forceUtcTimezone: true,
    pool: { min: 0, max: options.poolMax ?? 10 },
    debug: options.onQuery ? ['query'] : false,
    logger: options.onQuery ? (message: string) => options.onQuery!(message) : undefined,
    // Functions and triggers are written by hand in migrations (history, USCC check): the
    // schema diff must neither drop nor re-create them.
    schemaGenerator: { ignoreTriggers: true, ignoreRoutines: true },
    migrations: {
      path: MIGRATIONS_DIR,
      // the list is explicit (db/migrations/index.ts) so tsx, Vitest and Node load the same files
      migrationsList,
      // a fixed name: otherwise the snapshot's file name follows the database name
      snapshotName: '.snapshot-hub',
      // the committed snapshot changes only with `pnpm db:migration:create`, never at start-up
      snapshotOnMigrate: false,
      transactional: true,
      allOrNothing: true,
      silent: true,
    },
  });
}

export async function openOrm(clientUrl: string, options: OrmOptions = {}): Promise<MikroORM> {
  return MikroORM.init(ormConfig(clientUrl, options));
}

/** Applies every pending migration in one transaction; returns the names applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((m) => m.name);
}
