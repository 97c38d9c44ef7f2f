/** The anomalies in a case's records and the estimates used, as notes for the reader. */
import type { CaseEventKind } from '@hub/db/vocabulary';
import { compareDates, type PlainDate } from '@hub/db/plain-date';
import { FOLLOW_UP_KINDS, OUTCOME_CODES, type CaseRecord } from './record.ts';
import { PENDING_STATUSES } from './statuses.ts';
import { resultStageOn, retestConfirmationDeadline, statusOn, timelyConfirmation } from './status.ts';

export function notesOn(record: CaseRecord, asOf: PlainDate): string[] {
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
  if (delivered.length > 1)
    notes.push(`${delivered.length} deliveries recorded: the first (${delivered[0].on}) starts the objection window`);

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
      (e) =>
        e.kind === 'retest_sample_confirmed' &&
        deadlineForIt.dueOn &&
        compareDates(e.on, deadlineForIt.dueOn) > 0 &&
        compareDates(e.on, decision.on) >= 0,
    );
    if (late && !timelyConfirmation(record, decision, deadlineForIt, asOf)) {
      notes.push(
        `the re-test sample was confirmed on ${late.on}, after the deadline ${deadlineForIt.dueOn}: the re-test had ended (003 Art. 10(2))`,
      );
    }
  }
  if (has('retest_result') && !known.some((e) => e.kind === 'objection_decided' && e.outcome === 'retest')) {
    notes.push('a re-test result is recorded without a decision ordering the re-test: the result is followed (003 Art. 11)');
  }

  const status = statusOn(record, asOf).status;
  const followUps = known.filter((e) => (FOLLOW_UP_KINDS as readonly CaseEventKind[]).includes(e.kind) && !e.ignored);
  if (followUps.length > 0) {
    if (status === 'withdrawn' || status === 'passed') {
      notes.push(
        `follow-up records (${[...new Set(followUps.map((e) => e.kind))].join(', ')}) are ignored: the conclusion is ${status === 'withdrawn' ? 'withdrawn' : 'no longer 不合格'}`,
      );
    } else if (PENDING_STATUSES.has(status)) {
      notes.push(`follow-up records exist but the objection is unresolved: the result is not final (003 Art. 16)`);
    } else {
      const firstFollowUp = followUps[0];
      if (PENDING_STATUSES.has(resultStageOn(record, firstFollowUp.on).status)) {
        notes.push(
          `${firstFollowUp.kind} on ${firstFollowUp.on} came before the objection period ended: the record is followed (003 Art. 16 transfers after it)`,
        );
      }
      const reached = Math.max(...followUps.map((e) => FOLLOW_UP_KINDS.indexOf(e.kind as (typeof FOLLOW_UP_KINDS)[number])));
      const missing = FOLLOW_UP_KINDS.slice(0, reached).filter((kind) => !has(kind));
      if (missing.length > 0) notes.push(`follow-up steps missing from the records: ${missing.join(', ')}`);
    }
  }
  return notes;
}
