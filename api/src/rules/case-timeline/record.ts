/** The record of a case, read once: events checked, sorted and dated, the delivery and the objection window computed. */
import { Conclusion, ObjectionGround, ObjectionOutcome, type CaseEventKind } from '@hub/db/vocabulary';
import { compareDates, isPlainDate, type PlainDate } from '@hub/db/plain-date';
import { periodEnd, type PeriodEnd, type WorkCalendar } from '../calendar.ts';
import { DEADLINE_DAYS } from './time-limits.ts';
import type { CaseInput } from './types.ts';

/** The follow-up of a final 不合格 result, in its order (003 Art. 16–24). */
export const FOLLOW_UP_KINDS = [
  'transferred',
  'correction_ordered',
  'recheck_applied',
  'recheck_result',
] as const satisfies readonly CaseEventKind[];

export interface RecordedEvent {
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

export interface CaseRecord {
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

export const OUTCOME_CODES: Partial<Record<CaseEventKind, readonly string[]>> = {
  objection_filed: ObjectionGround.codes,
  objection_decided: ObjectionOutcome.codes,
  retest_result: Conclusion.codes,
  recheck_result: Conclusion.codes,
};
const OUTCOME_REQUIRED: readonly CaseEventKind[] = ['objection_decided', 'retest_result', 'recheck_result'];

export function readRecord(input: CaseInput, calendar: WorkCalendar): CaseRecord {
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

  const deliveryDeadline = periodEnd(input.reportDate, DEADLINE_DAYS.delivery, calendar);
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
    objectionWindow: objectionStartsOn ? periodEnd(objectionStartsOn, DEADLINE_DAYS.objection, calendar) : null,
  };
}

/** Events of `kind` that occurred on or before `date`, in date order (ignored ones left out). */
export function eventsBy(record: CaseRecord, kind: CaseEventKind, date: PlainDate): RecordedEvent[] {
  return record.events.filter((e) => e.kind === kind && !e.ignored && compareDates(e.on, date) <= 0);
}
export const firstBy = (record: CaseRecord, kind: CaseEventKind, date: PlainDate) => eventsBy(record, kind, date)[0];
export const lastBy = (record: CaseRecord, kind: CaseEventKind, date: PlainDate) => eventsBy(record, kind, date).at(-1);

/** D is after the last day of the period; a period whose day is unknown (no calendar) passes once no calendar could extend it. */
export function hasPassed(period: PeriodEnd | null, date: PlainDate): boolean {
  // without a calendar for the year: over once no calendar could move the last day past `date` (003 Art. 34)
  const lastDay = period?.dueOn ?? period?.latestDueOn;
  return lastDay != null && compareDates(date, lastDay) > 0;
}
