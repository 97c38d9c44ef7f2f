import { freePort } from '@hub/db';
import { loadConfig } from '../../config.ts';
import { todayInChina } from '../../clock.ts';
import { ask, SITE_CHANNEL } from '../../live/requests.ts';
import { startApiServer } from '../../server.ts';
import { SiteStore, dataFingerprint } from '../../site/builds.ts';
import type { Command } from '../command.ts';
import { withDatabase } from '../command.ts';

/**
 * Rebuilds the static site. With a hub running, the hub rebuilds it (its site is swapped in when
 * the build is done, the old one served until then) and this waits for that; otherwise the site
 * is built here, from an API started for the build on a private port, into HUB_SITE_DIR.
 */
export async function rebuildSite(): Promise<void> {
  const config = loadConfig();
  await withDatabase(async (db, connection) => {
    // owning the folder's database means no hub runs on it; with DATABASE_URL one may run elsewhere
    const reply = db.mode === 'owner' ? null : await ask(db.url, SITE_CHANNEL);
    if (reply) {
      if (reply.state !== 'done')
        throw new Error(`The running hub could not rebuild the site; it still serves the previous build.\n${reply.error}`);
      console.log(`Site rebuilt by the running hub in ${Number(reply.seconds).toFixed(1)} s: build ${reply.buildId} is served.`);
      return;
    }
    const api = await startApiServer(db.url, { host: '127.0.0.1', port: await freePort() });
    try {
      const store = new SiteStore(config.siteDir);
      const info = await store.build(api.url, await dataFingerprint(connection, todayInChina()), { quiet: false });
      console.log(`Site rebuilt in ${info.seconds.toFixed(1)} s → ${store.currentLink} (build ${info.id})`);
    } finally {
      await api.stop();
    }
  });
}

export const site: Command = {
  summary: 'rebuild the static site from the published data (by the running hub when there is one)',
  usage: '',
  run: () => rebuildSite(),
};
