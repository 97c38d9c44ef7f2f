import { existsSync } from 'node:fs';
import type { Command } from '../command.ts';
import { InputError, UsageError, withDatabase } from '../command.ts';
import { IMPORT_KIND_NAMES, ImportRejected, NoticeRejected, importFile } from '../../import/index.ts';
import { formatImportSummary, formatRejection, parseArgs, readProgress } from '../../import/cli.ts';

/** Imports a batch file as a draft (nothing public changes until `pnpm hub publish`). */
export const importCommand: Command = {
  summary: 'import a batch file (.xlsx, .csv, .json) as a draft batch: pnpm hub import FILE --kind KIND',
  usage: `FILE --kind ${IMPORT_KIND_NAMES.join('|')} [--title T] [--sheet NAME] [--notice-url URL] [--notice-no 文号] [--reviewed N] [--dry-run]`,
  async run(args) {
    const parsed = parseArgs(args, ['kind', 'title', 'sheet', 'notice-url', 'notice-no', 'reviewed'], ['dry-run']);
    if ('error' in parsed) throw new UsageError(parsed.error);
    const [file, ...rest] = parsed.positional;
    if (!file || rest.length) throw new UsageError('Name one file to import.');
    const kind = parsed.options.get('kind');
    if (typeof kind !== 'string' || !(IMPORT_KIND_NAMES as string[]).includes(kind)) {
      throw new UsageError(`--kind must be one of: ${IMPORT_KIND_NAMES.join(', ')}`);
    }
    if (!existsSync(file)) throw new UsageError(`No such file: ${file}`);
    const reviewed = parsed.options.get('reviewed') as string | undefined;
    if (reviewed !== undefined && !/^\d+$/.test(reviewed)) throw new UsageError(`--reviewed must be a whole number, got "${reviewed}"`);
    await withDatabase(async (_db, connection) => {
      const progress = readProgress('读取 reading');
      try {
        const summary = await importFile(connection, file, {
          kind,
          title: parsed.options.get('title') as string | undefined,
          sheet: parsed.options.get('sheet') as string | undefined,
          dryRun: parsed.options.has('dry-run'),
          notice: {
            noticeUrl: parsed.options.get('notice-url') as string | undefined,
            noticeNo: parsed.options.get('notice-no') as string | undefined,
            reviewedItems: reviewed === undefined ? undefined : Number(reviewed),
          },
          onProgress: progress.update,
        });
        progress.stop();
        console.log(formatImportSummary(summary));
      } catch (error) {
        progress.stop();
        if (error instanceof ImportRejected) throw new InputError(formatRejection(error));
        if (error instanceof NoticeRejected) throw new UsageError(error.message);
        throw error;
      }
    });
  },
};
