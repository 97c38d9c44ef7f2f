/**
 * The kinds of batch file (docs/sources/IMPORT-FORMATS.md) and the record types each carries. The CLI
 * names kinds with hyphens (`spot-checks`); the database stores the BatchKind code (`spot_checks`).
 */
import { BatchKind } from '@hub/db';
import type { RecordType } from './record-type.ts';
import { certifiedItem } from './records/certification.ts';
import { cultivationEntry } from './records/cultivation.ts';
import { rectificationNotice, selfReport } from './records/dynamic-management.ts';
import { standardEvaluation } from './records/evaluation.ts';
import { followUp } from './records/follow-up.ts';
import { revocation } from './records/revocation.ts';
import { spotCheck } from './records/spot-check.ts';
import { consumerWarning } from './records/warning.ts';
import { withdrawal } from './records/withdrawal.ts';

export interface ImportKind {
  /** as the CLI writes it */
  name: string;
  /** batch.kind */
  code: BatchKind;
  label: string;
  types: readonly RecordType[];
  /**
   * Workbooks: read every sheet (each recognised by its header row) instead of the first one.
   * Only the kind that exists to carry two record types side by side does.
   */
  everySheet: boolean;
}

function kind(name: string, code: BatchKind, types: RecordType[], everySheet = false): ImportKind {
  return { name, code, label: BatchKind.labels[code], types, everySheet };
}

export const IMPORT_KINDS = {
  certifications: kind('certifications', 'certifications', [certifiedItem]),
  cultivation: kind('cultivation', 'cultivation', [cultivationEntry]),
  evaluations: kind('evaluations', 'evaluations', [standardEvaluation]),
  // a round of results may carry follow-up events in a second table stacked below the results
  // (same sheet or CSV); their report numbers may then refer to results of the same file
  'spot-checks': kind('spot-checks', 'spot_checks', [spotCheck, followUp]),
  'follow-ups': kind('follow-ups', 'follow_ups', [followUp]),
  revocations: kind('revocations', 'revocations', [revocation]),
  warnings: kind('warnings', 'warnings', [consumerWarning]),
  'dynamic-management': kind('dynamic-management', 'dynamic_management', [selfReport, rectificationNotice], true),
  // 撤回: published revocations and warnings withdrawn outright, each with a correction notice (003 Art. 26)
  withdrawals: kind('withdrawals', 'withdrawals', [withdrawal]),
} as const satisfies Record<string, ImportKind>;

export type ImportKindName = keyof typeof IMPORT_KINDS;

export const IMPORT_KIND_NAMES = Object.keys(IMPORT_KINDS) as ImportKindName[];

/** A kind by its CLI name or its database code. */
export function importKind(name: string): ImportKind | undefined {
  return (IMPORT_KINDS as Record<string, ImportKind>)[name] ?? Object.values(IMPORT_KINDS).find((k: ImportKind) => k.code === name);
}

/** Every record type, in the order a batch is published (referenced records first). */
export const PUBLISH_ORDER: readonly RecordType[] = [
  certifiedItem,
  cultivationEntry,
  standardEvaluation,
  spotCheck,
  followUp,
  revocation,
  consumerWarning,
  selfReport,
  rectificationNotice,
  withdrawal,
];
