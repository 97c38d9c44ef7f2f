/**
 * What the public may see of one spot-check result (003 Art. 15, 26, 27).
 *
 * Readings and choices (see also README.md):
 * - Only the bureau publishes (Art. 26): nothing is public before its batch is published.
 * - A final 不合格 result of a published batch is published with the fields of Art. 27(1)–(3).
 *   Results inside the objection window, under objection, with a re-test pending, or withdrawn
 *   are not published as failures.
 * - 合格 results (and results a re-test found 合格) are published in aggregate only: they count
 *   in the published statistics (Art. 27(1) 基本信息), but Art. 27(3) lists only 不合格 products.
 * - The producer's and seller's identity is public only with an Art. 27(4) situation or the
 *   bureau's decision (27(5)), and never when a sample-authenticity objection was upheld
 *   (Art. 15), situation or not. Situations come from disclosure_situation events; situation 3
 *   also from a recorded refusal to rectify (拒绝整改), situation 5 also from the computed
 *   consecutive-failure flag.
 * - A result that was published as a failure and no longer is (withdrawn, re-test 合格, objection
 *   reopened) needs a public correction, never a silent deletion.
 */
import { DisclosureSituation, type CaseEventKind } from '@hub/db/vocabulary';
import { FINAL_FAILURE_STATUSES, type CaseEvent, type CaseTimeline } from './case-timeline.ts';
import { compareDates, isPlainDate, type PlainDate } from '@hub/db/plain-date';

/** 003 Art. 27(1)–(3): what is published of a 不合格 result. */
export const PUBLIC_FAILURE_FIELDS = [
  'productCategory', // (1) 监督抽查产品种类
  'mainProblems', // (2) 产品存在的主要质量问题
  'productName', // (3) 不合格产品名称
  'trademark', // (3) 商标
  'modelSpec', // (3) 规格型号
  'productionBatch', // (3) 生产日期/批号
  'nonconformingItems', // (3) 不符合项
] as const;
export type PublicFailureField = (typeof PUBLIC_FAILURE_FIELDS)[number];

export type IdentityBasis = DisclosureSituation | 'withheld_sample_authenticity' | 'not_applicable' | 'no_situation';

export interface DisclosureInput {
  /** caseTimeline(...) as of the date in question (its asOf) */
  timeline: CaseTimeline;
  /** the case's events (disclosure_situation and refused_rectification are read here) */
  events: readonly CaseEvent[];
  /** the result is one of two consecutive failures (consecutive.ts), for Art. 27(4)5 */
  consecutiveFailure: boolean;
  /** the result's batch is published now */
  batchPublished: boolean;
  /** when the batch was published, if known: lets an earlier publication be derived exactly */
  batchPublishedOn?: PlainDate | null;
  /** recorded by the publishing side: this result was published as a failure before */
  previouslyPublishedAsFailure?: boolean;
}

export interface Disclosure {
  /** listed individually as a 不合格 result */
  published: boolean;
  reason: string;
  publicFields: PublicFailureField[];
  /** counted in the published statistics (final results of a published batch) */
  inAggregates: boolean;
  /** the producer's and seller's identity (Art. 27(4)) */
  producerIdentityPublic: boolean;
  identityBasis: IdentityBasis;
  /** every situation the records show, in Art. 27 order (also when the identity stays withheld) */
  situations: DisclosureSituation[];
  correction: { required: boolean; reason: string };
}

export function disclosure(input: DisclosureInput): Disclosure {
  const { timeline } = input;
  const finalFailure = FINAL_FAILURE_STATUSES.has(timeline.status) && timeline.effectiveConclusion === 'fail';
  const published = input.batchPublished && finalFailure;
  const situations = situationsOf(input);
  const identity = identityOf(published, timeline, situations);
  return {
    published,
    reason: publicationReason(input, finalFailure),
    publicFields: published ? [...PUBLIC_FAILURE_FIELDS] : [],
    inAggregates: input.batchPublished && timeline.final && timeline.effectiveConclusion !== null,
    producerIdentityPublic: identity.public,
    identityBasis: identity.basis,
    situations,
    correction: correctionOf(input, published),
  };
}

function publicationReason(input: DisclosureInput, finalFailure: boolean): string {
  const { timeline } = input;
  if (!input.batchPublished) return 'the batch is not published: only the bureau publishes spot-check results (003 Art. 26)';
  switch (timeline.status) {
    case 'passed':
      return timeline.originalConclusion === 'pass'
        ? '合格 results are published in aggregate only (003 Art. 27(1)); the individual listing of Art. 27(3) is for 不合格 products'
        : 'the re-test found the product 合格 (003 Art. 11): published in aggregate only, not as a failure';
    case 'awaiting_delivery':
    case 'objection_window':
      return 'not final: the objection period has not ended, so it is not published as a failure (003 Art. 7, 16)';
    case 'under_objection':
      return 'under objection: not published as a failure until the objection is decided (003 Art. 7–15)';
    case 'retest_pending':
      return 'a re-test is pending: not published as a failure until its final conclusion (003 Art. 9–11)';
    case 'withdrawn':
      return `the conclusion was withdrawn (${timeline.withdrawal?.article ?? '003 Art. 13–14'}): not published as a failure`;
    default:
      return finalFailure
        ? 'a final 不合格 result of a published batch: published (003 Art. 26–27)'
        : 'no effective 不合格 conclusion: not published as a failure';
  }
}

/** Art. 27(4)1–6 and 27(5), in the article's order. */
function situationsOf(input: DisclosureInput): DisclosureSituation[] {
  const asOf = input.timeline.asOf;
  const found = new Set<DisclosureSituation>();
  const known = (kind: CaseEventKind) =>
    input.events.filter((e) => e.kind === kind && isPlainDate(e.occurredOn) && compareDates(e.occurredOn, asOf) <= 0);
  for (const event of known('disclosure_situation')) {
    if (event.outcome && (DisclosureSituation.codes as readonly string[]).includes(event.outcome))
      found.add(event.outcome as DisclosureSituation);
  }
  // 003 Art. 27(4)3: 不合格，且无正当理由拒绝整改 — the records note a refusal as its own event.
  if (known('refused_rectification').length > 0) found.add('refused_rectification');
  // 003 Art. 27(4)5: 连续两次产品质量监督抽查不合格.
  if (input.consecutiveFailure) found.add('consecutive_failures');
  return DisclosureSituation.codes.filter((code) => found.has(code));
}

function identityOf(
  published: boolean,
  timeline: CaseTimeline,
  situations: DisclosureSituation[],
): { public: boolean; basis: IdentityBasis } {
  if (!published) return { public: false, basis: 'not_applicable' };
  // 003 Art. 15: 异议成立的，抽查结果不公开标称生产者信息 — whatever the situation.
  if (timeline.producerIdentityWithheld) return { public: false, basis: 'withheld_sample_authenticity' };
  // 003 Art. 27(4), (5).
  if (situations.length === 0) return { public: false, basis: 'no_situation' };
  return { public: true, basis: situations[0] };
}

/** Published as a failure earlier, and no longer: a public correction (更正), never a silent deletion. */
function correctionOf(input: DisclosureInput, publishedNow: boolean): { required: boolean; reason: string } {
  const { timeline } = input;
  const wasPublished = input.previouslyPublishedAsFailure ?? publishedBefore(input);
  if (!wasPublished) return { required: false, reason: 'never published as a failure: nothing to correct' };
  if (publishedNow) return { required: false, reason: 'published as a failure and still stands' };
  const why =
    timeline.status === 'withdrawn'
      ? `the conclusion was withdrawn (${timeline.withdrawal?.article ?? '003 Art. 13–14'})`
      : timeline.status === 'passed'
        ? 'the re-test found the product 合格 (003 Art. 11)'
        : !input.batchPublished
          ? 'the batch is no longer published'
          : 'the result is no longer final (an objection was taken up after publication)';
  return {
    required: true,
    reason: `published as a failure, but ${why}: publish a correction notice, do not delete it silently (003 Art. 26–27)`,
  };
}

/**
 * Derived: a final-failure period of the timeline, before asOf, while the batch was published.
 * Without the publication date, a published batch is assumed to have shown every final failure
 * (the cautious side: a needless correction is better than a silent deletion).
 */
function publishedBefore(input: DisclosureInput): boolean {
  const { timeline, batchPublishedOn } = input;
  const knownPublished = input.batchPublished || (batchPublishedOn != null && compareDates(batchPublishedOn, timeline.asOf) <= 0);
  if (!knownPublished) return false;
  return timeline.statusPeriods.some(
    (period) =>
      FINAL_FAILURE_STATUSES.has(period.status) &&
      compareDates(period.from, timeline.asOf) <= 0 &&
      (batchPublishedOn == null || period.until === null || compareDates(period.until, batchPublishedOn) > 0),
  );
}
