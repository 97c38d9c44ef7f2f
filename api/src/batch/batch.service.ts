import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type {
  BatchArgs,
  BatchRow,
  ChangesArgs,
  ConnectionShape,
  ImportBatchInput,
  ImportBatchResult,
  PublishBatchResultRow,
  RecordChangeRow,
} from '@hub/schema';
import { RecordNumberLabel } from '@hub/db/vocabulary';
import { requireBureau } from '../access/access.service.ts';
import { importCalendar } from '../case-state/calendar.service.ts';
import type { HubContext } from '../graphql/context.ts';
import { userError } from '../graphql/errors.ts';
import { dbIdOf } from '../graphql/ids.ts';
import { observePublish } from '../ops/metrics.ts';
import {
  DiscardRefused,
  ImportRejected,
  NoticeRejected,
  PublishRefused,
  UnknownKindError,
  discardBatch,
  fileFormat,
  importFile,
  publishBatch,
  type Issue,
} from '../import/index.ts';
import { afterCommit } from '../live/changes.ts';
import { SITE_CHANNEL, ask } from '../live/requests.ts';
import { CalendarDataError, parseCalendarData, type CalendarData } from '../rules/calendar.ts';

/** Issues in an answer: the first ones and the count (a file with 100,000 problems must not make a 24 MB answer). */
export const MAX_ISSUES_ANSWERED = 200;

function answerIssue(issue: Issue) {
  return {
    level: issue.level ?? 'error',
    sheet: issue.sheet ?? null,
    row: issue.row ?? null,
    column: issue.column ?? null,
    value: issue.value ?? null,
    zh: issue.zh,
    en: issue.en,
  };
}

/** Files sent through the API: the command line (`pnpm hub import`) has no limit. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export function listBatches(ctx: HubContext, args: BatchArgs): Promise<ConnectionShape<BatchRow>> {
  if (!ctx.viewer.bureau && args.status && args.status !== 'published') {
    throw userError('FORBIDDEN', 'Draft and discarded batches are visible to bureau API tokens only.');
  }
  return ctx.repos.batches.list(args);
}

/** What a record's human number is, in Chinese (报告编号, 证书编号 …). */
export function recordNumberLabel(recordType: string): string | null {
  return RecordNumberLabel.find(recordType) ?? null;
}

export function changes(ctx: HubContext, args: ChangesArgs): Promise<ConnectionShape<RecordChangeRow>> {
  return ctx.repos.batches.changes(args);
}

/**
 * The bureau's batch workflow for a bureau token — the same functions as the `pnpm hub`
 * commands. Errors in a file come back as one BAD_USER_INPUT error whose `extensions.issues`
 * lists every problem (row, column, value, zh, en); nothing is written then.
 */
export async function importBatch(ctx: HubContext, input: ImportBatchInput): Promise<ImportBatchResult> {
  requireBureau(ctx.viewer, 'importBatch');
  const name = basename(input.fileName);
  if (!fileFormat(name))
    throw userError('BAD_USER_INPUT', `fileName "${input.fileName}": give the extension of its format (.xlsx, .xls, .csv or .json).`);
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length === 0) throw userError('BAD_USER_INPUT', 'contentBase64 is empty or not base64.');
  if (bytes.length > MAX_FILE_BYTES)
    throw userError(
      'BAD_USER_INPUT',
      `The file has ${bytes.length} bytes; the API takes up to ${MAX_FILE_BYTES}. Use pnpm hub import for larger files.`,
    );
  const dir = await mkdtemp(join(tmpdir(), 'hub-upload-'));
  const file = join(dir, `upload${extname(name)}`);
  try {
    await writeFile(file, bytes);
    const summary = await importFile(ctx.db, file, {
      kind: input.kind,
      title: input.title ?? undefined,
      sheet: input.sheet ?? undefined,
      dryRun: !!input.dryRun,
      errorsFile: false,
      notice: { noticeUrl: input.noticeUrl, noticeNo: input.noticeNo, reviewedItems: input.reviewedItems },
    });
    return {
      outcome: summary.outcome,
      batchId: summary.batchId === null ? null : String(summary.batchId),
      rows: summary.rows,
      new: summary.new,
      corrected: summary.corrected,
      unchanged: summary.unchanged,
      unmappedColumns: summary.unmapped.map((u) => u.column),
      warningCount: summary.warningCount,
      warnings: summary.warnings.slice(0, MAX_ISSUES_ANSWERED).map(answerIssue),
    };
  } catch (error) {
    if (error instanceof ImportRejected) {
      throw userError(
        'BAD_USER_INPUT',
        `${name}: ${error.errorCount} 处错误，未导入任何数据 (${error.errorCount} error(s), nothing imported)`,
        {
          // the first ones and the counts; the whole list is in the errors CSV of `pnpm hub import`
          issues: error.issues.slice(0, MAX_ISSUES_ANSWERED).map(answerIssue),
          issueCount: error.errorCount,
          warnings: error.warnings.slice(0, MAX_ISSUES_ANSWERED).map(answerIssue),
          warningCount: error.warnings.length,
        },
      );
    }
    if (error instanceof UnknownKindError) throw userError('BAD_USER_INPUT', `kind: ${error.message}`);
    if (error instanceof NoticeRejected)
      throw userError('BAD_USER_INPUT', `${error.option}: ${error.message}`, { argument: error.option, zh: error.zh, en: error.en });
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function publish(
  ctx: HubContext,
  id: string,
  options: { final: boolean; reason?: string; rebuildSite?: boolean },
): Promise<PublishBatchResultRow> {
  requireBureau(ctx.viewer, 'publishBatch');
  const batchId = batchNumber(id);
  try {
    const started = performance.now();
    const result = await publishBatch(ctx.db, batchId, { final: options.final, reason: options.reason, today: ctx.today });
    observePublish(performance.now() - started);
    afterCommit();
    return {
      batch: await ctx.repos.batches.byId(batchId),
      inserted: result.inserted,
      corrected: result.corrected,
      unchanged: result.unchanged,
      siteRebuild: options.rebuildSite ? ((await requestSiteRebuild(ctx.db)) ? 'started' : 'no running hub') : null,
    };
  } catch (error) {
    if (error instanceof PublishRefused) throw userError('BAD_USER_INPUT', error.message);
    throw error;
  }
}

/** Asks the running hub (over the API's own database) to rebuild the site; true when one took it. */
async function requestSiteRebuild(db: HubContext['db']): Promise<boolean> {
  const url = db.pool.options.connectionString;
  return !!url && (await ask(url, SITE_CHANNEL, {}, { waitMs: 0 }))?.state === 'accepted';
}

export async function discard(ctx: HubContext, id: string): Promise<boolean> {
  requireBureau(ctx.viewer, 'discardBatch');
  try {
    await discardBatch(ctx.db, batchNumber(id));
    return true;
  } catch (error) {
    if (error instanceof DiscardRefused) throw userError('BAD_USER_INPUT', error.message);
    throw error;
  }
}

/** Loads years of the official holiday calendar (003 Art. 34) and recomputes every deadline. */
export async function loadCalendar(ctx: HubContext, data: Record<string, unknown>): Promise<number[]> {
  requireBureau(ctx.viewer, 'importCalendar');
  let calendar: CalendarData;
  try {
    calendar = parseCalendarData(data);
  } catch (error) {
    if (error instanceof CalendarDataError) throw userError('BAD_USER_INPUT', error.message, { problems: error.problems });
    throw error;
  }
  const { years } = await importCalendar(ctx.db, calendar, `API (${ctx.viewer.tokenName})`);
  afterCommit();
  return years;
}

function batchNumber(id: string): number {
  if (/^\d+$/.test(id)) return Number(id);
  return dbIdOf(id, 'Batch');
}
