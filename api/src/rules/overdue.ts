/**
 * Whether something due is overdue on a date.
 */
import { compareDates, type PlainDate } from '@hub/db/plain-date';

/** A deadline of a case as case state stores it (case-state.service.ts). */
export interface StoredDeadline {
  dueOn: PlainDate | null;
  /** with no calendar for the year (dueOn null): the latest the last day can be under any calendar */
  latestDueOn: PlainDate | null;
  metOn: PlainDate | null;
  /** a duty — not a right such as the objection (003 Art. 7), nor a step the records never show */
  canBeOverdue: boolean;
}

/**
 * A case's deadline as of `asOf` (003 Art. 5–25; the last day by Art. 34): a step done after
 * `asOf` is not known yet that day, and a duty not done by its last day is overdue the day
 * after. A deadline whose last day is unknown (no calendar for its year) is overdue the day after
 * its latest possible last day (`latestDueOn`: no calendar can move it further, 003 Art. 34) —
 * as the case's status says — and never before.
 */
export function deadlineOn<T extends StoredDeadline>(
  deadline: T,
  asOf: PlainDate,
): Omit<T, 'canBeOverdue'> & { metOn: PlainDate | null; overdue: boolean } {
  const { canBeOverdue, ...rest } = deadline;
  const metOn = deadline.metOn && compareDates(deadline.metOn, asOf) <= 0 ? deadline.metOn : null;
  const lastDay = deadline.dueOn ?? deadline.latestDueOn;
  const overdue = canBeOverdue && !metOn && !!lastDay && compareDates(lastDay, asOf) < 0;
  return { ...rest, metOn, overdue };
}

/**
 * A rectification notice (整改通知书, 000 Art. 15) is overdue on `asOf` once its deadline has
 * passed and it was not completed by its deadline (逾期未整改, 000 Art. 16(3)).
 */
export function rectificationOverdue(notice: { dueOn: PlainDate; completedOn: PlainDate | null }, asOf: PlainDate): boolean {
  return compareDates(notice.dueOn, asOf) < 0 && (notice.completedOn == null || compareDates(notice.completedOn, notice.dueOn) > 0);
}
