import { describe, expect, it } from 'vitest';
import { FINAL_STATUSES } from '@hub/api/rules/finality.ts';
import { deadlineOn, rectificationOverdue } from '@hub/api/rules/overdue.ts';
import { FIRST_ROUND_YEAR, roundOfYear, roundYear } from '@hub/api/rules/rounds.ts';

describe('deadlineOn (a case deadline as of a date, 003 Art. 5–25, 34)', () => {
  const duty = { step: 'rectification', dueOn: '2026-05-15', latestDueOn: null, metOn: null, canBeOverdue: true };
  it.each([
    ['2026-05-15', false, 'on its last day it is not overdue yet'],
    ['2026-05-16', true, 'the day after its last day, a duty not done is overdue'],
    ['2026-04-01', false, 'long before its last day'],
  ])('not done, on %s → overdue %s: %s', (asOf, overdue) => {
    expect(deadlineOn(duty, asOf)).toEqual({ step: 'rectification', dueOn: '2026-05-15', latestDueOn: null, metOn: null, overdue });
  });

  it('is not overdue once done by the date asked, even late', () => {
    expect(deadlineOn({ ...duty, metOn: '2026-05-20' }, '2026-06-01')).toMatchObject({ metOn: '2026-05-20', overdue: false });
  });

  it('does not know of a step done after the date asked', () => {
    expect(deadlineOn({ ...duty, metOn: '2026-05-20' }, '2026-05-18')).toMatchObject({ metOn: null, overdue: true });
  });

  it('never makes a right (the objection, Art. 7) or a step without records overdue', () => {
    expect(deadlineOn({ ...duty, canBeOverdue: false }, '2027-01-01')).toMatchObject({ overdue: false });
  });

  it('never makes a deadline overdue whose last day is unknown and unbounded (no calendar at all)', () => {
    expect(deadlineOn({ ...duty, dueOn: null }, '2099-01-01')).toMatchObject({ dueOn: null, overdue: false });
  });

  it.each([
    ['2027-06-20', false, 'on the latest possible last day: a calendar could still move the day there'],
    ['2027-06-21', true, 'the day after: over under any calendar (003 Art. 34)'],
  ])('no calendar for the year, latest last day 2027-06-20, on %s → overdue %s: %s', (asOf, overdue) => {
    expect(deadlineOn({ ...duty, dueOn: null, latestDueOn: '2027-06-20' }, asOf)).toMatchObject({
      dueOn: null,
      latestDueOn: '2027-06-20',
      overdue,
    });
  });
});

describe('rectificationOverdue (逾期未整改, 000 Art. 15, 16(3))', () => {
  type Notice = { dueOn: string; completedOn: string | null };
  const notice: Notice = { dueOn: '2025-04-01', completedOn: null };
  it.each<[Notice, string, boolean, string]>([
    [notice, '2025-04-01', false, 'on its deadline'],
    [notice, '2025-04-02', true, 'after its deadline, not completed'],
    [{ ...notice, completedOn: '2025-03-20' }, '2025-05-01', false, 'completed by the deadline'],
    [{ ...notice, completedOn: '2025-04-10' }, '2025-05-01', true, 'completed after the deadline'],
  ])('%o on %s → %s: %s', (n, asOf, overdue) => {
    expect(rectificationOverdue(n, asOf)).toBe(overdue);
  });
});

describe('rounds (届次, seed 002)', () => {
  it('counts round 1 as 2023, one round a year', () => {
    expect(FIRST_ROUND_YEAR).toBe(2023);
    expect(roundYear(1)).toBe(2023);
    expect(roundYear(3)).toBe(2025);
    expect(roundOfYear(2024)).toBe(2);
  });
});

describe('FINAL_STATUSES (003 Art. 7, 10, 11, 16)', () => {
  it('holds a pass and every status at or after finality, and none still open or withdrawn', () => {
    expect(FINAL_STATUSES).toEqual([
      'passed',
      'final',
      'transferred',
      'rectification_due',
      'rectification_overdue',
      'recheck_pending',
      'closed_recheck_passed',
      'closed_recheck_failed',
    ]);
  });
});
