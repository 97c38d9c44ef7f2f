/**
 * Publishing a draft batch: its rows become records in ONE transaction, so the public view —
 * which reads only the domain tables — changes all at once.
 *
 * The transaction first names the batch (`hub.batch_id`) and the reason (`<title> 更正`): the
 * database's history triggers require them for every UPDATE/DELETE, raise the record's version,
 * set last_batch_id and copy the replaced row into record_history. Then each record type is
 * applied with set-based statements straight from batch_row (no row-by-row ORM work): enterprises
 * are found by USCC (else by exact name, among enterprises without one) or created, new rows
 * inserted, corrected rows updated; unchanged rows are not touched. Last, the batch is marked
 * published and `afterPublish` runs.
 *
 * A draft is out of date when a record it corrects (or found unchanged) was changed by another
 * batch since the import, or a record it adds was added meanwhile: then nothing is published.
 */
import { notifyChanged } from '../live/changes.ts';
import { afterPublish } from './after-publish.ts';
import { markPublicBefore, writeCorrectionNotices } from '../correction/ledger.ts';
import { PUBLISH_ORDER } from './kinds.ts';
import { transaction, withConnection, type Database, type Queryable } from '@hub/db';
import type { RecordTypeCode } from './record-type.ts';
import type { PlainDate } from '@hub/db/plain-date';
import { todayInChina } from '../clock.ts';
import { refreshStatistics } from '../stats/stats-aggregate.ts';

export interface PublishResult {
  batchId: number;
  inserted: number;
  corrected: number;
  unchanged: number;
  /** spot checks whose record or follow-up events this batch changed */
  spotCheckIds: number[];
  byType: Partial<Record<RecordTypeCode, { inserted: number; corrected: number; unchanged: number }>>;
  /** correction notices (更正公告) written: published facts this batch changed or withdrew */
  corrections?: number;
}

/** The batch cannot be published (not found, not a draft, or out of date): nothing changed. */
export class PublishRefused extends Error {}

export interface PublishOptions {
  /** called before each step (for a progress display) */
  onStep?: (step: string, done: number, total: number) => void;
  /**
   * 结果公告: the bureau states that the batch's results are final, so a failure without a
   * recorded 送达 may be listed on the estimated dates (stored on the batch; rules/finality.ts).
   */
  final?: boolean;
  /** the bureau's reason for what the batch corrects (更正原因): in the history and every correction notice */
  reason?: string;
  /** the day in China the batch is published on (default: today, clock.ts): what "before" and "after" are compared on */
  today?: PlainDate;
}

/** Serialises publishing: two batches never apply at the same time. */
const PUBLISH_LOCK = 742_042;

type Counts = Map<RecordTypeCode, { new: number; corrected: number; unchanged: number }>;

export async function publishBatch(db: Database, batchId: number, options: PublishOptions = {}): Promise<PublishResult> {
  return withConnection(db, (sql) => transaction(sql, () => publishIn(sql, batchId, options)));
}

async function publishIn(sql: Queryable, batchId: number, options: PublishOptions): Promise<PublishResult> {
  await sql.query('SELECT pg_advisory_xact_lock($1)', [PUBLISH_LOCK]);
  const [batch] = await sql.query<{ id: number; title: string; status: string; summary: Record<string, number> | null }>(
    'SELECT id, title, status, summary FROM batch WHERE id = $1 FOR UPDATE',
    [batchId],
  );
  if (!batch) throw new PublishRefused(`批次 ${batchId} 不存在 (no batch ${batchId})`);
  if (batch.status !== 'draft') {
    const zh = batch.status === 'published' ? '已发布' : '已作废';
    throw new PublishRefused(`批次 ${batchId} ${zh}，只能发布草稿 (batch ${batchId} is ${batch.status}: only a draft can be published)`);
  }
  const reason = options.reason?.trim() || null;
  // work_mem: the set-based statements below hash and group a whole draft (SET LOCAL, this transaction only)
  await sql.query(
    `SELECT set_config('hub.batch_id', $1, true), set_config('hub.change_reason', $2, true), set_config('work_mem', '64MB', true)`,
    [String(batchId), reason ?? `${batch.title} 更正`],
  );
  const today = options.today ?? todayInChina();

  const counts = await countRows(sql, batchId, batch.summary);
  const types = PUBLISH_ORDER.filter((t) => counts.has(t.code));
  const steps = ['检查 (checking)', '经营主体 (enterprises)', ...types.map((t) => t.label), '完成 (finishing)'];
  let step = 0;
  const next = () => options.onStep?.(steps[step], step++, steps.length);

  next();
  await refuseIfOutOfDate(sql, batchId, counts);
  await markPublicBefore(sql, today);
  next();
  await resolveEnterprises(sql, batchId, counts);

  const result: PublishResult = { batchId, inserted: 0, corrected: 0, unchanged: 0, spotCheckIds: [], byType: {} };
  const spotChecks = new Set<number>();
  for (const type of types) {
    next();
    const expected = counts.get(type.code)!;
    let applied: { inserted: number; corrected: number; spotCheckIds?: number[] } = { inserted: 0, corrected: 0 };
    if (expected.new + expected.corrected > 0) {
      try {
        applied = await type.publish.apply(sql, batchId);
      } catch (error) {
        if ((error as { code?: string }).code === '23505') {
          throw new PublishRefused(
            `批次 ${batchId} 已过期：导入后其他批次发布了相同的${type.label}记录；请作废此草稿（pnpm hub discard ${batchId}）后重新导入 ` +
              `(batch ${batchId} is out of date: another batch published the same ${type.code} records since the import; discard it and import the file again) — ${(error as Error).message}`,
          );
        }
        throw error;
      }
    }
    if (applied.inserted !== expected.new || applied.corrected !== expected.corrected) {
      throw new Error(
        `publishing ${type.code} of batch ${batchId} wrote ${applied.inserted} new and ${applied.corrected} corrected records, ` +
          `expected ${expected.new} and ${expected.corrected}: nothing was published`,
      );
    }
    for (const id of applied.spotCheckIds ?? []) spotChecks.add(id);
    result.byType[type.code] = { inserted: applied.inserted, corrected: applied.corrected, unchanged: expected.unchanged };
    result.inserted += applied.inserted;
    result.corrected += applied.corrected;
    result.unchanged += expected.unchanged;
  }
  result.spotCheckIds = [...spotChecks].sort((a, b) => a - b);

  next();
  await sql.execute(`UPDATE batch SET status = 'published', published_at = now(), final = $2, reason = $3 WHERE id = $1`, [
    batchId,
    !!options.final,
    reason,
  ]);
  await afterPublish(sql, result, today);
  await notifyChanged(sql, { reason: 'publish', batchId });
  await refreshStatistics(sql, today);
  result.corrections = await writeCorrectionNotices(sql, batchId, today, reason);
  return result;
}

/** Rows per record type and action: from the batch's summary (written with the rows), else counted. */
async function countRows(sql: Queryable, batchId: number, summary: Record<string, number> | null): Promise<Counts> {
  const counts: Counts = new Map();
  const add = (code: RecordTypeCode, action: 'new' | 'corrected' | 'unchanged', n: number) => {
    if (!n) return;
    let c = counts.get(code);
    if (!c) counts.set(code, (c = { new: 0, corrected: 0, unchanged: 0 }));
    c[action] += n;
  };
  const fromSummary = summary && PUBLISH_ORDER.some((t) => `${t.code}.new` in summary);
  if (fromSummary) {
    for (const t of PUBLISH_ORDER) {
      for (const action of ['new', 'corrected', 'unchanged'] as const) add(t.code, action, summary![`${t.code}.${action}`] ?? 0);
    }
    return counts;
  }
  const rows = await sql.query<{ type: RecordTypeCode; action: 'new' | 'corrected' | 'unchanged'; n: number }>(
    `SELECT data->>'type' AS type, action, count(*)::int AS n FROM batch_row WHERE batch_id = $1 GROUP BY 1, 2`,
    [batchId],
  );
  for (const r of rows) add(r.type, r.action, r.n);
  return counts;
}

/** Corrected and unchanged rows must still describe the version they were compared with. */
async function refuseIfOutOfDate(sql: Queryable, batchId: number, counts: Counts): Promise<void> {
  const stale: Array<{ row_number: number; natural_key: string; action: string }> = [];
  for (const type of PUBLISH_ORDER) {
    const c = counts.get(type.code);
    if (!c || c.corrected + c.unchanged === 0) continue;
    stale.push(
      ...(await sql.query<{ row_number: number; natural_key: string; action: string }>(
        `SELECT r.row_number, r.natural_key, r.action
           FROM batch_row r
           CROSS JOIN LATERAL (SELECT r.data->'record' AS d) x
           LEFT JOIN LATERAL (${type.publish.target}) t ON true
          WHERE r.batch_id = $1 AND r.action IN ('corrected', 'unchanged') AND r.data->>'type' = $2
            AND (t.id IS NULL OR t.version IS DISTINCT FROM (r.data->>'seenVersion')::int)
          ORDER BY r.row_number LIMIT 20`,
        [batchId, type.code],
      )),
    );
  }
  if (stale.length) {
    const list = stale.map((s) => `第${s.row_number}行 ${s.natural_key.replace(/\|/g, ' / ')}`).join('；');
    throw new PublishRefused(
      `批次 ${batchId} 已过期：导入后这些记录已被其他批次更改：${list}。请作废此草稿（pnpm hub discard ${batchId}）后重新导入 ` +
        `(batch ${batchId} is out of date: the records above changed since the import; discard it and import the file again)`,
    );
  }
}

/**
 * The batch's enterprises, in the temporary table pub_enterprise (ref → id): found by USCC, else
 * (no USCC) by exact name among enterprises without a USCC, else created when a row may create it.
 */
async function resolveEnterprises(sql: Queryable, batchId: number, counts: Counts): Promise<void> {
  await sql.execute(
    `CREATE TEMP TABLE pub_enterprise (
       ref text PRIMARY KEY, uscc text, name text NOT NULL, address text, city_code text, county text,
       province_code text, do_create boolean NOT NULL, id int
     ) ON COMMIT DROP`,
  );
  const withEnterprises: RecordTypeCode[] = ['certified_item', 'cultivation_entry', 'standard_evaluation', 'spot_check'];
  if (!withEnterprises.some((code) => (counts.get(code)?.new ?? 0) + (counts.get(code)?.corrected ?? 0) > 0)) return;

  if (['certified_item', 'cultivation_entry'].some((code) => counts.has(code as RecordTypeCode))) {
    // GB/T 4754 classes named by the file that the hub did not know yet
    await sql.execute(
      `INSERT INTO industry (code, name)
       SELECT DISTINCT ON (r.data->'record'->>'industryCode') r.data->'record'->>'industryCode', r.data->'record'->>'industryName'
         FROM batch_row r
        WHERE r.batch_id = $1 AND r.action <> 'unchanged' AND r.data->'record'->>'industryCode' IS NOT NULL
          AND r.data->'record'->>'industryName' IS NOT NULL
        ORDER BY r.data->'record'->>'industryCode', r.row_number
       ON CONFLICT (code) DO NOTHING`,
      [batchId],
    );
  }
  await sql.execute(
    `INSERT INTO pub_enterprise (ref, uscc, name, address, city_code, county, province_code, do_create)
     SELECT DISTINCT ON (e->>'ref') e->>'ref', e->>'uscc', e->>'name', left(e->>'address', 500), e->>'cityCode',
            left(e->>'county', 50), e->>'provinceCode', bool_or((e->>'create')::boolean) OVER (PARTITION BY e->>'ref')
       FROM batch_row r CROSS JOIN LATERAL jsonb_array_elements(r.data->'enterprises') e
      WHERE r.batch_id = $1 AND r.action <> 'unchanged' AND r.data ? 'enterprises'
      ORDER BY e->>'ref', (e->>'create')::boolean DESC, r.row_number`,
    [batchId],
  );
  await sql.execute('ANALYZE pub_enterprise');
  await sql.execute(`UPDATE pub_enterprise p SET id = e.id FROM enterprise e WHERE p.uscc IS NOT NULL AND e.uscc = p.uscc`);
  await sql.execute(`UPDATE pub_enterprise p SET id = e.id FROM enterprise e WHERE p.uscc IS NULL AND e.uscc IS NULL AND e.name = p.name`);
  await sql.execute(
    `WITH created AS (
       INSERT INTO enterprise (uscc, name, address, city_code, county, province_code, batch_id)
       SELECT uscc, name, address, city_code, county, province_code, $1::int FROM pub_enterprise
        WHERE id IS NULL AND do_create ORDER BY ref
       RETURNING id, uscc, name
     )
     UPDATE pub_enterprise p SET id = c.id FROM created c
      WHERE p.ref = CASE WHEN c.uscc IS NULL THEN 'N:' || c.name ELSE 'U:' || c.uscc END`,
    [batchId],
  );
}
