import type { IncomingMessage } from 'node:http';
import type { PgPool } from '@hub/db';
import { todayInChina } from '../clock.ts';
import { TokenRepository } from '../access/access.repository.ts';
import { resolveViewer, type Viewer } from '../access/access.service.ts';
import { createRepositories, type Repositories } from './repositories.ts';

/** Per-request context: who asks, today's date in China, and the repositories built for both. */
export interface HubContext {
  /** the API's pool: what the mutations import, publish and load the calendar through */
  db: PgPool;
  viewer: Viewer;
  /** today in China (Asia/Shanghai), YYYY-MM-DD: the default `asOf` and what the public sees */
  today: string;
  repos: Repositories;
}

export async function createContext(db: PgPool, req?: IncomingMessage): Promise<HubContext> {
  const viewer = await resolveViewer(new TokenRepository(db), req?.headers.authorization);
  const today = todayInChina();
  return { db, viewer, today, repos: createRepositories(db, viewer, today) };
}
