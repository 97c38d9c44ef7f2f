/** The status periods of a case: consecutive [from, until) ranges from the report date, independent of asOf. */
import { addDays, compareDates, type PlainDate } from '@hub/db/plain-date';
import { periodEnd, type PeriodEnd } from '../calendar.ts';
import type { CaseRecord } from './record.ts';
import { FINAL_STATUSES } from './statuses.ts';
import { retestConfirmationDeadline, statusOn } from './status.ts';
import { DEADLINE_DAYS } from './time-limits.ts';
import type { StatusPeriod } from './types.ts';

/**
 * The status changes only on an event's day or the day after a deadline passes, so evaluating it
 * on those days and merging equal neighbours gives exact periods.
 */
export function periodsOf(record: CaseRecord): StatusPeriod[] {
  const days = new Set<PlainDate>([record.input.reportDate]);
  for (const event of record.events) days.add(event.on);
  const dayAfter = (period: PeriodEnd | null) => {
    // without a calendar for its year: the day after the latest the last day can be (003 Art. 34)
    const lastDay = period?.dueOn ?? period?.latestDueOn;
    if (lastDay) days.add(addDays(lastDay, 1));
  };
  dayAfter(record.deliveryDeadline);
  dayAfter(record.objectionWindow);
  for (const event of record.events) {
    if (event.ignored) continue;
    if (event.kind === 'objection_decided' && event.outcome === 'retest') dayAfter(retestConfirmationDeadline(record, event));
    if (event.kind === 'correction_ordered') dayAfter(periodEnd(event.on, DEADLINE_DAYS.rectification, record.calendar));
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

export function finalSince(periods: readonly StatusPeriod[], asOf: PlainDate): PlainDate | null {
  const index = periods.findIndex((p) => compareDates(p.from, asOf) <= 0 && (p.until === null || compareDates(asOf, p.until) < 0));
  if (index < 0 || !FINAL_STATUSES.has(periods[index].status)) return null;
  let first = index;
  while (first > 0 && FINAL_STATUSES.has(periods[first - 1].status)) first--;
  return periods[first].from;
}
