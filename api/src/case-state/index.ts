/**
 * Case state (case_period, case_deadline) and the official calendar it counts with: what
 * publishing, the calendar import and the sample data derive from the records. Its own entry
 * (`@hub/api/case-state`) for test fixtures that need no GraphQL server.
 */
export { refreshCaseState, stepCanBeOverdue, type RefreshResult } from './case-state.service.ts';
export { ensureCalendar, loadWorkCalendar, storeCalendar } from './calendar.store.ts';
export { importCalendar, readCalendarFile } from './calendar.service.ts';
export { publicChangesOn, type PublicChangeKey, type PublicChanges } from './public-changes.ts';
