import {
  SUPERVISION_CHECK_TYPES,
  compareDates,
  queryable,
  type CaseEventKind,
  type CheckType,
  type Conclusion,
  type Database,
  type PlainDate,
  type Queryable,
} from '@hub/db';
import { caseTimeline, type CaseEvent, type CaseTimeline } from '../rules/case-timeline.ts';
import { consecutiveFailuresAround, type CountableResult } from '../rules/consecutive.ts';
import { disclosure } from '../rules/disclosure.ts';
import { finalOnRecord, statusOnRecord } from '../rules/finality.ts';
import type { WorkCalendar } from '../rules/calendar.ts';
import { loadWorkCalendar } from './calendar.store.ts';

/**
 * Keeps case_period and case_deadline in step with the records: the pure rules (api/src/rules)
 * applied to each spot check, its events and the calendar, written as date ranges so the API
 * answers "status on date D" and "what the public sees today" with an index.
 *
 * Choices: a 合格 result without events is one open period (passed, counted, not listed —
 * 003 Art. 27) written set-based; its only deadline (delivery, Art. 5) is not stored. The
 * consecutive-failure identity (Art. 27(4)5) is evaluated on every day the case or a member of
 * its group changes, so it becomes public on the day the run is complete (the second failure
 * final) and not before, whatever the day of publishing (api/src/rules/README.md "Consecutive").
 */

interface CaseRow {
  id: number;
  reportNo: string;
  reportDate: PlainDate;
  sampledOn: PlainDate | null;
  conclusion: Conclusion;
  checkType: CheckType;
  groupKey: string;
  /** the batch that introduced or last changed the result states its results are final (结果公告) */
  batchFinal?: boolean;
}

export interface RefreshResult {
  cases: number;
  periods: number;
  deadlines: number;
}

const GROUP_KEY = `coalesce('item:' || sc.certified_item_id, 'producer:' || sc.producer_id || ':' || sc.product_name)`;

/**
 * Recomputes the cases of the given spot checks (all when omitted), and of every result in the
 * same consecutive-failure group. Run inside the publishing transaction. What it writes does
 * not depend on the day it runs: every date-dependent answer is a date range (the third
 * argument, the day of publishing, is accepted for callers and changes nothing).
 */
export async function refreshCaseState(database: Database, spotCheckIds?: readonly number[], _today?: PlainDate): Promise<RefreshResult> {
  const db = queryable(database);
  const calendar = await loadWorkCalendar(db);
  const scope = spotCheckIds ? `sc.id = ANY($1) OR ${GROUP_KEY} IN (SELECT ${GROUP_KEY} FROM spot_check sc WHERE sc.id = ANY($1))` : 'true';
  const params = spotCheckIds ? [spotCheckIds] : [];

  // passes without any event: one statement, writing the one period the rules give them. That
  // period depends on nothing but the result itself (not on its consecutive-failure group), so
  // only the given results are rewritten, not every pass of their groups. The statement touches
  // none of the rows the failures below read or write: it is sent once they are read, and the
  // database runs it while the rules are evaluated here (awaited before the failures are written).
  const pass = passPeriod(calendar);
  const passScope = spotCheckIds ? 'sc.id = ANY($1)' : 'true';
  const $ = (n: number) => `$${params.length + n}`;
  const writePasses = () =>
    db
      .query<{ n: number }>(
        `WITH target AS (SELECT sc.id, sc.report_date FROM spot_check sc
           WHERE (${passScope}) AND sc.conclusion = 'pass' AND NOT EXISTS (SELECT 1 FROM case_event e WHERE e.spot_check_id = sc.id)),
         cleared AS (DELETE FROM case_period p USING target t WHERE p.spot_check_id = t.id),
         cleared2 AS (DELETE FROM case_deadline d USING target t WHERE d.spot_check_id = t.id),
         written AS (
           INSERT INTO case_period (spot_check_id, valid_from, valid_until, status, effective_conclusion, published, counted, identity_public, identity_basis, correction)
           SELECT id, report_date, NULL, ${$(1)}::text, ${$(2)}::text, ${$(3)}::bool, ${$(4)}::bool, ${$(5)}::bool, ${$(6)}::text, ${$(7)}::bool FROM target
           RETURNING 1)
         SELECT count(*)::int AS n FROM written`,
        [
          ...params,
          pass.status,
          pass.effectiveConclusion,
          pass.published,
          pass.counted,
          pass.identityPublic,
          pass.identityBasis,
          pass.correction,
        ],
      )
      .then(([row]) => row.n);

  const cases = await db.query<CaseRow>(
    `SELECT sc.id, sc.report_no AS "reportNo", to_char(sc.report_date, 'YYYY-MM-DD') AS "reportDate",
       to_char(sc.sampled_on, 'YYYY-MM-DD') AS "sampledOn", sc.conclusion, sc.check_type AS "checkType", ${GROUP_KEY} AS "groupKey",
       coalesce((SELECT bool_or(b.final) FROM batch b WHERE b.id IN (sc.batch_id, sc.last_batch_id)), false) AS "batchFinal"
     FROM spot_check sc
     WHERE (${scope}) AND (sc.conclusion = 'fail' OR EXISTS (SELECT 1 FROM case_event e WHERE e.spot_check_id = sc.id))`,
    params,
  );
  if (cases.length === 0) {
    const passes = await writePasses();
    await statisticsOutdated(db);
    return { cases: passes, periods: passes, deadlines: 0 };
  }

  const ids = cases.map((c) => c.id);
  const eventRows = await db.query<CaseEvent & { spotCheckId: number }>(
    `SELECT spot_check_id AS "spotCheckId", kind, to_char(occurred_on, 'YYYY-MM-DD') AS "occurredOn", outcome
     FROM case_event WHERE spot_check_id = ANY($1) ORDER BY occurred_on, id`,
    [ids],
  );
  const eventsOf = new Map<number, CaseEvent[]>();
  for (const e of eventRows) {
    if (!eventsOf.has(e.spotCheckId)) eventsOf.set(e.spotCheckId, []);
    eventsOf.get(e.spotCheckId)!.push({ kind: e.kind as CaseEventKind, occurredOn: e.occurredOn, outcome: e.outcome });
  }

  // the consecutive-failure groups (supervision checks only, 003 Art. 27(4)5): every member of
  // a case's group, as it stood on any date — a pass without events exists from its report date
  const groupPasses = await db.query<{ groupKey: string; reportNo: string; sampledOn: string | null; reportDate: string }>(
    `SELECT ${GROUP_KEY} AS "groupKey", sc.report_no AS "reportNo", to_char(sc.sampled_on, 'YYYY-MM-DD') AS "sampledOn",
       to_char(sc.report_date, 'YYYY-MM-DD') AS "reportDate"
     FROM spot_check sc WHERE ${GROUP_KEY} = ANY($1) AND sc.conclusion = 'pass' AND sc.check_type = ANY($2)
       AND NOT EXISTS (SELECT 1 FROM case_event e WHERE e.spot_check_id = sc.id)`,
    [[...new Set(cases.map((c) => c.groupKey))], SUPERVISION_CHECK_TYPES],
  );
  const groups = new Map<string, GroupMember[]>();
  const add = (key: string, m: GroupMember) => {
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(m);
  };
  for (const p of groupPasses) add(p.groupKey, { reportNo: p.reportNo, sampledOn: p.sampledOn, reportDate: p.reportDate });
  const passesWritten = writePasses();
  // handled when awaited below; until then a failure must not count as unhandled
  passesWritten.catch(() => undefined);
  const memberOf = new Map<number, GroupMember>();
  for (const c of cases) {
    if (!SUPERVISION_CHECK_TYPES.includes(c.checkType)) continue;
    const m: GroupMember = { reportNo: c.reportNo, sampledOn: c.sampledOn, reportDate: c.reportDate, c, events: eventsOf.get(c.id) ?? [] };
    memberOf.set(c.id, m);
    add(c.groupKey, m);
  }
  const memo = new Map<string, CountableResult | null>();
  const countableOn = (m: GroupMember, date: PlainDate): CountableResult | null => {
    const key = `${m.reportNo}|${date}`;
    if (memo.has(key)) return memo.get(key)!;
    let r: CountableResult | null = null;
    if (compareDates(m.reportDate, date) <= 0) {
      if (!m.c) r = { ...m, effectiveConclusion: 'pass', withdrawn: false, final: true };
      else {
        const t = timelineAt(m.c, m.events!, date, calendar);
        // a failure final only on an estimate (no 送达 on record, no 结果公告) completes no run
        const onRecord = finalOnRecord({ conclusion: m.c.conclusion, events: m.events!, batchFinal: !!m.c.batchFinal });
        r = { ...m, effectiveConclusion: t.effectiveConclusion, withdrawn: t.withdrawal !== null, final: t.final && onRecord };
      }
    }
    memo.set(key, r);
    return r;
  };

  const periods: PeriodRow[] = [];
  const deadlines: DeadlineRow[] = [];
  for (const c of cases) {
    const events = eventsOf.get(c.id) ?? [];
    const mine = memberOf.get(c.id);
    const group = mine ? groups.get(c.groupKey)! : [];
    // the run can complete or break on any day a member of the group changes: those days bound periods too
    const groupDays = mine && group.length > 1 ? group.flatMap((m) => memberDays(m, calendar)) : [];
    const consecutiveOn = (date: PlainDate): boolean => {
      if (!mine) return false;
      const target = countableOn(mine, date);
      if (!target) return false;
      const members = group.map((m) => (m === mine ? target : countableOn(m, date))).filter((m): m is CountableResult => m !== null);
      return consecutiveFailuresAround(members, target).consecutive;
    };
    periods.push(...casePeriods(c, events, consecutiveOn, calendar, groupDays));
    // deadlines as the records show them once every recorded event is known; the API decides
    // for the date asked what was met and what was overdue (rules/overdue.ts), so the stored
    // rows do not depend on the day of publishing
    const eventually = timelineAt(c, events, FOREVER, calendar);
    for (const d of eventually.deadlines) {
      const canBeOverdue = stepCanBeOverdue(d);
      deadlines.push({
        id: c.id,
        step: d.step,
        article: d.article,
        startsOn: d.startsOn,
        startsOnEstimated: d.startsOnEstimated,
        days: d.days,
        dueOn: d.dueOn,
        calendarMissing: d.calendarMissing,
        latestDueOn: d.latestDueOn,
        metOn: d.metOn,
        canBeOverdue,
      });
    }
  }

  const passes = await passesWritten;
  await db.execute('DELETE FROM case_period WHERE spot_check_id = ANY($1)', [ids]);
  await db.execute('DELETE FROM case_deadline WHERE spot_check_id = ANY($1)', [ids]);
  for (let i = 0; i < periods.length; i += 10_000) await insertPeriods(db, periods.slice(i, i + 10_000));
  for (let i = 0; i < deadlines.length; i += 10_000) await insertDeadlines(db, deadlines.slice(i, i + 10_000));
  await statisticsOutdated(db);
  return { cases: cases.length + passes, periods: passes + periods.length, deadlines: deadlines.length };
}

/**
 * The statistics aggregate (api/src/stats/stats-aggregate.ts) counts case periods: once they are
 * rewritten it no longer holds, so it is marked not built and statistics are full counts (exact)
 * until `refreshStatistics` rebuilds it — which publish, the day boundary and the calendar import
 * do right after this, in the same transaction; a process start does it for any other writer
 * (`pnpm hub sample`, a restore).
 */
async function statisticsOutdated(db: Queryable): Promise<void> {
  await db.execute('UPDATE stats_aggregate SET as_of = NULL WHERE id = 1');
}

/**
 * What the rules say of a 合格 result without events: one open period from its report date
 * (passed, counted, not listed — 003 Art. 27), the same whatever the date, so it is computed once
 * and written for all of them in one statement.
 */
function passPeriod(calendar: WorkCalendar): PeriodRow {
  const anyPass: CaseRow = {
    id: 0,
    reportNo: '',
    reportDate: '2026-01-05',
    sampledOn: null,
    conclusion: 'pass',
    checkType: 'provincial',
    groupKey: '',
  };
  const [period, ...more] = casePeriods(anyPass, [], () => false, calendar);
  if (more.length > 0 || period.until !== null) throw new Error('the rules give a 合格 result without events more than one period');
  return period;
}

/** A member of a consecutive-failure group: a case (with its events), or a pass without events (c absent). */
interface GroupMember {
  reportNo: string;
  sampledOn: PlainDate | null;
  reportDate: PlainDate;
  c?: CaseRow;
  events?: CaseEvent[];
}

/**
 * Whether a step can be shown overdue: a duty whose missing record means it was not done once
 * due. Not the testing agency's delivery (003 Art. 5): the hub learns of a delivery only from
 * the bureau's follow-up records, so a delivery that is not recorded is 未记录 (unknown), never
 * 已逾期 — an unrecorded step is not a public accusation. A delivery recorded late is.
 */
export function stepCanBeOverdue(d: {
  step: string;
  overdue: boolean;
  metLate: boolean;
  metBy: string | null;
  metOn: PlainDate | null;
}): boolean {
  if (d.step === 'delivery') return d.metOn !== null && d.metLate;
  return d.overdue || (d.metLate && d.metBy !== null);
}

/** Far enough ahead that every recorded event is known. */
const FOREVER: PlainDate = '2999-12-31';

/** The days a group member can start or stop counting for the run: its report date and its status changes. */
function memberDays(m: GroupMember, calendar: WorkCalendar): PlainDate[] {
  if (!m.c) return [m.reportDate];
  const t = caseTimeline({ reportDate: m.c.reportDate, conclusion: m.c.conclusion, events: m.events! }, m.c.reportDate, calendar);
  return [m.reportDate, ...t.statusPeriods.map((p) => p.from)];
}

function timelineAt(c: CaseRow, events: readonly CaseEvent[], date: PlainDate, calendar: WorkCalendar): CaseTimeline {
  const asOf = compareDates(date, c.reportDate) < 0 ? c.reportDate : date;
  return caseTimeline({ reportDate: c.reportDate, conclusion: c.conclusion, events }, asOf, calendar);
}

interface PeriodRow {
  id: number;
  from: PlainDate;
  until: PlainDate | null;
  status: string;
  effectiveConclusion: Conclusion | null;
  published: boolean;
  counted: boolean;
  identityPublic: boolean;
  identityBasis: string;
  correction: boolean;
}

/**
 * The case's periods: the rules evaluated at every date where something can change — each
 * status period's start and each event — merged where nothing differs.
 */
export function casePeriods(
  c: CaseRow,
  events: readonly CaseEvent[],
  consecutiveOn: (date: PlainDate) => boolean,
  calendar: WorkCalendar,
  groupDays: readonly PlainDate[] = [],
): PeriodRow[] {
  const base = caseTimeline({ reportDate: c.reportDate, conclusion: c.conclusion, events }, c.reportDate, calendar);
  const boundaries = new Set<PlainDate>([c.reportDate, ...base.statusPeriods.map((p) => p.from)]);
  for (const e of events) if (compareDates(e.occurredOn, c.reportDate) >= 0) boundaries.add(e.occurredOn);
  for (const day of groupDays) if (compareDates(day, c.reportDate) > 0) boundaries.add(day);
  const dates = [...boundaries].sort(compareDates);

  const rows: PeriodRow[] = [];
  let publishedBefore = false;
  // 003 Art. 7, 26: without a recorded 送达 a failure is listed only on the bureau's 结果公告
  const onRecord = finalOnRecord({ conclusion: c.conclusion, events, batchFinal: !!c.batchFinal });
  for (const date of dates) {
    const t = caseTimeline({ reportDate: c.reportDate, conclusion: c.conclusion, events }, date, calendar);
    const d = disclosure({
      timeline: t,
      events,
      consecutiveFailure: consecutiveOn(date),
      batchPublished: onRecord,
      previouslyPublishedAsFailure: publishedBefore,
    });
    publishedBefore ||= d.published;
    const row: PeriodRow = {
      id: c.id,
      from: date,
      until: null,
      status: statusOnRecord(t.status, onRecord),
      effectiveConclusion: t.effectiveConclusion,
      published: d.published,
      counted: d.inAggregates,
      identityPublic: d.producerIdentityPublic,
      identityBasis: d.identityBasis,
      correction: d.correction.required,
    };
    const last = rows.at(-1);
    if (last && same(last, row)) continue;
    if (last) last.until = date;
    rows.push(row);
  }
  return rows;
}

const same = (a: PeriodRow, b: PeriodRow) =>
  a.status === b.status &&
  a.effectiveConclusion === b.effectiveConclusion &&
  a.published === b.published &&
  a.counted === b.counted &&
  a.identityPublic === b.identityPublic &&
  a.identityBasis === b.identityBasis &&
  a.correction === b.correction;

async function insertPeriods(db: Queryable, rows: PeriodRow[]) {
  if (!rows.length) return;
  await db.execute(
    `INSERT INTO case_period (spot_check_id, valid_from, valid_until, status, effective_conclusion, published, counted, identity_public, identity_basis, correction)
     SELECT * FROM unnest($1::int[], $2::date[], $3::date[], $4::text[], $5::text[], $6::bool[], $7::bool[], $8::bool[], $9::text[], $10::bool[])`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.from),
      rows.map((r) => r.until),
      rows.map((r) => r.status),
      rows.map((r) => r.effectiveConclusion),
      rows.map((r) => r.published),
      rows.map((r) => r.counted),
      rows.map((r) => r.identityPublic),
      rows.map((r) => r.identityBasis),
      rows.map((r) => r.correction),
    ],
  );
}

interface DeadlineRow {
  id: number;
  step: string;
  article: string;
  startsOn: PlainDate;
  /** startsOn is an estimate (the delivery was not recorded) */
  startsOnEstimated: boolean;
  days: number;
  dueOn: PlainDate | null;
  calendarMissing: boolean;
  /** with calendarMissing: the latest possible last day (003 Art. 34) */
  latestDueOn: PlainDate | null;
  metOn: PlainDate | null;
  canBeOverdue: boolean;
}

async function insertDeadlines(db: Queryable, rows: DeadlineRow[]) {
  if (!rows.length) return;
  await db.execute(
    `INSERT INTO case_deadline (spot_check_id, step, article, starts_on, days, due_on, calendar_missing, met_on, can_be_overdue, starts_on_estimated, latest_due_on)
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::date[], $5::int[], $6::date[], $7::bool[], $8::date[], $9::bool[], $10::bool[], $11::date[])`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.step),
      rows.map((r) => r.article),
      rows.map((r) => r.startsOn),
      rows.map((r) => r.days),
      rows.map((r) => r.dueOn),
      rows.map((r) => r.calendarMissing),
      rows.map((r) => r.metOn),
      rows.map((r) => r.canBeOverdue),
      rows.map((r) => r.startsOnEstimated),
      rows.map((r) => r.latestDueOn),
    ],
  );
}
