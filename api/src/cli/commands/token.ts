import { randomBytes } from 'node:crypto';
import { ApiToken } from '@hub/db';
import { hashToken } from '../../graphql/context.ts';
import type { Command } from '../command.ts';
import { UsageError, withDatabase } from '../command.ts';


/** Creates a bureau API token: printed once, stored only as its sha256. */
export const token: Command = {
  summary: 'create a bureau API token: pnpm hub token create NAME',
  usage: 'create NAME',
  async run(args) {
    const [action, name] = args;
    if (action !== 'create' || !name) throw new UsageError('Name the token: pnpm hub token create NAME');
    await withDatabase(async (db) => {
      const em = db.orm.em.fork();
      if (await em.count(ApiToken, { name })) throw new UsageError(`A token named "${name}" exists already.`);
      const secret = `hub_${randomBytes(24).toString('base64url')}`;
      em.create(ApiToken, { name, tokenHash: hashToken(secret) });
      await em.flush();
      console.log(`Token "${name}" created. It is shown only now — keep it secret:\n${secret}\n` +
        'Send it as the header  Authorization: Bearer <token>');
    });
  },
};
