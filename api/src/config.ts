import { fileURLToPath } from 'node:url';
import { isAbsolute, resolve } from 'node:path';

/** The project's root folder (the workspace root). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The hub's configuration: read from the environment once, at start-up. Every problem is
 * listed in one error, so a user fixes them all in one go.
 */
export interface HubConfig {
  /** an external PostgreSQL; when absent the hub runs an embedded one under `dataDir` */
  databaseUrl?: string;
  /** where the embedded database keeps its files */
  dataDir: string;
  /** fixed port for the embedded database (default: a free one at each start) */
  embeddedDbPort?: number;
  /** interface the API and the site listen on */
  host: string;
  apiPort: number;
  sitePort: number;
  /** load the demo sample data into an empty database at start-up */
  loadSample: boolean;
  /** build the static site at start-up */
  buildSite: boolean;
  /** where the built site goes (and is served from) */
  siteDir: string;
}

export const CONFIG_VARIABLES = {
  DATABASE_URL: 'postgres://user:password@host:5432/database — an external PostgreSQL (default: embedded)',
  HUB_DATA_DIR: 'folder of the embedded database (default: .data in the project)',
  HUB_DB_PORT: 'port of the embedded database (default: any free port)',
  HUB_HOST: 'interface to listen on (default: 127.0.0.1; 0.0.0.0 to serve other machines)',
  HUB_API_PORT: 'port of the GraphQL API (default: 4000)',
  HUB_SITE_PORT: 'port of the static site (default: 4321)',
  HUB_SAMPLE: 'demo | none — sample data loaded into an empty database (default: demo)',
  HUB_BUILD_SITE: '1 | 0 — build the site at start-up (default: 1)',
  HUB_SITE_DIR: 'where the site builds are kept (builds/<id>) and served from (current) (default: site/dist)',
  HUB_TODAY: 'YYYY-MM-DD — fix "today" (default: the date in China); for demos and re-running a past day',
  HUB_CLOCK: 'manual — tests only: a running hub whose day `pnpm hub clock set YYYY-MM-DD` moves (default: the real clock)',
} as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const problems: string[] = [];

  const port = (name: keyof typeof CONFIG_VARIABLES, fallback?: number): number | undefined => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > 65535) {
      problems.push(`${name}="${raw}" is not a port number (1–65535)`);
      return fallback;
    }
    return value;
  };
  const choice = <T extends string>(name: keyof typeof CONFIG_VARIABLES, allowed: readonly T[], fallback: T): T => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    if (!allowed.includes(raw as T)) {
      problems.push(`${name}="${raw}" must be one of: ${allowed.join(', ')}`);
      return fallback;
    }
    return raw as T;
  };

  let databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl) {
    try {
      const u = new URL(databaseUrl);
      if (!['postgres:', 'postgresql:'].includes(u.protocol)) throw new Error();
      if (u.pathname.length < 2) problems.push('DATABASE_URL names no database (…/database_name at the end)');
    } catch {
      problems.push(`DATABASE_URL is not a postgres:// URL`);
      databaseUrl = undefined;
    }
  }
  const dataDirRaw = env.HUB_DATA_DIR?.trim() || '.data';
  const config: HubConfig = {
    databaseUrl,
    dataDir: isAbsolute(dataDirRaw) ? dataDirRaw : resolve(PROJECT_ROOT, dataDirRaw),
    embeddedDbPort: port('HUB_DB_PORT'),
    host: env.HUB_HOST?.trim() || '127.0.0.1',
    apiPort: port('HUB_API_PORT', 4000)!,
    sitePort: port('HUB_SITE_PORT', 4321)!,
    loadSample: choice('HUB_SAMPLE', ['demo', 'none'], 'demo') === 'demo',
    buildSite: choice('HUB_BUILD_SITE', ['1', '0'], '1') === '1',
    siteDir: resolve(PROJECT_ROOT, env.HUB_SITE_DIR?.trim() || 'site/dist'),
  };
  const today = env.HUB_TODAY?.trim();
  if (today && !/^\d{4}-\d{2}-\d{2}$/.test(today)) problems.push(`HUB_TODAY="${today}" is not a date (YYYY-MM-DD)`);
  const clockMode = env.HUB_CLOCK?.trim();
  if (clockMode && clockMode !== 'manual') problems.push(`HUB_CLOCK="${clockMode}" must be manual (tests) or unset`);
  if (databaseUrl && env.HUB_DB_PORT) problems.push('HUB_DB_PORT applies to the embedded database only: unset it or DATABASE_URL');
  if (config.apiPort === config.sitePort) problems.push(`HUB_API_PORT and HUB_SITE_PORT are both ${config.apiPort}`);
  if (problems.length) throw new ConfigError(problems);
  return config;
}
