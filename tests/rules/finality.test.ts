import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '@hub/api/rules/case-timeline.ts';
import { DELIVERY_SHOWN_BY, finalOnRecord, statusOnRecord } from '@hub/api/rules/finality.ts';

/** 003 Art. 5, 7, 26: what the records show is final, and the status they support. */
describe('finality on record', () => {
  it('lists a failure only when a delivery (or a later step) is recorded, or the batch is a 结果公告', () => {
    expect(finalOnRecord({ conclusion: 'fail', events: [], batchFinal: false })).toBe(false);
    expect(finalOnRecord({ conclusion: 'fail', events: [], batchFinal: true })).toBe(true);
    expect(finalOnRecord({ conclusion: 'pass', events: [], batchFinal: false })).toBe(true);
    for (const kind of DELIVERY_SHOWN_BY) expect(finalOnRecord({ conclusion: 'fail', events: [{ kind }], batchFinal: false })).toBe(true);
  });

  it('keeps a failure 待送达 while its objection window and finality are only estimates', () => {
    expect(statusOnRecord('objection_window', false)).toBe('awaiting_delivery');
    expect(statusOnRecord('final', false)).toBe('awaiting_delivery');
    for (const status of CASE_STATUSES) {
      expect(statusOnRecord(status, true)).toBe(status);
      if (status !== 'objection_window' && status !== 'final') expect(statusOnRecord(status, false)).toBe(status);
    }
  });
});
