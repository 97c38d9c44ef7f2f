export * from './access.ts';
export * from './batch.ts';
export * from './calendar.ts';
export * from './case-state.ts';
export * from './correction.ts';
export * from './dynamic-management.ts';
export * from './enterprise.ts';
export * from './generation.ts';
export * from './reference.ts';
export * from './registry.ts';
export * from './revocation.ts';
export * from './spot-check.ts';
export * from './stats.ts';
export * from './warning.ts';
export { SPOT_CHECK_TEXT_COLUMNS, spotCheckSearchGrams } from './record-columns.ts';

import { ApiToken } from './access.ts';
import { Batch, BatchRow, RecordHistory } from './batch.ts';
import { CalendarDay, CalendarYear } from './calendar.ts';
import { CaseDeadline, CasePeriod } from './case-state.ts';
import { CorrectionNotice } from './correction.ts';
import { RectificationNotice, SelfReport } from './dynamic-management.ts';
import { Enterprise, Trademark } from './enterprise.ts';
import { DataGeneration } from './generation.ts';
import { City, Industry } from './reference.ts';
import { CertifiedItem, CultivationEntry, LogoAuthorisation, StandardEvaluation } from './registry.ts';
import { Revocation } from './revocation.ts';
import { CaseEvent, NonconformingItem, SpotCheck } from './spot-check.ts';
import { StatsAggregate, StatsCell } from './stats.ts';
import { ConsumerWarning } from './warning.ts';

export const entities = [
  ApiToken,
  Batch,
  BatchRow,
  RecordHistory,
  CalendarYear,
  CalendarDay,
  City,
  Industry,
  Enterprise,
  Trademark,
  CultivationEntry,
  StandardEvaluation,
  CertifiedItem,
  LogoAuthorisation,
  SpotCheck,
  NonconformingItem,
  CaseEvent,
  SelfReport,
  RectificationNotice,
  Revocation,
  ConsumerWarning,
  CasePeriod,
  CaseDeadline,
  CorrectionNotice,
  DataGeneration,
  StatsCell,
  StatsAggregate,
];

/** Tables whose rows are versioned records: history triggers are installed on each. */
export const VERSIONED_TABLES = [
  'enterprise',
  'trademark',
  'cultivation_entry',
  'standard_evaluation',
  'certified_item',
  'logo_authorisation',
  'spot_check',
  'nonconforming_item',
  'case_event',
  'self_report',
  'rectification_notice',
  'revocation',
  'consumer_warning',
] as const;

/** Link tables without versions of their own: changes to them are logged in history too. */
export const LOGGED_LINK_TABLES = ['revocation_item', 'warning_spot_check'] as const;
