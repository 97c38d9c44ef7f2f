import { fileURLToPath } from 'node:url';
import { isAbsolute, resolve } from 'node:path';
import { parseTrustedProxies } from './http/client-address.ts';
import { DEFAULT_RATE_LIMITS } from './http/rate-limit.ts';
import { LOG_LEVELS, type LogLevel } from './ops/logger.ts';

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
  /** what this process runs: the API, the static site, or both (docs/operations.md "Deployment") */
  role: HubRole;
  /** a read replica for public reads; writes and bureau reads stay on `databaseUrl` */
  readDatabaseUrl?: string;
  /** Redis shared by every API process: response cache and rate-limit counters */
  redisUrl?: string;
  /** before every Redis key, so that several hubs (production, staging) may share one Redis */
  redisPrefix: string;
  /** the JSON log's level */
  logLevel: LogLevel;
  /** when set, `/metrics` answers only `Authorization: Bearer <token>` */
  metricsToken?: string;
  /** reverse proxies (addresses, CIDRs, `loopback`) whose X-Forwarded-For names the client (http/client-address.ts) */
  trustProxy: string[];
  /** query cost each client may spend per minute (http/rate-limit.ts) */
  rateLimitPerMinute: number;
}

export const HUB_ROLES = ['api', 'site', 'all'] as const;
export type HubRole = (typeof HUB_ROLES)[number];

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
  HUB_ROLE: 'api | site | all — run only the API, only the static site, or both (default: all)',
  HUB_READ_DATABASE_URL: 'postgres://… — a read replica for public reads; writes and bureau reads use DATABASE_URL (default: none)',
  REDIS_URL: 'redis://host:6379 — Redis shared by several API processes: response cache and rate limits (default: none, one process)',
  HUB_REDIS_PREFIX: 'before every Redis key of this hub, e.g. staging: (default: hub:)',
  HUB_LOG_LEVEL: 'fatal | error | warn | info | debug | trace | silent — the JSON log (default: info)',
  HUB_METRICS_TOKEN: 'a secret: /metrics then answers only "Authorization: Bearer <token>" (default: open)',
  HUB_TRUST_PROXY:
    'addresses or ranges of the reverse proxies in front of the API, comma-separated (10.0.0.5, 10.0.0.0/8, loopback): their X-Forwarded-For names the client for its budget (default: none, the peer is the client)',
  HUB_RATE_LIMIT: 'query cost points each client (address or token) may spend per minute (default: 60000)',
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

  const url = (name: 'DATABASE_URL' | 'HUB_READ_DATABASE_URL' | 'REDIS_URL', protocols: string[], example: string): string | undefined => {
    const raw = env[name]?.trim() || undefined;
    if (!raw) return undefined;
    try {
      const u = new URL(raw);
      if (!protocols.includes(u.protocol)) throw new Error();
      if (protocols.includes('postgres:') && u.pathname.length < 2) problems.push(`${name} names no database (…/database_name at the end)`);
      return raw;
    } catch {
      problems.push(`${name} is not a ${example} URL`);
      return undefined;
    }
  };
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:'], 'postgres://');
  const readDatabaseUrl = url('HUB_READ_DATABASE_URL', ['postgres:', 'postgresql:'], 'postgres://');
  const redisUrl = url('REDIS_URL', ['redis:', 'rediss:'], 'redis:// (or rediss://)');
  const role = choice('HUB_ROLE', HUB_ROLES, 'all');
  const dataDirRaw = env.HUB_DATA_DIR?.trim() || '.data';
  const config: HubConfig = {
    databaseUrl,
    dataDir: isAbsolute(dataDirRaw) ? dataDirRaw : resolve(PROJECT_ROOT, dataDirRaw),
    embeddedDbPort: port('HUB_DB_PORT'),
    host: env.HUB_HOST?.trim() || '127.0.0.1',
    apiPort: port('HUB_API_PORT', 4000)!,
    sitePort: port('HUB_SITE_PORT', 4321)!,
    loadSample: choice('HUB_SAMPLE', ['demo', 'none'], 'demo') === 'demo',
    // a site-only process has no API to build from: its site is built where the API runs
    buildSite: choice('HUB_BUILD_SITE', ['1', '0'], role === 'site' ? '0' : '1') === '1',
    siteDir: resolve(PROJECT_ROOT, env.HUB_SITE_DIR?.trim() || 'site/dist'),
    role,
    readDatabaseUrl,
    redisUrl,
    redisPrefix: env.HUB_REDIS_PREFIX?.trim() || 'hub:',
    logLevel: choice('HUB_LOG_LEVEL', LOG_LEVELS, 'info'),
    metricsToken: env.HUB_METRICS_TOKEN?.trim() || undefined,
    trustProxy: (env.HUB_TRUST_PROXY ?? '')
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean),
    rateLimitPerMinute: DEFAULT_RATE_LIMITS.pointsPerWindow,
  };
  problems.push(...parseTrustedProxies(config.trustProxy).problems);
  const rateLimit = env.HUB_RATE_LIMIT?.trim();
  if (rateLimit && !/^[1-9]\d{0,8}$/.test(rateLimit)) problems.push(`HUB_RATE_LIMIT="${rateLimit}" is not a whole number of points ≥ 1`);
  else if (rateLimit) config.rateLimitPerMinute = Number(rateLimit);
  if (role === 'site' && config.buildSite) {
    problems.push(
      'HUB_BUILD_SITE=1 needs the API, and HUB_ROLE=site runs none: build the site where the API runs (pnpm hub site), or unset one',
    );
  }
  if (readDatabaseUrl && !databaseUrl) {
    problems.push(
      'HUB_READ_DATABASE_URL is a replica of DATABASE_URL: set DATABASE_URL to the primary (the embedded database has no replica)',
    );
  }
  if (readDatabaseUrl && readDatabaseUrl === databaseUrl) problems.push('HUB_READ_DATABASE_URL is the same as DATABASE_URL: unset it');
  if (config.metricsToken && config.metricsToken.length < 16)
    problems.push('HUB_METRICS_TOKEN is shorter than 16 characters: use a long random secret');
  const today = env.HUB_TODAY?.trim();
  if (today && !/^\d{4}-\d{2}-\d{2}$/.test(today)) problems.push(`HUB_TODAY="${today}" is not a date (YYYY-MM-DD)`);
  const clockMode = env.HUB_CLOCK?.trim();
  if (clockMode && clockMode !== 'manual') problems.push(`HUB_CLOCK="${clockMode}" must be manual (tests) or unset`);
  if (databaseUrl && env.HUB_DB_PORT) problems.push('HUB_DB_PORT applies to the embedded database only: unset it or DATABASE_URL');
  if (config.apiPort === config.sitePort) problems.push(`HUB_API_PORT and HUB_SITE_PORT are both ${config.apiPort}`);
  if (problems.length) throw new ConfigError(problems);
  return config;
}
