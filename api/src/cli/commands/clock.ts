import { isPlainDate } from '@hub/db/plain-date';
import { CLOCK_CHANNEL, ask } from '../../live/requests.ts';
import type { Command } from '../command.ts';
import { UsageError, withDatabase } from '../command.ts';

/**
 * `pnpm hub clock set YYYY-MM-DD`: moves the day of a running hub started for tests with
 * HUB_CLOCK=manual; the hub then does its day-boundary work (recompute, rebuild the site when a
 * page changed) and this returns when that is done. A hub on the real clock ignores it.
 */
export const clockCommand: Command = {
  summary: 'tests only: move the day of a running hub started with HUB_CLOCK=manual',
  usage: 'set YYYY-MM-DD',
  async run(args) {
    const [action, day] = args;
    if (action !== 'set' || !day || !isPlainDate(day)) throw new UsageError('Give the day: pnpm hub clock set YYYY-MM-DD');
    await withDatabase(async (db) => {
      const reply = await ask(db.url, CLOCK_CHANNEL, { day });
      if (!reply) throw new Error('No running hub with a manual clock (HUB_CLOCK=manual) answered: nothing changed.');
      if (reply.state !== 'done') throw new Error(`The hub refused: ${reply.error}`);
      console.log(
        `The hub's day is now ${reply.day}; ${reply.pagesChanged ? `the site was rebuilt (build ${reply.site})` : 'no page changed'}.`,
      );
    });
  },
};
