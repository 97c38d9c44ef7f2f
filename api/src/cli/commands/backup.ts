import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeBackup } from '@hub/db/backup';
import { loadConfig } from '../../config.ts';
import { acquireDatabase, commandLabel } from '../../live/folder.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';

/**
 * Runs `work` with the URL of the configured database (DATABASE_URL or the embedded one under
 * HUB_DATA_DIR) as it is: unlike the other commands, backup and restore apply no migrations and
 * load no calendar — a backup copies the database as found, a restore needs it empty.
 */
export async function withDatabaseUrl<T>(work: (url: string) => Promise<T>, options: { create: boolean }): Promise<T> {
  const config = loadConfig();
  if (config.databaseUrl) return work(config.databaseUrl);
  if (!options.create && !existsSync(join(config.dataDir, 'pg', 'PG_VERSION'))) {
    throw new Error(`There is no embedded database in ${config.dataDir} (set HUB_DATA_DIR or DATABASE_URL).`);
  }
  const folder = await acquireDatabase(config, { role: 'command', label: commandLabel() });
  try {
    // a backup may share the database; a restore needs it empty, so it takes no clients
    if (!options.create) await folder.ready();
    return await work(folder.url);
  } finally {
    await folder.leave();
    await folder.release();
  }
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** `pnpm hub backup FILE`: a consistent snapshot of the whole database in one file. */
export const backupCommand: Command = {
  summary: 'write a consistent snapshot of the whole database to FILE (.tar.gz; see docs/operations.md)',
  usage: 'FILE',
  async run(args) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    if (positionals.length !== 1) throw new UsageError('Name the one file to write, e.g. pnpm hub backup backups/hub-2026-12-01.tar.gz');
    const file = resolve(positionals[0]);
    if (existsSync(file)) throw new UsageError(`${file} exists already: a backup never overwrites a file, choose a new name.`);
    const started = performance.now();
    const manifest = await withDatabaseUrl(
      (url) =>
        writeBackup(url, file, {
          onTable: (t, done, total) => {
            if (process.stderr.isTTY) process.stderr.write(`\r${`${done}/${total} ${t.name}: ${t.rows} rows`.padEnd(60)}`);
          },
        }),
      { create: false },
    );
    if (process.stderr.isTTY) process.stderr.write('\n');
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `Backup written in ${((performance.now() - started) / 1000).toFixed(1)} s: ${file} (${mb((await stat(file)).size)})\n` +
        `  ${manifest.tables.length} tables, ${rows.toLocaleString('en-US')} rows, ${manifest.sequences.length} sequences; ` +
        `schema ${manifest.migrations.at(-1)} (${manifest.migrations.length} migrations); ${manifest.server.version.split(' on ')[0]}\n` +
        `  Test it: HUB_DATA_DIR=/tmp/hub-restore-test pnpm hub restore ${file}`,
    );
  },
};
