import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Three tiers (tests/README.md), chosen by what a file does, not by its folder:
 * `pnpm test:unit`, `pnpm test:db`, `pnpm test:e2e`; `pnpm test` runs all three at once.
 */

/** Pure: rules, normalisation and formatting helpers; no database, no child process. */
const UNIT = [
  'tests/rules/**/*.test.ts',
  'tests/import/normalisation.test.ts',
  'tests/import/terms.test.ts',
  'tests/api/config.test.ts',
  'tests/ops/config.test.ts',
  'tests/sample/writer.test.ts',
  'tests/site/csv.test.ts',
  'tests/live/serve.test.ts',
  'tests/security/gate.test.ts',
  'tests/site/feeds.test.ts',
  'tests/api/landing-page.test.ts',
];

/**
 * Whole programs in child processes: `pnpm start`, the Astro build (and a browser on it), and
 * `pnpm hub …` run as the bureau runs it (tests/support/cli.ts, tests/import/fixtures.ts `hub`).
 */
const E2E = [
  'tests/start.test.ts',
  'tests/live/hub.test.ts',
  'tests/live/clock.test.ts',
  'tests/live/commands.test.ts',
  'tests/live/failed-build.test.ts',
  'tests/site/site.test.ts',
  'tests/site/empty.test.ts',
  'tests/api/calendar.test.ts',
  'tests/import/crash.test.ts',
  'tests/import/errors.test.ts',
  'tests/import/workflow.test.ts',
  'tests/import/notice-cli.test.ts',
  'tests/security/token-cli.test.ts',
  'tests/ops/shutdown.test.ts',
  'tests/ops/processes.test.ts',
  'tests/ops/roles.test.ts',
];

// The run's one PostgreSQL, shared by the db and e2e projects (see vitest.database.ts).
const DATABASE = ['vitest.database.ts'];

export default defineConfig({
  resolve: {
    // type-graphql loads graphql's CommonJS build; Vite would give our code the .mjs one, and
    // graphql refuses to mix the two ("from another module or realm"). One copy for all.
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    // Inherited by every project below (Vitest 5 inline projects extend the root config).
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Test files get their own database each, so they may run in parallel (Vitest's `run` runs
    // cores − 1 files at a time: one after the other on the 2-core machines).
    fileParallelism: true,
    projects: [
      { test: { name: 'unit', include: UNIT } },
      // Everything else: a new test file lands here and gets a database unless it is listed above.
      {
        test: { name: 'db', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, ...UNIT, ...E2E], globalSetup: DATABASE },
      },
      { test: { name: 'e2e', include: E2E, globalSetup: DATABASE } },
    ],
  },
});
