/**
 * The baseline of `pnpm bench:api`: the fastest correct server for the benchmark's questions.
 * A raw node:http + pg server in its own process that answers the same requests (the GraphQL
 * POST bodies, dispatched on their operationName) with the same JSON `{"data": …}`, from
 * hand-written SQL that builds each node's JSON in PostgreSQL in one statement per page.
 *
 * It applies the hub's disclosure rules (api/src/graphql/visibility.ts, 003 Art. 15, 26–27):
 * a spot check is listed only while its case period as of today is published, counted only while
 * it is counted, and its producer and sampled unit are named only where the identity is public.
 * It keeps what the hub keeps: list counts for 60 s per filter (api/src/graphql/paging.ts), and
 * a plain in-memory Map of answers for 60 s in front of everything (the hub's response cache).
 * It shares no code with the hub on purpose; the equality check of bench/api.ts proves the
 * answers equal.
 *
 *   DATABASE_URL=… BENCH_TODAY=YYYY-MM-DD PORT=… tsx bench/api/baseline.ts
 */
import { createServer } from 'node:http';
import pg from 'pg';
import { cursorOf } from './questions.ts';

const url = process.env.DATABASE_URL;
const today = process.env.BENCH_TODAY;
const port = Number(process.env.PORT);
if (!url || !today || !port) throw new Error('baseline: DATABASE_URL, BENCH_TODAY and PORT are required');

// the same pool size as the hub's read path (api/src/graphql/sql.ts)
const pool = new pg.Pool({ connectionString: url, max: 10 });
pool.on('error', (error) => console.error(`[baseline] ${error.message}`));
// dates stay YYYY-MM-DD, counts are numbers
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(20, (v) => Number(v));
let statements = 0;
const query = <T extends pg.QueryResultRow>(text: string, values: unknown[]) => {
  statements++;
  return pool.query<T>(text, values);
};

class BadRequest extends Error {}

/** Builds a WHERE clause with numbered parameters; for spot checks $1 is today. */
class Where {
  readonly conditions: string[] = [];
  readonly values: unknown[];
  constructor(withToday = true) {
    this.values = withToday ? [today] : [];
  }
  add(condition: string, ...values: unknown[]): this {
    let i = 0;
    this.conditions.push(condition.replace(/\?/g, () => `$${this.values.push(values[i++])}`));
    return this;
  }
  get sql(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

function only(filter: Record<string, unknown>, allowed: string[]): void {
  for (const key of Object.keys(filter)) if (!allowed.includes(key)) throw new BadRequest(`baseline: filter.${key} is not implemented`);
}

const CITY = /^42\d{4}$/;

function spotCheckWhere(filter: Record<string, any> = {}): Where {
  only(filter, ['city', 'reportDateFrom', 'reportDateTo', 'checkTypes', 'productCategory', 'severity', 'text']);
  const where = new Where();
  if (filter.city != null) {
    if (!CITY.test(filter.city)) throw new BadRequest('baseline: city by code only');
    where.add('sc.city_code = ?', filter.city);
  }
  if (filter.reportDateFrom != null) where.add('sc.report_date >= ?::date', filter.reportDateFrom);
  if (filter.reportDateTo != null) where.add('sc.report_date <= ?::date', filter.reportDateTo);
  if (filter.checkTypes?.length) where.add('sc.check_type = ANY(?)', filter.checkTypes);
  if (filter.productCategory != null) where.add('sc.product_category = ?', filter.productCategory);
  if (filter.severity != null) where.add('sc.severity = ?', filter.severity);
  if (filter.text != null) {
    // the seven ILIKEs alone, as the hub searched before its gram index (issue 13): same rows, and
    // the search's hub/baseline ratio is the index's gain
    const text = String(filter.text).trim();
    if (!text || text.length > 100) throw new BadRequest('baseline: text of 1–100 characters');
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.add(
      `(sc.product_name ILIKE ? OR sc.product_category ILIKE ? OR sc.trademark ILIKE ? OR sc.model_spec ILIKE ?
      OR sc.production_batch ILIKE ? OR sc.task_name ILIKE ? OR (now_.identity_public AND sc.producer_name ILIKE ?))`,
      pattern,
      pattern,
      pattern,
      pattern,
      pattern,
      pattern,
      pattern,
    );
  }
  return where;
}

/** The case period as of today; `published` / `counted` as a join condition (003 Art. 26–27). */
const periodJoin = (flag: 'published' | 'counted') => `JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date AND (now_.valid_until IS NULL OR now_.valid_until > $1::date) AND now_.${flag}`;

const gid = (type: string, column: string) =>
  `rtrim(translate(encode(convert_to('${type}:' || ${column}, 'UTF8'), 'base64'), '+/', '-_'), '=')`;
/** a joined row as a JSON object, or null when the join found none (as the hub's loaders answer) */
const objectOrNull = (alias: string, fields: string) => `CASE WHEN ${alias}.code IS NULL THEN NULL ELSE json_build_object(${fields}) END`;
/** a party's column, or null where its identity may not be published (003 Art. 15, 27(4)–(5)) */
const party = (column: string) => `CASE WHEN now_.identity_public THEN sc.${column} END`;

// the status labels of api/src/rules/case-timeline.ts
const STATUS_LABELS: Record<string, string> = {
  passed: '合格',
  awaiting_delivery: '待送达',
  objection_window: '异议期内',
  under_objection: '异议处理中',
  retest_pending: '复检中',
  final: '不合格（已生效）',
  withdrawn: '已撤回',
  transferred: '已移交处理',
  rectification_due: '整改期内',
  rectification_overdue: '逾期未申请复查',
  recheck_pending: '复查中',
  closed_recheck_passed: '复查合格',
  closed_recheck_failed: '复查不合格',
};
const statusLabel = `CASE now_.status ${Object.entries(STATUS_LABELS)
  .map(([k, v]) => `WHEN '${k}' THEN '${v}'`)
  .join(' ')} ELSE now_.status END`;

// status.since as the hub answers it (spot-check.repository.ts periodLoader): the first day of
// the current status — periods are contiguous, so where the last period of another status ended
const STATUS_SINCE = `coalesce((SELECT max(x.valid_until) FROM case_period x
    WHERE x.spot_check_id = now_.spot_check_id AND x.valid_from < now_.valid_from AND x.status <> now_.status),
  (SELECT min(x.valid_from) FROM case_period x WHERE x.spot_check_id = now_.spot_check_id))`;

const FAILURE_NODE = `json_build_object(
  'id', ${gid('SpotCheck', 'sc.id')}, 'reportNo', sc.report_no, 'reportDate', sc.report_date, 'checkType', sc.check_type,
  'productCategory', sc.product_category, 'productName', sc.product_name, 'trademark', sc.trademark, 'modelSpec', sc.model_spec,
  'producerName', ${party('producer_name')}, 'sampledUnitName', ${party('sampled_unit_name')}, 'severity', sc.severity,
  'mainProblem', sc.main_problem, 'testingAgency', sc.testing_agency,
  'city', ${objectOrNull('c', `'code', c.code, 'name', c.name`)},
  'nonconformingItems', coalesce((SELECT json_agg(json_build_object('seq', ni.seq, 'item', ni.item, 'requirement', ni.requirement,
      'measured', ni.measured) ORDER BY ni.seq) FROM nonconforming_item ni WHERE ni.spot_check_id = sc.id), '[]'::json),
  'status', json_build_object('status', now_.status, 'label', ${statusLabel}, 'since', ${STATUS_SINCE}, 'effectiveConclusion', now_.effective_conclusion),
  'disclosure', json_build_object('published', now_.published, 'identityPublic', now_.identity_public,
      'identityBasis', coalesce(now_.identity_basis, CASE WHEN sc.conclusion = 'pass' THEN 'not_applicable' END), 'correction', now_.correction))`;

const SEARCH_NODE = `json_build_object(
  'id', ${gid('SpotCheck', 'sc.id')}, 'reportNo', sc.report_no, 'reportDate', sc.report_date, 'productCategory', sc.product_category,
  'productName', sc.product_name, 'trademark', sc.trademark, 'modelSpec', sc.model_spec, 'producerName', ${party('producer_name')},
  'city', ${objectOrNull('c', `'name', c.name`)})`;

const CERTIFIED_NODE = `json_build_object(
  'id', ${gid('CertifiedItem', 'ci.id')}, 'name', ci.name, 'round', ci.round, 'roundYear', 2022 + ci.round, 'kind', ci.kind,
  'trademark', ci.trademark, 'standardNo', ci.standard_no, 'standardName', ci.standard_name, 'standardLevel', ci.standard_level,
  'certifiedOn', ci.certified_on, 'certificateNo', ci.certificate_no, 'seqNo', ci.seq_no,
  'enterprise', json_build_object('id', ${gid('Enterprise', 'e.id')}, 'name', e.name, 'uscc', e.uscc,
      'city', ${objectOrNull('c', `'code', c.code, 'name', c.name`)}),
  'industry', ${objectOrNull('i', `'code', i.code, 'name', i.name`)},
  -- 认定状态 as of today: revoked (000 Art. 16), under rectification while a notice is open (Art. 15)
  'status', CASE
    WHEN EXISTS (SELECT 1 FROM revocation_item ri JOIN revocation r ON r.id = ri.revocation_id
                 WHERE ri.certified_item_id = ci.id AND r.decided_on <= $TODAY::date) THEN 'revoked'
    WHEN EXISTS (SELECT 1 FROM rectification_notice rn
                 WHERE (rn.certified_item_id = ci.id OR (rn.certified_item_id IS NULL AND rn.enterprise_id = ci.enterprise_id))
                   AND rn.issued_on <= $TODAY::date AND (rn.completed_on IS NULL OR rn.completed_on > $TODAY::date)) THEN 'under_rectification'
    ELSE 'in_force' END)`;

/** Counts are the same for every page of a list: kept 60 s per filter, as the hub keeps them. */
const counts = new Map<string, { at: number; n: Promise<number> }>();
function count(text: string, values: unknown[]): Promise<number> {
  const key = `${text}\u0000${JSON.stringify(values)}`;
  const hit = counts.get(key);
  if (hit && Date.now() - hit.at < 60_000) return hit.n;
  const n = query<{ n: number }>(text, values).then((r) => r.rows[0].n);
  n.catch(() => counts.delete(key));
  if (counts.size >= 2000) counts.delete(counts.keys().next().value!);
  counts.set(key, { at: Date.now(), n });
  return n;
}

interface PageArgs {
  first?: unknown;
  after?: unknown;
  last?: unknown;
  before?: unknown;
}

function pageSize(args: PageArgs): { size: number; backward: boolean } {
  if (args.first != null && args.last != null) throw new BadRequest('baseline: first or last, not both');
  const backward = args.last != null;
  const size = backward ? args.last : (args.first ?? 20);
  if (!Number.isInteger(size) || (size as number) < 1 || (size as number) > 100) throw new BadRequest('baseline: a page of 1–100');
  return { size: size as number, backward };
}

function decodeCursor(cursor: unknown): [unknown, number] | undefined {
  if (cursor == null) return undefined;
  const parsed = JSON.parse(Buffer.from(String(cursor), 'base64url').toString('utf8'));
  if (!Array.isArray(parsed) || parsed.length !== 2 || !Number.isInteger(parsed[1])) throw new BadRequest('baseline: not a cursor');
  return parsed as [unknown, number];
}

/**
 * One connection page, keyset-paged over (sort, id) in either direction: the nodes' JSON straight
 * from PostgreSQL in one statement, the count from the 60 s cache.
 */
async function connection(
  field: string,
  options: {
    node: string;
    from: string;
    countFrom: string;
    where: Where;
    sortExpr: string;
    idExpr: string;
    sortType: string;
    direction: 'ASC' | 'DESC';
    args: PageArgs;
  },
): Promise<string> {
  const { where, sortExpr, idExpr, args } = options;
  const { size, backward } = pageSize(args);
  const totalCount = count(`SELECT count(*) AS n FROM ${options.countFrom} ${where.sql}`, [...where.values]);
  const after = decodeCursor(args.after);
  const before = decodeCursor(args.before);
  const [forward, reverse] = options.direction === 'DESC' ? ['<', '>'] : ['>', '<'];
  if (after) where.add(`(${sortExpr}, ${idExpr}) ${forward} (?::${options.sortType}, ?::int)`, after[0], after[1]);
  if (before) where.add(`(${sortExpr}, ${idExpr}) ${reverse} (?::${options.sortType}, ?::int)`, before[0], before[1]);
  const direction = backward ? (options.direction === 'DESC' ? 'ASC' : 'DESC') : options.direction;
  const limit = `$${where.values.push(size + 1)}`;
  // a node that needs today without the filter naming it (certified items' status)
  const node = options.node.includes('$TODAY') ? options.node.replaceAll('$TODAY', `$${where.values.push(today)}`) : options.node;
  const { rows } = await query<{ node: string; sort: unknown; id: number }>(
    `SELECT ${node}::text AS node, ${sortExpr} AS sort, ${idExpr} AS id FROM ${options.from} ${where.sql}
      ORDER BY ${sortExpr} ${direction}, ${idExpr} ${direction} LIMIT ${limit}`,
    where.values,
  );
  const more = rows.length > size;
  const nodes = more ? rows.slice(0, size) : rows;
  if (backward) nodes.reverse();
  const last = nodes.at(-1);
  const pageInfo = { hasNextPage: backward ? !!before : more, endCursor: last ? cursorOf(last.sort, last.id) : null };
  return `{"data":{"${field}":{"totalCount":${await totalCount},"pageInfo":${JSON.stringify(pageInfo)},"nodes":[${nodes.map((r) => r.node).join(',')}]}}}`;
}

const spotCheckFrom = (flag: 'published' | 'counted') => `spot_check sc ${periodJoin(flag)}`;

async function spotChecks(variables: Record<string, any>, node: string): Promise<string> {
  return connection('spotChecks', {
    node,
    from: `${spotCheckFrom('published')} LEFT JOIN city c ON c.code = sc.city_code`,
    countFrom: spotCheckFrom('published'),
    where: spotCheckWhere(variables.filter ?? {}),
    sortExpr: 'sc.report_date',
    idExpr: 'sc.id',
    sortType: 'date',
    direction: 'DESC',
    args: variables,
  });
}

async function certifiedItems(variables: Record<string, any>): Promise<string> {
  const filter = variables.filter ?? {};
  only(filter, ['round', 'city', 'industry', 'kind']);
  const where = new Where(false);
  if (filter.round != null) where.add('ci.round = ?', filter.round);
  if (filter.city != null) {
    if (!CITY.test(filter.city)) throw new BadRequest('baseline: city by code only');
    where.add('e.city_code = ?', filter.city);
  }
  if (filter.industry != null) {
    if (!/^\d{2,4}$/.test(filter.industry)) throw new BadRequest('baseline: industry of 2–4 digits');
    where.add('ci.industry_code LIKE ?', `${filter.industry}%`);
  }
  if (filter.kind != null) where.add('ci.kind = ?', filter.kind);
  return connection('certifiedItems', {
    node: CERTIFIED_NODE,
    from: `certified_item ci JOIN enterprise e ON e.id = ci.enterprise_id LEFT JOIN city c ON c.code = e.city_code
      LEFT JOIN industry i ON i.code = ci.industry_code`,
    countFrom: 'certified_item ci JOIN enterprise e ON e.id = ci.enterprise_id',
    where,
    sortExpr: 'ci.round * 100000 + coalesce(ci.seq_no, 0)',
    idExpr: 'ci.id',
    sortType: 'int',
    direction: 'ASC',
    args: variables,
  });
}

/** 003 Art. 27(1): final results only, passes included; a failure is the conclusion in force 不合格. */
async function stats(variables: Record<string, any>, group: string, labelled: boolean): Promise<string> {
  const where = spotCheckWhere(variables.filter ?? {});
  const { rows } = await query<{ key: string | null; label: string | null; checked: number; failed: number }>(
    `SELECT g.key, ${labelled ? 'coalesce(c.name, g.key)' : 'g.key'} AS label, g.checked, g.failed FROM (
       SELECT ${group} AS key, count(*) AS checked,
              count(*) FILTER (WHERE coalesce(now_.effective_conclusion, sc.conclusion) = 'fail') AS failed
         FROM ${spotCheckFrom('counted')} ${where.sql} GROUP BY 1) g
     ${labelled ? 'LEFT JOIN city c ON c.code = g.key' : ''} ORDER BY g.key`,
    where.values,
  );
  const stats = rows.map((r) => ({
    key: r.key,
    label: r.label,
    checked: r.checked,
    failed: r.failed,
    failureRate: r.checked ? r.failed / r.checked : null,
  }));
  return JSON.stringify({ data: { spotCheckStats: stats } });
}

const HANDLERS: Record<string, (variables: Record<string, any>) => Promise<string>> = {
  FailureList: (v) => spotChecks(v, FAILURE_NODE),
  Search: (v) => spotChecks(v, SEARCH_NODE),
  CertifiedList: certifiedItems,
  StatsByCity: (v) => stats(v, 'sc.city_code', true),
  StatsByCategory: (v) => stats(v, 'sc.product_category', false),
};

/** The plain Map in front of everything: answers kept 60 s (at most 1,000 of them, oldest out first). */
const answers = new Map<string, { at: number; body: Buffer }>();

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/__statements') {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ statements }));
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    const raw = Buffer.concat(chunks).toString('utf8');
    const send = (status: number, body: Buffer) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
      res.end(body);
    };
    const hit = answers.get(raw);
    if (hit && Date.now() - hit.at < 60_000) return send(200, hit.body);
    try {
      const { operationName, variables } = JSON.parse(raw) as { operationName: string; variables?: Record<string, unknown> };
      const handler = HANDLERS[operationName];
      if (!handler) throw new BadRequest(`baseline: no operation ${operationName}`);
      const body = Buffer.from(await handler(variables ?? {}));
      if (answers.size >= 1000) answers.delete(answers.keys().next().value!);
      answers.set(raw, { at: Date.now(), body });
      send(200, body);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!(error instanceof BadRequest)) console.error(`[baseline] ${message}`);
      send(error instanceof BadRequest ? 400 : 500, Buffer.from(JSON.stringify({ errors: [{ message }] })));
    }
  });
});
server.keepAliveTimeout = 5000;
server.listen(port, '127.0.0.1', () => console.log(`baseline listening on ${port}`));
const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
