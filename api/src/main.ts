/**
 * `pnpm start`: the whole hub on one machine — database (embedded unless DATABASE_URL),
 * migrations, demo sample data in an empty database, the GraphQL API and the built site; or only
 * the API (HUB_ROLE=api: no static server, no site builds) or only the static server of the
 * current build (HUB_ROLE=site: no database, no API), so the two scale separately — and
 * what keeps it true while it runs (issue 10): `pnpm hub` commands join its database as clients
 * (live/folder.ts), a publish anywhere clears every API process's caches (live/changes.ts), site
 * rebuilds are swapped in atomically (site/builds.ts) and the day boundary in China is kept
 * (live/day-boundary.ts).
 */
import { createServer } from 'node:net';
import { PgConnection } from '@hub/db';
import { ManualClock, clockFromEnv, installClock } from './clock.ts';
import { ConfigError, loadConfig } from './config.ts';
import { isEmpty, openHubDatabase } from './database.ts';
import { startDayBoundary, refreshForDay } from './live/day-boundary.ts';
import { LiveSite } from './live/live-site.ts';
import { updateHubRecord } from './live/owner.ts';
import { CLOCK_CHANNEL, SITE_CHANNEL, serveRequests } from './live/requests.ts';
import { loadSampleData } from './sample.ts';
import { ensureStatistics } from './stats/stats-aggregate.ts';
import { startApiServer } from './server.ts';
import { SiteStore } from './site/builds.ts';
import { displayHost, serveBuilds } from './site/serve.ts';
import { connectShared, installShutdown, rolesFrom } from './ops/index.ts';

async function main() {
  const config = loadConfig();
  const roles = rolesFrom(config);
  const clock = clockFromEnv();
  installClock(clock);
  // ports first: a clear message beats a crash after the database has started
  if (roles.api) await assertPortFree(config.host, config.apiPort, 'HUB_API_PORT');
  if (roles.site) await assertPortFree(config.host, config.sitePort, 'HUB_SITE_PORT');
  const closers: (() => Promise<unknown>)[] = [];
  installShutdown(closers);

  if (!roles.api) {
    // HUB_ROLE=site: the current build, served as it is; no database, no API, no builds
    const store = new SiteStore(config.siteDir);
    const site = await serveBuilds(() => store.currentDir(), { host: config.host, port: config.sitePort });
    closers.push(() => site.close());
    const siteLine = store.currentDir()
      ? `Site: ${site.url}`
      : `Site: ${site.url} (no build in ${config.siteDir} yet — pnpm hub site builds it)`;
    console.log(`\nThe hub is running (HUB_ROLE=site: the static site only).\n  ${siteLine}\nCtrl-C stops it.`);
    return;
  }

  console.log(config.databaseUrl ? 'Database: DATABASE_URL' : `Database: embedded PostgreSQL in ${config.dataDir}`);
  const db = await openHubDatabase(config, {}, { role: 'hub', label: 'pnpm start' });
  closers.push(() => db.close());
  if (db.applied.length) console.log(`Migrations applied: ${db.applied.join(', ')}`);

  if (config.loadSample && (await isEmpty(db.url))) {
    console.log('Empty database: loading the demo sample data (示例数据)…');
    const sample = await loadSampleData(db.url, { size: 'demo' });
    console.log(`Sample data loaded: ${sample.spotChecks} spot checks.`);
  }

  // the statistics aggregate, if this database has none for today (a restore, a sample, days without a hub)
  const stats = await PgConnection.using(db.url, (c) => ensureStatistics(c, clock.today()));
  if (stats) console.log(`Statistics aggregate built as of ${clock.today()}: ${stats.cells} cells in ${stats.ms} ms.`);

  const shared = await connectShared(config);
  closers.push(() => shared.close());
  const api = await startApiServer(
    db.url,
    { host: config.host, port: config.apiPort },
    {
      shared,
      trustProxy: config.trustProxy,
      rateLimit: { pointsPerWindow: config.rateLimitPerMinute },
      readDatabaseUrl: config.readDatabaseUrl,
    },
  );
  closers.push(() => api.stop());
  const apiUrl = `http://${displayHost(config.host)}:${config.apiPort}/graphql`;
  console.log(`GraphQL API: ${apiUrl}`);

  // the site (HUB_ROLE=all): whatever build is current is served at once; rebuilds are swapped in when done
  const store = roles.site ? new SiteStore(config.siteDir) : undefined;
  const live = store ? new LiveSite(store, `http://127.0.0.1:${config.apiPort}/graphql`, db.url, clock) : undefined;
  let siteUrl: string | undefined;
  if (store && live) {
    const site = await serveBuilds(() => store.currentDir(), { host: config.host, port: config.sitePort });
    siteUrl = site.url;
    closers.push(
      () => site.close(),
      () => live.idle(),
    );
    const siteRequests = await serveRequests(db.url, SITE_CHANNEL, (_payload, reply) => {
      void reply({ state: 'accepted' });
      live.rebuild('requested by a command or the API').then(
        (info) => reply({ state: 'done', buildId: info.id, seconds: info.seconds }),
        (error: unknown) => reply({ state: 'failed', error: error instanceof Error ? error.message : String(error) }),
      );
    });
    closers.push(() => siteRequests.close());
  }
  if (db.mode === 'owner') await updateHubRecord(config.dataDir, { apiUrl, siteUrl });

  const day = startDayBoundary({ clock, databaseUrl: db.url, rebuildSite: live ? (reason) => live.rebuild(reason) : undefined });
  closers.push(async () => day.stop());
  if (clock instanceof ManualClock) {
    // tests only (HUB_CLOCK=manual): `pnpm hub clock set YYYY-MM-DD` moves this hub's day
    const clockRequests = await serveRequests(db.url, CLOCK_CHANNEL, (payload, reply) => {
      try {
        clock.set(String(payload.day));
      } catch (error) {
        void reply({ state: 'failed', error: (error as Error).message });
        return;
      }
      void reply({ state: 'accepted' });
      day.check().then(
        async (result) => {
          await live?.idle();
          await reply({
            state: 'done',
            day: clock.today(),
            pagesChanged: result?.pagesChange ?? false,
            site: store?.currentInfo()?.id ?? null,
          });
        },
        (error: unknown) => reply({ state: 'failed', error: error instanceof Error ? error.message : String(error) }),
      );
    });
    closers.push(() => clockRequests.close());
    console.log(`Clock: manual (test mode), today ${clock.today()}`);
  }

  if (store && live && config.buildSite) {
    const built = store.currentInfo();
    if (!store.currentDir()) {
      console.log('Building the site from the API…');
      const info = await live.rebuild('first build');
      console.log(`Site built in ${info.seconds.toFixed(1)} s.`);
    } else {
      // served as it is; rebuilt in the background only when the data changed since that build
      void (async () => {
        if (built?.fingerprint.day !== clock.today()) await refreshForDay(db.url, clock.today());
        if (await live.isCurrent()) console.log(`[site] build ${built?.id} shows the current data: no rebuild.`);
        else await live.rebuild('the data changed since the served build');
      })().catch((error) => console.error(`[site] ${error instanceof Error ? error.message : error}`));
    }
  }
  if (!store) {
    console.log(`\nThe hub is running (HUB_ROLE=api: the API only).\n  API:  ${apiUrl}\nCtrl-C stops it (the data stays in the database).`);
    return;
  }
  const siteLine = store.currentDir() ? `Site: ${siteUrl}` : `Site: ${siteUrl} (not built yet — pnpm hub site builds it)`;
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
