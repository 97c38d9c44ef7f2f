import { describe, expect, it } from 'vitest';
import { DisclosureSituation } from '@hub/db/vocabulary';
import { caseTimeline, type CaseEvent, type CaseInput } from '@hub/api/rules/case-timeline.ts';
import { disclosure, PUBLIC_FAILURE_FIELDS, type DisclosureInput } from '@hub/api/rules/disclosure.ts';
import type { PlainDate } from '@hub/db/plain-date';
import { officialCalendar } from './cases.ts';

const calendar = officialCalendar();
const event = (kind: CaseEvent['kind'], occurredOn: PlainDate, outcome?: string): CaseEvent => ({ kind, occurredOn, outcome });

/** Delivered 5 March 2026; the objection window closes 20 March, the result is final from 21 March. */
const delivered = (...events: CaseEvent[]): CaseInput => ({
  reportDate: '2026-03-02',
  conclusion: 'fail',
  events: [event('delivered', '2026-03-05'), ...events],
});

function disclose(input: CaseInput, asOf: PlainDate, options: Partial<Omit<DisclosureInput, 'timeline' | 'events'>> = {}) {
  return disclosure({
    timeline: caseTimeline(input, asOf, calendar),
    events: input.events,
    consecutiveFailure: false,
    batchPublished: true,
    ...options,
  });
}

describe('disclosure (003 Art. 15, 26, 27)', () => {
  describe('whether a result is published as a failure', () => {
    it.each<[string, CaseInput, PlainDate, boolean, string]>([
      ['a final failure of a published batch', delivered(), '2026-03-21', true, '003 Art. 26–27'],
      [
        'a failure awaiting delivery',
        { reportDate: '2026-03-02', conclusion: 'fail', events: [] },
        '2026-03-04',
        false,
        'objection period has not ended',
      ],
      ['a failure inside the objection window', delivered(), '2026-03-20', false, '003 Art. 7, 16'],
      [
        'a failure under objection',
        delivered(event('objection_filed', '2026-03-10', 'conclusion')),
        '2026-03-25',
        false,
        'under objection',
      ],
      [
        'a failure with a re-test pending',
        delivered(
          event('objection_filed', '2026-03-10', 'conclusion'),
          event('objection_decided', '2026-03-20', 'retest'),
          event('retest_sample_confirmed', '2026-03-23'),
        ),
        '2026-04-10',
        false,
        '003 Art. 9–11',
      ],
      [
        'a withdrawn failure',
        delivered(event('objection_filed', '2026-03-10', 'sampling'), event('objection_decided', '2026-03-18', 'withdrawn')),
        '2026-04-01',
        false,
        '003 Art. 13',
      ],
      [
        'a failure in rectification',
        delivered(event('transferred', '2026-03-27'), event('correction_ordered', '2026-04-03')),
        '2026-04-10',
        true,
        '003 Art. 26–27',
      ],
      [
        'a failure whose re-check later passed',
        delivered(event('recheck_result', '2026-06-01', 'pass')),
        '2026-06-10',
        true,
        '003 Art. 26–27',
      ],
    ])('%s → published %s', (_, input, asOf, published, cited) => {
      const result = disclose(input, asOf);
      expect(result.published).toBe(published);
      expect(result.reason).toContain(cited);
      expect(result.publicFields).toEqual(published ? [...PUBLIC_FAILURE_FIELDS] : []);
    });

    it('publishes nothing before the bureau publishes the batch (Art. 26)', () => {
      const result = disclose(delivered(), '2026-04-01', { batchPublished: false });
      expect(result).toMatchObject({
        published: false,
        inAggregates: false,
        producerIdentityPublic: false,
        identityBasis: 'not_applicable',
      });
      expect(result.reason).toContain('003 Art. 26');
    });

    it('publishes the fields of Art. 27(1)–(3)', () => {
      expect(disclose(delivered(), '2026-04-01').publicFields).toEqual([
        'productCategory',
        'mainProblems',
        'productName',
        'trademark',
        'modelSpec',
        'productionBatch',
        'nonconformingItems',
      ]);
    });

    it('publishes a 合格 result in aggregate only', () => {
      const result = disclose({ reportDate: '2026-03-02', conclusion: 'pass', events: [] }, '2026-03-02');
      expect(result).toMatchObject({
        published: false,
        inAggregates: true,
        identityBasis: 'not_applicable',
        correction: { required: false },
      });
      expect(result.reason).toContain('aggregate only');
    });

    it('counts a result the re-test found 合格 as a pass, not a failure', () => {
      const input = delivered(
        event('objection_filed', '2026-03-10', 'conclusion'),
        event('objection_decided', '2026-03-20', 'retest'),
        event('retest_sample_confirmed', '2026-03-23'),
        event('retest_result', '2026-04-15', 'pass'),
      );
      expect(disclose(input, '2026-04-20')).toMatchObject({ published: false, inAggregates: true, correction: { required: false } });
    });

    it('keeps a result still pending out of the aggregates', () => {
      expect(disclose(delivered(), '2026-03-10').inAggregates).toBe(false);
    });
  });

  describe("the producer's and seller's identity (Art. 27(4), (5))", () => {
    it.each(DisclosureSituation.codes.map((code) => [code, DisclosureSituation.label(code)] as const))(
      'is public with situation %s (%s) recorded',
      (situation) => {
        const result = disclose(delivered(event('disclosure_situation', '2026-03-25', situation)), '2026-04-01');
        expect(result).toMatchObject({ producerIdentityPublic: true, identityBasis: situation, situations: [situation] });
      },
    );

    it('is public for two consecutive failures computed from the records (situation 5)', () => {
      expect(disclose(delivered(), '2026-04-01', { consecutiveFailure: true })).toMatchObject({
        producerIdentityPublic: true,
        identityBasis: 'consecutive_failures',
      });
    });

    it('is public after a recorded refusal to rectify (situation 3)', () => {
      expect(disclose(delivered(event('refused_rectification', '2026-04-20')), '2026-05-01')).toMatchObject({
        producerIdentityPublic: true,
        identityBasis: 'refused_rectification',
      });
    });

    it('is not public without a situation', () => {
      expect(disclose(delivered(), '2026-04-01')).toMatchObject({
        producerIdentityPublic: false,
        identityBasis: 'no_situation',
        situations: [],
      });
    });

    it('is never public after an upheld sample-authenticity objection, even with a situation (Art. 15)', () => {
      const input = delivered(
        event('objection_filed', '2026-03-10', 'sample_authenticity'),
        event('objection_decided', '2026-03-15', 'authenticity_upheld'),
        event('disclosure_situation', '2026-03-25', 'bureau_decision'),
      );
      const result = disclose(input, '2026-04-01', { consecutiveFailure: true });
      expect(result).toMatchObject({
        published: true,
        producerIdentityPublic: false,
        identityBasis: 'withheld_sample_authenticity',
        situations: ['consecutive_failures', 'bureau_decision'],
      });
    });

    it('names the first situation in the article’s order as the basis', () => {
      const input = delivered(
        event('disclosure_situation', '2026-03-25', 'bureau_decision'),
        event('disclosure_situation', '2026-03-26', 'disposed_sealed_samples'),
      );
      expect(disclose(input, '2026-04-01', { consecutiveFailure: true })).toMatchObject({
        identityBasis: 'disposed_sealed_samples',
        situations: ['disposed_sealed_samples', 'consecutive_failures', 'bureau_decision'],
      });
    });

    it('ignores a situation recorded after the date asked about, and an unknown code', () => {
      const input = delivered(
        event('disclosure_situation', '2026-05-01', 'not_recalled'),
        event('disclosure_situation', '2026-03-25', '连续不合格'),
      );
      expect(disclose(input, '2026-04-01')).toMatchObject({ producerIdentityPublic: false, identityBasis: 'no_situation' });
    });

    it('is not public while the result is not published, whatever the situation', () => {
      const result = disclose(delivered(event('disclosure_situation', '2026-03-06', 'refused_check')), '2026-03-10');
      expect(result).toMatchObject({
        published: false,
        producerIdentityPublic: false,
        identityBasis: 'not_applicable',
        situations: ['refused_check'],
      });
    });
  });

  describe('corrections, never silent deletion', () => {
    /** Final from 21 March; a late objection is upheld on 20 April and the conclusion withdrawn. */
    const withdrawnAfterFinal = delivered(
      event('objection_filed', '2026-04-01', 'method'),
      event('objection_decided', '2026-04-20', 'withdrawn'),
    );

    it('requires a correction for a withdrawn result that was final while its batch was published', () => {
      const result = disclose(withdrawnAfterFinal, '2026-04-25');
      expect(result.published).toBe(false);
      expect(result.correction.required).toBe(true);
      expect(result.correction.reason).toContain('the conclusion was withdrawn (003 Art. 14)');
    });

    it('requires none when the batch was published only after the withdrawal', () => {
      expect(disclose(withdrawnAfterFinal, '2026-04-25', { batchPublishedOn: '2026-04-22' }).correction.required).toBe(false);
    });

    it('requires one when the batch was published while the result was final', () => {
      expect(disclose(withdrawnAfterFinal, '2026-04-25', { batchPublishedOn: '2026-04-01' }).correction.required).toBe(true);
    });

    it('requires none for a result withdrawn before it was ever final', () => {
      const input = delivered(event('objection_filed', '2026-03-10', 'sampling'), event('objection_decided', '2026-03-18', 'withdrawn'));
      expect(disclose(input, '2026-04-01').correction).toEqual({
        required: false,
        reason: 'never published as a failure: nothing to correct',
      });
    });

    it('follows the publishing side’s record when it says the result was published', () => {
      const input = delivered(event('objection_filed', '2026-03-10', 'sampling'), event('objection_decided', '2026-03-18', 'withdrawn'));
      expect(disclose(input, '2026-04-01', { previouslyPublishedAsFailure: true }).correction.required).toBe(true);
    });

    it('requires none while the published failure still stands', () => {
      expect(disclose(delivered(), '2026-04-01', { previouslyPublishedAsFailure: true }).correction).toEqual({
        required: false,
        reason: 'published as a failure and still stands',
      });
    });
  });
});
