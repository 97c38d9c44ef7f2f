import { PostgresDialect } from 'kysely';
import { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { ormConfig } from '../orm.ts';

/**
 * Applies the named migrations with MikroORM's migrator on `client`, inside the transaction the
 * caller has open on it: the restore creates the schema and loads the rows in one transaction, so
 * a failed restore leaves nothing behind. MikroORM is given a pool that always hands out this one
 * connection (a Kysely dialect through `driverOptions`) and told not to open transactions of its
 * own, which would commit the caller's.
 */
export async function migrateOnClient(client: pg.Client, migrations: string[]): Promise<string[]> {
  const connection = {
    query: (...args: unknown[]) => (client.query as (...a: unknown[]) => unknown)(...args),
    release() {},
    get processID() {
      return (client as unknown as { processID?: number }).processID;
    },
  };
  const dialect = new PostgresDialect({ pool: { connect: async () => connection, end: async () => {} } as never });
  const base = ormConfig('postgres://localhost/');
  const orm = await MikroORM.init({
    ...base,
    driverOptions: dialect,
    // the database exists: it is the one this client is connected to (the migrator checks its name)
    dbName: client.database,
    ensureDatabase: false,
    migrations: { ...base.migrations, transactional: false, allOrNothing: false },
  });
  try {
    const applied = await orm.migrator.up({ migrations });
    return applied.map((m) => m.name);
  } finally {
    await orm.close();
  }
}
