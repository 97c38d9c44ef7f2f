import DataLoader from 'dataloader';
import type {
  BatchRow, CaseDeadlineRow, CaseEventRow, CertifiedItemRow, City, ConsumerWarningRow, EnterpriseRow, Industry, LogoAuthorisationRow,
  NonconformingItemRow, RevocationRow, SpotCheckRow,
} from '@hub/schema';
import { CaseEventKind } from '@hub/db';
import type { Queryable as Sql } from '@hub/db';
import { SC_IDENTITY_PUBLIC, enterpriseVisible, spotCheckColumns, spotCheckFrom, spotCheckVisible, type Viewer } from './visibility.ts';
import { BATCH_COLUMNS, CERTIFIED_ITEM_COLUMNS, ENTERPRISE_COLUMNS, REVOCATION_COLUMNS, WARNING_COLUMNS } from './columns.ts';

/** One batched statement per relation and request: no N+1 whatever the page size. */
function single<K extends string | number, R>(load: (keys: readonly K[]) => Promise<R[]>, keyOf: (row: R) => K) {
  return new DataLoader<K, R | null>(async (keys) => {
    const rows = await load(keys);
    const byKey = new Map(rows.map((r) => [keyOf(r), r]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

function grouped<K extends string | number, R>(load: (keys: readonly K[]) => Promise<R[]>, keyOf: (row: R) => K) {
  return new DataLoader<K, R[]>(async (keys) => {
    const rows = await load(keys);
    const byKey = new Map<K, R[]>();
    for (const r of rows) {
      const k = keyOf(r);
      if (!byKey.has(k)) byKey.set(k, []);
      byKey.get(k)!.push(r);
    }
    return keys.map((k) => byKey.get(k) ?? []);
  });
}

export function createLoaders(sql: Sql, viewer: Viewer, today: string) {
  /**
   * Spot checks by a key. Where the key itself names the producer (its enterprise, its certified
   * item), an anonymous client gets only results whose identity is public: otherwise the
   * relation would reveal a withheld producer (003 Art. 27).
   */
  const spotChecks = (keyExpr: string, keyNamesProducer: boolean) => (keys: readonly number[]) =>
    sql.query<SpotCheckRow & { key: number }>(
      `SELECT ${spotCheckColumns(viewer)}, ${keyExpr} AS key FROM ${spotCheckFrom('$2')}
       WHERE ${keyExpr} = ANY($1) AND ${spotCheckVisible(viewer, keyNamesProducer ? 'listed' : 'lookup')}
         ${keyNamesProducer && !viewer.bureau ? `AND ${SC_IDENTITY_PUBLIC}` : ''}
       ORDER BY sc.report_date DESC, sc.id DESC`,
      [keys, today],
    );
  return {
    enterprise: single<number, EnterpriseRow>(
      (ids) => sql.query(`SELECT ${ENTERPRISE_COLUMNS} FROM enterprise e WHERE e.id = ANY($1) AND ${enterpriseVisible(viewer, '$2')}`, [ids, today]),
      (r) => r.dbId,
    ),
    batch: single<number, BatchRow>(
      (ids) => sql.query(`SELECT ${BATCH_COLUMNS} FROM batch b WHERE b.id = ANY($1)${viewer.bureau ? '' : ` AND b.status = 'published'`}`, [ids]),
      (r) => r.dbId,
    ),
    city: single<string, City>(
      (codes) => sql.query(`SELECT code, name, short_name AS "shortName" FROM city WHERE code = ANY($1)`, [codes]),
      (r) => r.code,
    ),
    industry: single<string, Industry>((codes) => sql.query(`SELECT code, name FROM industry WHERE code = ANY($1)`, [codes]), (r) => r.code),
    certifiedItem: single<number, CertifiedItemRow>(
      (ids) => sql.query(`SELECT ${CERTIFIED_ITEM_COLUMNS} FROM certified_item ci WHERE ci.id = ANY($1)`, [ids]),
      (r) => r.dbId,
    ),
    certifiedItemsByEnterprise: grouped<number, CertifiedItemRow>(
      (ids) => sql.query(`SELECT ${CERTIFIED_ITEM_COLUMNS} FROM certified_item ci WHERE ci.enterprise_id = ANY($1) ORDER BY ci.round, ci.id`, [ids]),
      (r) => r.enterpriseId,
    ),
    trademarksByEnterprise: grouped<number, { enterpriseId: number; name: string }>(
      (ids) => sql.query(`SELECT enterprise_id AS "enterpriseId", name FROM trademark WHERE enterprise_id = ANY($1) ORDER BY name`, [ids]),
      (r) => r.enterpriseId,
    ),
    spotCheck: single<number, SpotCheckRow & { key: number }>(spotChecks('sc.id', false), (r) => r.key),
    spotChecksByCertifiedItem: grouped<number, SpotCheckRow & { key: number }>(spotChecks('sc.certified_item_id', true), (r) => r.key),
    spotChecksByProducer: grouped<number, SpotCheckRow & { key: number }>(spotChecks('sc.producer_id', true), (r) => r.key),
    nonconformingItems: grouped<number, NonconformingItemRow>(
      (ids) => sql.query(
        `SELECT spot_check_id AS "spotCheckId", seq, item, requirement, measured FROM nonconforming_item
         WHERE spot_check_id = ANY($1) ORDER BY spot_check_id, seq`, [ids]),
      (r) => r.spotCheckId,
    ),
    events: grouped<number, CaseEventRow>(
      async (ids) => {
        const rows = await sql.query<Omit<CaseEventRow, 'label'>>(
          `SELECT spot_check_id AS "spotCheckId", kind, occurred_on AS "occurredOn", outcome, note
           FROM case_event WHERE spot_check_id = ANY($1) ORDER BY spot_check_id, occurred_on, id`, [ids]);
        return rows.map((r) => ({ ...r, label: CaseEventKind.label(r.kind as CaseEventKind) }));
      },
      (r) => r.spotCheckId,
    ),
    deadlines: grouped<number, CaseDeadlineRow>(
      (ids) => sql.query(
        `SELECT spot_check_id AS "spotCheckId", step, article, starts_on AS "startsOn", days, due_on AS "dueOn",
           calendar_missing AS "calendarMissing", met_on AS "metOn", can_be_overdue AS "canBeOverdue"
         FROM case_deadline WHERE spot_check_id = ANY($1) ORDER BY spot_check_id, starts_on, id`, [ids]),
      (r) => r.spotCheckId,
    ),
    /** the case period containing a date; key "id|YYYY-MM-DD" */
    period: single<string, { key: string; status: string; validFrom: string; effectiveConclusion: string | null }>(
      (keys) => {
        const ids = keys.map((k) => Number(k.split('|')[0]));
        const dates = keys.map((k) => k.split('|')[1]);
        return sql.query(
          `SELECT q.id || '|' || q.d AS key, cp.status, cp.valid_from AS "validFrom", cp.effective_conclusion AS "effectiveConclusion"
           FROM unnest($1::int[], $2::date[]) AS q(id, d)
           JOIN case_period cp ON cp.spot_check_id = q.id AND cp.valid_from <= q.d AND (cp.valid_until IS NULL OR cp.valid_until > q.d)`,
          [ids, dates],
        );
      },
      (r) => r.key,
    ),
    /** an open rectification notice for the item (or its whole enterprise) on a date; key "id|date" */
    openRectification: single<string, { key: string }>(
      (keys) => sql.query(
        `SELECT DISTINCT q.id || '|' || q.d AS key FROM unnest($1::int[], $2::date[]) AS q(id, d)
         JOIN certified_item ci ON ci.id = q.id
         JOIN rectification_notice rn ON (rn.certified_item_id = ci.id OR (rn.certified_item_id IS NULL AND rn.enterprise_id = ci.enterprise_id))
         WHERE rn.issued_on <= q.d AND (rn.completed_on IS NULL OR rn.completed_on > q.d)`,
        [keys.map((k) => Number(k.split('|')[0])), keys.map((k) => k.split('|')[1])]),
      (r) => r.key,
    ),
    logoByItem: grouped<number, LogoAuthorisationRow>(
      (ids) => sql.query(
        `SELECT id AS "dbId", enterprise_id AS "enterpriseId", certified_item_id AS "certifiedItemId", basis,
           authorised_on AS "authorisedOn", valid_until AS "validUntil"
         FROM logo_authorisation WHERE certified_item_id = ANY($1) ORDER BY authorised_on`, [ids]),
      (r) => r.certifiedItemId!,
    ),
    revocationsByItem: grouped<number, RevocationRow & { key: number }>(
      (ids) => sql.query(
        `SELECT ${REVOCATION_COLUMNS}, ri.certified_item_id AS key FROM revocation_item ri JOIN revocation r ON r.id = ri.revocation_id
         WHERE ri.certified_item_id = ANY($1) ORDER BY r.decided_on`, [ids]),
      (r) => r.key,
    ),
    revokedItems: grouped<number, CertifiedItemRow & { key: number }>(
      (ids) => sql.query(
        `SELECT ${CERTIFIED_ITEM_COLUMNS}, ri.revocation_id AS key FROM revocation_item ri JOIN certified_item ci ON ci.id = ri.certified_item_id
         WHERE ri.revocation_id = ANY($1) ORDER BY ci.id`, [ids]),
      (r) => r.key,
    ),
    warningsBySpotCheck: grouped<number, ConsumerWarningRow & { key: number }>(
      (ids) => sql.query(
        `SELECT ${WARNING_COLUMNS}, wsc.spot_check_id AS key FROM warning_spot_check wsc JOIN consumer_warning w ON w.id = wsc.consumer_warning_id
         WHERE wsc.spot_check_id = ANY($1) ORDER BY w.published_on DESC`, [ids]),
      (r) => r.key,
    ),
    spotChecksByWarning: grouped<number, SpotCheckRow & { key: number }>(
      (ids) => sql.query(
        `SELECT ${spotCheckColumns(viewer)}, wsc.consumer_warning_id AS key FROM warning_spot_check wsc
         JOIN ${spotCheckFrom('$2')} ON sc.id = wsc.spot_check_id
         WHERE wsc.consumer_warning_id = ANY($1) AND ${spotCheckVisible(viewer)} ORDER BY sc.report_date DESC`, [ids, today]),
      (r) => r.key,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
