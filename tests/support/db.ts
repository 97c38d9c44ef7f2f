import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { withDatabase } from '../setup/global.ts';

export interface TestDatabase {
  url: string;
  name: string;
  /** a connected client for assertions; closed by drop() */
  sql: pg.Client;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database cloned from the run's template (milliseconds), on the same server
 * as every other test: a real PostgreSQL, never a mock.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject('serverUrl');
  const name = `hub_test_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  return {
    url,
    name,
    sql,
    async drop() {
      await sql.end();
      const a = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
