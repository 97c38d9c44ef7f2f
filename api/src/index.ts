/**
 * @hub/api: what the tests and the benchmarks start the hub with (the command line is
 * `api/src/cli/hub.ts`, run as a process). Also exported on purpose: the importer's own entry
 * (`@hub/api/import`, for tests that need no GraphQL server) and its normalisation helpers
 * (`@hub/api/import/…`, for their unit tests), and the pure rules one module at a time
 * (`@hub/api/rules/…`).
 */
export { loadConfig, ConfigError, PROJECT_ROOT, CONFIG_VARIABLES, type HubConfig } from './config.ts';
export { todayInChina } from './clock.ts';
export { openHubDatabase, isEmpty, type HubDatabase } from './database.ts';
export { startApiServer, PUBLIC_MAX_AGE_SECONDS, type ApiServer } from './server.ts';
export { SCHEMA_FILE, hubSchema, hubSchemaSDL } from './graphql/schema.ts';
export { SQL_DIR, repositorySql } from './repository/sql-catalog.ts';
export { hashToken, type Viewer } from './access/access.service.ts';
export { refreshCaseState, type RefreshResult } from './case-state/case-state.service.ts';
export { ensureCalendar, loadWorkCalendar, storeCalendar } from './case-state/calendar.store.ts';
export { importCalendar, readCalendarFile } from './case-state/calendar.service.ts';
export { loadSampleData } from './sample.ts';
export { buildSite, serveSite, displayHost, SITE_DIST, SITE_ROOT, type SiteBuild } from './site/site.ts';
export * from './import/index.ts';
