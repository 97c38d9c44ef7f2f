import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // type-graphql loads graphql's CommonJS build; Vite would give our code the .mjs one, and
    // graphql refuses to mix the two ("from another module or realm"). One copy for all.
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // One embedded PostgreSQL cluster for the whole run (or DATABASE_URL): see tests/setup/global.ts.
    globalSetup: ['tests/setup/global.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Test files get their own database each, so they may run in parallel on the 2 cores.
    fileParallelism: true,
  },
});
