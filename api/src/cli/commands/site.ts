import { freePort } from '@hub/db';
import type { Command } from '../command.ts';
import { withDatabase } from '../command.ts';
import { startApiServer } from '../../server.ts';
import { buildSite } from '../../site/site.ts';

/** Rebuilds the static site from the API, started for the build on a private port. */
export async function rebuildSite(): Promise<void> {
  await withDatabase(async (db) => {
    const api = await startApiServer(db.url, { host: '127.0.0.1', port: await freePort() });
    try {
      const build = await buildSite({ apiUrl: api.url });
      console.log(`Site rebuilt in ${build.seconds.toFixed(1)} s → ${build.outDir}`);
    } finally {
      await api.stop();
    }
  });
}

export const site: Command = {
  summary: 'rebuild the static site (site/dist) from the published data',
  usage: '',
  run: () => rebuildSite(),
};
