import { describe, expect, it } from 'vitest';
import type { CheckType, Conclusion } from '@hub/db/vocabulary';
import {
  coverageGaps,
  eligibilityToApply,
  revocationCandidates,
  revocationEffects,
  selfReportDue,
  selfReportStatus,
  type CertifiedItemInForce,
  type CheckResult,
  type CoverageCheck,
  type RectificationNoticeRecord,
} from '@hub/api/rules/dynamic-management.ts';
import type { PlainDate } from '@hub/db/plain-date';

function check(
  reportNo: string,
  checkType: CheckType,
  sampledOn: PlainDate,
  conclusion: Conclusion,
  extra: Partial<CheckResult> = {},
): CheckResult {
  return {
    reportNo,
    checkType,
    sampledOn,
    reportDate: sampledOn,
    effectiveConclusion: conclusion,
    withdrawn: false,
    final: true,
    ...extra,
  };
}

const notice = (
  noticeNo: string,
  dueOn: PlainDate,
  completedOn: PlainDate | null,
  result: Conclusion | null,
): RectificationNoticeRecord => ({
  noticeNo,
  issuedOn: '2026-03-01',
  dueOn,
  completedOn,
  result,
});

describe('revocationCandidates (000 Art. 16(2), (3): candidates only, the committee decides)', () => {
  const asOf = '2026-09-01';

  it('flags two consecutive failed supervision spot checks with the evidence, asking the committee to confirm the penalty', () => {
    const checks = [check('P-1', 'provincial', '2026-03-10', 'fail'), check('C-1', 'city', '2026-06-10', 'fail')];
    expect(revocationCandidates({ checks, rectificationNotices: [] }, asOf)).toEqual([
      {
        ground: 'consecutive_failures',
        article: '000 Art. 16(2)',
        reason: 'two consecutive failed supervision spot checks: the two most recent final results, P-1 and C-1, both failed',
        evidence: { checks, notice: null },
        toConfirm: [
          'an administrative penalty for these failures (受到行政处罚): the records do not show one; the committee must confirm it',
        ],
      },
    ]);
  });

  it('needs no confirmation when a penalty is recorded', () => {
    const checks = [check('P-1', 'national', '2026-03-10', 'fail'), check('C-1', 'city', '2026-06-10', 'fail', { penaltyRecorded: true })];
    expect(revocationCandidates({ checks, rectificationNotices: [] }, asOf)[0].toConfirm).toEqual([]);
  });

  it.each<[string, CheckResult[]]>([
    [
      'a pass in between',
      [
        check('P-1', 'provincial', '2026-03-10', 'fail'),
        check('C-1', 'city', '2026-05-10', 'pass'),
        check('C-2', 'city', '2026-06-10', 'fail'),
      ],
    ],
    [
      'a dynamic check is not a supervision spot check',
      [check('P-1', 'provincial', '2026-03-10', 'fail'), check('D-1', 'dynamic', '2026-06-10', 'fail')],
    ],
    [
      'the later failure is still in objection',
      [check('P-1', 'provincial', '2026-03-10', 'fail'), check('C-1', 'city', '2026-06-10', 'fail', { final: false })],
    ],
    [
      'the later failure was withdrawn',
      [
        check('P-1', 'provincial', '2026-03-10', 'fail'),
        check('C-1', 'city', '2026-06-10', 'fail', { withdrawn: true, effectiveConclusion: null }),
      ],
    ],
    [
      'the later failure is reported after the date asked about',
      [check('P-1', 'provincial', '2026-03-10', 'fail'), check('C-1', 'city', '2026-10-10', 'fail')],
    ],
    [
      'a failed supervision check and a failed service evaluation are different runs',
      [check('P-1', 'provincial', '2026-03-10', 'fail'), check('S-1', 'service_evaluation', '2026-06-10', 'fail')],
    ],
  ])('flags nothing with %s', (_, checks) => {
    expect(revocationCandidates({ checks, rectificationNotices: [] }, asOf)).toEqual([]);
  });

  it('flags two consecutive failed service evaluations, with no penalty required', () => {
    const checks = [check('S-1', 'service_evaluation', '2025-10-10', 'fail'), check('S-2', 'service_evaluation', '2026-06-10', 'fail')];
    expect(revocationCandidates({ checks, rectificationNotices: [] }, asOf)).toMatchObject([
      { ground: 'consecutive_failures', article: '000 Art. 16(2)', evidence: { checks }, toConfirm: [] },
    ]);
  });

  it.each<[string, RectificationNoticeRecord, string | null]>([
    [
      'not completed by its due date',
      notice('ZG-1', '2026-08-31', null, null),
      'rectification notice ZG-1 was due by 2026-08-31 and is not completed (未按期整改)',
    ],
    [
      'completed after its due date',
      notice('ZG-2', '2026-06-30', '2026-07-15', 'pass'),
      'rectification notice ZG-2 was due by 2026-06-30 and completed late on 2026-07-15 (未按期整改)',
    ],
    [
      'completed on time but still failing',
      notice('ZG-3', '2026-06-30', '2026-06-20', 'fail'),
      'rectification notice ZG-3 was completed on 2026-06-20 but still fails (整改后仍达不到规定要求)',
    ],
    [
      'completed after the date asked about, and overdue on it',
      notice('ZG-4', '2026-08-15', '2026-09-05', 'pass'),
      'rectification notice ZG-4 was due by 2026-08-15 and is not completed (未按期整改)',
    ],
    ['completed on time and passing', notice('ZG-5', '2026-06-30', '2026-06-30', 'pass'), null],
    ['due on the date asked about', notice('ZG-6', '2026-09-01', null, null), null],
  ])('ground (3): a notice %s', (_, record, reason) => {
    const candidates = revocationCandidates({ checks: [], rectificationNotices: [record] }, asOf);
    expect(candidates.map((c) => [c.ground, c.article, c.reason, c.evidence.notice?.noticeNo])).toEqual(
      reason ? [['unrectified', '000 Art. 16(3)', reason, record.noticeNo]] : [],
    );
  });
});

describe('revocationEffects (000 Art. 16)', () => {
  it.each([
    ['2026-03-10', '2029-03-10', '2029-03-11'],
    ['2026-12-31', '2029-12-31', '2030-01-01'],
    ['2028-02-29', '2031-02-28', '2031-03-01'],
  ])(
    'a decision of %s stops the logo that day and bars applications through %s (accepted from %s)',
    (decidedOn, barredThrough, acceptedFrom) => {
      expect(revocationEffects(decidedOn)).toMatchObject({
        logoUseStopsOn: decidedOn,
        reapplicationBarredThrough: barredThrough,
        reapplicationAcceptedFrom: acceptedFrom,
      });
    },
  );
});

describe('annual self-report (000 Art. 9–10)', () => {
  it('is due by 31 October', () => {
    expect(selfReportDue(2026)).toBe('2026-10-31');
  });

  it.each<[PlainDate | null, PlainDate, string]>([
    ['2026-10-20', '2026-11-15', 'submitted_on_time'],
    ['2026-10-31', '2026-11-15', 'submitted_on_time'],
    ['2026-11-02', '2026-11-15', 'submitted_late'],
    [null, '2026-11-01', 'overdue'],
    [null, '2026-10-31', 'not_yet_due'],
    ['2026-10-25', '2026-10-20', 'not_yet_due'],
    ['2026-11-20', '2026-11-15', 'overdue'],
  ])('submitted %s, as of %s: %s', (submittedOn, asOf, status) => {
    expect(selfReportStatus(2026, submittedOn, asOf)).toMatchObject({ status, dueOn: '2026-10-31' });
  });
});

describe('coverageGaps (000 Art. 13: every certified product checked at least once a year)', () => {
  const item = (id: number, extra: Partial<CertifiedItemInForce> = {}): CertifiedItemInForce => ({
    id,
    kind: 'product',
    certifiedOn: '2024-03-15',
    revokedOn: null,
    ...extra,
  });
  const sampled = (
    itemId: number,
    checkType: CheckType,
    sampledOn: PlainDate | null,
    extra: Partial<CoverageCheck> = {},
  ): CoverageCheck => ({
    itemId,
    checkType,
    sampledOn,
    reportDate: '2026-06-30',
    withdrawn: false,
    ...extra,
  });

  const items = [
    item(1),
    item(2),
    item(3),
    item(4),
    item(5),
    item(6, { kind: 'service' }),
    item(7, { certifiedOn: '2026-09-01' }),
    item(8, { revokedOn: '2025-12-20' }),
    item(9, { certifiedOn: '2027-03-01' }),
    item(10, { certifiedOn: null }),
    item(11),
  ];
  const checks = [
    sampled(1, 'city', '2026-05-10'),
    sampled(2, 'dynamic', '2026-05-10'),
    sampled(3, 'provincial', '2025-11-10', { reportDate: '2026-01-10' }),
    sampled(4, 'national', '2026-07-01', { withdrawn: true }),
    sampled(5, 'provincial', null),
    sampled(11, 'city', '2026-01-10'),
    sampled(11, 'city', '2027-01-10'),
  ];

  it('lists the certified products in force with no supervision spot check sampled that year', () => {
    const gaps = coverageGaps(items, checks, 2026);
    expect(gaps.map((g) => [g.item.id, g.partYear])).toEqual([
      [2, false], // only a dynamic check (动态抽查), not a supervision spot check
      [3, false], // sampled in 2025 though reported in 2026
      [4, false], // the only check was withdrawn
      [7, true], // certified in September: in force for part of the year
      [10, false], // certification date unknown: read as in force
    ]);
    expect(gaps[0].reason).toBe('no supervision spot check of this certified product sampled in 2026 (000 Art. 13: at least once a year)');
  });

  it('leaves out services, items revoked before the year and items certified after it', () => {
    const ids = coverageGaps(items, checks, 2026).map((g) => g.item.id);
    expect(ids).not.toContain(6);
    expect(ids).not.toContain(8);
    expect(ids).not.toContain(9);
  });

  it('flags an item revoked during the year as part-year', () => {
    expect(coverageGaps([item(12, { revokedOn: '2026-04-01' })], [], 2026)).toMatchObject([{ partYear: true }]);
    expect(coverageGaps([item(13, { revokedOn: '2026-01-01' })], [], 2026)).toEqual([]);
  });
});

describe('eligibilityToApply (seed 002 exclusions; 000 Art. 16)', () => {
  const revocation = (decidedOn: PlainDate) => ({ decisionNo: '鄂精撤〔2026〕1号', decidedOn, ground: 'consecutive_failures' as const });

  it.each<[PlainDate, boolean]>([
    ['2029-03-10', false],
    ['2029-03-11', true],
  ])('after a revocation on 2026-03-10, an application on %s is accepted: %s', (asOf, eligible) => {
    const result = eligibilityToApply(asOf, { enterpriseOnRecord: true, revocations: [revocation('2026-03-10')], checks: [] });
    expect(result.eligibleOnRecords).toBe(eligible);
    if (!eligible)
      expect(result.exclusions).toMatchObject([{ rule: 'revoked_within_3_years', article: '000 Art. 16', lapsesOn: '2029-03-11' }]);
  });

  it('excludes failed supervision checks in two consecutive years within three years', () => {
    const checks = [
      check('P-2024', 'provincial', '2024-05-10', 'fail'),
      check('C-2025', 'city', '2025-08-10', 'fail'),
      check('C-2026', 'city', '2026-04-10', 'pass'),
    ];
    const result = eligibilityToApply('2026-09-01', { enterpriseOnRecord: true, revocations: [], checks });
    expect(result.eligibleOnRecords).toBe(false);
    expect(result.exclusions).toMatchObject([
      {
        rule: 'failed_supervision_two_consecutive_years',
        article: '002 exclusion 2',
        evidence: { revocation: null, checks: [{ reportNo: 'P-2024' }, { reportNo: 'C-2025' }] },
        lapsesOn: '2027-05-11',
      },
    ]);
  });

  it.each<[string, CheckResult[], PlainDate]>([
    [
      'failures two years apart',
      [check('P-2023', 'provincial', '2023-10-10', 'fail'), check('C-2025', 'city', '2025-08-10', 'fail')],
      '2026-09-01',
    ],
    [
      'the earlier failure older than three years',
      [check('P-2023', 'provincial', '2023-05-10', 'fail'), check('C-2024', 'city', '2024-08-10', 'fail')],
      '2026-05-11',
    ],
    [
      'a withdrawn failure',
      [
        check('P-2024', 'provincial', '2024-05-10', 'fail', { withdrawn: true, effectiveConclusion: null }),
        check('C-2025', 'city', '2025-08-10', 'fail'),
      ],
      '2026-09-01',
    ],
    [
      'failures of dynamic checks',
      [check('D-2024', 'dynamic', '2024-05-10', 'fail'), check('D-2025', 'dynamic', '2025-08-10', 'fail')],
      '2026-09-01',
    ],
  ])('accepts an application despite %s', (_, checks, asOf) => {
    expect(eligibilityToApply(asOf, { enterpriseOnRecord: true, revocations: [], checks }).eligibleOnRecords).toBe(true);
  });

  it('still excludes on the last day of the three years', () => {
    const checks = [check('P-2023', 'provincial', '2023-05-10', 'fail'), check('C-2024', 'city', '2024-08-10', 'fail')];
    expect(eligibilityToApply('2026-05-10', { enterpriseOnRecord: true, revocations: [], checks }).eligibleOnRecords).toBe(false);
  });

  it('lists the exclusions of seed 002 the records cannot show', () => {
    expect(
      eligibilityToApply('2026-09-01', { enterpriseOnRecord: true, revocations: [], checks: [] }).toConfirm.map((t) => t.article),
    ).toEqual(['002 exclusion 1', '002 exclusion 2', '002 exclusion 3', '002 exclusion 4', '002 exclusion 5']);
  });

  it('answers for an enterprise the hub has never seen: nothing on record, and says what it cannot judge', () => {
    const result = eligibilityToApply('2026-09-01', { enterpriseOnRecord: false, revocations: [], checks: [] });
    expect(result.eligibleOnRecords).toBe(true);
    expect(result.exclusions).toEqual([]);
    expect(result.basis).toMatch(/no record of this enterprise/);
    expect(result.basis).toMatch(/only what is on its records/);
    expect(result.toConfirm).toHaveLength(5);
  });
});
