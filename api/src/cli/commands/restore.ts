import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupFileError, checkBackupFile, restoreBackup, type Manifest } from '@hub/db/backup';
import type { Command } from '../command.ts';
import { InputError, UsageError } from '../command.ts';
import { withDatabaseUrl } from './backup.ts';

/**
 * `pnpm hub restore FILE`: loads a backup into an empty database and verifies every table against
 * the manifest, in one transaction. Exit 3 when the file is damaged, 1 when the database is not
 * empty or the verification fails (the database is left as it was: empty).
 */
export const restoreCommand: Command = {
  summary: 'load a backup into an empty database and verify every table (--check: the file only)',
  usage: 'FILE [--check]',
  async run(args) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { check: { type: 'boolean' } } });
    if (positionals.length !== 1) throw new UsageError('Name the backup file to restore.');
    const file = resolve(positionals[0]);
    const started = performance.now();
    try {
      const manifest = values.check
        ? await checkBackupFile(file)
        : await withDatabaseUrl(
            (url) =>
              restoreBackup(url, file, {
                onProgress: (message) => {
                  if (process.stderr.isTTY) process.stderr.write(`\r${message.padEnd(60)}`);
                },
              }),
            { create: true },
          );
      if (process.stderr.isTTY) process.stderr.write('\n');
      console.log(
        `${values.check ? 'The file is intact' : 'Restored and verified'} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${describe(manifest)}`,
      );
    } catch (error) {
      if (process.stderr.isTTY) process.stderr.write('\n');
      if (error instanceof BackupFileError) throw new InputError(error.message);
      throw error;
    }
  },
};

function describe(manifest: Manifest): string {
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  return (
    `${manifest.tables.length} tables, ${rows.toLocaleString('en-US')} rows match the manifest (counts and sha256), ` +
    `${manifest.sequences.length} sequences; backup of ${manifest.createdAt}, schema ${manifest.migrations.at(-1)}`
  );
}
