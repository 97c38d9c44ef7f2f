import type { IncomingMessage } from 'node:http';
import type { PgPool } from '@hub/db';
import { todayInChina } from '../clock.ts';
import { TokenRepository } from '../access/access.repository.ts';
import { resolveViewer, type Viewer } from '../access/access.service.ts';
import { createLoaders, type Loaders } from './loaders.ts';

/** Per-request context: who asks, today's date in China, a fresh DataLoader set. */
export interface HubContext {
  sql: PgPool;
  viewer: Viewer;
  /** today in China (Asia/Shanghai), YYYY-MM-DD: the default `asOf` and what the public sees */
  today: string;
  loaders: Loaders;
}

export async function createContext(sql: PgPool, req?: IncomingMessage): Promise<HubContext> {
  const viewer = await resolveViewer(new TokenRepository(sql), req?.headers.authorization);
  const today = todayInChina();
  return { sql, viewer, today, loaders: createLoaders(sql, viewer, today) };
}
