import { defineEntity, p } from '@mikro-orm/core';
import { Conclusion } from '../vocabulary.ts';
import { SpotCheck } from './spot-check.ts';

/**
 * Derived from a spot check, its events and the calendar by the pure rules in api/src/rules
 * (003 Art. 5–27, 34) — stored so the API can filter on them ("cases whose rectification is
 * overdue as of D") with an index instead of computing every case per request. Recomputed when
 * a batch that touches the case is published or the calendar changes; never edited by hand.
 */

/**
 * One stretch of time in which a case's status and disclosure stay the same:
 * [validFrom, validUntil), validUntil null = still so.
 */
const CasePeriodSchema = defineEntity({
  name: 'CasePeriod',
  tableName: 'case_period',
  properties: {
    id: p.bigint('number').primary(),
    spotCheck: () => p.manyToOne(SpotCheck).deleteRule('cascade'),
    validFrom: p.date(),
    validUntil: p.date().nullable(),
    /** case status code (CASE_STATUSES in api/src/rules/case-timeline/statuses.ts) */
    status: p.string().length(40),
    /** the conclusion in force: a re-test replaces the first one, a withdrawal leaves none */
    effectiveConclusion: p.enum(Conclusion.codes).nullable(),
    /** whether the result is listed to the public in this period (003 Art. 26–27: final 不合格 results) */
    published: p.boolean(),
    /** whether it counts in the published statistics (final results, passes included: Art. 27(1)) */
    counted: p.boolean(),
    /** whether the public sees the producer's and seller's identity (003 Art. 15, 27(4)–(5)) */
    identityPublic: p.boolean(),
    /** why (an Art. 27(4) situation, a bureau decision, withheld_sample_authenticity …) */
    identityBasis: p.string().length(40).nullable(),
    /** a published failure was withdrawn: the public gets a correction notice */
    correction: p.boolean().default(false),
  },
  indexes: [
    { properties: ['spotCheck', 'validFrom'] },
    { properties: ['status', 'validFrom'] },
    // the public lists start from the few published periods (final failures)
    { name: 'case_period_published_index', properties: ['spotCheck', 'validFrom', 'validUntil'], where: { published: true } },
  ],
});
export class CasePeriod extends CasePeriodSchema.class {}
CasePeriodSchema.setClass(CasePeriod);

/** A deadline of a case (003 Art. 5–25), counted by Art. 34. */
const CaseDeadlineSchema = defineEntity({
  name: 'CaseDeadline',
  tableName: 'case_deadline',
  properties: {
    id: p.bigint('number').primary(),
    spotCheck: () => p.manyToOne(SpotCheck).deleteRule('cascade').index(),
    /** step code, e.g. objection, rectification */
    step: p.string().length(40),
    /** the article it follows, e.g. 003 Art. 7 */
    article: p.string().length(40),
    startsOn: p.date(),
    /** startsOn is an estimate: the delivery it counts from is not recorded (003 Art. 5–7) */
    startsOnEstimated: p.boolean().default(false),
    days: p.integer(),
    /** null when the year's official calendar is not loaded (calendarMissing) */
    dueOn: p.date().nullable(),
    calendarMissing: p.boolean().default(false),
    /**
     * with calendarMissing: the latest the last day can be under any calendar, the nominal day plus
     * the longest move the official calendar has made (003 Art. 34); overdue after it
     */
    latestDueOn: p.date().nullable(),
    metOn: p.date().nullable(),
    /** a duty whose missing event makes it overdue once due (the objection window is a right, never overdue) */
    canBeOverdue: p.boolean().default(true),
  },
  indexes: [{ properties: ['step', 'dueOn'] }],
});
export class CaseDeadline extends CaseDeadlineSchema.class {}
CaseDeadlineSchema.setClass(CaseDeadline);
