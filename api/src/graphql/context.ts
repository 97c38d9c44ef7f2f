import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { todayInChina } from '../clock.ts';
import { userError } from './errors.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import type { Sql } from './sql.ts';
import type { Viewer } from './visibility.ts';

/** Per-request context: who asks, today's date in China, a fresh DataLoader set. */
export interface HubContext {
  sql: Sql;
  /** a forked EntityManager (writes through MikroORM), never shared between requests */
  em: EntityManager;
  viewer: Viewer;
  /** today in China (Asia/Shanghai), YYYY-MM-DD: the default `asOf` and what the public sees */
  today: string;
  loaders: Loaders;
}

export { todayInChina };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Reads `Authorization: Bearer <token>`. No header: anonymous. A wrong token is an error, not anonymity. */
export async function resolveViewer(sql: Sql, authorization: string | undefined): Promise<Viewer> {
  if (!authorization) return { bureau: false };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw userError('UNAUTHENTICATED', 'Authorization must be "Bearer <token>".', { http: { status: 401 } });
  const row = await sql.one<{ name: string }>(
    `UPDATE api_token SET last_used_at = now() WHERE token_hash = $1 AND revoked_at IS NULL RETURNING name`,
    [hashToken(match[1])],
  );
  if (!row) throw userError('UNAUTHENTICATED', 'This API token is unknown or revoked; ask the bureau for a new one, or send no Authorization header for public data.', { http: { status: 401 } });
  return { bureau: true, tokenName: row.name };
}

export async function createContext(orm: MikroORM, sql: Sql, req?: IncomingMessage): Promise<HubContext> {
  const viewer = await resolveViewer(sql, req?.headers.authorization);
  const today = todayInChina();
  return { sql, em: orm.em.fork(), viewer, today, loaders: createLoaders(sql, viewer, today) };
}
