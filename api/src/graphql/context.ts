import type { PgPool } from '@hub/db';
import { todayInChina } from '../clock.ts';
import type { Viewer } from '../access/access.service.ts';
import type { BudgetState, Budgets } from '../http/rate-limit.ts';
import { createRepositories, type Repositories } from './repositories.ts';

/** The client's budget for this request: who pays, and what the request spent (set by the limits plugin). */
export interface RequestBudget {
  /** `ip:…` or `token:NAME`; undefined when no limit applies (the machine itself) */
  client?: string;
  budgets: Budgets;
  state: BudgetState;
}

/** Per-request context: who asks, today's date in China, and the repositories built for both. */
export interface HubContext {
  /** the API's pool for writes: what the mutations import, publish and load the calendar through (no statement timeout) */
  db: PgPool;
  viewer: Viewer;
  /** today in China (Asia/Shanghai), YYYY-MM-DD: the default `asOf` and what the public sees */
  today: string;
  repos: Repositories;
  budget: RequestBudget;
}

/** The API's database pools: what a request reads and writes through. */
export interface ApiPools {
  /** on DATABASE_URL, with the statement timeout every read runs under: bureau reads, tokens */
  read: PgPool;
  /** on DATABASE_URL, without a statement timeout: the mutations (an import or a publish may take minutes; bureau tokens only) */
  write: PgPool;
  /** on HUB_READ_DATABASE_URL (a replica), with the same timeout: public reads; absent, they use `read` */
  replica?: PgPool;
}

/**
 * Public reads go to the replica when there is one; a bureau token's reads stay on the primary,
 * so the bureau sees its drafts and what it just published at once (a replica may lag).
 */
export function createContext(pools: ApiPools, viewer: Viewer, budget: RequestBudget): HubContext {
  const today = todayInChina();
  const reads = viewer.bureau ? pools.read : (pools.replica ?? pools.read);
  return { db: pools.write, viewer, today, repos: createRepositories(reads, viewer, today), budget };
}
