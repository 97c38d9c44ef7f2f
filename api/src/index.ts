import { fileURLToPath } from 'node:url';

/**
 * @hub/api: what the command line, the tests and the benchmarks start the hub with. Pure rules
 * are exported one module at a time (`@hub/api/rules/…`), and the importer's normalisation
 * helpers (`@hub/api/import/…`) for their unit tests.
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
/** `pnpm hub`: the command-line entry, for tests that run it as a child process. */
export const HUB_CLI = fileURLToPath(new URL('./cli/hub.ts', import.meta.url));
