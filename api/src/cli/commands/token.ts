import { TokenRepository } from '../../access/access.repository.ts';
import { TokenExists, createToken } from '../../access/access.service.ts';
import type { Command } from '../command.ts';
import { UsageError, withDatabase } from '../command.ts';

/** Creates a bureau API token: printed once, stored only as its sha256. */
export const token: Command = {
  summary: 'create a bureau API token: pnpm hub token create NAME',
  usage: 'create NAME',
  async run(args) {
    const [action, name] = args;
    if (action !== 'create' || !name) throw new UsageError('Name the token: pnpm hub token create NAME');
    await withDatabase(async (_db, connection) => {
      let secret: string;
      try {
        secret = await createToken(new TokenRepository(connection), name);
      } catch (error) {
        throw error instanceof TokenExists ? new UsageError(error.message) : error;
      }
      console.log(
        `Token "${name}" created. It is shown only now — keep it secret:\n${secret}\n` +
          'Send it as the header  Authorization: Bearer <token>',
      );
    });
  },
};
