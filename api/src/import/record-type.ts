/**
 * A record type is one kind of row the bureau's files carry (a certified item, a spot-check result,
 * a follow-up event …): its columns, how a row becomes a normalised record, its natural key, how
 * it compares with the published record, and how a draft's rows are written on publish.
 */
import type { Queryable } from '@hub/db';
import type { ColumnSpec, RowReader } from './row-reader.ts';

export type RecordTypeCode =
  | 'certified_item'
  | 'cultivation_entry'
  | 'standard_evaluation'
  | 'spot_check'
  | 'case_event'
  | 'revocation'
  | 'consumer_warning'
  | 'self_report'
  | 'rectification_notice'
  | 'record_withdrawal';

/**
 * An enterprise a record refers to. `ref` identifies it within a batch: `U:<uscc>` or, for an
 * enterprise known only by name, `N:<name>`. On publish, enterprises are found by USCC (else by
 * exact name) and created when missing and `create` is set.
 */
export interface EnterpriseRef {
  ref: string;
  uscc: string | null;
  name: string;
  address: string | null;
  cityCode: string | null;
  county: string | null;
  provinceCode: string | null;
  /** create the enterprise when no enterprise matches (false: link only when one exists) */
  create: boolean;
}

export interface Normalised<R> {
  record: R;
  enterprises?: EnterpriseRef[];
}

/** A record ready to be stored in batch_row. */
export interface Prepared<R = Record<string, unknown>> {
  type: RecordTypeCode;
  sheet?: string;
  row: number;
  /** batch_row.row_number: unique within the batch (see README "Row numbers") */
  rowNumber: number;
  naturalKey: string;
  record: R;
  enterprises: EnterpriseRef[];
  extra: Record<string, string>;
  /** the file's headers of the record's table, by column key (for messages) */
  headers: Map<string, string>;
  action?: 'new' | 'corrected' | 'unchanged';
  /** version of the published record the action was computed against */
  seenVersion?: number;
}

/** What a record type may report about a record during the checks against the database. */
export type Reporter = (record: Prepared<any>, column: string | undefined, zh: string, en: string, value?: string) => void;

/** A problem of a staged row found by a set-based check: its sheet and row as batch_row.data holds them. */
export type DraftReporter = (
  at: { sheet: string | null; row: number },
  column: string,
  zh: string,
  en: string,
  value?: string,
  level?: 'warning',
) => void;

export interface ImportContext {
  /** GB/T 4754 classes known to the database: code → name */
  industries: Map<string, string>;
  /** per-import memory of record types (e.g. the first name seen for a USCC) */
  scratch: Map<string, unknown>;
  /** a warning found during the checks against the database: imported all the same, listed for the bureau */
  warn: Reporter;
}

export interface RecordType<R = any> {
  code: RecordTypeCode;
  /** Chinese name, as the bureau says it */
  label: string;
  /** English name used in JSON (`"type": "selfReport"`) when a file mixes record types */
  jsonType: string;
  columns: readonly ColumnSpec[];
  /** groups of column keys of which the file must have at least one (e.g. item name or certificate number) */
  headerGroups?: readonly (readonly string[])[];
  /** the natural key's columns, for duplicate messages */
  keyColumns: readonly string[];
  normalise(row: RowReader, context: ImportContext): Normalised<R> | undefined;
  naturalKey(record: R): string;
  /** the fields compared with the published record: equal → unchanged, different → corrected */
  content(record: R): unknown;
  /**
   * Published records with the records' natural keys, shaped like records (as far as `content`
   * reads them), with their versions. Also checks references, through `report`.
   */
  lookup(
    sql: Queryable,
    records: Prepared<R>[],
    report: Reporter,
    context: ImportContext,
  ): Promise<Map<string, { version: number; record: R }>>;
  /**
   * Checks over the whole draft once every row is in batch_row — set-based, so that memory does
   * not grow with the file (references to records of the same file, e.g. a follow-up's result).
   */
  finalChecks?(sql: Queryable, batchId: number, report: DraftReporter): Promise<void>;
  /** how a draft's rows of this type become records: see publish.ts */
  publish: PublishStep;
}

/**
 * Applies a draft's rows of one record type, set-based, inside the publishing transaction (with
 * `hub.batch_id` set, and the batch's enterprises resolved in the temporary table
 * `pub_enterprise (ref, id)`). Rows with action 'unchanged' are not touched.
 */
export interface PublishStep {
  table: string;
  /**
   * A LATERAL subquery over `d` (the normalised record, jsonb) giving `id` and `version` of the
   * published record with the same natural key.
   */
  target: string;
  apply(sql: Queryable, batchId: number): Promise<{ inserted: number; corrected: number; spotCheckIds?: number[] }>;
}
