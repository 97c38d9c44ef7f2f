import type { Command } from '../command.ts';
import { UsageError, withDatabase } from '../command.ts';
import { PublishRefused, publishBatch } from '../../import/index.ts';
import { formatPublishResult, parseArgs, stepProgress } from '../../import/cli.ts';
import { rebuildSite } from './site.ts';

/** Publishes a draft batch in one transaction; with --site, rebuilds the static site afterwards. */
export const publishCommand: Command = {
  summary: 'publish a draft batch (one transaction): pnpm hub publish BATCH [--final] [--reason TEXT] [--site]',
  usage:
    'BATCH [--final] [--reason TEXT] [--site]\n' +
    '  --final        结果公告: the batch announces final results; failures without a recorded 送达 are listed on estimated dates\n' +
    '  --reason TEXT  更正原因: why the batch corrects published records (shown in each correction notice)',
  async run(args) {
    const parsed = parseArgs(args, ['reason'], ['site', 'final']);
    if ('error' in parsed) throw new UsageError(parsed.error);
    const batchId = batchArgument(parsed.positional);
    await withDatabase(async (_db, connection) => {
      const progress = stepProgress('发布 publishing');
      try {
        const reason = parsed.options.get('reason');
        const result = await publishBatch(connection, batchId, {
          onStep: (name, done, total) => progress.step(name, done, total),
          final: parsed.options.has('final'),
          reason: typeof reason === 'string' ? reason : undefined,
        });
        progress.stop();
        const [{ title }] = await connection.query<{ title: string }>('SELECT title FROM batch WHERE id = $1', [batchId]);
        console.log(formatPublishResult(result, title));
      } catch (error) {
        progress.stop();
        // refused (not a draft, out of date): exit 1, nothing changed
        throw error instanceof PublishRefused ? new Error(error.message) : error;
      }
    });
    if (parsed.options.has('site')) await rebuildSite();
  },
};

export function batchArgument(positional: string[]): number {
  const [raw, ...rest] = positional;
  const id = Number(raw);
  if (!raw || rest.length || !Number.isInteger(id) || id < 1) throw new UsageError('Name one batch by its number (see pnpm hub batches).');
  return id;
}
