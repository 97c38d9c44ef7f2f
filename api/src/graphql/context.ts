import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';

/** Per-request context: a forked EntityManager, so no identity map is shared between requests. */
export interface HubContext {
  em: EntityManager;
}

export function createContext(orm: MikroORM): HubContext {
  return { em: orm.em.fork() };
}
