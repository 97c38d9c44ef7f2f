/**
 * The corrections ledger (更正公告), written inside the publishing transaction: nothing the
 * public could see vanishes or changes without a notice (003 Art. 26–27).
 *
 * `markPublicBefore` runs before the batch is applied and keeps, for every result listed on the
 * publishing day, whether its producer was named. `writeCorrectionNotices` runs after the
 * records and their case state are written and diffs the public view of everything the batch
 * touched, before and after:
 * - results (spot_check): listed before and no longer listed (withdrawn, Art. 13–14; overturned
 *   on re-test, Art. 11; reopened by an objection, Art. 7–15; corrected to 合格 by the batch;
 *   removed), or still listed with a public field changed (Art. 27(1)–(3) fields, the
 *   nonconforming items, the producer's name appearing or withdrawn);
 * - the public registers and decisions (certified items, revocations, consumer warnings,
 *   notices, cultivation entries, evaluations, self-reports, enterprises named in public):
 *   every corrected or removed record, field by field, from record_history (which holds the
 *   replaced row) and the row now.
 * The "before" of a result is rebuilt from record_history too: the batch's history rows hold
 * exactly the versions it replaced.
 */
import { CorrectionKind, type Queryable } from '@hub/db';
import type { PlainDate } from '@hub/db/plain-date';
import { ANONYMOUS } from '../access/access.service.ts';
import { enterpriseVisible } from '../enterprise/enterprise.repository.ts';

type Json = Record<string, unknown>;
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The columns of a result the public sees while it is listed (spotCheckColumns, anonymous), by API field. */
const RESULT_FIELDS: Record<string, string> = {
  reportNo: 'report_no',
  checkType: 'check_type',
  taskName: 'task_name',
  productCategory: 'product_category',
  productName: 'product_name',
  trademark: 'trademark',
  modelSpec: 'model_spec',
  productionBatch: 'production_batch',
  productionDate: 'production_date',
  samplingStage: 'sampling_stage',
  platform: 'platform',
  sampledOn: 'sampled_on',
  samplingAgency: 'sampling_agency',
  testingAgency: 'testing_agency',
  reportDate: 'report_date',
  severity: 'severity',
  mainProblem: 'main_problem',
  cityCode: 'city_code',
};
/** Art. 27(4): shown only while the identity is public. */
const IDENTITY_FIELDS: Record<string, string> = {
  producerName: 'producer_name',
  producerAddress: 'producer_address',
  sampledUnitName: 'sampled_unit_name',
  sampledUnitAddress: 'sampled_unit_address',
};

/** Columns that are bookkeeping or personal data (contacts are never public), never part of a notice. */
const NOT_PUBLIC = /^(id|batch_id|last_batch_id|version|created_at|updated_at|contact.*|.*_phone|.*_contact)$/;

/** The registers whose corrections are notices, with the column that numbers a record. */
const REGISTERS: Record<string, string> = {
  certified_item: 'certificate_no',
  revocation: 'decision_no',
  consumer_warning: 'title',
  rectification_notice: 'notice_no',
  cultivation_entry: 'item_name',
  standard_evaluation: 'item_name',
  self_report: 'year',
  enterprise: 'uscc',
};

/** Before the batch is applied: the results listed on `today`, and whether each named its producer. */
export async function markPublicBefore(sql: Queryable, today: PlainDate): Promise<void> {
  await sql.execute(
    `CREATE TEMP TABLE ledger_before ON COMMIT DROP AS
     SELECT p.spot_check_id AS id, p.identity_public, p.effective_conclusion FROM case_period p
      WHERE p.published AND p.valid_from <= $1::date AND (p.valid_until IS NULL OR p.valid_until > $1::date)`,
    [today],
  );
  await sql.execute('ALTER TABLE ledger_before ADD PRIMARY KEY (id)');
}

interface NoticeRow {
  recordType: string;
  recordId: number;
  recordNumber: string | null;
  kind: CorrectionKind;
  published: Json;
  changes: FieldChange[];
  stillPublic: boolean;
  effectiveOn: PlainDate;
  /** the row's own reason (a withdrawal's 撤回理由), before the batch's */
  reason?: string | null;
}

/** After the batch and its case state: one notice per public fact it changed; the number written. */
export async function writeCorrectionNotices(sql: Queryable, batchId: number, today: PlainDate, reason: string | null): Promise<number> {
  const notices = [...(await resultNotices(sql, batchId, today)), ...(await registerNotices(sql, batchId, today))];
  if (notices.length === 0) return 0;
  await sql.execute(
    `INSERT INTO correction_notice (record_type, record_id, record_number, kind, published, changes, still_public, batch_id, reason,
       explanation, effective_on, recorded_on)
     SELECT t, i, n, k, p, c, s, $9::int, coalesce(r, $10::text), e, f, $11::date
       FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[], $7::bool[], $8::text[], $12::date[], $13::text[])
         AS x(t, i, n, k, p, c, s, e, f, r)`,
    [
      notices.map((n) => n.recordType),
      notices.map((n) => n.recordId),
      notices.map((n) => n.recordNumber),
      notices.map((n) => n.kind),
      notices.map((n) => JSON.stringify(n.published)),
      notices.map((n) => JSON.stringify(n.changes)),
      notices.map((n) => n.stillPublic),
      notices.map((n) => `${CorrectionKind.entries[n.kind].text}（${CorrectionKind.entries[n.kind].article}）`),
      batchId,
      reason,
      today,
      notices.map((n) => n.effectiveOn),
      notices.map((n) => n.reason ?? null),
    ],
  );
  return notices.length;
}

const itemsText = (items: Json[]) =>
  items
    .sort((a, b) => Number(a.seq) - Number(b.seq))
    .map((i) =>
      [i.item, i.requirement ? `标准值 ${i.requirement}` : null, i.measured ? `实测值 ${i.measured}` : null].filter(Boolean).join('，'),
    )
    .join('；');

function resultView(row: Json, items: Json[], conclusion: unknown, identityPublic: boolean): Json {
  const view: Json = {};
  for (const [field, column] of Object.entries(RESULT_FIELDS)) view[field] = row[column] ?? null;
  view.conclusion = conclusion ?? row.conclusion ?? null;
  for (const [field, column] of Object.entries(IDENTITY_FIELDS)) view[field] = identityPublic ? (row[column] ?? null) : null;
  view.nonconformingItems = itemsText(items);
  return view;
}

function diff(before: Json, after: Json | null): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(before)) {
    const a = after ? (after[field] ?? null) : null;
    if (JSON.stringify(before[field] ?? null) !== JSON.stringify(a)) changes.push({ field, before: before[field] ?? null, after: a });
  }
  return changes;
}

async function resultNotices(sql: Queryable, batchId: number, today: PlainDate): Promise<NoticeRow[]> {
  // the results listed before that this batch may have changed: no longer listed, named
  // differently, or their record or items written by the batch
  const candidates = await sql.query<{
    id: number;
    identityBefore: boolean;
    conclusionBefore: string | null;
    row: Json | null;
    published: boolean | null;
    identityNow: boolean | null;
    status: string | null;
    conclusionNow: string | null;
    since: string | null;
  }>(
    `SELECT b.id, b.identity_public AS "identityBefore", b.effective_conclusion AS "conclusionBefore", to_jsonb(sc) AS row,
       p.published, p.identity_public AS "identityNow", p.status, p.effective_conclusion AS "conclusionNow",
       to_char(p.valid_from, 'YYYY-MM-DD') AS since
       FROM ledger_before b
       LEFT JOIN spot_check sc ON sc.id = b.id
       LEFT JOIN case_period p ON p.spot_check_id = b.id AND p.valid_from <= $2::date AND (p.valid_until IS NULL OR p.valid_until > $2::date)
      WHERE sc.id IS NULL OR NOT coalesce(p.published, false) OR p.identity_public IS DISTINCT FROM b.identity_public
         OR sc.last_batch_id = $1
         OR EXISTS (SELECT 1 FROM nonconforming_item n WHERE n.spot_check_id = b.id AND (n.batch_id = $1 OR n.last_batch_id = $1))
         OR EXISTS (SELECT 1 FROM record_history h WHERE h.batch_id = $1 AND h.table_name = 'nonconforming_item'
                     AND (h.data->>'spot_check_id')::int = b.id)`,
    [batchId, today],
  );
  if (candidates.length === 0) return [];
  const ids = candidates.map((c) => c.id);
  const history = await sql.query<{ table: string; op: string; data: Json }>(
    `SELECT table_name AS table, operation AS op, data FROM record_history
      WHERE batch_id = $1 AND operation IN ('update', 'delete')
        AND ((table_name = 'spot_check' AND record_id = ANY($2::text[]))
          OR (table_name = 'nonconforming_item' AND (data->>'spot_check_id')::int = ANY($3::int[])))
      ORDER BY id`,
    [batchId, ids.map(String), ids],
  );
  const items = await sql.query<{ row: Json }>(`SELECT to_jsonb(n) AS row FROM nonconforming_item n WHERE n.spot_check_id = ANY($1)`, [
    ids,
  ]);
  const oldRow = new Map<number, Json>();
  const oldItems = new Map<number, Map<number, Json>>();
  const newItems = new Map<number, Json[]>();
  const itemsOf = (m: Map<number, Map<number, Json>>, id: number) => {
    if (!m.has(id)) m.set(id, new Map());
    return m.get(id)!;
  };
  for (const { row } of items) {
    const sc = Number(row.spot_check_id);
    if (!newItems.has(sc)) newItems.set(sc, []);
    newItems.get(sc)!.push(row);
    // an item the batch did not write was the same before
    if (Number(row.batch_id) !== batchId && Number(row.last_batch_id ?? 0) !== batchId) itemsOf(oldItems, sc).set(Number(row.id), row);
  }
  for (const h of history) {
    if (h.table === 'spot_check') {
      if (!oldRow.has(Number(h.data.id))) oldRow.set(Number(h.data.id), h.data);
    } else {
      const sc = Number(h.data.spot_check_id);
      const byId = itemsOf(oldItems, sc);
      if (!byId.has(Number(h.data.id)) || h.op === 'update') byId.set(Number(h.data.id), h.data);
    }
  }

  const notices: NoticeRow[] = [];
  for (const c of candidates) {
    const before = oldRow.get(c.id) ?? c.row;
    if (!before) continue;
    const published = resultView(before, [...(oldItems.get(c.id)?.values() ?? [])], c.conclusionBefore, c.identityBefore);
    const listed = !!c.row && !!c.published;
    const after = listed ? resultView(c.row!, newItems.get(c.id) ?? [], c.conclusionNow, !!c.identityNow) : null;
    const changes = diff(published, after);
    if (listed && changes.length === 0) continue;
    let kind: CorrectionKind = 'corrected';
    if (!c.row) kind = 'removed';
    else if (!listed) {
      if (c.status === 'withdrawn') kind = 'withdrawn';
      else if (c.status === 'passed' && c.row.conclusion === 'fail') kind = 'overturned';
      else if (c.status === 'passed') kind = 'corrected';
      else kind = 'reopened';
    }
    notices.push({
      recordType: 'spot_check',
      recordId: c.id,
      recordNumber: String(before.report_no),
      kind,
      published,
      changes,
      stillPublic: listed,
      effectiveOn: !listed && c.since && c.since <= today ? c.since : today,
    });
  }
  return notices;
}

async function registerNotices(sql: Queryable, batchId: number, today: PlainDate): Promise<NoticeRow[]> {
  const rows = await sql.query<{ table: string; recordId: string; op: string; before: Json; now: Json | null; visible: boolean }>(
    `SELECT DISTINCT ON (h.table_name, h.record_id) h.table_name AS table, h.record_id AS "recordId", h.operation AS op,
       h.data AS before, cur.j AS now,
       (h.table_name <> 'enterprise' OR EXISTS (SELECT 1 FROM enterprise e WHERE e.id = h.record_id::int
          AND ${enterpriseVisible(ANONYMOUS, '$3')})) AS visible
       FROM record_history h
       LEFT JOIN LATERAL (SELECT t.j FROM (
         SELECT to_jsonb(x) AS j FROM certified_item x WHERE h.table_name = 'certified_item' AND x.id::text = h.record_id
         UNION ALL SELECT to_jsonb(x) FROM revocation x WHERE h.table_name = 'revocation' AND x.id::text = h.record_id
         UNION ALL SELECT to_jsonb(x) FROM consumer_warning x WHERE h.table_name = 'consumer_warning' AND x.id::text = h.record_id
         UNION ALL SELECT to_jsonb(x) FROM rectification_notice x WHERE h.table_name = 'rectification_notice' AND x.id::text = h.record_id
         UNION ALL SELECT to_jsonb(x) FROM cultivation_entry x WHERE h.table_name = 'cultivation_entry' AND x.id::text = h.record_id
         UNION ALL SELECT to_jsonb(x) FROM standard_evaluation x WHERE h.table_name = 'standard_evaluation' AND x.id::text = h.record_id
         UNION ALL SELECT to_jsonb(x) FROM self_report x WHERE h.table_name = 'self_report' AND x.id::text = h.record_id
         UNION ALL SELECT to_jsonb(x) FROM enterprise x WHERE h.table_name = 'enterprise' AND x.id::text = h.record_id
       ) t(j)) cur ON true
      WHERE h.batch_id = $1 AND h.operation IN ('update', 'delete') AND h.table_name = ANY($2)
      ORDER BY h.table_name, h.record_id, h.id`,
    [batchId, Object.keys(REGISTERS), today],
  );
  const links = await linkLists(
    sql,
    batchId,
    today,
    rows.filter((r) => r.table in LINKS).map((r) => `${r.table}|${r.recordId}`),
  );
  const withdrawals = await withdrawalsOf(sql, batchId);
  const notices: NoticeRow[] = [];
  for (const r of rows) {
    if (!r.visible) continue;
    const strip = (row: Json): Json => Object.fromEntries(Object.entries(row).filter(([k]) => !NOT_PUBLIC.test(k)));
    const key = `${r.table}|${r.recordId}`;
    const published = { ...strip(r.before), ...links.get(key)?.before };
    const after = r.now ? { ...strip(r.now), ...links.get(key)?.after } : null;
    const changes = diff(published, after);
    if (after && changes.length === 0) continue;
    const number = r.before[REGISTERS[r.table]] ?? r.before.name ?? null;
    notices.push({
      recordType: r.table,
      recordId: Number(r.recordId),
      recordNumber: number == null ? null : String(number),
      kind: after ? 'corrected' : 'removed',
      published,
      changes,
      stillPublic: !!after,
      effectiveOn: withdrawals.get(key)?.on && withdrawals.get(key)!.on! <= today ? withdrawals.get(key)!.on! : today,
      reason: withdrawals.get(key)?.reason,
    });
  }
  return notices;
}

/**
 * The link tables a register's public view includes, by the register: the field, the link
 * table and its key column, the linked record's number, and (for results) that only results
 * the public sees are named — before: listed on the publishing day before the batch
 * (ledger_before); after: listed now.
 */
const LINKS: Record<
  string,
  { field: string; table: string; key: string; other: string; number: string; from: string; listedOnly: boolean }
> = {
  revocation: {
    field: 'certificateNos',
    table: 'revocation_item',
    key: 'revocation_id',
    other: 'certified_item_id',
    number: 'certificate_no',
    from: 'certified_item',
    listedOnly: false,
  },
  consumer_warning: {
    field: 'reportNos',
    table: 'warning_spot_check',
    key: 'consumer_warning_id',
    other: 'spot_check_id',
    number: 'report_no',
    from: 'spot_check',
    listedOnly: true,
  },
};

/**
 * Each touched register's linked numbers before and after the batch: the links now, without
 * those the batch inserted and with those it deleted (link rows are logged in record_history).
 */
async function linkLists(
  sql: Queryable,
  batchId: number,
  today: PlainDate,
  keys: string[],
): Promise<Map<string, { before: Json; after: Json }>> {
  const out = new Map<string, { before: Json; after: Json }>();
  for (const [register, l] of Object.entries(LINKS)) {
    const ids = keys.filter((k) => k.startsWith(`${register}|`)).map((k) => Number(k.split('|')[1]));
    if (!ids.length) continue;
    const listedNow = `EXISTS (SELECT 1 FROM case_period p WHERE p.spot_check_id = o.id AND p.published
      AND p.valid_from <= $3::date AND (p.valid_until IS NULL OR p.valid_until > $3::date))`;
    const listedBefore = `EXISTS (SELECT 1 FROM ledger_before b WHERE b.id = o.id)`;
    const found = await sql.query<{ id: number; number: string; was: boolean; is: boolean }>(
      `WITH now AS (SELECT x.${l.key} AS id, x.${l.other} AS other FROM ${l.table} x WHERE x.${l.key} = ANY($2::int[])),
            logged AS (SELECT (h.data->>'${l.key}')::int AS id, (h.data->>'${l.other}')::int AS other, h.operation AS op
                         FROM record_history h WHERE h.batch_id = $1 AND h.table_name = '${l.table}' AND (h.data->>'${l.key}')::int = ANY($2::int[])),
            links AS (
              SELECT n.id, n.other, NOT EXISTS (SELECT 1 FROM logged g WHERE g.op = 'insert' AND g.id = n.id AND g.other = n.other) AS was,
                     true AS is FROM now n
              UNION ALL SELECT g.id, g.other, true, false FROM logged g WHERE g.op = 'delete'
                AND NOT EXISTS (SELECT 1 FROM now n WHERE n.id = g.id AND n.other = g.other))
       SELECT k.id, o.${l.number} AS number, k.was AND ${l.listedOnly ? listedBefore : 'true'} AS was,
              k.is AND ${l.listedOnly ? listedNow : '$3::date IS NOT NULL'} AS is
         FROM links k JOIN ${l.from} o ON o.id = k.other ORDER BY 2`,
      [batchId, ids, today],
    );
    for (const id of ids) {
      const mine = found.filter((f) => f.id === id);
      out.set(`${register}|${id}`, {
        before: { [l.field]: mine.filter((f) => f.was).map((f) => f.number) },
        after: { [l.field]: mine.filter((f) => f.is).map((f) => f.number) },
      });
    }
  }
  return out;
}

/** The records this batch withdrew (撤回已公布记录), by `table|id`: the row's reason and date. */
async function withdrawalsOf(sql: Queryable, batchId: number): Promise<Map<string, { reason: string; on: PlainDate | null }>> {
  const rows = await sql.query<{ key: string; reason: string; on: PlainDate | null }>(
    `SELECT (r.data->'record'->>'recordType') || '|' || (r.data->'record'->>'targetId') AS key, r.data->'record'->>'reason' AS reason,
            r.data->'record'->>'withdrawnOn' AS on
       FROM batch_row r WHERE r.batch_id = $1 AND r.data->>'type' = 'record_withdrawal'`,
    [batchId],
  );
  return new Map(rows.map((r) => [r.key, { reason: r.reason, on: r.on }]));
}
