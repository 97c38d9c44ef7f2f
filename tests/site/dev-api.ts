/**
 * For working on the site: a throwaway database with the site fixture, and the API over it.
 *
 *   pnpm exec tsx --tsconfig tsconfig.json tests/site/dev-api.ts [postgres://…/postgres] [port]
 *   HUB_API_URL=http://127.0.0.1:4100/graphql pnpm --dir site exec astro build
 *
 * Default server: the machine's PostgreSQL at 127.0.0.1:5432. The database is hub_site_dev (or
 * `HUB_DEV_DB`, so two people on one machine don't drop each other's), dropped and created again
 * at each start (so a run that ended abruptly leaves at most that one).
 */
import pg from 'pg';
import { migrate, openOrm } from '@hub/db';
import { ensureCalendar, refreshCaseState, todayInChina, startApiServer } from '@hub/api';
import { loadSiteFixture } from './fixture.ts';

const server = process.argv[2] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const port = Number(process.argv[3] ?? 4100);
const name = process.env.HUB_DEV_DB ?? 'hub_site_dev';
if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`HUB_DEV_DB must be a plain lower-case database name, not ${name}`);
const at = (database: string) => Object.assign(new URL(server), { pathname: `/${database}` }).toString();

const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${name}`);
const orm = await openOrm(at(name));
await migrate(orm);
const sql = new pg.Client({ connectionString: at(name) });
await sql.connect();
await ensureCalendar(sql);
await loadSiteFixture(sql, todayInChina());
await refreshCaseState(sql);
await sql.end();
const api = await startApiServer(orm, { host: '127.0.0.1', port });
console.log(`API over ${name}: ${api.url}`);

async function shutdown() {
  // a client that keeps a connection open must not keep the database alive
  await Promise.race([api.stop(), new Promise((resolve) => setTimeout(resolve, 2000))]);
  await orm.close(true).catch(() => undefined);
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  process.exit(0);
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
