import parsePrometheusTextFormat, { type MetricFamily } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, startApiServer } from '@hub/api';
import { freePort } from '@hub/db';
import { observePublish, observeSiteBuild } from '@hub/api/ops';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

const TOKEN = 'hub_metrics_token';
let db: TestDatabase;
let api: TestApi;

interface Scrape extends Map<string, MetricFamily> {
  text: string;
}

/** Scrapes /metrics as Prometheus does and parses it with a Prometheus text-format parser. */
async function scrape(): Promise<Scrape> {
  const response = await fetch(new URL('/metrics', api.url));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  const families = parsePrometheusTextFormat(text);
  // the parser is lenient: every sample value must be a float as Prometheus reads them (Go's
  // ParseFloat: ±Inf and NaN in any case — prom-client writes `Nan`)
  for (const family of families) {
    for (const sample of family.metrics) {
      for (const value of [sample.value, sample.count, sample.sum, ...Object.values(sample.buckets ?? {})]) {
        if (value !== undefined) expect(value, `${family.name}: ${value}`).toMatch(/^(-?[\d.e+-]+|[+-]Inf|NaN)$/i);
      }
    }
  }
  return Object.assign(new Map(families.map((f) => [f.name, f])), { text });
}

/**
 * One series' value read from the text. parse-prometheus-text-format folds a histogram's label
 * sets into one (it keeps only `le`), so histograms with labels are read line by line.
 */
function series(scraped: Scrape, name: string, labels: string): number {
  const line = scraped.text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`) || l.startsWith(`${name}{${labels},`));
  return Number(line?.split(' ').at(-1) ?? Number.NaN);
}

function sample(families: Scrape, name: string, labels: Record<string, string> = {}) {
  const family = families.get(name);
  return family?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
}
const value = (families: Scrape, name: string, labels: Record<string, string> = {}) => Number(sample(families, name, labels)?.value ?? 0);

beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql.query(`INSERT INTO api_token (name, token_hash) VALUES ('metrics', $1)`, [hashToken(TOKEN)]);
  api = await startTestApi(db.url);
});
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

describe('/metrics', () => {
  it('counts and times each GraphQL operation by name, and the response cache’s hits and misses', async () => {
    const before = await scrape();
    const query = 'query MetricsSummary { summary { containsSampleData } }';
    await api.query(query);
    await api.query(query); // the same public question: answered from the response cache
    await api.query(query, undefined, { authorization: `Bearer ${TOKEN}` }); // a token's: never cached
    await api.query('{ summary { containsSampleData } }');
    const bad = await api.query('query Broken { noSuchField }');
    expect(bad.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const after = await scrape();
    const ok = { operation: 'MetricsSummary', type: 'query', outcome: 'ok' };
    expect(value(after, 'hub_graphql_requests_total', ok) - value(before, 'hub_graphql_requests_total', ok)).toBe(3);
    expect(value(after, 'hub_graphql_requests_total', { operation: 'anonymous', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(value(after, 'hub_graphql_requests_total', { operation: 'Broken', outcome: 'user_error' })).toBe(1);

    expect(after.get('hub_graphql_request_duration_seconds')?.type).toBe('HISTOGRAM');
    const labels = 'operation="MetricsSummary",type="query"';
    const count = (s: Scrape) => series(s, 'hub_graphql_request_duration_seconds_count', labels) || 0;
    expect(count(after) - count(before)).toBe(3);
    expect(series(after, 'hub_graphql_request_duration_seconds_sum', labels)).toBeGreaterThan(0);
    expect(series(after, 'hub_graphql_request_duration_seconds_bucket', `le="+Inf",${labels}`)).toBe(count(after));

    const delta = (result: string) =>
      value(after, 'hub_response_cache_requests_total', { result }) - value(before, 'hub_response_cache_requests_total', { result });
    expect(delta('hit')).toBe(1);
    expect(delta('bypass')).toBe(1);
    // the first MetricsSummary and the unnamed query (a different text: a different key)
    expect(delta('miss')).toBe(2);
  });

  it('reports the database pool, publish and site-build durations, refusals and the process', async () => {
    observePublish(1500);
    observeSiteBuild(42_000);
    const families = await scrape();
    expect(families.get('hub_db_pool_connections')?.type).toBe('GAUGE');
    expect(value(families, 'hub_db_pool_max_connections', { pool: 'read' })).toBe(10);
    expect(value(families, 'hub_db_pool_connections', { pool: 'read' })).toBeGreaterThanOrEqual(1);
    expect(sample(families, 'hub_db_pool_idle_connections', { pool: 'read' })).toBeDefined();
    expect(value(families, 'hub_db_pool_waiting_requests', { pool: 'read' })).toBe(0);
    const publish = families.get('hub_publish_duration_seconds')!.metrics[0];
    expect([Number(publish.count), Number(publish.sum)]).toEqual([1, 1.5]);
    const build = families.get('hub_site_build_duration_seconds')!.metrics[0];
    expect([Number(build.count), Number(build.sum)]).toEqual([1, 42]);
    expect(families.get('hub_rate_limit_refusals_total')?.type).toBe('COUNTER');
    expect(families.get('hub_process_resident_memory_bytes')?.type).toBe('GAUGE');
    expect(value(families, 'hub_http_requests_total', { route: 'graphql', status: '2xx' })).toBe(4);
    expect(value(families, 'hub_http_requests_total', { route: 'graphql', status: '4xx' })).toBe(1);
  });

  it('answers only the bearer of HUB_METRICS_TOKEN when one is set', async () => {
    const token = 'metrics-secret-0123456789';
    const guarded = await startApiServer(db.url, { host: '127.0.0.1', port: await freePort() }, { shared: { metricsToken: token } });
    try {
      const url = new URL('/metrics', guarded.url);
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: 'Bearer metrics-secret-012345678x' } })).status).toBe(401);
      const allowed = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).toContain('hub_graphql_requests_total');
      // the probes stay open: the balancer has no token
      expect((await fetch(new URL('/healthz', guarded.url))).status).toBe(200);
    } finally {
      await guarded.stop();
    }
  });

  it('keeps at most a bounded number of operation names (clients choose them)', async () => {
    const { operationLabel, OPERATION_NAME_LIMIT } = await import('@hub/api/ops/metrics.ts');
    for (let i = 0; i < OPERATION_NAME_LIMIT + 5; i++) operationLabel(`Flood${i}`);
    expect(operationLabel('FloodLater')).toBe('other');
    expect(operationLabel('MetricsSummary')).toBe('MetricsSummary');
  });
});
