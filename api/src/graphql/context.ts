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

/**
 * `read` holds the statement timeout every public read runs under; `write` is the mutations'
 * (an import or a publish may take minutes, and only bureau tokens reach it).
 */
export function createContext(pools: { read: PgPool; write: PgPool }, viewer: Viewer, budget: RequestBudget): HubContext {
  const today = todayInChina();
  return { db: pools.write, viewer, today, repos: createRepositories(pools.read, viewer, today), budget };
}
