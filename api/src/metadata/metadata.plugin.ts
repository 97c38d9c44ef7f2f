/**
 * `extensions.hub` on every API answer (issue 15 §8): as of when the data is (`dataAsOf`, the day
 * in China the latest batch was published), that batch, and the open-data licence — so a
 * journalist's saved answer says what it was based on. Read with a connection of its own (not
 * the request's, whose statements the N+1 guard counts) and kept for 30 s or until a publish
 * (or the day) changes the data (live/changes.ts), whichever comes first. A database that does
 * not answer within a second leaves the extension out rather than holding the answer.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { OPEN_DATA_LICENCE, PgPool } from '@hub/db';
import { toGlobalId } from '../graphql/ids.ts';
import { dataGeneration } from '../live/changes.ts';
import { MetadataRepository } from './metadata.repository.ts';

export interface HubExtensions {
  dataAsOf: string | null;
  latestBatch: { id: string; title: string; publishedAt: string } | null;
  licence: { name: string; url: string; attribution: string };
}

const TTL_MS = 30_000;
const WAIT_MS = 1_000;

export function metadataPlugin(databaseUrl: string): ApolloServerPlugin {
  const pool = PgPool.connect(databaseUrl, 1);
  const repository = new MetadataRepository(pool, { bureau: false }, '1970-01-01');
  let cached: { at: number; generation: string; value: Promise<HubExtensions> } | undefined;
  const current = (): Promise<HubExtensions> => {
    if (!cached || Date.now() - cached.at > TTL_MS || cached.generation !== dataGeneration()) {
      const value = repository.current().then((row) => ({
        dataAsOf: row.dataAsOf,
        latestBatch:
          row.latestBatchId == null
            ? null
            : { id: toGlobalId('Batch', row.latestBatchId), title: row.latestBatchTitle!, publishedAt: row.latestBatchPublishedAt! },
        licence: { name: OPEN_DATA_LICENCE.name, url: OPEN_DATA_LICENCE.url, attribution: OPEN_DATA_LICENCE.attribution },
      }));
      cached = { at: Date.now(), generation: dataGeneration(), value };
      // a failed read is not kept: the next answer tries again
      value.catch(() => {
        if (cached?.value === value) cached = undefined;
      });
    }
    return cached.value;
  };
  return {
    async serverWillStart() {
      return {
        async serverWillStop() {
          await pool.close();
        },
      };
    },
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          let timer: NodeJS.Timeout | undefined;
          const late = new Promise<null>((resolve) => {
            timer = setTimeout(() => resolve(null), WAIT_MS);
          });
          const hub = await Promise.race([current().catch(() => null), late]);
          clearTimeout(timer);
          if (!hub) return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, hub };
        },
      };
    },
  };
}
