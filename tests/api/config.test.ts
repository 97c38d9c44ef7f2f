import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@hub/api/config';

describe('configuration', () => {
  it('has working defaults: embedded database under .data, API on 4000, site on 4321, demo data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: undefined,
      apiPort: 4000,
      sitePort: 4321,
      host: '127.0.0.1',
      loadSample: true,
      buildSite: true,
    });
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it('lists every problem in one error', () => {
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', HUB_API_PORT: 'abc', HUB_SITE_PORT: '70000', HUB_SAMPLE: 'full', HUB_TODAY: '22/11/2026' });
      expect.unreachable('loadConfig accepted a broken configuration');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(5);
      expect(problems.join('\n')).toMatch(
        /DATABASE_URL[\s\S]*HUB_API_PORT="abc"[\s\S]*HUB_SITE_PORT="70000"[\s\S]*HUB_SAMPLE="full"[\s\S]*HUB_TODAY/,
      );
    }
  });

  it('refuses the same port for the API and the site', () => {
    expect(() => loadConfig({ HUB_API_PORT: '5000', HUB_SITE_PORT: '5000' })).toThrow(/both 5000/);
  });
});

describe('HUB_TRUST_PROXY', () => {
  it('reads addresses, ranges and loopback, and names every entry that is none of these', () => {
    expect(loadConfig({ HUB_TRUST_PROXY: ' 10.0.0.5, 10.0.0.0/8 ,fd00::/8, loopback ' }).trustProxy).toEqual([
      '10.0.0.5',
      '10.0.0.0/8',
      'fd00::/8',
      'loopback',
    ]);
    expect(loadConfig({}).trustProxy).toEqual([]);
    try {
      loadConfig({ HUB_TRUST_PROXY: 'proxy.example.org, 10.0.0.0/33, 2' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const entry of ['proxy.example.org', '10.0.0.0/33', '"2"']) expect(problems).toContain(entry);
    }
  });
});

describe('HUB_RATE_LIMIT', () => {
  it('sets the points per client and minute, and refuses what is not a whole number', () => {
    expect(loadConfig({}).rateLimitPerMinute).toBe(60_000);
    expect(loadConfig({ HUB_RATE_LIMIT: '500' }).rateLimitPerMinute).toBe(500);
    for (const bad of ['0', '-5', '1.5', 'lots']) expect(() => loadConfig({ HUB_RATE_LIMIT: bad })).toThrow(/HUB_RATE_LIMIT/);
  });
});
