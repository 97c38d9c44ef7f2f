/** What a case timeline reads (the result and its events) and what it answers. */
import type { CaseEventKind, Conclusion, DeadlineStep, ObjectionGround } from '@hub/db/vocabulary';
import type { PlainDate } from '@hub/db/plain-date';
import type { CaseStatus } from './statuses.ts';

export interface CaseEvent {
  kind: CaseEventKind;
  /** the day the document was received (docs/sources/IMPORT-FORMATS.md, follow-ups) */
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

/** The steps of a case with a time limit: the vocabulary's (db/src/vocabulary.ts). */
export type { DeadlineStep };

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
  /**
   * with calendarMissing: the latest the last day can be under any calendar (nominal + the longest
   * move on record, 003 Art. 34): a duty not done by then is overdue. Null when dueOn is known or
   * no year is covered at all.
   */
  latestDueOn: PlainDate | null;
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
