import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@hub/api/config';
import { rolesFrom } from '@hub/api/ops/roles.ts';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('the deployment settings', () => {
  it('default to one process doing everything, nothing shared', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ role: 'all', readDatabaseUrl: undefined, redisUrl: undefined, redisPrefix: 'hub:', logLevel: 'info' });
    expect(rolesFrom(config)).toEqual({ api: true, site: true });
  });

  it('read HUB_ROLE, the replica, Redis, the log level and the metrics token', () => {
    const config = loadConfig({
      HUB_ROLE: 'api',
      DATABASE_URL: 'postgres://hub@primary:5432/hub',
      HUB_READ_DATABASE_URL: 'postgres://hub@replica:5432/hub',
      REDIS_URL: 'rediss://cache:6380',
      HUB_REDIS_PREFIX: 'staging:',
      HUB_LOG_LEVEL: 'warn',
      HUB_METRICS_TOKEN: 'a-long-random-metrics-secret',
    });
    expect(config).toMatchObject({
      role: 'api',
      readDatabaseUrl: 'postgres://hub@replica:5432/hub',
      redisUrl: 'rediss://cache:6380',
      redisPrefix: 'staging:',
      logLevel: 'warn',
      metricsToken: 'a-long-random-metrics-secret',
    });
    expect(rolesFrom(config)).toEqual({ api: true, site: false });
    expect(rolesFrom(loadConfig({ HUB_ROLE: 'site' }))).toEqual({ api: false, site: true });
  });

  it('a site-only process does not build the site (it has no API to build from)', () => {
    expect(loadConfig({ HUB_ROLE: 'site' }).buildSite).toBe(false);
    expect(problemsOf({ HUB_ROLE: 'site', HUB_BUILD_SITE: '1' })).toEqual([expect.stringMatching(/HUB_BUILD_SITE=1 needs the API/)]);
  });

  it('lists every bad deployment setting at once', () => {
    const problems = problemsOf({
      HUB_ROLE: 'worker',
      HUB_READ_DATABASE_URL: 'mysql://replica/hub',
      REDIS_URL: 'http://cache:6379',
      HUB_LOG_LEVEL: 'verbose',
      HUB_METRICS_TOKEN: 'short',
    });
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(
      /HUB_READ_DATABASE_URL is not a postgres[\s\S]*REDIS_URL is not a redis[\s\S]*HUB_ROLE="worker"[\s\S]*HUB_LOG_LEVEL="verbose"[\s\S]*HUB_METRICS_TOKEN is shorter/,
    );
  });

  it('refuses a replica without a primary, or the primary named twice', () => {
    expect(problemsOf({ HUB_READ_DATABASE_URL: 'postgres://r/hub' })).toEqual([expect.stringMatching(/set DATABASE_URL to the primary/)]);
    expect(problemsOf({ DATABASE_URL: 'postgres://p/hub', HUB_READ_DATABASE_URL: 'postgres://p/hub' })).toEqual([
      expect.stringMatching(/same as DATABASE_URL/),
    ]);
  });
});
