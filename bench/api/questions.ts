/**
 * The questions `pnpm bench:api` asks, as a client sends them (one query text per question, the
 * variables varying as real clients vary them: filters, cities, years, search terms and page
 * cursors), and the pools of distinct requests drawn from the data.
 */
import type pg from 'pg';
import { random } from '../generate.ts'; // mulberry32: deterministic pools for the same data

/** Global IDs and cursors as the hub writes them; the equality check fails if the hub changes them. */
export const globalId = (type: string, key: number | string) => Buffer.from(`${type}:${key}`).toString('base64url');
export const cursorOf = (value: unknown, id: number) => Buffer.from(JSON.stringify([value, id])).toString('base64url');

export const FAILURE_LIST = `query FailureList($first: Int, $after: String, $last: Int, $before: String, $filter: SpotCheckFilter) {
  spotChecks(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id reportNo reportDate checkType productCategory productName trademark modelSpec
      producerName sampledUnitName severity mainProblem testingAgency
      city { code name }
      nonconformingItems { seq item requirement measured }
      status { status label since effectiveConclusion }
      disclosure { published identityPublic identityBasis correction }
    }
  }
}`;

export const CERTIFIED_LIST = `query CertifiedList($first: Int, $after: String, $last: Int, $before: String, $filter: CertifiedItemFilter) {
  certifiedItems(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id name round roundYear kind trademark standardNo standardName standardLevel certifiedOn certificateNo seqNo
      enterprise { id name uscc city { code name } }
      industry { code name }
      status
    }
  }
}`;

export const SEARCH = `query Search($first: Int, $after: String, $last: Int, $before: String, $filter: SpotCheckFilter) {
  spotChecks(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id reportNo reportDate productCategory productName trademark modelSpec producerName city { name } }
  }
}`;

export const STATS_BY_CITY = `query StatsByCity($filter: SpotCheckFilter) {
  spotCheckStats(by: city, filter: $filter) { key label checked failed failureRate }
}`;

export const STATS_BY_CATEGORY = `query StatsByCategory($filter: SpotCheckFilter) {
  spotCheckStats(by: productCategory, filter: $filter) { key label checked failed failureRate }
}`;

export const QUERIES = {
  FailureList: FAILURE_LIST,
  CertifiedList: CERTIFIED_LIST,
  Search: SEARCH,
  StatsByCity: STATS_BY_CITY,
  StatsByCategory: STATS_BY_CATEGORY,
};
export type OperationName = keyof typeof QUERIES;

export interface Question {
  name: string;
  label: string;
  /** distinct requests (none repeats), or one request repeated (the response cache answers) */
  mode: 'distinct' | 'repeated';
  /** a slow question runs this many times longer per measure */
  slow?: boolean;
}

export const QUESTIONS: Question[] = [
  { name: 'failures', label: 'failure list, 50 a page (items, status, city, disclosure)', mode: 'distinct' },
  { name: 'certified', label: 'certified list, 50 a page (enterprise, city, industry, status)', mode: 'distinct' },
  { name: 'search', label: 'search, 20 results (电热水壶 …)', mode: 'distinct' },
  { name: 'stats-city', label: 'failure rate by city over a year (calendar or rolling, ± check types)', mode: 'distinct', slow: true },
  {
    name: 'stats-category',
    label: 'failure rate by product category, for a year, quarter or month (± a city, a check type)',
    mode: 'distinct',
    slow: true,
  },
  { name: 'cached', label: 'the same failure page repeated (cached answer)', mode: 'repeated' },
];

export const SEARCH_TERMS = [
  '电热水壶',
  '电动自行车',
  '插座',
  '玩具',
  '白酒',
  '钢筋',
  '充电',
  '羽绒',
  '陶瓷',
  '涂料',
  '有限公司',
  '安全帽',
];

export function body(operationName: OperationName, variables: Record<string, unknown>): string {
  return JSON.stringify({ operationName, query: QUERIES[operationName], variables });
}

function shuffle<T>(items: T[], next: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

const pick = <T>(items: readonly T[], next: () => number): T => items[Math.floor(next() * items.length)];

/**
 * Distinct bodies, in a random order: the first page of every filter, then pages after (or, one
 * in five, before) a real row of the filter, as clients paging through a list ask for them.
 */
function pagedPool<Row>(
  next: () => number,
  size: number,
  pageSize: number,
  filters: Array<{ filter: Record<string, unknown>; rows: Row[] }>,
  make: (page: Record<string, unknown>, filter: Record<string, unknown>) => string,
  cursor: (row: Row) => string,
): string[] {
  const bodies = new Set<string>();
  const usable = filters.filter((f) => f.rows.length > 0);
  for (const f of usable) bodies.add(make({ first: pageSize, after: null }, f.filter));
  // a bound on attempts: small data has fewer distinct pages than asked for
  for (let attempt = 0; bodies.size < size && attempt < size * 4; attempt++) {
    const f = pick(usable, next);
    const at = cursor(pick(f.rows, next));
    bodies.add(make(next() < 0.2 ? { last: pageSize, before: at } : { first: pageSize, after: at }, f.filter));
  }
  return shuffle([...bodies], next);
}

function groupBy<Row>(
  rows: Row[],
  keys: Array<(row: Row) => Record<string, unknown> | null>,
): Array<{ filter: Record<string, unknown>; rows: Row[] }> {
  const groups = new Map<string, { filter: Record<string, unknown>; rows: Row[] }>();
  for (const row of rows) {
    for (const key of keys) {
      const filter = key(row);
      if (!filter) continue;
      const id = JSON.stringify(filter);
      let group = groups.get(id);
      if (!group) groups.set(id, (group = { filter, rows: [] }));
      group.rows.push(row);
    }
  }
  return [...groups.values()].sort((a, b) => (JSON.stringify(a.filter) < JSON.stringify(b.filter) ? -1 : 1));
}

const yearRange = (year: number) => ({ reportDateFrom: `${year}-01-01`, reportDateTo: `${year}-12-31` });

/**
 * The request pools, drawn from the published data as of `today` (which rows are listed, which
 * filters give non-empty pages). Each pool's bodies are distinct; "repeated" has one body.
 */
export async function buildPools(db: pg.Client, today: string, size: number, seed = 13): Promise<Record<string, string[]>> {
  const next = random(seed);
  const published = `JOIN case_period now_ ON now_.spot_check_id = sc.id AND now_.valid_from <= $1::date
    AND (now_.valid_until IS NULL OR now_.valid_until > $1::date) AND now_.published`;

  type Failure = { id: number; d: string; city: string | null; year: number; checkType: string; category: string; severity: string | null };
  const failures = (
    await db.query<Failure>(
      `SELECT sc.id, sc.report_date::text AS d, sc.city_code AS city, extract(year FROM sc.report_date)::int AS year,
            sc.check_type AS "checkType", sc.product_category AS category, sc.severity
       FROM spot_check sc ${published}`,
      [today],
    )
  ).rows;
  const failureFilters = groupBy<Failure>(failures, [
    () => ({}),
    (r) => (r.city ? { city: r.city } : null),
    (r) => yearRange(r.year),
    (r) => (r.city ? { city: r.city, ...yearRange(r.year) } : null),
    (r) => ({ checkTypes: [r.checkType] }),
    (r) => ({ productCategory: r.category }),
    (r) => (r.severity ? { severity: r.severity, ...yearRange(r.year) } : null),
  ]);
  const failurePool = pagedPool(
    next,
    size,
    50,
    failureFilters,
    (page, filter) => body('FailureList', { ...page, filter }),
    (r) => cursorOf(r.d, r.id),
  );

  type Item = { id: number; k: number; round: number; city: string | null; kind: string; industry: string | null };
  const items = (
    await db.query<Item>(
      `SELECT ci.id, ci.round * 100000 + coalesce(ci.seq_no, 0) AS k, ci.round, e.city_code AS city, ci.kind, ci.industry_code AS industry
       FROM certified_item ci JOIN enterprise e ON e.id = ci.enterprise_id`,
    )
  ).rows;
  const itemFilters = groupBy<Item>(items, [
    () => ({}),
    (r) => ({ round: r.round }),
    (r) => (r.city ? { city: r.city } : null),
    (r) => ({ kind: r.kind }),
    (r) => (r.industry ? { industry: r.industry.slice(0, 2) } : null),
    (r) => (r.city ? { round: r.round, city: r.city } : null),
    (r) => ({ round: r.round, kind: r.kind }),
    (r) => (r.industry ? { round: r.round, industry: r.industry.slice(0, 2) } : null),
    (r) => (r.industry ? { industry: r.industry } : null),
    (r) => (r.city ? { city: r.city, kind: r.kind } : null),
    (r) => (r.city && r.industry ? { city: r.city, industry: r.industry.slice(0, 2) } : null),
    (r) => (r.city ? { round: r.round, city: r.city, kind: r.kind } : null),
  ]);
  const certifiedPool = pagedPool(
    next,
    size,
    50,
    itemFilters,
    (page, filter) => body('CertifiedList', { ...page, filter }),
    (r) => cursorOf(r.k, r.id),
  );

  const searchFilters: Array<{ filter: Record<string, unknown>; rows: Array<{ id: number; d: string }> }> = [];
  for (const text of SEARCH_TERMS) {
    const pattern = `%${text}%`;
    const rows = (
      await db.query<{ id: number; d: string; city: string | null }>(
        `SELECT sc.id, sc.report_date::text AS d, sc.city_code AS city FROM spot_check sc ${published}
        WHERE sc.product_name ILIKE $2 OR sc.product_category ILIKE $2 OR sc.trademark ILIKE $2 OR sc.model_spec ILIKE $2
           OR sc.production_batch ILIKE $2 OR sc.task_name ILIKE $2 OR (now_.identity_public AND sc.producer_name ILIKE $2)`,
        [today, pattern],
      )
    ).rows;
    searchFilters.push({ filter: { text }, rows });
    for (const group of groupBy(rows, [(r) => (r.city ? { text, city: r.city } : null)])) searchFilters.push(group);
  }
  const searchPool = pagedPool(
    next,
    size,
    20,
    searchFilters,
    (page, filter) => body('Search', { ...page, filter }),
    (r) => cursorOf(r.d, r.id),
  );

  const facets = (
    await db.query<{ years: number[]; checkTypes: string[]; cities: string[] }>(
      `SELECT array_agg(DISTINCT extract(year FROM report_date)::int) AS years,
            array_agg(DISTINCT check_type) AS "checkTypes", array_agg(DISTINCT city_code) FILTER (WHERE city_code IS NOT NULL) AS cities
       FROM spot_check`,
    )
  ).rows[0];
  // by category: years, halves, quarters and months, ± a city, ± a check type (a statistics
  // answer is cached 60 s: the pool must not repeat within that at tens of answers a second)
  const periods: Array<Record<string, string>> = [];
  const months: Array<Record<string, string>> = [];
  for (const year of facets.years ?? []) {
    periods.push(yearRange(year));
    for (const [from, to] of [
      ['01-01', '06-30'],
      ['07-01', '12-31'],
      ['01-01', '03-31'],
      ['04-01', '06-30'],
      ['07-01', '09-30'],
      ['10-01', '12-31'],
    ]) {
      periods.push({ reportDateFrom: `${year}-${from}`, reportDateTo: `${year}-${to}` });
    }
    for (let m = 1; m <= 12; m++) {
      const mm = String(m).padStart(2, '0');
      months.push({ reportDateFrom: `${year}-${mm}-01`, reportDateTo: `${year}-${mm}-${new Date(Date.UTC(year, m, 0)).getUTCDate()}` });
    }
  }
  const checkTypes = facets.checkTypes ?? [];
  // by city over a year's results, as the issue measures it: calendar years and rolling
  // 12-month windows, each with any set of check types (every one a scan of a year)
  const years: Array<Record<string, string>> = (facets.years ?? []).map(yearRange);
  for (const year of facets.years ?? []) {
    for (let m = 2; m <= 12; m++) {
      const end = new Date(Date.UTC(year + 1, m - 1, 0)).toISOString().slice(0, 10);
      years.push({ reportDateFrom: `${year}-${String(m).padStart(2, '0')}-01`, reportDateTo: end });
    }
  }
  const typeSets = Array.from({ length: 2 ** checkTypes.length - 1 }, (_, bits) => checkTypes.filter((_, i) => (bits + 1) & (1 << i)));
  const statsCity = years.flatMap((period) => [
    body('StatsByCity', { filter: period }),
    ...typeSets.map((types) => body('StatsByCity', { filter: { ...period, checkTypes: types } })),
  ]);
  const statsCategory = [...periods, ...months].flatMap((period) =>
    [undefined, ...(facets.cities ?? [])].flatMap((city) =>
      [undefined, ...checkTypes].map((checkType) =>
        body('StatsByCategory', {
          filter: { ...period, ...(city ? { city } : {}), ...(checkType ? { checkTypes: [checkType] } : {}) },
        }),
      ),
    ),
  );

  return {
    failures: failurePool,
    certified: certifiedPool,
    search: searchPool,
    'stats-city': shuffle(statsCity, next),
    'stats-category': shuffle(statsCategory, next),
    cached: [body('FailureList', { first: 50, after: null, filter: {} })],
  };
}

/** First pages of a few lists, to walk page by page (cursors from the answers) in the equality check. */
export const WALKS: Array<{ operationName: OperationName; variables: Record<string, unknown> }> = [
  { operationName: 'FailureList', variables: { first: 50, after: null, filter: {} } },
  { operationName: 'FailureList', variables: { first: 50, after: null, filter: { city: '420100' } } },
  { operationName: 'CertifiedList', variables: { first: 50, after: null, filter: {} } },
  { operationName: 'Search', variables: { first: 20, after: null, filter: { text: '电热水壶' } } },
];
