import type { Command } from '../command.ts';
import { calendar } from './calendar.ts';
import { token } from './token.ts';
import { site } from './site.ts';

/** Every `pnpm hub` command, in the order `pnpm hub` lists them. */
export const commands: Record<string, Command> = {
  calendar,
  site,
  token,
};
