/**
 * What follows a spot-check result (003 Art. 5–25): the deadlines, the effective conclusion and
 * the case status on any date, from the result and the events recorded after it.
 *
 * Readings and choices (see also README.md):
 * - Missing events mean "not yet", never an error. Events are read as of a date D: only those
 *   that occurred on or before D count, except the one estimate below.
 * - No 送达 (delivery) recorded at all: Art. 5 obliges the testing agency to deliver within 7 days
 *   of the report date, so the objection window is counted from that latest lawful delivery day
 *   (`startsOnEstimated`): the producer gets the longest window a lawful delivery allows. Until
 *   that day the case is `awaiting_delivery`. When a delivery is recorded, its date is used,
 *   even if it came late (the case then stays `awaiting_delivery` until it).
 * - The objection window (Art. 7) closing without an objection makes a 不合格 result final.
 *   A filing after the window closed is deemed no objection (逾期未提交的，视为无异议) and does not
 *   stop finality; a decision the bureau nevertheless recorded on it is followed from its date.
 * - A rejected objection, or an upheld sample-authenticity objection (Art. 15), keeps the
 *   conclusion; it becomes final once the objection period has also ended (Art. 16 transfers
 *   only "在异议处理申请期届满后").
 * - Re-test ordered (Art. 9): the applicant has 7 days from the decision to confirm the retained
 *   sample. Missing them ends the re-test and keeps the original conclusion (Art. 10(2)); a later
 *   confirmation is ignored. A re-test result replaces the original conclusion and is final
 *   (Art. 11), whether or not the earlier steps were recorded.
 * - An upheld objection on sampling, method or standard withdraws the conclusion (Art. 13–14):
 *   the case ends `withdrawn`; follow-up records after it are ignored (noted), as they are after
 *   a passing re-test.
 * - Follow-up records (transfer, correction order, re-check) show the result was treated as final:
 *   the most advanced one recorded gives the status, even if earlier steps are missing or the
 *   computed objection window had not closed. An unresolved objection (under objection, re-test
 *   pending) still wins over them: it is not a final result and must not be published as one.
 * - A deadline whose day cannot be computed (calendar missing, Art. 34) never passes: the status
 *   waits (e.g. stays `objection_window`) rather than guessing. Recompute when the calendar grows.
 * - A 合格 result is `passed` from its report date; only the delivery deadline (Art. 5) applies.
 */
import {
  Conclusion,
  ObjectionGround,
  ObjectionOutcome,
  type CaseEventKind,
} from '../../../db/src/vocabulary.ts';
import { periodEnd, type PeriodEnd, type WorkCalendar } from './calendar.ts';
import { addDays, compareDates, isPlainDate, type PlainDate } from '@hub/db/plain-date';

// ---------------------------------------------------------------------------------------------
// Input and output

export interface CaseEvent {
  kind: CaseEventKind;
  /** the day the document was received (IMPORT-FORMATS.md, follow-ups) */
  occurredOn: PlainDate;
  /**
   * objection_filed: an ObjectionGround; objection_decided: an ObjectionOutcome;
   * retest_result / recheck_result: a Conclusion; disclosure_situation: a DisclosureSituation
   */
  outcome?: string | null;
}

export interface CaseInput {
  reportDate: PlainDate;
  conclusion: Conclusion;
  events: readonly CaseEvent[];
}

export const CASE_STATUSES = [
  'passed',
  'awaiting_delivery',
  'objection_window',
  'under_objection',
  'retest_pending',
  'final',
  'withdrawn',
  'transferred',
  'rectification_due',
  'rectification_overdue',
  'recheck_pending',
  'closed_recheck_passed',
  'closed_recheck_failed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
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

/** Statuses in which the result is not (yet) final: never published as a failure (Art. 26–27). */
export const PENDING_STATUSES: ReadonlySet<CaseStatus> = new Set(['awaiting_delivery', 'objection_window', 'under_objection', 'retest_pending']);

/** Statuses of a final 不合格 result: at or after finality (Art. 7, 10, 11, 16). */
export const FINAL_FAILURE_STATUSES: ReadonlySet<CaseStatus> = new Set([
  'final',
  'transferred',
  'rectification_due',
  'rectification_overdue',
  'recheck_pending',
  'closed_recheck_passed',
  'closed_recheck_failed',
]);

export type DeadlineStep =
  | 'delivery'
  | 'objection'
  | 'retest_sample_confirmation'
  | 'correction_order'
  | 'rectification'
  | 'recheck'
  | 'outcome_report';

export interface Deadline {
  step: DeadlineStep;
  /** e.g. '003 Art. 17' */
  article: string;
  /** the day the period is counted from (not itself counted, Art. 34) */
  startsOn: PlainDate;
  /** true when startsOn is the estimated delivery day (no delivery recorded) */
  startsOnEstimated: boolean;
  days: number;
  /** after Art. 34's move; null when the calendar for a day it needs is missing */
  dueOn: PlainDate | null;
  nominalDueOn: PlainDate;
  calendarMissing: boolean;
  /** the event kind that meets this deadline; null when the records carry no event for it */
  metBy: CaseEventKind | null;
  /** the date of the event that met it, as of asOf */
  metOn: PlainDate | null;
  /** met, but after dueOn */
  metLate: boolean;
  /** not met by dueOn and still not met (nor shown by a later step) as of asOf */
  overdue: boolean;
  note?: string;
}

export interface StatusPeriod {
  status: CaseStatus;
  from: PlainDate;
  /** exclusive: the day the next period starts (from ≤ D < until); null = open-ended */
  until: PlainDate | null;
}

export interface Withdrawal {
  on: PlainDate;
  ground: ObjectionGround | null;
  article: string;
}

export interface CaseTimeline {
  asOf: PlainDate;
  status: CaseStatus;
  statusReason: string;
  deadlines: Deadline[];
  originalConclusion: Conclusion;
  /** null when the conclusion was withdrawn (Art. 13–14) */
  effectiveConclusion: Conclusion | null;
  conclusionReason: string;
  /** the result is final as of asOf: a pass, or a final 不合格 (FINAL_FAILURE_STATUSES) */
  final: boolean;
  /** the first day of the current run of final statuses; null when not final */
  finalSince: PlainDate | null;
  withdrawal: Withdrawal | null;
  /** a sample-authenticity objection was upheld: the nominal producer is not published (Art. 15) */
  producerIdentityWithheld: boolean;
  /** the objection's ground, from the first objection filed */
  objectionGround: ObjectionGround | null;
  /**
   * Consecutive periods from the report date. Independent of asOf: the recorded history plus the
   * known deadlines projected forward assuming no further events, so a database can store them
   * and recompute only when an event or the calendar changes.
   */
  statusPeriods: StatusPeriod[];
  /** anomalies in the records and the estimates used, as of asOf */
  notes: string[];
}

// ---------------------------------------------------------------------------------------------
// The timeline

const ARTICLE = {
  delivery: '003 Art. 5',
  objection: '003 Art. 7',
  retest_sample_confirmation: '003 Art. 9–10',
  correction_order: '003 Art. 17',
  rectification: '003 Art. 17, 20',
  recheck: '003 Art. 21',
  outcome_report: '003 Art. 25',
} as const satisfies Record<DeadlineStep, string>;

const DAYS = {
  delivery: 7, // 003 Art. 5: 出具检验报告之日起7日内 送交
  objection: 15, // 003 Art. 7: 收到通知单之日起15日内 提出异议
  retest_sample_confirmation: 7, // 003 Art. 9: 收到异议申请结果通知书7日内 确认复检样品
  correction_order: 15, // 003 Art. 17: 收到移送处理通知书之日起15日内 下达责令改正通知书
  rectification: 60, // 003 Art. 17, 20: 接到改正通知书之日起60日内 完成整改、申请复查
  recheck: 15, // 003 Art. 21: 接到复查申请之日起15日内 组织整改复查
  outcome_report: 10, // 003 Art. 25: 整改复查后10日内 报送处理结果
} as const satisfies Record<DeadlineStep, number>;

const FOLLOW_UP_KINDS: readonly CaseEventKind[] = ['transferred', 'correction_ordered', 'recheck_applied', 'recheck_result'];

/** The case as of `asOf`: status, deadlines, effective conclusion and the status periods. */
export function caseTimeline(input: CaseInput, asOf: PlainDate, calendar: WorkCalendar): CaseTimeline {
  if (!isPlainDate(input.reportDate)) throw new RangeError(`reportDate ${JSON.stringify(input.reportDate)} is not a valid date`);
  if (!isPlainDate(asOf)) throw new RangeError(`asOf ${JSON.stringify(asOf)} is not a valid date`);
  if (compareDates(asOf, input.reportDate) < 0) {
    throw new RangeError(`asOf ${asOf} precedes the report date ${input.reportDate}: the case does not exist yet`);
  }
  const record = readRecord(input, calendar);
  const current = statusOn(record, asOf);
  const statusPeriods = periodsOf(record);
  const finalNow = current.status === 'passed' || FINAL_FAILURE_STATUSES.has(current.status);
  const withdrawal = withdrawalOn(record, asOf);
  const conclusion = effectiveConclusionOn(record, asOf, current.status);
  return {
    asOf,
    status: current.status,
    statusReason: current.reason,
    deadlines: deadlinesOn(record, asOf, current.status),
    originalConclusion: input.conclusion,
    effectiveConclusion: conclusion.conclusion,
    conclusionReason: conclusion.reason,
    final: finalNow,
    finalSince: finalNow ? finalSince(statusPeriods, asOf) : null,
    withdrawal,
    producerIdentityWithheld: identityWithheldOn(record, asOf),
    objectionGround: objectionGroundOn(record, asOf),
    statusPeriods,
    notes: notesOn(record, asOf),
  };
}

// ---------------------------------------------------------------------------------------------
// The record, read once

interface RecordedEvent {
  kind: CaseEventKind;
  /** occurredOn, or the report date for an event dated before it */
  on: PlainDate;
  occurredOn: PlainDate;
  /** the outcome code; null when missing or not one of the kind's codes */
  outcome: string | null;
  /** the outcome as recorded, when it is not one of the kind's codes */
  unrecognisedOutcome: string | null;
  /** a decision or result without a readable outcome tells nothing: ignored (an objection without a readable ground still counts) */
  ignored: boolean;
}

interface CaseRecord {
  input: CaseInput;
  calendar: WorkCalendar;
  events: RecordedEvent[];
  invalidDates: string[];
  /** 003 Art. 5 */
  deliveryDeadline: PeriodEnd;
  /** the first recorded delivery, whatever its date; undefined = none recorded */
  recordedDelivery: RecordedEvent | undefined;
  /** the day the objection window counts from: recorded, or estimated as the delivery deadline */
  objectionStartsOn: PlainDate | null;
  objectionStartsOnEstimated: boolean;
  /** 003 Art. 7, null when its start is unknown (calendar missing) */
  objectionWindow: PeriodEnd | null;
}

const OUTCOME_CODES: Partial<Record<CaseEventKind, readonly string[]>> = {
  objection_filed: ObjectionGround.codes,
  objection_decided: ObjectionOutcome.codes,
  retest_result: Conclusion.codes,
  recheck_result: Conclusion.codes,
};
const OUTCOME_REQUIRED: readonly CaseEventKind[] = ['objection_decided', 'retest_result', 'recheck_result'];

function readRecord(input: CaseInput, calendar: WorkCalendar): CaseRecord {
  const invalidDates: string[] = [];
  const events: RecordedEvent[] = [];
  for (const event of input.events) {
    if (!isPlainDate(event.occurredOn)) {
      invalidDates.push(`${event.kind} dated ${JSON.stringify(event.occurredOn)} is ignored: not a valid date`);
      continue;
    }
    const codes = OUTCOME_CODES[event.kind];
    const recorded = event.outcome ?? null;
    const readable = codes === undefined || (recorded !== null && codes.includes(recorded));
    events.push({
      kind: event.kind,
      on: compareDates(event.occurredOn, input.reportDate) < 0 ? input.reportDate : event.occurredOn,
      occurredOn: event.occurredOn,
      outcome: readable ? recorded : null,
      unrecognisedOutcome: readable ? null : recorded,
      ignored: !readable && OUTCOME_REQUIRED.includes(event.kind),
    });
  }
  // Stable: events of one day keep their input order.
  events.sort((a, b) => compareDates(a.on, b.on));

  const deliveryDeadline = periodEnd(input.reportDate, DAYS.delivery, calendar);
  const recordedDelivery = events.find((e) => e.kind === 'delivered');
  const objectionStartsOn = recordedDelivery ? recordedDelivery.on : deliveryDeadline.dueOn;
  return {
    input,
    calendar,
    events,
    invalidDates,
    deliveryDeadline,
    recordedDelivery,
    objectionStartsOn,
    objectionStartsOnEstimated: recordedDelivery === undefined,
    objectionWindow: objectionStartsOn ? periodEnd(objectionStartsOn, DAYS.objection, calendar) : null,
  };
}

/** Events of `kind` that occurred on or before `date`, in date order (ignored ones left out). */
function eventsBy(record: CaseRecord, kind: CaseEventKind, date: PlainDate): RecordedEvent[] {
  return record.events.filter((e) => e.kind === kind && !e.ignored && compareDates(e.on, date) <= 0);
}
const firstBy = (record: CaseRecord, kind: CaseEventKind, date: PlainDate) => eventsBy(record, kind, date)[0];
const lastBy = (record: CaseRecord, kind: CaseEventKind, date: PlainDate) => eventsBy(record, kind, date).at(-1);

/** D is after the last day of the period (a period whose day is unknown never passes). */
function hasPassed(period: PeriodEnd | null, date: PlainDate): boolean {
  return period?.dueOn != null && compareDates(date, period.dueOn) > 0;
}

// ---------------------------------------------------------------------------------------------
// Status on a date

interface StatusWithReason {
  status: CaseStatus;
  reason: string;
}

function statusOn(record: CaseRecord, date: PlainDate): StatusWithReason {
  if (record.input.conclusion === 'pass') {
    return { status: 'passed', reason: 'the result is 合格: no objection, transfer or rectification follows' };
  }
  const result = resultStageOn(record, date);
  // A withdrawn conclusion or a passing re-test leaves nothing to follow up (Art. 11, 13–14).
  if (result.status === 'withdrawn' || result.status === 'passed') return result;
  // An unresolved objection is not a final result, whatever follow-up was recorded (Art. 16).
  if (result.status === 'under_objection' || result.status === 'retest_pending') return result;
  return followUpStageOn(record, date) ?? result;
}

/** The result itself: delivery, objection window, objection, re-test (003 Art. 5–15). */
function resultStageOn(record: CaseRecord, date: PlainDate): StatusWithReason {
  // 003 Art. 11: 复检结论为最终结论.
  const retestResult = lastBy(record, 'retest_result', date);
  if (retestResult) {
    return retestResult.outcome === 'pass'
      ? { status: 'passed', reason: `the re-test of ${retestResult.on} found the product 合格; the re-test conclusion is final (003 Art. 11)` }
      : { status: 'final', reason: `the re-test of ${retestResult.on} confirmed 不合格; the re-test conclusion is final (003 Art. 11)` };
  }

  const decision = lastBy(record, 'objection_decided', date);
  if (decision) {
    const outcome = decision.outcome as ObjectionOutcome;
    if (outcome === 'withdrawn') {
      const withdrawal = withdrawalOn(record, date)!;
      return { status: 'withdrawn', reason: `the objection was upheld on ${decision.on}: the conclusion is withdrawn (${withdrawal.article})` };
    }
    if (outcome === 'retest') {
      const confirmation = retestConfirmationDeadline(record, decision);
      const confirmed = timelyConfirmation(record, decision, confirmation, date);
      if (!confirmed && hasPassed(confirmation, date)) {
        return {
          status: 'final',
          reason: `the retained sample was not confirmed by ${confirmation.dueOn}: the re-test ends and the original conclusion stands (003 Art. 10(2))`,
        };
      }
      return { status: 'retest_pending', reason: `a re-test was ordered on ${decision.on} (003 Art. 9)` };
    }
    // rejected, or sample authenticity upheld (Art. 15): the conclusion stands once the period ends.
    const kept = outcome === 'authenticity_upheld' ? 'the sample-authenticity objection was upheld: the result stands (003 Art. 15)' : 'the objection was rejected: the conclusion stands';
    if (hasPassed(record.objectionWindow, date)) {
      return { status: 'final', reason: `${kept}; the objection period ended on ${record.objectionWindow!.dueOn} (003 Art. 16)` };
    }
    return { status: 'objection_window', reason: `${kept}; the objection period runs until ${record.objectionWindow?.dueOn ?? 'a day the calendar cannot tell yet'} (003 Art. 7, 16)` };
  }

  const filing = timelyFilings(record, date)[0];
  if (filing) return { status: 'under_objection', reason: `an objection was filed on ${filing.on} (003 Art. 7)` };

  const confirmationOnly = firstBy(record, 'retest_sample_confirmed', date);
  if (confirmationOnly) return { status: 'retest_pending', reason: `a re-test sample was confirmed on ${confirmationOnly.on} (003 Art. 9)` };

  if (!deliveredBy(record, date)) {
    return record.recordedDelivery
      ? { status: 'awaiting_delivery', reason: `the result notice was received on ${record.recordedDelivery.on} (003 Art. 5)` }
      : { status: 'awaiting_delivery', reason: `the result notice is due for delivery by ${record.deliveryDeadline.dueOn ?? 'a day the calendar cannot tell yet'} (003 Art. 5)` };
  }
  const window = record.objectionWindow;
  if (!hasPassed(window, date)) {
    return { status: 'objection_window', reason: `objections may be filed until ${window?.dueOn ?? 'a day the calendar cannot tell yet'} (003 Art. 7)` };
  }
  return { status: 'final', reason: `no objection was filed by ${window!.dueOn}: 视为无异议, the result is final (003 Art. 7)` };
}

/** What the local authority recorded after a final 不合格 (003 Art. 16–24); null when nothing yet. */
function followUpStageOn(record: CaseRecord, date: PlainDate): StatusWithReason | null {
  const recheckResult = lastBy(record, 'recheck_result', date);
  if (recheckResult) {
    return recheckResult.outcome === 'pass'
      ? { status: 'closed_recheck_passed', reason: `the re-check of ${recheckResult.on} passed (003 Art. 24)` }
      : { status: 'closed_recheck_failed', reason: `the re-check of ${recheckResult.on} failed (003 Art. 24)` };
  }
  const application = firstBy(record, 'recheck_applied', date);
  if (application) return { status: 'recheck_pending', reason: `re-check applied for on ${application.on} (003 Art. 20–21)` };

  const correction = firstBy(record, 'correction_ordered', date);
  if (correction) {
    const rectification = periodEnd(correction.on, DAYS.rectification, record.calendar);
    return hasPassed(rectification, date)
      ? { status: 'rectification_overdue', reason: `no re-check application by ${rectification.dueOn}, 60 days after the correction order (003 Art. 17, 20, 24)` }
      : { status: 'rectification_due', reason: `rectification and re-check application due by ${rectification.dueOn ?? 'a day the calendar cannot tell yet'} (003 Art. 17, 20)` };
  }
  const transfer = firstBy(record, 'transferred', date);
  if (transfer) return { status: 'transferred', reason: `transferred to the local authority on ${transfer.on} (003 Art. 16)` };
  return null;
}

function deliveredBy(record: CaseRecord, date: PlainDate): boolean {
  if (record.recordedDelivery) return compareDates(record.recordedDelivery.on, date) <= 0;
  // Estimated: delivered on the last lawful day (Art. 5); the window counts from the next day.
  return hasPassed(record.deliveryDeadline, date);
}

/** Objections filed by `date` within the window (003 Art. 7: 逾期未提交的，视为无异议). */
function timelyFilings(record: CaseRecord, date: PlainDate): RecordedEvent[] {
  const dueOn = record.objectionWindow?.dueOn;
  return eventsBy(record, 'objection_filed', date).filter((e) => dueOn == null || compareDates(e.on, dueOn) <= 0);
}

function retestConfirmationDeadline(record: CaseRecord, decision: RecordedEvent): PeriodEnd {
  return periodEnd(decision.on, DAYS.retest_sample_confirmation, record.calendar);
}

/** 003 Art. 9–10: the confirmation counts when made on or after the decision and by its deadline. */
function timelyConfirmation(record: CaseRecord, decision: RecordedEvent, deadline: PeriodEnd, date: PlainDate): RecordedEvent | undefined {
  return eventsBy(record, 'retest_sample_confirmed', date).find(
    (e) => compareDates(e.on, decision.on) >= 0 && (deadline.dueOn == null || compareDates(e.on, deadline.dueOn) <= 0),
  );
}

// ---------------------------------------------------------------------------------------------
// Status periods

/**
 * The status changes only on an event's day or the day after a deadline passes, so evaluating it
 * on those days and merging equal neighbours gives exact periods.
 */
function periodsOf(record: CaseRecord): StatusPeriod[] {
  const days = new Set<PlainDate>([record.input.reportDate]);
  for (const event of record.events) days.add(event.on);
  const dayAfter = (period: PeriodEnd | null) => {
    if (period?.dueOn) days.add(addDays(period.dueOn, 1));
  };
  dayAfter(record.deliveryDeadline);
  dayAfter(record.objectionWindow);
  for (const event of record.events) {
    if (event.ignored) continue;
    if (event.kind === 'objection_decided' && event.outcome === 'retest') dayAfter(retestConfirmationDeadline(record, event));
    if (event.kind === 'correction_ordered') dayAfter(periodEnd(event.on, DAYS.rectification, record.calendar));
  }
  const periods: StatusPeriod[] = [];
  for (const day of [...days].sort(compareDates)) {
    const { status } = statusOn(record, day);
    const previous = periods.at(-1);
    if (previous?.status === status) continue;
    if (previous) previous.until = day;
    periods.push({ status, from: day, until: null });
  }
  return periods;
}

function finalSince(periods: readonly StatusPeriod[], asOf: PlainDate): PlainDate | null {
  const isFinal = (status: CaseStatus) => status === 'passed' || FINAL_FAILURE_STATUSES.has(status);
  const index = periods.findIndex((p) => compareDates(p.from, asOf) <= 0 && (p.until === null || compareDates(asOf, p.until) < 0));
  if (index < 0 || !isFinal(periods[index].status)) return null;
  let first = index;
  while (first > 0 && isFinal(periods[first - 1].status)) first--;
  return periods[first].from;
}

// ---------------------------------------------------------------------------------------------
// Conclusion, withdrawal, identity

function objectionGroundOn(record: CaseRecord, date: PlainDate): ObjectionGround | null {
  return (firstBy(record, 'objection_filed', date)?.outcome as ObjectionGround | undefined) ?? null;
}

/** 003 Art. 13 (sampling) and 14 (method, standard): an upheld objection withdraws the conclusion. */
function withdrawalOn(record: CaseRecord, date: PlainDate): Withdrawal | null {
  if (record.input.conclusion === 'pass') return null;
  if (lastBy(record, 'retest_result', date)) return null;
  const decision = lastBy(record, 'objection_decided', date);
  if (decision?.outcome !== 'withdrawn') return null;
  const ground = objectionGroundOn(record, date);
  const article = ground === 'sampling' ? '003 Art. 13' : ground === 'method' || ground === 'standard' ? '003 Art. 14' : '003 Art. 13–14';
  return { on: decision.on, ground, article };
}

/** 003 Art. 15: 异议成立的，抽查结果不公开标称生产者信息. */
function identityWithheldOn(record: CaseRecord, date: PlainDate): boolean {
  if (record.input.conclusion === 'pass') return false;
  return eventsBy(record, 'objection_decided', date).some((e) => e.outcome === 'authenticity_upheld');
}

function effectiveConclusionOn(record: CaseRecord, date: PlainDate, status: CaseStatus): { conclusion: Conclusion | null; reason: string } {
  if (record.input.conclusion === 'pass') return { conclusion: 'pass', reason: 'the result is 合格' };
  const retestResult = lastBy(record, 'retest_result', date);
  if (retestResult) {
    return {
      conclusion: retestResult.outcome as Conclusion,
      reason: `the re-test conclusion of ${retestResult.on} (${Conclusion.label(retestResult.outcome as Conclusion)}) replaces the original (003 Art. 11)`,
    };
  }
  const withdrawal = withdrawalOn(record, date);
  if (withdrawal) return { conclusion: null, reason: `the conclusion was withdrawn on ${withdrawal.on} (${withdrawal.article})` };
  if (identityWithheldOn(record, date)) {
    return { conclusion: 'fail', reason: 'the sample-authenticity objection was upheld: the result stands, the nominal producer is not published (003 Art. 15)' };
  }
  const decision = lastBy(record, 'objection_decided', date);
  if (decision?.outcome === 'retest' && status !== 'retest_pending') {
    return { conclusion: 'fail', reason: 'the re-test ended without a result: the original conclusion stands (003 Art. 10)' };
  }
  if (decision?.outcome === 'rejected') return { conclusion: 'fail', reason: 'the objection was rejected: the original conclusion stands' };
  return { conclusion: 'fail', reason: PENDING_STATUSES.has(status) ? 'the original conclusion, not yet final' : 'the original conclusion' };
}

// ---------------------------------------------------------------------------------------------
// Deadlines

function deadlinesOn(record: CaseRecord, asOf: PlainDate, status: CaseStatus): Deadline[] {
  const deadlines: Deadline[] = [];
  const impliedBy = (kinds: readonly CaseEventKind[]) => kinds.some((kind) => record.events.some((e) => e.kind === kind && compareDates(e.on, asOf) <= 0));

  // 003 Art. 5: every result is delivered, 合格 or not.
  deadlines.push(
    deadline(record, asOf, {
      step: 'delivery',
      startsOn: record.input.reportDate,
      period: record.deliveryDeadline,
      metBy: 'delivered',
      implied: impliedBy(['objection_filed', 'objection_decided', 'retest_sample_confirmed', 'retest_result', ...FOLLOW_UP_KINDS]),
    }),
  );
  if (record.input.conclusion === 'pass') return deadlines;

  // 003 Art. 7: the objection window, once the notice was (or is deemed) received.
  const start = record.objectionStartsOn;
  const windowStarted = record.objectionStartsOnEstimated || (start !== null && compareDates(start, asOf) <= 0);
  if (windowStarted) {
    const period = record.objectionWindow ?? { ...record.deliveryDeadline, dueOn: null, nominalDueOn: addDays(record.deliveryDeadline.nominalDueOn, DAYS.objection), calendarMissing: true };
    const filing = timelyFilings(record, asOf)[0];
    deadlines.push({
      step: 'objection',
      article: ARTICLE.objection,
      startsOn: start ?? record.deliveryDeadline.nominalDueOn,
      startsOnEstimated: record.objectionStartsOnEstimated,
      days: DAYS.objection,
      dueOn: period.dueOn,
      nominalDueOn: period.nominalDueOn,
      calendarMissing: period.calendarMissing,
      metBy: 'objection_filed',
      metOn: filing?.on ?? null,
      metLate: false,
      // A right, not a duty: the window passing means 视为无异议, never "overdue".
      overdue: false,
      note: record.objectionStartsOnEstimated
        ? `no delivery recorded: counted from ${start ?? 'the delivery deadline'}, the last day of lawful delivery (003 Art. 5)`
        : undefined,
    });
  }

  // 003 Art. 9–10: the re-test sample confirmation, for the latest decision ordering a re-test.
  const retestDecision = eventsBy(record, 'objection_decided', asOf).filter((e) => e.outcome === 'retest').at(-1);
  if (retestDecision) {
    const period = retestConfirmationDeadline(record, retestDecision);
    const confirmation = eventsBy(record, 'retest_sample_confirmed', asOf).find((e) => compareDates(e.on, retestDecision.on) >= 0);
    deadlines.push(
      deadline(record, asOf, {
        step: 'retest_sample_confirmation',
        startsOn: retestDecision.on,
        period,
        metBy: 'retest_sample_confirmed',
        met: confirmation,
        implied: impliedBy(['retest_result']),
      }),
    );
  }

  // Follow-up deadlines only for a final failure: not after a withdrawal or a passing re-test,
  // nor while an objection is unresolved (a transfer recorded meanwhile was premature, Art. 16).
  if (!FINAL_FAILURE_STATUSES.has(status)) return deadlines;
  const transfer = firstBy(record, 'transferred', asOf);
  if (transfer) {
    deadlines.push(
      deadline(record, asOf, {
        step: 'correction_order',
        startsOn: transfer.on,
        period: periodEnd(transfer.on, DAYS.correction_order, record.calendar),
        metBy: 'correction_ordered',
        implied: impliedBy(['recheck_applied', 'recheck_result']),
      }),
    );
  }
  const correction = firstBy(record, 'correction_ordered', asOf);
  if (correction) {
    deadlines.push(
      deadline(record, asOf, {
        step: 'rectification',
        startsOn: correction.on,
        period: periodEnd(correction.on, DAYS.rectification, record.calendar),
        metBy: 'recheck_applied',
        implied: impliedBy(['recheck_result']),
      }),
    );
  }
  const application = firstBy(record, 'recheck_applied', asOf);
  if (application) {
    deadlines.push({
      ...deadline(record, asOf, {
        step: 'recheck',
        startsOn: application.on,
        period: periodEnd(application.on, DAYS.recheck, record.calendar),
        metBy: 'recheck_result',
        implied: false,
      }),
      note: 'the records carry no "re-check organised" event: a recorded re-check result is taken as evidence it was organised (003 Art. 21)',
    });
  }
  const recheckResult = lastBy(record, 'recheck_result', asOf);
  if (recheckResult) {
    deadlines.push({
      ...deadline(record, asOf, {
        step: 'outcome_report',
        startsOn: recheckResult.on,
        period: periodEnd(recheckResult.on, DAYS.outcome_report, record.calendar),
        metBy: null,
        implied: false,
      }),
      note: "the local authority's report to the province is not in the records: shown for information, never overdue (003 Art. 25)",
    });
  }
  return deadlines;
}

function deadline(
  record: CaseRecord,
  asOf: PlainDate,
  spec: {
    step: DeadlineStep;
    startsOn: PlainDate;
    period: PeriodEnd;
    metBy: CaseEventKind | null;
    /** the meeting event, when not simply the first of metBy by asOf */
    met?: RecordedEvent;
    /** a later step is recorded, which shows this one happened even without its own event */
    implied: boolean;
  },
): Deadline {
  const met = spec.met ?? (spec.metBy ? firstBy(record, spec.metBy, asOf) : undefined);
  const metOn = met?.on ?? null;
  const { dueOn } = spec.period;
  const metLate = metOn !== null && dueOn !== null && compareDates(metOn, dueOn) > 0;
  const overdue = spec.metBy !== null && metOn === null && !spec.implied && hasPassed(spec.period, asOf);
  return {
    step: spec.step,
    article: ARTICLE[spec.step],
    startsOn: spec.startsOn,
    startsOnEstimated: false,
    days: DAYS[spec.step],
    dueOn,
    nominalDueOn: spec.period.nominalDueOn,
    calendarMissing: spec.period.calendarMissing,
    metBy: spec.metBy,
    metOn,
    metLate,
    overdue,
    note:
      metOn === null && spec.implied
        ? 'a later step is recorded, so this one took place; its date is not recorded'
        : spec.period.reason,
  };
}

// ---------------------------------------------------------------------------------------------
// Notes

function notesOn(record: CaseRecord, asOf: PlainDate): string[] {
  const notes = [...record.invalidDates];
  const known = record.events.filter((e) => compareDates(e.on, asOf) <= 0);
  const has = (kind: CaseEventKind) => known.some((e) => e.kind === kind && !e.ignored);

  for (const e of known) {
    if (e.on !== e.occurredOn) notes.push(`${e.kind} dated ${e.occurredOn} precedes the report date: read as ${e.on}`);
    if (e.outcome === null && OUTCOME_CODES[e.kind]) {
      const expected = OUTCOME_CODES[e.kind]!.join(' / ');
      const consequence = e.ignored ? 'ignored' : 'the objection counts, its ground is unknown';
      notes.push(`${e.kind} of ${e.on} has outcome ${JSON.stringify(e.unrecognisedOutcome)}, expected ${expected}: ${consequence}`);
    }
  }
  if (record.input.conclusion === 'pass') {
    const ignored = known.filter((e) => e.kind !== 'delivered' && e.kind !== 'disclosure_situation');
    if (ignored.length > 0) notes.push(`a 合格 result has no objection or follow-up: ignored ${ignored.map((e) => e.kind).join(', ')}`);
    return notes;
  }
  if (record.objectionStartsOnEstimated) {
    notes.push(
      record.deliveryDeadline.dueOn
        ? `no delivery recorded: the objection window counts from ${record.deliveryDeadline.dueOn}, the last day of lawful delivery (003 Art. 5, 7)`
        : 'no delivery recorded and the delivery deadline cannot be computed (calendar missing): the objection window is unknown',
    );
  }
  const delivered = known.filter((e) => e.kind === 'delivered');
  if (delivered.length > 1) notes.push(`${delivered.length} deliveries recorded: the first (${delivered[0].on}) starts the objection window`);

  const windowDue = record.objectionWindow?.dueOn;
  for (const filing of known.filter((e) => e.kind === 'objection_filed')) {
    if (windowDue && compareDates(filing.on, windowDue) > 0) {
      notes.push(`the objection filed on ${filing.on} came after the window closed on ${windowDue}: 视为无异议 (003 Art. 7)`);
    }
  }
  if (has('objection_decided') && !has('objection_filed')) notes.push('an objection decision is recorded without the objection itself');
  for (const decision of known.filter((e) => e.kind === 'objection_decided' && e.outcome === 'retest')) {
    const deadlineForIt = retestConfirmationDeadline(record, decision);
    const late = known.find(
      (e) => e.kind === 'retest_sample_confirmed' && deadlineForIt.dueOn && compareDates(e.on, deadlineForIt.dueOn) > 0 && compareDates(e.on, decision.on) >= 0,
    );
    if (late && !timelyConfirmation(record, decision, deadlineForIt, asOf)) {
      notes.push(`the re-test sample was confirmed on ${late.on}, after the deadline ${deadlineForIt.dueOn}: the re-test had ended (003 Art. 10(2))`);
    }
  }
  if (has('retest_result') && !known.some((e) => e.kind === 'objection_decided' && e.outcome === 'retest')) {
    notes.push('a re-test result is recorded without a decision ordering the re-test: the result is followed (003 Art. 11)');
  }

  const status = statusOn(record, asOf).status;
  const followUps = known.filter((e) => FOLLOW_UP_KINDS.includes(e.kind) && !e.ignored);
  if (followUps.length > 0) {
    if (status === 'withdrawn' || status === 'passed') {
      notes.push(`follow-up records (${[...new Set(followUps.map((e) => e.kind))].join(', ')}) are ignored: the conclusion is ${status === 'withdrawn' ? 'withdrawn' : 'no longer 不合格'}`);
    } else if (PENDING_STATUSES.has(status)) {
      notes.push(`follow-up records exist but the objection is unresolved: the result is not final (003 Art. 16)`);
    } else {
      const firstFollowUp = followUps[0];
      if (PENDING_STATUSES.has(resultStageOn(record, firstFollowUp.on).status)) {
        notes.push(`${firstFollowUp.kind} on ${firstFollowUp.on} came before the objection period ended: the record is followed (003 Art. 16 transfers after it)`);
      }
      const steps = ['transferred', 'correction_ordered', 'recheck_applied', 'recheck_result'] as const;
      const reached = Math.max(...followUps.map((e) => steps.indexOf(e.kind as (typeof steps)[number])));
      const missing = steps.slice(0, reached).filter((kind) => !has(kind));
      if (missing.length > 0) notes.push(`follow-up steps missing from the records: ${missing.join(', ')}`);
    }
  }
  return notes;
}
