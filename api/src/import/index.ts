/**
 * The bureau's batch import workflow (see README.md here): import a file as a draft batch,
 * publish it (one transaction), list or discard batches. The CLI (`pnpm hub import|publish|
 * batches|discard`) and the GraphQL mutations (api/src/batch) call these same functions.
 */
export { importFile, fileFormat, UnknownKindError, SHEET_ROW_OFFSET } from './import.ts';
export type { ImportOptions, ImportSummary, ImportProgress, ActionCounts, FileFormat } from './import.ts';
export { publishBatch, PublishRefused } from './publish.ts';
export type { PublishResult, PublishOptions } from './publish.ts';
export { afterPublish } from './after-publish.ts';
export { listBatches, discardBatch, DiscardRefused } from './batches.ts';
export type { BatchListing, ListBatchesOptions } from './batches.ts';
export { ImportRejected, formatIssue, errorsCsv } from './issues.ts';
export { NoticeRejected, checkBatchNotice } from './notice.ts';
export type { Issue } from './issues.ts';
export { IMPORT_KINDS, IMPORT_KIND_NAMES, importKind } from './kinds.ts';
export type { ImportKind, ImportKindName } from './kinds.ts';
export { encodeText } from './read/encoding.ts';
