import type { Command } from '../command.ts';
import { calendar } from './calendar.ts';
import { sample } from './sample.ts';
import { token } from './token.ts';
import { site } from './site.ts';

/** Every `pnpm hub` command, in the order `pnpm hub` lists them. */
export const commands: Record<string, Command> = {
  calendar,
  sample,
  site,
  token,
  import: (await import('./import.ts')).importCommand,
  publish: (await import('./publish.ts')).publishCommand,
  batches: (await import('./batches.ts')).batchesCommand,
  discard: (await import('./batches.ts')).discardCommand,
  backup: (await import('./backup.ts')).backupCommand,
  clock: (await import('./clock.ts')).clockCommand,
  restore: (await import('./restore.ts')).restoreCommand,
};
