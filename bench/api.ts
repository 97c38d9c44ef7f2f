/**
 * `pnpm bench:api`: requests per second and latency of the public API's typical questions, over
 * the database you point it at (load the `province` sample first: `pnpm sample:province`), next
 * to a baseline measured in the same run: the main SQL statement of the same question sent
 * straight to PostgreSQL through a pool, with no HTTP or GraphQL. "Uncached" makes every request
 * distinct so the response cache cannot answer (list counts are still shared for 60 s, as for
 * any client paging through a list); "cached" repeats one question, as the media do on the day a
 * batch is published.
 *
 *   HUB_DATA_DIR=/tmp/prov pnpm bench:api [--seconds 8] [--concurrency 16]
 */
import { parseArgs } from 'node:util';
import { PgPool, freePort } from '../db/src/index.ts';
import { loadConfig, openHubDatabase, startApiServer, todayInChina } from '../api/src/index.ts';
import { spotCheckColumns, spotCheckFrom, SC_PUBLISHED, SC_COUNTED } from '../api/src/spot-check/spot-check.repository.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '8' }, concurrency: { type: 'string', default: '16' } } });
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const anonymous = { bureau: false };

const QUESTIONS = [
  {
    name: 'failures, page of 50 with items, status and city',
    graphql: `{ spotChecks(first: 50) { totalCount nodes { reportNo reportDate productCategory productName trademark modelSpec
      city { name } nonconformingItems { item requirement measured } status { status label } disclosure { identityPublic } } } }`,
    sql: `SELECT ${spotCheckColumns(anonymous)} FROM ${spotCheckFrom('$1')} WHERE ${SC_PUBLISHED} ORDER BY sc.report_date DESC, sc.id DESC LIMIT 51`,
  },
  {
    name: 'failure rate by city (all published results)',
    graphql: `{ spotCheckStats(by: city) { key label checked failed failureRate } }`,
    sql: `SELECT sc.city_code, count(*), count(*) FILTER (WHERE coalesce(now_.effective_conclusion, sc.conclusion) = 'fail')
          FROM ${spotCheckFrom('$1')} WHERE ${SC_COUNTED} GROUP BY 1`,
  },
  {
    name: 'search 电热水壶 (Chinese substring)',
    graphql: `{ spotChecks(first: 20, filter: { text: "电热水壶" }) { totalCount nodes { reportNo productName trademark } } }`,
    sql: `SELECT ${spotCheckColumns(anonymous)} FROM ${spotCheckFrom('$1')} WHERE ${SC_PUBLISHED} AND sc.product_name ILIKE '%电热水壶%'
          ORDER BY sc.report_date DESC, sc.id DESC LIMIT 21`,
  },
  {
    name: 'certified list, page of 50 with enterprise and status',
    graphql: `{ certifiedItems(first: 50) { totalCount nodes { name round status enterprise { name city { name } } industry { name } } } }`,
    sql: `SELECT ci.id, ci.name FROM certified_item ci JOIN enterprise e ON e.id = ci.enterprise_id ORDER BY ci.round, ci.seq_no, ci.id LIMIT 51`,
  },
];

async function hammer(run: () => Promise<void>): Promise<{ rps: number; p50: number; p95: number }> {
  const latencies: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        await run();
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / SECONDS,
    p50: latencies[Math.floor(latencies.length / 2)],
    p95: latencies[Math.floor(latencies.length * 0.95)],
  };
}

const db = await openHubDatabase(loadConfig());
const api = await startApiServer(db.orm, { host: '127.0.0.1', port: await freePort() });
const baseline = PgPool.connect(db.url, 10);
const today = todayInChina();
const [{ n }] = await baseline.query<{ n: number }>('SELECT count(*)::int AS n FROM spot_check');
console.log(`API benchmark: ${n} spot checks, ${SECONDS} s per measure, ${CONCURRENCY} concurrent clients\n`);
console.log(''.padEnd(52), '— API, uncached —'.padStart(27), '— SQL alone —'.padStart(19), '— API, cached —'.padStart(18));
console.log(
  'question'.padEnd(52),
  'req/s'.padStart(9),
  'p50 ms'.padStart(8),
  'p95 ms'.padStart(8),
  'req/s'.padStart(9),
  'API/SQL'.padStart(8),
  'req/s'.padStart(9),
  'p50 ms'.padStart(8),
);
try {
  for (const q of QUESTIONS) {
    const probe = (await (
      await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q.graphql }) })
    ).json()) as any;
    if (probe.errors) throw new Error(`${q.name}: ${JSON.stringify(probe.errors)}`);
    // uncached: every request names its operation differently, so the response cache never answers
    let i = 0;
    const uncached = await hammer(async () => {
      const query = `query Q${i++} ${q.graphql}`;
      const response = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      await response.arrayBuffer();
    });
    // cached: the same question over and over, as on the day a batch is published
    const cached = await hammer(async () => {
      const response = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: q.graphql }),
      });
      await response.arrayBuffer();
    });
    const params = q.sql.includes('$1') ? [today] : [];
    const viaSql = await hammer(async () => {
      await baseline.query(q.sql, params);
    });
    console.log(
      q.name.padEnd(52),
      uncached.rps.toFixed(0).padStart(9),
      uncached.p50.toFixed(1).padStart(8),
      uncached.p95.toFixed(1).padStart(8),
      viaSql.rps.toFixed(0).padStart(9),
      (uncached.rps / viaSql.rps).toFixed(2).padStart(8),
      cached.rps.toFixed(0).padStart(9),
      cached.p50.toFixed(1).padStart(8),
    );
  }
} finally {
  await baseline.close();
  await api.stop();
  await db.close();
}
