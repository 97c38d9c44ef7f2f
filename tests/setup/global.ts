/**
 * Vitest global setup: one PostgreSQL for the whole run — the server named by DATABASE_URL
 * (CI also runs the suite against the machine's PostgreSQL 15 this way) or else a throwaway
 * embedded cluster. Migrations are applied once to a template database; every test file clones
 * its own database from it (tests/support/db.ts), so files run in parallel without sharing rows.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { migrate, openOrm, startEmbeddedPostgres } from '@hub/db';
import { ensureCalendar } from '@hub/api/case-state';

export const TEMPLATE_DATABASE = `hub_test_template_${process.pid}`;

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  let serverUrl = process.env.DATABASE_URL;
  let stopServer: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;
  if (!serverUrl) {
    dataDir = await mkdtemp(join(tmpdir(), 'hub-test-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir, throwaway: true, database: 'postgres' });
    serverUrl = embedded.url;
    stopServer = embedded.stop;
  }
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  const orm = await openOrm(withDatabase(serverUrl, TEMPLATE_DATABASE));
  await migrate(orm);
  await orm.close();
  const template = new pg.Client({ connectionString: withDatabase(serverUrl, TEMPLATE_DATABASE) });
  await template.connect();
  await ensureCalendar(template);
  await template.end();

  project.provide('serverUrl', serverUrl);
  project.provide('templateDatabase', TEMPLATE_DATABASE);

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await stopServer?.();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
