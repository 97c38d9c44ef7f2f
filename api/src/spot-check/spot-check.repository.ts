/**
 * Spot-check results, as the viewer may see them — the one place the API applies 003 Art. 15,
 * 26–27 to spot checks. Every read of spot_check goes through the fragments here (the other
 * repositories that count or list results use them too).
 *
 * Anonymous clients see a result listed only while it is published (case_period as of today: a
 * final 不合格, never while in the objection window, under objection or withdrawn; a 合格 result
 * counts in the statistics only, Art. 27(1)–(3)); the producer’s and sampled unit’s identity
 * only where it may be published (Art. 27(4)–(5), never after an upheld sample-authenticity
 * objection, Art. 15). A result whose period the rules have not computed yet is neither listed
 * nor counted (the safe side).
 */
import { CaseEventKind, spotCheckSearchGrams, type Queryable } from '@hub/db';
import {
  SpotCheckSort,
  type CaseDeadlineRow,
  type CaseEventRow,
  type ConnectionShape,
  type SpotCheckArgs,
  type SpotCheckFilter,
  type SpotCheckRow,
} from '@hub/schema';
import { ANONYMOUS, type Viewer } from '../access/access.service.ts';
import { cityCode, containsPattern } from '../graphql/filters.ts';
import { grouped, single } from '../repository/loaders.ts';
import { paginate, type SortSpec } from '../repository/paging.ts';
import { Repository } from '../repository/repository.ts';
import { Where, longestGroup as longest } from '../repository/where.ts';

/**
 * `FROM` clause for spot checks with their case period as of `$today` (a parameter reference).
 * Periods of a case do not overlap, so the join adds at most one row; a plain join (not a
 * lateral subquery) lets the planner start from the few published periods when that is cheaper.
 */
export function spotCheckFrom(todayParam: string): string {
  return `spot_check sc
    LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id AND now_.valid_from <= ${todayParam}::date
      AND (now_.valid_until IS NULL OR now_.valid_until > ${todayParam}::date)`;
}

/**
 * Listed today (003 Art. 26–27). Plain `now_.published`, not `IS TRUE`: the planner matches it to
 * the partial index `case_period_published_index` and filters earlier (province sample, a count of
 * the failure list: 53 against 65–78 ms; one city: 66–73 against 86–94 ms, EXPLAIN ANALYZE). In a
 * condition a NULL (no period today) is not true either; as a value, coalesce it.
 */
export const SC_PUBLISHED = `now_.published`;

/** Statistics (api/src/stats): the producer's enterprise size, for grouping (the stats repository masks it where the producer is withheld). */
export const SC_PRODUCER_SIZE = '(SELECT e.size FROM enterprise e WHERE e.id = sc.producer_id)';
/** Statistics' facts: the certified item (ci) and the producer's enterprise (e) of each result (sc). */
export const SC_ITEM_AND_PRODUCER_JOINS =
  'LEFT JOIN certified_item ci ON ci.id = sc.certified_item_id LEFT JOIN enterprise e ON e.id = sc.producer_id';
/** 不符合项 (ni) of each result, for grouping by them: for an anonymous viewer only those of listed results, the others count once with item null (003 Art. 27). */
export function scItemsJoin(viewer: Viewer): string {
  return `LEFT JOIN nonconforming_item ni ON ni.spot_check_id = sc.id${viewer.bureau ? '' : ` AND ${SC_PUBLISHED}`}`;
}
export const SC_COUNTED = `now_.counted IS TRUE`;
export const SC_IDENTITY_PUBLIC = `now_.identity_public IS TRUE`;
/** The conclusion in force is 不合格: a re-test replaces the first conclusion (003 Art. 11). */
export const SC_FAILED = `coalesce(now_.effective_conclusion, sc.conclusion) = 'fail'`;
/**
 * A published failure that was later withdrawn, or any result with a correction notice (the
 * corrections ledger): its permalink keeps answering with the correction, never a silent deletion.
 */
export const SC_CORRECTION = `(now_.correction IS TRUE OR EXISTS (SELECT 1 FROM correction_notice cn
  WHERE cn.record_type = 'spot_check' AND cn.record_id = sc.id))`;
/** A result published as a failure and no longer listed (withdrawn, overturned, reopened): its case period's correction flag. */
export const SC_WITHDRAWN_PUBLICATION = `now_.correction IS TRUE`;

/**
 * SQL expression: how many rows of batch `batchExpr` the public may not count yet — its results
 * the statistics do not count (in the objection window, under objection, withdrawn) and its
 * follow-up events of results that are not listed. A batch's public `rowCount` is its rows less these.
 */
export function rowsNotPublicOfBatch(batchExpr: string, todayParam: string): string {
  return `((SELECT count(*) FROM ${spotCheckFrom(todayParam)} WHERE sc.batch_id = ${batchExpr} AND NOT coalesce(${SC_COUNTED}, false))
    + (SELECT count(*) FROM case_event ev JOIN ${spotCheckFrom(todayParam)} ON sc.id = ev.spot_check_id
       WHERE ev.batch_id = ${batchExpr} AND NOT coalesce(${SC_PUBLISHED}, false)))`;
}

/** The spot-check columns for a viewer: identity columns masked unless allowed. */
export function spotCheckColumns(viewer: Viewer): string {
  const party = (column: string) => (viewer.bureau ? `sc.${column}` : `CASE WHEN ${SC_IDENTITY_PUBLIC} THEN sc.${column} END`);
  return `sc.id AS "dbId", sc.report_no AS "reportNo", sc.check_type AS "checkType", sc.task_name AS "taskName",
    sc.product_category AS "productCategory", sc.product_name AS "productName", sc.trademark, sc.model_spec AS "modelSpec",
    sc.production_batch AS "productionBatch", sc.production_date AS "productionDate",
    ${party('producer_id')} AS "producerId", ${party('producer_name')} AS "producerName",
    ${party('producer_address')} AS "producerAddress", ${party('sampled_unit_id')} AS "sampledUnitId",
    ${party('sampled_unit_name')} AS "sampledUnitName", ${party('sampled_unit_address')} AS "sampledUnitAddress",
    sc.sampling_stage AS "samplingStage", sc.platform, sc.sampled_on AS "sampledOn", sc.sampling_agency AS "samplingAgency",
    sc.testing_agency AS "testingAgency", sc.report_date AS "reportDate", sc.conclusion, sc.severity,
    sc.main_problem AS "mainProblem", ${party('certified_item_id')} AS "certifiedItemId", sc.city_code AS "cityCode", sc.version,
    coalesce(${SC_PUBLISHED}, false) AS published, ${SC_IDENTITY_PUBLIC} AS "identityPublic",
    now_.identity_basis AS "identityBasis", ${SC_CORRECTION} AS correction,
    now_.status AS "periodStatus", now_.effective_conclusion AS "effectiveConclusion", ${STATUS_SINCE} AS "statusSince",
    ${PUBLIC_SINCE} AS "publicSince", ${NONCONFORMING_ITEMS} AS items`;
}

/**
 * The first day of the status of period `p`: periods are contiguous, so where the last period of
 * another status ended (a period may begin for another reason — a disclosure situation — under
 * the same status). A subquery in the select list: PostgreSQL evaluates it for the rows returned,
 * after the sort and the limit.
 */
function statusSince(p: string): string {
  return `coalesce((SELECT max(x.valid_until) FROM case_period x
      WHERE x.spot_check_id = ${p}.spot_check_id AND x.valid_from < ${p}.valid_from AND x.status <> ${p}.status),
    (SELECT min(x.valid_from) FROM case_period x WHERE x.spot_check_id = ${p}.spot_check_id))`;
}
const STATUS_SINCE = `CASE WHEN now_.spot_check_id IS NOT NULL THEN ${statusSince('now_')} END`;

/**
 * The day a published failure became public (003 Art. 26): the later of its batch's publication
 * (the day in China) and the start of its current run of published periods — a result still in its
 * objection window when its batch was published becomes public only once final (Art. 7, 16). A
 * failure published, withdrawn and published again is public from the last time. Null while not
 * published.
 */
const PUBLIC_SINCE = `CASE WHEN ${SC_PUBLISHED} THEN greatest(
    coalesce((SELECT max(x.valid_until) FROM case_period x
        WHERE x.spot_check_id = now_.spot_check_id AND x.valid_from < now_.valid_from AND x.published IS NOT TRUE),
      (SELECT min(x.valid_from) FROM case_period x WHERE x.spot_check_id = now_.spot_check_id)),
    (SELECT (b.published_at AT TIME ZONE 'Asia/Shanghai')::date FROM batch b WHERE b.id = sc.batch_id)) END`;

/** A result's 不符合项 in seq order, as the `nonconformingItems` field answers them. */
const NONCONFORMING_ITEMS = `coalesce((SELECT json_agg(json_build_object('seq', ni.seq, 'item', ni.item, 'requirement', ni.requirement,
    'measured', ni.measured) ORDER BY ni.seq) FROM nonconforming_item ni WHERE ni.spot_check_id = sc.id), '[]'::json)`;

/**
 * Condition: the viewer may see this spot check — in lists (`listed`: published results), or when
 * asked for by report number or ID (`lookup`: also the corrections of withdrawn publications).
 */
export function spotCheckVisible(viewer: Viewer, mode: 'listed' | 'lookup' = 'listed'): string {
  if (viewer.bureau) return 'true';
  return mode === 'listed' ? SC_PUBLISHED : `(${SC_PUBLISHED} OR ${SC_CORRECTION})`;
}

/**
 * The WHERE clause for a filter, as the viewer may apply it. `$1` is today. `listed`: the rows a
 * list may show; `counted`: the rows the published statistics count (the same for every viewer).
 */
export function spotCheckWhere(
  viewer: Viewer,
  today: string,
  filter: SpotCheckFilter = {},
  scope: 'listed' | 'counted' | 'lookup' | 'all' = 'listed',
): Where {
  const where = new Where([today]);
  // all: every result the filter matches, counted or not (the statistics' exclusions)
  where.add(scope === 'all' ? 'true' : scope === 'counted' ? SC_COUNTED : spotCheckVisible(viewer, scope));
  if (filter.checkTypes?.length) where.add('sc.check_type = ANY(?)', filter.checkTypes);
  where.maybe(filter.conclusion, 'sc.conclusion = ?');
  where.maybe(filter.severity, 'sc.severity = ?');
  if (filter.city) where.add('sc.city_code = ?', cityCode(filter.city));
  where.maybe(filter.productCategory, 'sc.product_category = ?');
  where.maybe(filter.reportDateFrom, 'sc.report_date >= ?::date');
  where.maybe(filter.reportDateTo, 'sc.report_date <= ?::date');
  where.maybe(filter.reportNo, 'sc.report_no = ?');
  if (filter.certifiedOnly)
    where.add(viewer.bureau ? 'sc.certified_item_id IS NOT NULL' : `sc.certified_item_id IS NOT NULL AND ${SC_IDENTITY_PUBLIC}`);
  if (filter.producerUscc) {
    where.add(`sc.producer_id IN (SELECT id FROM enterprise WHERE uscc = ?)`, filter.producerUscc.trim().toUpperCase());
    if (!viewer.bureau) where.add(SC_IDENTITY_PUBLIC);
  }
  if (filter.status) {
    where.add(
      `EXISTS (SELECT 1 FROM case_period p WHERE p.spot_check_id = sc.id AND p.status = ?
      AND p.valid_from <= ?::date AND (p.valid_until IS NULL OR p.valid_until > ?::date))`,
      filter.status,
      filter.asOf ?? today,
      filter.asOf ?? today,
    );
  }
  if (filter.text) {
    const pattern = containsPattern(filter.text, 'filter.text');
    // A public list shows published results only, and those are 不合格 (003 Art. 27(3); a 合格
    // result never becomes 不合格, effectiveConclusionOn): the gram index of the failures finds the
    // candidates (never fewer rows than ILIKE), ILIKE below decides — with the producer's name only
    // where its identity is public today. The bureau and the statistics also see 合格 results.
    if (!viewer.bureau && scope === 'listed') {
      where.add(`sc.conclusion = 'fail' AND ${spotCheckSearchGrams('sc')} @> search_query_grams(?)`, filter.text.trim());
    }
    const producer = viewer.bureau ? 'sc.producer_name' : `CASE WHEN ${SC_IDENTITY_PUBLIC} THEN sc.producer_name END`;
    where.add(
      `(sc.product_name ILIKE ? OR sc.product_category ILIKE ? OR sc.trademark ILIKE ? OR sc.model_spec ILIKE ?
      OR sc.production_batch ILIKE ? OR sc.task_name ILIKE ? OR ${producer} ILIKE ?)`,
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

const SORTS: Record<SpotCheckSort, Omit<SortSpec, 'direction'>> = {
  [SpotCheckSort.REPORT_DATE]: { expr: 'sc.report_date', field: 'reportDate', type: 'date' },
  [SpotCheckSort.REPORT_NO]: { expr: 'sc.report_no', field: 'reportNo', type: 'text' },
  [SpotCheckSort.PRODUCT_CATEGORY]: { expr: 'sc.product_category', field: 'productCategory', type: 'text' },
};

/** A result keyed by what a loader looked it up by. */
type Keyed<R> = R & { key: number };

/** The case period containing a date. */
export interface CasePeriodRow {
  key: string;
  status: string;
  validFrom: string;
  /** the first day of the current status: a period may start for another reason (a disclosure situation) under the same status */
  statusSince: string;
  effectiveConclusion: string | null;
}

export class SpotCheckRepository extends Repository {
  list(args: SpotCheckArgs): Promise<ConnectionShape<SpotCheckRow>> {
    return paginate<SpotCheckRow>(this.db, {
      from: spotCheckFrom('$1'),
      select: spotCheckColumns(this.viewer),
      where: spotCheckWhere(this.viewer, this.today, args.filter),
      sort: { ...SORTS[args.sort ?? SpotCheckSort.REPORT_DATE], direction: args.direction ?? 'DESC' },
      idExpr: 'sc.id',
      args,
    });
  }

  async byReportNo(reportNo: string): Promise<SpotCheckRow | null> {
    const where = spotCheckWhere(this.viewer, this.today, { reportNo }, 'lookup');
    const [row] = await this.db.query<SpotCheckRow>(
      `SELECT ${spotCheckColumns(this.viewer)} FROM ${spotCheckFrom('$1')} ${where}`,
      where.params,
    );
    return row ?? null;
  }

  /**
   * Spot checks by a key. Where the key itself names the producer (its enterprise, its certified
   * item), an anonymous client gets only results whose identity is public: otherwise the
   * relation would reveal a withheld producer (003 Art. 27).
   */
  private keyedBy(keyExpr: string, keyNamesProducer: boolean) {
    return (keys: readonly number[]) =>
      this.db.query<Keyed<SpotCheckRow>>(
        `SELECT ${spotCheckColumns(this.viewer)}, ${keyExpr} AS key FROM ${spotCheckFrom('$2')}
       WHERE ${keyExpr} = ANY($1) AND ${spotCheckVisible(this.viewer, keyNamesProducer ? 'listed' : 'lookup')}
         ${keyNamesProducer && !this.viewer.bureau ? `AND ${SC_IDENTITY_PUBLIC}` : ''}
       ORDER BY sc.report_date DESC, sc.id DESC`,
        [keys, this.today],
      );
  }

  private readonly byIdLoader = single<number, Keyed<SpotCheckRow>>(this.keyedBy('sc.id', false), (r) => r.key);
  private readonly byCertifiedItemLoader = grouped<number, Keyed<SpotCheckRow>>(this.keyedBy('sc.certified_item_id', true), (r) => r.key);
  private readonly byProducerLoader = grouped<number, Keyed<SpotCheckRow>>(this.keyedBy('sc.producer_id', true), (r) => r.key);

  private readonly byWarningLoader = grouped<number, Keyed<SpotCheckRow>>(
    (ids) =>
      this.db.query(
        `SELECT ${spotCheckColumns(this.viewer)}, wsc.consumer_warning_id AS key FROM warning_spot_check wsc
         JOIN ${spotCheckFrom('$2')} ON sc.id = wsc.spot_check_id
         WHERE wsc.consumer_warning_id = ANY($1) AND ${spotCheckVisible(this.viewer)} ORDER BY sc.report_date DESC`,
        [ids, this.today],
      ),
    (r) => r.key,
  );

  private readonly eventsLoader = grouped<number, CaseEventRow>(
    async (ids) => {
      const rows = await this.db.query<Omit<CaseEventRow, 'label'>>(
        `SELECT spot_check_id AS "spotCheckId", kind, occurred_on AS "occurredOn", outcome, note
           FROM case_event WHERE spot_check_id = ANY($1) ORDER BY spot_check_id, occurred_on, id`,
        [ids],
      );
      return rows.map((r) => ({ ...r, label: CaseEventKind.label(r.kind as CaseEventKind) }));
    },
    (r) => r.spotCheckId,
  );

  private readonly deadlinesLoader = grouped<number, CaseDeadlineRow>(
    (ids) =>
      this.db.query(
        `SELECT spot_check_id AS "spotCheckId", step, article, starts_on AS "startsOn", starts_on_estimated AS estimated, days, due_on AS "dueOn",
           calendar_missing AS "calendarMissing", latest_due_on AS "latestDueOn", met_on AS "metOn", can_be_overdue AS "canBeOverdue"
         FROM case_deadline WHERE spot_check_id = ANY($1) ORDER BY spot_check_id, starts_on, id`,
        [ids],
      ),
    (r) => r.spotCheckId,
  );

  /** key "id|YYYY-MM-DD" */
  private readonly periodLoader = single<string, CasePeriodRow>(
    (keys) => {
      const ids = keys.map((k) => Number(k.split('|')[0]));
      const dates = keys.map((k) => k.split('|')[1]);
      return this.db.query(
        `SELECT q.id || '|' || q.d AS key, cp.status, cp.valid_from AS "validFrom", cp.effective_conclusion AS "effectiveConclusion",
                ${statusSince('cp')} AS "statusSince"
           FROM unnest($1::int[], $2::date[]) AS q(id, d)
           JOIN case_period cp ON cp.spot_check_id = q.id AND cp.valid_from <= q.d AND (cp.valid_until IS NULL OR cp.valid_until > q.d)`,
        [ids, dates],
      );
    },
    (r) => r.key,
  );

  /** A result by its ID: a published one, or the correction of a withdrawn one (any, for the bureau). */
  byId(id: number): Promise<SpotCheckRow | null> {
    return this.byIdLoader.load(id);
  }

  /** Its certified item's results, where they may name the producer (newest first). */
  byCertifiedItem(certifiedItemId: number): Promise<SpotCheckRow[]> {
    return this.byCertifiedItemLoader.load(certifiedItemId);
  }

  /** The results where the enterprise is the nominal producer and that may name it (newest first). */
  byProducer(enterpriseId: number): Promise<SpotCheckRow[]> {
    return this.byProducerLoader.load(enterpriseId);
  }

  /** The published results a consumer warning cites. */
  byWarning(warningId: number): Promise<SpotCheckRow[]> {
    return this.byWarningLoader.load(warningId);
  }

  events(spotCheckId: number): Promise<CaseEventRow[]> {
    return this.eventsLoader.load(spotCheckId);
  }

  deadlines(spotCheckId: number): Promise<CaseDeadlineRow[]> {
    return this.deadlinesLoader.load(spotCheckId);
  }

  /** The case period containing `date` (case state, written by case-state.service.ts). */
  period(spotCheckId: number, date: string): Promise<CasePeriodRow | null> {
    return this.periodLoader.load(`${spotCheckId}|${date}`);
  }
}

/** The longest list of results (and of a result's rows) one object holds: what a nested list is priced at (graphql/list-sizes.ts). */
export interface ResultListMaxima {
  /** Enterprise.spotChecks */
  perProducer: number;
  /** CertifiedItem.spotChecks */
  perCertifiedItem: number;
  /** ConsumerWarning.spotChecks */
  perWarning: number;
  /** SpotCheck.nonconformingItems, events, deadlines, warnings */
  nonconformingItems: number;
  events: number;
  deadlines: number;
  warnings: number;
}

/**
 * The maxima of ResultListMaxima as of `today`, over the results the public may look up (published,
 * or a correction's permalink): every answer reports its cost, so a maximum must not count what
 * the public may not see. A bureau token sees more and is priced the same (a trusted client).
 */
export async function countResultListMaxima(db: Queryable, today: string): Promise<ResultListMaxima> {
  const [row] = await db.query<ResultListMaxima>(
    `WITH visible AS MATERIALIZED (SELECT sc.id, sc.producer_id, sc.certified_item_id, ${SC_IDENTITY_PUBLIC} AS named
       FROM ${spotCheckFrom('$1')} WHERE ${spotCheckVisible(ANONYMOUS, 'lookup')})
    SELECT
      ${longest('visible WHERE named AND producer_id IS NOT NULL', 'producer_id')} AS "perProducer",
      ${longest('visible WHERE named AND certified_item_id IS NOT NULL', 'certified_item_id')} AS "perCertifiedItem",
      ${longest('warning_spot_check w JOIN visible v ON v.id = w.spot_check_id', 'w.consumer_warning_id')} AS "perWarning",
      ${longest('nonconforming_item x JOIN visible v ON v.id = x.spot_check_id', 'x.spot_check_id')} AS "nonconformingItems",
      ${longest('case_event x JOIN visible v ON v.id = x.spot_check_id', 'x.spot_check_id')} AS events,
      ${longest('case_deadline x JOIN visible v ON v.id = x.spot_check_id', 'x.spot_check_id')} AS deadlines,
      ${longest('warning_spot_check x JOIN visible v ON v.id = x.spot_check_id', 'x.spot_check_id')} AS warnings`,
    [today],
  );
  return row;
}
