/**
 * Dynamic management of certified items (seed 000 《"湖北精品"动态管理办法》) and eligibility to
 * apply (seed 002, the exclusions "近三年内…不予受理").
 *
 * The hub never revokes: it lists candidates for the committee with their evidence (000 Art. 16
 * "由认定委员会撤销认定"). Readings and choices are in the comments below and in README.md.
 */
import { SUPERVISION_CHECK_TYPES, type CheckType, type Conclusion, type ItemKind, type RevocationGround } from '@hub/db/vocabulary';
import { latestConsecutiveFailures, countsForConsecutive, type CountableResult } from './consecutive.ts';
import { addDays, addYears, compareDates, yearOf, type PlainDate } from '@hub/db/plain-date';

/** A spot-check result of a certified item, as of the date in question (see consecutive.ts). */
export interface CheckResult extends CountableResult {
  checkType: CheckType;
  /** an administrative penalty for this failure is recorded (000 Art. 16(2)); usually unknown */
  penaltyRecorded?: boolean;
}

/** 整改通知书 (000 Art. 15) */
export interface RectificationNoticeRecord {
  noticeNo: string;
  issuedOn: PlainDate;
  /** 整改期限, as written in the notice */
  dueOn: PlainDate;
  completedOn: PlainDate | null;
  /** 整改结果 */
  result: Conclusion | null;
}

export type CandidateGround = Extract<RevocationGround, 'consecutive_failures' | 'unrectified'>;

export interface RevocationCandidate {
  ground: CandidateGround;
  /** '000 Art. 16(2)' or '000 Art. 16(3)' */
  article: string;
  reason: string;
  evidence: { checks: CheckResult[]; notice: RectificationNoticeRecord | null };
  /** what the committee must establish before deciding, beyond the evidence */
  toConfirm: string[];
}

// ---------------------------------------------------------------------------------------------
// Revocation candidates (000 Art. 16(2), 16(3))

/**
 * Candidates for revocation of one certified item as of `asOf`. `checks`: the item's spot-check
 * results (final/withdrawn as of asOf, e.g. from caseTimeline); `rectificationNotices`: notices
 * issued to its enterprise about it. Grounds (1), (4), (5) need the committee's own findings.
 */
export function revocationCandidates(
  records: { checks: readonly CheckResult[]; rectificationNotices: readonly RectificationNoticeRecord[] },
  asOf: PlainDate,
): RevocationCandidate[] {
  const known = records.checks.filter((check) => compareDates(check.reportDate, asOf) <= 0);
  const candidates: RevocationCandidate[] = [];

  // 000 Art. 16(2): 产品质量监督抽查连续两次不合格，受到行政处罚 — supervision spot checks only
  // (national, provincial, city; not the committee's 动态抽查, which is mostly a document review).
  const supervision = latestConsecutiveFailures(known.filter((check) => SUPERVISION_CHECK_TYPES.includes(check.checkType)));
  if (supervision.consecutive) {
    const penaltyRecorded = supervision.evidence.some((check) => check.penaltyRecorded === true);
    candidates.push({
      ground: 'consecutive_failures',
      article: '000 Art. 16(2)',
      reason: `two consecutive failed supervision spot checks: ${supervision.reason}`,
      evidence: { checks: supervision.evidence, notice: null },
      toConfirm: penaltyRecorded
        ? []
        : ['an administrative penalty for these failures (受到行政处罚): the records do not show one; the committee must confirm it'],
    });
  }
  // 000 Art. 16(2): 服务质量评价连续两次不合格 — no penalty required.
  const service = latestConsecutiveFailures(known.filter((check) => check.checkType === 'service_evaluation'));
  if (service.consecutive) {
    candidates.push({
      ground: 'consecutive_failures',
      article: '000 Art. 16(2)',
      reason: `two consecutive failed service-quality evaluations: ${service.reason}`,
      evidence: { checks: service.evidence, notice: null },
      toConfirm: [],
    });
  }

  // 000 Art. 16(3): 一般问题未按期整改或整改后仍达不到规定要求.
  for (const notice of records.rectificationNotices) {
    const reason = unrectifiedReason(notice, asOf);
    if (reason) {
      candidates.push({ ground: 'unrectified', article: '000 Art. 16(3)', reason, evidence: { checks: [], notice }, toConfirm: [] });
    }
  }
  return candidates;
}

/** Why a notice makes a ground (3) candidate as of asOf, or null. The notice's own deadline is used as written. */
function unrectifiedReason(notice: RectificationNoticeRecord, asOf: PlainDate): string | null {
  const completed = notice.completedOn !== null && compareDates(notice.completedOn, asOf) <= 0 ? notice.completedOn : null;
  if (completed === null) {
    return compareDates(asOf, notice.dueOn) > 0
      ? `rectification notice ${notice.noticeNo} was due by ${notice.dueOn} and is not completed (未按期整改)`
      : null;
  }
  if (compareDates(completed, notice.dueOn) > 0) {
    return `rectification notice ${notice.noticeNo} was due by ${notice.dueOn} and completed late on ${completed} (未按期整改)`;
  }
  if (notice.result === 'fail') {
    return `rectification notice ${notice.noticeNo} was completed on ${completed} but still fails (整改后仍达不到规定要求)`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Effects of a revocation (000 Art. 16)

export interface RevocationEffects {
  /** 应立即停止使用"湖北精品"标识: the decision date itself */
  logoUseStopsOn: PlainDate;
  /** the last day on which a new application is not accepted */
  reapplicationBarredThrough: PlainDate;
  /** the first day a new application is accepted */
  reapplicationAcceptedFrom: PlainDate;
  reason: string;
}

/**
 * 000 Art. 16: 立即停止使用标识，3年内不得重新申报. Reading of "3 years": counted like the Civil
 * Code's periods (Art. 201–202: the decision day is not counted; the period ends on the day with
 * the same number three years later, or the month's last day when there is none). So a decision
 * of 2026-03-10 bars applications through 2029-03-10 and they are accepted from 2029-03-11; one of
 * 2028-02-29 bars through 2031-02-28. No holiday move: this is a bar, not a deadline to act.
 */
export function revocationEffects(decisionDate: PlainDate): RevocationEffects {
  const barredThrough = addYears(decisionDate, 3);
  return {
    logoUseStopsOn: decisionDate,
    reapplicationBarredThrough: barredThrough,
    reapplicationAcceptedFrom: addDays(barredThrough, 1),
    reason: `revoked on ${decisionDate}: the logo stops at once and no new application is accepted through ${barredThrough} (000 Art. 16)`,
  };
}

// ---------------------------------------------------------------------------------------------
// Annual self-report (000 Art. 9–10)

/** 000 Art. 9: 每年10月31日前 提交年度自查报告 — read as "by 31 October", that day included. */
export function selfReportDue(year: number): PlainDate {
  return `${String(year).padStart(4, '0')}-10-31`;
}

export type SelfReportState = 'submitted_on_time' | 'submitted_late' | 'overdue' | 'not_yet_due';

/** The self-report for `year` as of `asOf`; a submission dated after asOf is not known yet. */
export function selfReportStatus(
  year: number,
  submittedOn: PlainDate | null,
  asOf: PlainDate,
): { status: SelfReportState; dueOn: PlainDate; reason: string } {
  const dueOn = selfReportDue(year);
  // 000 has no holiday rule of its own, and 003 Art. 34 covers 003's periods: 31 October is kept.
  if (submittedOn !== null && compareDates(submittedOn, asOf) <= 0) {
    return compareDates(submittedOn, dueOn) <= 0
      ? { status: 'submitted_on_time', dueOn, reason: `submitted on ${submittedOn}, by ${dueOn} (000 Art. 9)` }
      : { status: 'submitted_late', dueOn, reason: `submitted on ${submittedOn}, after ${dueOn} (000 Art. 9)` };
  }
  return compareDates(asOf, dueOn) > 0
    ? { status: 'overdue', dueOn, reason: `not submitted; it was due by ${dueOn} (000 Art. 9)` }
    : { status: 'not_yet_due', dueOn, reason: `due by ${dueOn} (000 Art. 9)` };
}

// ---------------------------------------------------------------------------------------------
// Coverage of the annual supervision spot checks (000 Art. 13)

export interface CertifiedItemInForce {
  id: string | number;
  kind: ItemKind;
  /** announcement date; null = unknown, read as in force before the year */
  certifiedOn: PlainDate | null;
  /** revocation decision date, if revoked */
  revokedOn: PlainDate | null;
}

export interface CoverageCheck {
  itemId: string | number;
  checkType: CheckType;
  sampledOn: PlainDate | null;
  reportDate: PlainDate;
  withdrawn: boolean;
}

export interface CoverageGap {
  item: CertifiedItemInForce;
  /** certified or revoked during the year: in force for part of it only */
  partYear: boolean;
  reason: string;
}

/**
 * 000 Art. 13: every certified product is in the local supervision spot-check plan, 抽查频次每年
 * 不少于1次. Returns the certified products in force on some day of `year` with no supervision
 * spot check sampled that year (the report date when the sampling date is unknown). Services and
 * engineering projects are left out: Art. 13 evaluates services "根据需要", not yearly. A
 * withdrawn result does not count as the year's check (the sampling itself was found wanting,
 * 003 Art. 13 orders a new one).
 */
export function coverageGaps(
  certifiedItems: readonly CertifiedItemInForce[],
  checks: readonly CoverageCheck[],
  year: number,
): CoverageGap[] {
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const checked = new Set(
    checks
      .filter(
        (check) =>
          SUPERVISION_CHECK_TYPES.includes(check.checkType) && !check.withdrawn && yearOf(check.sampledOn ?? check.reportDate) === year,
      )
      .map((check) => check.itemId),
  );
  const gaps: CoverageGap[] = [];
  for (const item of certifiedItems) {
    if (item.kind !== 'product') continue;
    const certifiedInTime = item.certifiedOn === null || compareDates(item.certifiedOn, yearEnd) <= 0;
    // The logo stops on the decision day (000 Art. 16): revoked on 1 January = not in force that year.
    const notYetRevoked = item.revokedOn === null || compareDates(item.revokedOn, yearStart) > 0;
    if (!certifiedInTime || !notYetRevoked || checked.has(item.id)) continue;
    const partYear =
      (item.certifiedOn !== null && compareDates(item.certifiedOn, yearStart) > 0) ||
      (item.revokedOn !== null && compareDates(item.revokedOn, yearEnd) <= 0);
    gaps.push({
      item,
      partYear,
      reason: `no supervision spot check of this certified product sampled in ${year} (000 Art. 13: at least once a year)${partYear ? '; in force for part of the year only' : ''}`,
    });
  }
  return gaps;
}

// ---------------------------------------------------------------------------------------------
// Eligibility to apply (seed 002; 000 Art. 16)

export interface RevocationRecord {
  decisionNo: string;
  decidedOn: PlainDate;
  ground: RevocationGround;
}

export interface EligibilityRecords {
  /** whether the hub has the enterprise on record at all (an applicant is usually not) */
  enterpriseOnRecord: boolean;
  /** the committee's revocation decisions concerning the enterprise */
  revocations: readonly RevocationRecord[];
  /** the enterprise's spot-check results (as producer), final/withdrawn as of asOf */
  checks: readonly CheckResult[];
}

export interface Exclusion {
  rule: 'revoked_within_3_years' | 'failed_supervision_two_consecutive_years';
  article: string;
  reason: string;
  evidence: { revocation: RevocationRecord | null; checks: CheckResult[] };
  /** the first day this exclusion no longer applies, on the records known now */
  lapsesOn: PlainDate;
}

export interface UnverifiableExclusion {
  article: string;
  rule: string;
}

export interface Eligibility {
  /** no exclusion the records can show; the others still need checking (`toConfirm`) */
  eligibleOnRecords: boolean;
  exclusions: Exclusion[];
  /** the exclusions of seed 002 the hub's records cannot show */
  toConfirm: UnverifiableExclusion[];
  /** what the answer rests on, in words: the hub judges only what is on its records */
  basis: string;
}

/** Seed 002: 近三年内，经营主体有下列情形之一的，不予受理"湖北精品"申报 — the ones the records cannot show. */
const UNVERIFIABLE_EXCLUSIONS: readonly UnverifiableExclusion[] = [
  { article: '002 exclusion 1', rule: '应获得行政许可或者强制性产品认证而未获得 (licence or CCC certification missing)' },
  { article: '002 exclusion 2', rule: '出口检验不合格记录 in two consecutive years (export inspection failures are not in the records)' },
  {
    article: '002 exclusion 3',
    rule: '重大质量、安全、环保问题或知识产权侵权行为，或重大质量问题投诉经查属实 (major incident, IP infringement, verified major complaint)',
  },
  { article: '002 exclusion 4', rule: '严重不良信用记录 (serious bad credit record)' },
  { article: '002 exclusion 5', rule: '其他严重违法行为 (other serious violations)' },
];

/**
 * Whether an enterprise's application can be accepted on `asOf`, as far as the records show:
 * - revoked: not within 3 years of a revocation decision (000 Art. 16, read as in revocationEffects);
 * - seed 002 exclusion 2, 有连续两年监督检查不合格记录: read as final, not withdrawn, failed
 *   supervision spot checks (national, provincial, city) in two consecutive calendar years (as
 *   003 Art. 30 uses 连续两年), both sampled within the three years up to asOf (近三年内: from the
 *   same day three years earlier, included).
 */
export function eligibilityToApply(asOf: PlainDate, records: EligibilityRecords): Eligibility {
  const exclusions: Exclusion[] = [];

  for (const revocation of records.revocations) {
    if (compareDates(revocation.decidedOn, asOf) > 0) continue;
    const effects = revocationEffects(revocation.decidedOn);
    if (compareDates(asOf, effects.reapplicationBarredThrough) <= 0) {
      exclusions.push({
        rule: 'revoked_within_3_years',
        article: '000 Art. 16',
        reason: `certification revoked on ${revocation.decidedOn} (${revocation.decisionNo}): no new application through ${effects.reapplicationBarredThrough}`,
        evidence: { revocation, checks: [] },
        lapsesOn: effects.reapplicationAcceptedFrom,
      });
    }
  }

  const lookbackFrom = addYears(asOf, -3);
  const failures = records.checks.filter(
    (check) =>
      SUPERVISION_CHECK_TYPES.includes(check.checkType) &&
      countsForConsecutive(check) &&
      check.effectiveConclusion === 'fail' &&
      compareDates(samplingDate(check), lookbackFrom) >= 0 &&
      compareDates(samplingDate(check), asOf) <= 0,
  );
  const latestFailureByYear = new Map<number, CheckResult>();
  for (const check of failures) {
    const year = yearOf(samplingDate(check));
    const seen = latestFailureByYear.get(year);
    if (!seen || compareDates(samplingDate(check), samplingDate(seen)) > 0) latestFailureByYear.set(year, check);
  }
  const pairs = [...latestFailureByYear.keys()]
    .filter((year) => latestFailureByYear.has(year + 1))
    .map((year) => [latestFailureByYear.get(year)!, latestFailureByYear.get(year + 1)!] as const);
  if (pairs.length > 0) {
    // The exclusion lasts while some pair is still within three years: until its earlier failure leaves the window.
    const lasting = pairs.reduce((best, pair) => (compareDates(samplingDate(pair[0]), samplingDate(best[0])) > 0 ? pair : best));
    const [earlier, later] = lasting;
    exclusions.push({
      rule: 'failed_supervision_two_consecutive_years',
      article: '002 exclusion 2',
      reason: `failed supervision spot checks in ${yearOf(samplingDate(earlier))} (${earlier.reportNo}) and ${yearOf(samplingDate(later))} (${later.reportNo}): 连续两年监督检查不合格记录 within three years`,
      evidence: { revocation: null, checks: [earlier, later] },
      lapsesOn: addDays(addYears(samplingDate(earlier), 3), 1),
    });
  }

  return {
    eligibleOnRecords: exclusions.length === 0,
    exclusions,
    toConfirm: [...UNVERIFIABLE_EXCLUSIONS],
    basis: eligibilityBasis(records.enterpriseOnRecord, exclusions.length),
  };
}

/**
 * The hub can judge two exclusions only — a revocation within 3 years (000 Art. 16) and failed
 * supervision spot checks in two consecutive years (002 exclusion 2) — and only from its own
 * records; an enterprise it has never seen has neither on record.
 */
function eligibilityBasis(onRecord: boolean, exclusions: number): string {
  const judged =
    'The hub judges only what is on its records: a revocation within 3 years (000 Art. 16) and failed supervision spot checks in two consecutive years (002 exclusion 2).';
  const rest =
    'The other exclusions of seed 002 (toConfirm) and the basic conditions of application (002 条件 1–9) are not in its records and must be checked elsewhere.';
  if (!onRecord) {
    return `The hub has no record of this enterprise: no revocation and no failed spot check on record, so these conditions are met. ${judged} ${rest}`;
  }
  return exclusions === 0
    ? `Neither exclusion shows in the enterprise's records. ${judged} ${rest}`
    : `The records show an exclusion (exclusions). ${judged} ${rest}`;
}

function samplingDate(check: CountableResult): PlainDate {
  return check.sampledOn ?? check.reportDate;
}
