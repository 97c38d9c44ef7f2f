/**
 * @hub/api: what the tests and the benchmarks start the hub with (the command line is
 * `api/src/cli/hub.ts`, run as a process). Also exported on purpose, for tests that need no
 * GraphQL server (loading all of it costs about a second per test file): the importer's own
 * entry (`@hub/api/import`) and its normalisation helpers (`@hub/api/import/…`), case state
 * and the calendar (`@hub/api/case-state`), the configuration (`@hub/api/config`), and the pure
 * rules one module at a time (`@hub/api/rules/…`).
 */
export { loadConfig, ConfigError, PROJECT_ROOT, CONFIG_VARIABLES, type HubConfig } from './config.ts';
export { todayInChina } from './clock.ts';
export { openHubDatabase, isEmpty, type HubDatabase } from './database.ts';
export { startApiServer, PUBLIC_MAX_AGE_SECONDS, DATABASE_TIMEOUTS, type ApiServer, type ApiServerOptions } from './server.ts';
export { LIMITS, unpagedLists } from './graphql/limits.ts';
export { DatabaseListSizes } from './graphql/list-sizes.ts';
export { SCHEMA_FILE, hubSchema, hubSchemaSDL } from './graphql/schema.ts';
export { SQL_DIR, repositorySql } from './repository/sql-catalog.ts';
export { hashToken, type Viewer } from './access/access.service.ts';
export * from './case-state/index.ts';
export { loadSampleData } from './sample.ts';
export { buildSite, serveSite, displayHost, SITE_DIST, SITE_ROOT, type SiteBuild } from './site/site.ts';
export * from './import/index.ts';
