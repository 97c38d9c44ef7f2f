import { createHash } from 'node:crypto';
import type { Queryable } from '@hub/db';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type ConnectionShape, type PageArgs } from '@hub/schema';
import { userError } from '../graphql/errors.ts';
import { dataGeneration } from '../live/changes.ts';
import type { Where } from './where.ts';

export interface SortSpec {
  /** SQL expression, never null (wrap nullable columns in coalesce) */
  expr: string;
  direction: 'ASC' | 'DESC';
  /** the row field holding the sort value, for cursors */
  field: string;
  /** SQL type to cast the cursor value to */
  type: 'text' | 'date' | 'int' | 'numeric';
}

/** SQL type of the tie-breaking id in cursors: `bigint` for keys past 2^31 (still exact as a JSON number below 2^53). */
export type IdType = 'int' | 'bigint';

function encodeCursor(value: unknown, id: number): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

const INT_MAX = 2_147_483_647;

/** Whether a cursor's sort value can be cast to the sort column's type (a forged one would make PostgreSQL fail). */
function fitsType(value: unknown, type: string | undefined): boolean {
  if (value === null) return true;
  switch (type) {
    case 'int':
      return Number.isInteger(value) && Math.abs(value as number) <= INT_MAX;
    case 'date':
      // a real calendar day (2025-02-30 is not one)
      return (
        typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
      );
    case 'numeric':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeof value === 'string';
  }
}

function decodeCursor(cursor: string, name: string, type: string | undefined, idType: IdType): [unknown, number] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (idType === 'bigint' ? Number.isSafeInteger(parsed[1]) : Number.isInteger(parsed[1]) && parsed[1] >= 0 && parsed[1] <= INT_MAX) &&
      fitsType(parsed[0], type)
    )
      return parsed as [unknown, number];
  } catch {
    // fall through
  }
  throw userError('BAD_USER_INPUT', `${name}: "${cursor}" is not a cursor of this list; use a cursor from pageInfo or an edge.`);
}

export function pageSize(args: PageArgs): { size: number; backward: boolean } {
  if (args.first != null && args.last != null) {
    throw userError('BAD_USER_INPUT', 'Give either first or last, not both.');
  }
  const backward = args.last != null;
  const size = backward ? args.last! : (args.first ?? DEFAULT_PAGE_SIZE);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw userError(
      'BAD_USER_INPUT',
      `${backward ? 'last' : 'first'} must be between 1 and ${MAX_PAGE_SIZE} (got ${size}); page on with the cursors to read more.`,
    );
  }
  return { size, backward };
}

/**
 * Keyset paging over (sort, id): stable under inserts, no OFFSET, so paging to the end of a
 * long list costs the same on every page. Two statements: the page, and the exact count when
 * the client selects totalCount.
 */
export async function paginate<Row extends Record<string, any>>(
  sql: Queryable,
  options: {
    from: string;
    /** the columns; a function when they take parameters of their own (the count does not send them) */
    select: string | ((where: Where) => string);
    where: Where;
    sort: SortSpec;
    idExpr: string;
    idField?: string;
    idType?: IdType;
    args: PageArgs;
  },
): Promise<ConnectionShape<Row>> {
  const { size, backward } = pageSize(options.args);
  const { sort, where, idExpr } = options;
  const idField = options.idField ?? 'dbId';
  const idType = options.idType ?? 'int';
  const countWhere = where.toString();
  const countParams = [...where.params];

  const pageWhere = where;
  const forward = sort.direction === 'ASC' ? '>' : '<';
  const reverse = sort.direction === 'ASC' ? '<' : '>';
  if (options.args.after) {
    const [value, id] = decodeCursor(options.args.after, 'after', sort.type, idType);
    pageWhere.add(`(${sort.expr}, ${idExpr}) ${forward} (?::${sort.type}, ?::${idType})`, value, id);
  }
  if (options.args.before) {
    const [value, id] = decodeCursor(options.args.before, 'before', sort.type, idType);
    pageWhere.add(`(${sort.expr}, ${idExpr}) ${reverse} (?::${sort.type}, ?::${idType})`, value, id);
  }
  const direction = backward ? (sort.direction === 'ASC' ? 'DESC' : 'ASC') : sort.direction;
  const select = typeof options.select === 'function' ? options.select(pageWhere) : options.select;
  const limit = pageWhere.param(size + 1);
  const rows = await sql.query<Row>(
    `SELECT ${select} FROM ${options.from} ${pageWhere} ORDER BY ${sort.expr} ${direction}, ${idExpr} ${direction} LIMIT ${limit}`,
    pageWhere.params,
  );
  // counted only when the client selects totalCount: the field reads this getter, which
  // returns a promise of the count (GraphQL resolves it)
  let count: Promise<number> | undefined;
  const countOnce = () => (count ??= cachedCount(sql, `SELECT count(*) AS n FROM ${options.from} ${countWhere}`, countParams));
  const more = rows.length > size;
  const page = more ? rows.slice(0, size) : rows;
  if (backward) page.reverse();
  const edges = page.map((node) => ({ cursor: encodeCursor(node[sort.field], node[idField]), node }));
  return {
    edges,
    nodes: page,
    get totalCount() {
      return countOnce() as unknown as number;
    },
    pageInfo: {
      hasNextPage: backward ? !!options.args.before : more,
      hasPreviousPage: backward ? more : !!options.args.after,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * Counts are the dearest part of a page and the same for every page of a list: they are kept
 * for COUNT_TTL_MS, the lifetime public answers already have (server.ts PUBLIC_MAX_AGE_SECONDS),
 * under the data generation, so a publish anywhere makes them unreachable. In this process's
 * memory, and with REDIS_URL also in a {@link SharedCounts} store every API process reads
 * ({@link shareCounts}): a count one process made, the others need not make again.
 */
const COUNT_TTL_MS = 60_000;
const COUNT_CACHE_SIZE = 2_000;
const countCaches = new WeakMap<Queryable, Map<string, { at: number; generation: string; n: Promise<number> }>>();

/** Counts shared by several processes (ops/redis.ts redisCounts); a failure of the store is a miss. */
export interface SharedCounts {
  get(key: string): Promise<number | undefined>;
  set(key: string, n: number, ttlMs: number): Promise<void>;
}
const sharedCounts = new WeakMap<Queryable, SharedCounts>();

/** Counts made on pool `sql` are also kept in, and read from, `store` (server.ts, with REDIS_URL). */
export function shareCounts(sql: Queryable, store: SharedCounts): void {
  sharedCounts.set(sql, store);
}

/** Reads the shared count of `key`, else counts and shares it; the database answers whatever the store does. */
async function countThroughShared(store: SharedCounts, key: string, count: () => Promise<number>): Promise<number> {
  const kept = await store.get(key).catch(() => undefined);
  if (kept !== undefined) return kept;
  const n = await count();
  await store.set(key, n, COUNT_TTL_MS).catch(() => undefined);
  return n;
}

function cachedCount(sql: Queryable, text: string, params: unknown[]): Promise<number> {
  let counts = countCaches.get(sql);
  if (!counts) countCaches.set(sql, (counts = new Map()));
  const key = `${text}\u0000${JSON.stringify(params)}`;
  const now = Date.now();
  const hit = counts.get(key);
  // a publish in any process starts a new generation (live/changes.ts): older counts are stale
  const generation = dataGeneration();
  if (hit && now - hit.at < COUNT_TTL_MS && hit.generation === generation) return hit.n;
  const count = () => sql.query<{ n: number }>(text, params).then(([r]) => Number(r.n));
  const shared = sharedCounts.get(sql);
  const sharedKey = () => `${generation}:${createHash('sha256').update(key).digest('base64url')}`;
  const n = shared ? countThroughShared(shared, sharedKey(), count) : count();
  n.catch(() => counts!.delete(key));
  if (counts.size >= COUNT_CACHE_SIZE) counts.delete(counts.keys().next().value!);
  counts.set(key, { at: now, generation, n });
  return n;
}
