import type { Command } from '../command.ts';
import { UsageError, withDatabase } from '../command.ts';
import { discardBatch, listBatches } from '../../import/index.ts';
import { formatBatchList, parseArgs } from '../../import/cli.ts';
import { batchArgument } from './publish.ts';

/** Lists the batches, newest first. */
export const batchesCommand: Command = {
  summary: 'list the batches: id, kind, title, status, rows, imported/published time, sample flag',
  usage: '[--status draft|published|discarded]',
  async run(args) {
    const parsed = parseArgs(args, ['status'], []);
    if ('error' in parsed) throw new UsageError(parsed.error);
    const status = parsed.options.get('status');
    if (status !== undefined && !['draft', 'published', 'discarded'].includes(String(status))) {
      throw new UsageError('--status must be draft, published or discarded');
    }
    if (parsed.positional.length) throw new UsageError('batches takes no arguments');
    await withDatabase(async (_db, connection) => {
      const batches = await listBatches(connection, { status: status as 'draft' | 'published' | 'discarded' | undefined });
      console.log(formatBatchList(batches));
    });
  },
};

/** Discards a draft: its rows go, and the same file may be imported again. */
export const discardCommand: Command = {
  summary: 'discard a draft batch: pnpm hub discard BATCH',
  usage: 'BATCH',
  async run(args) {
    const parsed = parseArgs(args, [], []);
    if ('error' in parsed) throw new UsageError(parsed.error);
    const batchId = batchArgument(parsed.positional);
    await withDatabase(async (_db, connection) => {
      await discardBatch(connection, batchId);
      console.log(`已作废批次 ${batchId} (discarded draft batch ${batchId})`);
    });
  },
};
