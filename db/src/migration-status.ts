import { migrationsList } from '../migrations/index.ts';
import type { Queryable } from './queryable.ts';

/** Where a database's schema stands against this code's migrations (db/migrations/index.ts). */
export interface MigrationStatus {
  /** migrations the database records (MikroORM's mikro_orm_migrations), in order */
  applied: string[];
  /** this code's migrations the database has not run: the code needs a newer schema */
  pending: string[];
  /** migrations the database has run that this code does not know: a newer version migrated it */
  unknown: string[];
}

/** Reads the applied migrations; a database without the migrations table has every one pending. */
export async function migrationStatus(db: Queryable): Promise<MigrationStatus> {
  const [table] = await db.query<{ exists: boolean }>(`SELECT to_regclass('mikro_orm_migrations') IS NOT NULL AS exists`);
  const applied = table.exists
    ? (await db.query<{ name: string }>('SELECT name FROM mikro_orm_migrations ORDER BY id')).map((r) => r.name)
    : [];
  const known = migrationsList.map((m) => m.name);
  return {
    applied,
    pending: known.filter((name) => !applied.includes(name)),
    unknown: applied.filter((name) => !known.includes(name)),
  };
}
