/**
 * Global setup of the db and e2e projects: one PostgreSQL and one migrated template database for
 * the whole run (tests/setup/global.ts), however many projects need it.
 *
 * Vitest runs a project's globalSetup once per project, so listing tests/setup/global.ts in both
 * projects would start two clusters — and, with DATABASE_URL, have the second project drop and
 * recreate the first one's template. This wrapper starts it for the first project that asks, hands
 * every project the same provided values, and tears it down after the last one. The unit project
 * does not list it: `pnpm test:unit` starts no database.
 */
import type { TestProject } from 'vitest/node';
import setupDatabase from './tests/setup/global.ts';

type Provided = Parameters<TestProject['provide']>;

interface Shared {
  ready: Promise<{ provided: Provided[]; teardown: () => Promise<void> }>;
  users: number;
}

// Each project may load this file through its own module runner: keep the state on the process.
const KEY = Symbol.for('hub.test-database');
const state = globalThis as { [KEY]?: Shared };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let shared = state[KEY];
  if (!shared) {
    const provided: Provided[] = [];
    // tests/setup/global.ts only calls provide() on the project it is given
    const recorder = { provide: (...args: Provided) => void provided.push(args) } as unknown as TestProject;
    shared = { ready: setupDatabase(recorder).then((teardown) => ({ provided, teardown })), users: 0 };
    state[KEY] = shared;
  }
  shared.users++;
  const { provided, teardown } = await shared.ready;
  for (const args of provided) project.provide(...args);
  return async () => {
    if (--shared.users > 0) return;
    delete state[KEY];
    await teardown();
  };
}
