/**
 * Row types (mappers): what the API's repositories return for each GraphQL type — the type's
 * column fields, plus the keys its field resolvers follow (`dbId`, `enterpriseId` …) and what
 * a field resolver decides to show (a case event's `note`, a cultivation entry's contacts). The
 * classes in the *.type.ts files carry only what clients see; a resolver's `@Root()` is a row.
 */
import type { Batch, PublishBatchResult, RecordChange } from './batch.type.ts';
import type { PublicCorrection } from './correction.type.ts';
import type { CoverageGap, CoverageReport, RectificationNotice, RevocationCandidate, SelfReportStatus } from './dynamic-management.type.ts';
import type { Enterprise } from './enterprise.type.ts';
import type { CertifiedItem, CultivationEntry, LogoAuthorisation, StandardEvaluation } from './registry.type.ts';
import type { ConsumerWarning, Revocation } from './revocation.type.ts';
import type { CaseDeadline, CaseEvent, NonconformingItem, SpotCheck } from './spot-check.type.ts';

/** A Node type's columns: everything but the global `id`, which its resolver derives from `dbId`. */
type Columns<T> = Omit<T, 'id'>;

export interface BatchRow extends Columns<Batch> {
  dbId: number;
}

export interface RecordChangeRow extends RecordChange {
  batchId: number;
  /** the history entry (corrections) or a key unique among additions: the cursor's tie-breaker */
  dbId: number;
  /** for a nonconforming item or case event: the result it belongs to */
  parentSpotCheckId?: string | null;
}

export interface PublishBatchResultRow extends Omit<PublishBatchResult, 'batch'> {
  batch: BatchRow | null;
}

export interface EnterpriseRow extends Columns<Enterprise> {
  dbId: number;
  cityCode: string | null;
}

export interface CertifiedItemRow extends Columns<CertifiedItem> {
  dbId: number;
  enterpriseId: number;
  industryCode: string | null;
  /** read with the row by the list: 认定状态 today, and its enterprise (public: the registry names it) */
  statusToday?: string;
  enterpriseRow?: EnterpriseRow;
}

export interface CultivationEntryRow extends Columns<CultivationEntry> {
  dbId: number;
  enterpriseId: number;
  industryCode: string | null;
  /** personal data: the field resolvers return them to bureau tokens only */
  contactName: string | null;
  contactPhone: string | null;
}

export interface StandardEvaluationRow extends Columns<StandardEvaluation> {
  dbId: number;
  enterpriseId: number;
}

export interface LogoAuthorisationRow extends Columns<LogoAuthorisation> {
  dbId: number;
  enterpriseId: number;
  certifiedItemId: number | null;
}

/** A revocation's effects and label are derived by its field resolvers (000 Art. 16). */
export interface RevocationRow
  extends Omit<Revocation, 'id' | 'groundLabel' | 'logoStopsOn' | 'reapplicationBarredUntil' | 'reapplicationFrom'> {
  dbId: number;
  enterpriseId: number;
}

export interface ConsumerWarningRow extends Columns<ConsumerWarning> {
  dbId: number;
}

export interface SpotCheckRow extends Columns<SpotCheck> {
  dbId: number;
  /** the identity keys are null where the viewer may not see the producer or sampled unit */
  producerId: number | null;
  sampledUnitId: number | null;
  certifiedItemId: number | null;
  cityCode: string | null;
  /** the disclosure as of today (case_period), for the `disclosure` field */
  published: boolean;
  identityPublic: boolean;
  identityBasis: string | null;
  correction: boolean;
  /**
   * Today's case period, read with the row (null: not computed yet): what `status` answers for
   * today without another query. `statusSince` is the first day of the current status.
   */
  periodStatus: string | null;
  statusSince: string | null;
  /** the day a published failure became public (its batch's publication, or its becoming final if later); null while not published */
  publicSince: string | null;
  effectiveConclusion: string | null;
  /** 不符合项, read with the row (in seq order) */
  items: NonconformingItem[];
}

export interface CaseEventRow extends CaseEvent {
  spotCheckId: number;
  /** 说明: the `note` field resolver shows it to bureau tokens only (it may name the parties) */
  note: string | null;
}

/** A deadline as case state stores it; `overdue` is decided for the date asked. */
export interface CaseDeadlineRow extends Omit<CaseDeadline, 'overdue' | 'notRecorded'> {
  spotCheckId: number;
  /** a duty (not a right such as the objection, nor a step the records never show) */
  canBeOverdue: boolean;
}

export interface PublicCorrectionRow
  extends Omit<
    PublicCorrection,
    'spotCheck' | 'batch' | 'kindLabel' | 'recordNumberLabel' | 'recordNodeId' | 'reason' | 'status' | 'statusLabel'
  > {
  dbId: number;
  recordId: number;
  batchId: number;
}

export interface CoverageGapRow extends Omit<CoverageGap, 'certifiedItem'> {
  certifiedItemId: number;
}

export interface CoverageReportRow extends Omit<CoverageReport, 'gaps'> {
  gaps: CoverageGapRow[];
}

export interface SelfReportStatusRow extends Omit<SelfReportStatus, 'enterprise'> {
  enterpriseId: number;
}

export interface RevocationCandidateRow extends Omit<RevocationCandidate, 'certifiedItem'> {
  certifiedItemId: number;
}

export interface RectificationNoticeRow extends RectificationNotice {
  dbId: number;
  enterpriseId: number;
  certifiedItemId: number | null;
}
