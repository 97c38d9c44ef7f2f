import 'reflect-metadata';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ImportBatchInput, ImportBatchResult, PublishBatchResult, type PublishBatchResultRow } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { userError } from '../graphql/errors.ts';
import { dbIdOf } from '../graphql/ids.ts';
import { requireBureau } from '../access/access.service.ts';
import {
  DiscardRefused, ImportRejected, PublishRefused, UnknownKindError, discardBatch, fileFormat, importFile, publishBatch,
} from '../import/index.ts';
import { importCalendar } from '../case-state/calendar.service.ts';
import { CalendarDataError, parseCalendarData } from '../rules/calendar.ts';

/** Files sent through the API: the command line (`pnpm hub import`) has no limit. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * The bureau's batch workflow as mutations for a bureau token — the same functions as the
 * `pnpm hub` commands. Errors in a file come back as one BAD_USER_INPUT error whose
 * `extensions.issues` lists every problem (row, column, value, zh, en); nothing is written then.
 */
@Resolver()
export class BatchMutationResolver {
  @Mutation(() => ImportBatchResult, { description: 'Import a batch file as a draft (bureau tokens only).' })
  async importBatch(@Arg('input', () => ImportBatchInput) input: ImportBatchInput, @Ctx() ctx: HubContext): Promise<ImportBatchResult> {
    requireBureau(ctx.viewer, 'importBatch');
    const name = basename(input.fileName);
    if (!fileFormat(name)) throw userError('BAD_USER_INPUT', `fileName "${input.fileName}": give the extension of its format (.xlsx, .csv or .json).`);
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length === 0) throw userError('BAD_USER_INPUT', 'contentBase64 is empty or not base64.');
    if (bytes.length > MAX_FILE_BYTES) throw userError('BAD_USER_INPUT', `The file has ${bytes.length} bytes; the API takes up to ${MAX_FILE_BYTES}. Use pnpm hub import for larger files.`);
    const dir = await mkdtemp(join(tmpdir(), 'hub-upload-'));
    const file = join(dir, `upload${extname(name)}`);
    try {
      await writeFile(file, bytes);
      const summary = await importFile(ctx.sql, file, { kind: input.kind, title: input.title ?? undefined, sheet: input.sheet ?? undefined, dryRun: !!input.dryRun, errorsFile: false });
      return {
        outcome: summary.outcome,
        batchId: summary.batchId === null ? null : String(summary.batchId),
        rows: summary.rows, new: summary.new, corrected: summary.corrected, unchanged: summary.unchanged,
        unmappedColumns: summary.unmapped.map((u) => u.column),
      };
    } catch (error) {
      if (error instanceof ImportRejected) {
        throw userError('BAD_USER_INPUT', `${name}: ${error.issues.length} 处错误，未导入任何数据 (${error.issues.length} error(s), nothing imported)`, { issues: error.issues });
      }
      if (error instanceof UnknownKindError) throw userError('BAD_USER_INPUT', `kind: ${error.message}`);
      throw error;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  @Mutation(() => PublishBatchResult, { description: 'Publish a draft batch: its records become public at once (bureau tokens only). Rebuild the site afterwards with pnpm hub site.' })
  async publishBatch(@Arg('id', () => ID, { description: 'The batch’s global ID or its number.' }) id: string, @Ctx() ctx: HubContext): Promise<PublishBatchResultRow> {
    requireBureau(ctx.viewer, 'publishBatch');
    const batchId = batchNumber(id);
    try {
      const result = await publishBatch(ctx.sql, batchId);
      return { batch: await ctx.loaders.batch.load(batchId), inserted: result.inserted, corrected: result.corrected, unchanged: result.unchanged };
    } catch (error) {
      if (error instanceof PublishRefused) throw userError('BAD_USER_INPUT', error.message);
      throw error;
    }
  }

  @Mutation(() => Boolean, { description: 'Discard a draft batch (bureau tokens only).' })
  async discardBatch(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    requireBureau(ctx.viewer, 'discardBatch');
    try {
      await discardBatch(ctx.sql, batchNumber(id));
      return true;
    } catch (error) {
      if (error instanceof DiscardRefused) throw userError('BAD_USER_INPUT', error.message);
      throw error;
    }
  }

  @Mutation(() => [Int], { description: 'Load years of the official holiday calendar (003 Art. 34) and recompute every deadline; returns the years (bureau tokens only). Data: { years: [2027], days: [{ date, kind: holiday|workday, name }] }.' })
  async importCalendar(@Arg('data', () => GraphQLJSONObject) data: Record<string, unknown>, @Ctx() ctx: HubContext) {
    requireBureau(ctx.viewer, 'importCalendar');
    let calendar;
    try {
      calendar = parseCalendarData(data);
    } catch (error) {
      if (error instanceof CalendarDataError) throw userError('BAD_USER_INPUT', error.message, { problems: error.problems });
      throw error;
    }
    return (await importCalendar(ctx.sql, calendar, `API (${ctx.viewer.tokenName})`)).years;
  }
}

function batchNumber(id: string): number {
  if (/^\d+$/.test(id)) return Number(id);
  return dbIdOf(id, 'Batch');
}
