/**
 * `pnpm start`: the whole hub on one machine — database (embedded unless DATABASE_URL),
 * migrations, demo sample data in an empty database, the GraphQL API and the built site.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { ConfigError, loadConfig } from './config.ts';
import { isEmpty, openHubDatabase } from './database.ts';
import { loadSampleData } from './sample.ts';
import { startApiServer } from './server.ts';
import { buildSite, displayHost, serveSite } from './site/site.ts';
import { connectShared, installShutdown, observeSiteBuild } from './ops/index.ts';

async function main() {
  const config = loadConfig();
  console.log(config.databaseUrl ? 'Database: DATABASE_URL' : `Database: embedded PostgreSQL in ${config.dataDir}`);
  // ports first: a clear message beats a crash after the database has started
  await assertPortFree(config.host, config.apiPort, 'HUB_API_PORT');
  await assertPortFree(config.host, config.sitePort, 'HUB_SITE_PORT');
  const db = await openHubDatabase(config);
  if (db.applied.length) console.log(`Migrations applied: ${db.applied.join(', ')}`);

  const closers: (() => Promise<unknown>)[] = [() => db.close()];
  installShutdown(closers);

  if (config.loadSample && (await isEmpty(db.url))) {
    console.log('Empty database: loading the demo sample data (示例数据)…');
    const sample = await loadSampleData(db.url, { size: 'demo' });
    console.log(`Sample data loaded: ${sample.spotChecks} spot checks.`);
  }

  const shared = await connectShared(config);
  closers.push(() => shared.close());
  const api = await startApiServer(db.url, { host: config.host, port: config.apiPort }, shared);
  closers.push(() => api.stop());
  const apiUrl = `http://${displayHost(config.host)}:${config.apiPort}/graphql`;
  console.log(`GraphQL API: ${apiUrl}`);

  if (config.buildSite) {
    console.log('Building the site from the API…');
    const build = await buildSite({ apiUrl: `http://127.0.0.1:${config.apiPort}/graphql`, outDir: config.siteDir, quiet: true });
    console.log(`Site built in ${build.seconds.toFixed(1)} s.`);
    observeSiteBuild(build.seconds * 1000);
  }
  let siteLine = `Site: not built yet — pnpm hub site builds it into ${config.siteDir}`;
  if (existsSync(config.siteDir)) {
    const site = await serveSite(config.siteDir, { host: config.host, port: config.sitePort });
    closers.push(() => new Promise((resolve) => site.server.close(resolve)));
    siteLine = `Site: ${site.url}`;
  }

  console.log(`\nThe hub is running.\n  API:  ${apiUrl}\n  ${siteLine}\nCtrl-C stops it (the data stays in the database).`);
}

function assertPortFree(host: string, port: number, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () =>
      reject(new ConfigError([`port ${port} on ${host} is in use: stop what uses it, or choose another with ${variable}`])),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  if (error instanceof Error && error.cause) console.error(error.cause);
  process.exit(1);
});
