import { parseArgs } from 'node:util';
import { TokenRepository } from '../../access/access.repository.ts';
import { DEFAULT_TOKEN_DAYS, TokenExists, createToken, tokenState } from '../../access/access.service.ts';
import type { Command } from '../command.ts';
import { UsageError, withDatabase } from '../command.ts';

const USAGE = 'pnpm hub token create NAME [--days N | --expires YYYY-MM-DD | --never] · pnpm hub token list · pnpm hub token revoke NAME';

/** The expiry a `create` asks for: --days N (default a year), --expires DATE (end of that day in China) or --never. */
function expiryOf(values: { days?: string; expires?: string; never?: boolean }, now = new Date()): Date | null {
  const given = [values.days, values.expires, values.never].filter((v) => v !== undefined && v !== false).length;
  if (given > 1) throw new UsageError('Give one of --days, --expires or --never.');
  if (values.never) return null;
  if (values.expires !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.expires)) throw new UsageError(`--expires must be a date YYYY-MM-DD (got "${values.expires}").`);
    const end = new Date(`${values.expires}T23:59:59+08:00`);
    if (Number.isNaN(end.getTime())) throw new UsageError(`--expires: "${values.expires}" is not a date.`);
    if (end <= now) throw new UsageError(`--expires ${values.expires} is in the past.`);
    return end;
  }
  const days = values.days === undefined ? DEFAULT_TOKEN_DAYS : Number(values.days);
  if (!Number.isInteger(days) || days < 1)
    throw new UsageError(`--days must be a whole number of days, at least 1 (got "${values.days}").`);
  return new Date(now.getTime() + days * 86_400_000);
}

const shanghai = (d: Date | null) => (d ? d.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16) : '—');

/** Bureau API tokens: create (printed once, stored only as its sha256), list, revoke. */
export const token: Command = {
  summary: 'bureau API tokens: pnpm hub token create NAME [--days N] | list | revoke NAME',
  usage: 'create NAME [--days N | --expires YYYY-MM-DD | --never] | list | revoke NAME',
  async run(args) {
    let parsed: ReturnType<typeof parse>;
    try {
      parsed = parse(args);
    } catch (error) {
      throw new UsageError(`${(error as Error).message}\n${USAGE}`);
    }
    const [action, name, ...rest] = parsed.positionals;
    if (rest.length) throw new UsageError(USAGE);
    if (action === 'create') {
      if (!name) throw new UsageError(`Name the token: ${USAGE}`);
      const expiresAt = expiryOf(parsed.values);
      await withDatabase(async (_db, connection) => {
        let secret: string;
        try {
          secret = await createToken(new TokenRepository(connection), name, expiresAt);
        } catch (error) {
          throw error instanceof TokenExists ? new UsageError(error.message) : error;
        }
        console.log(
          `Token "${name}" created${expiresAt ? `, valid until ${shanghai(expiresAt)} (China time)` : ', never expires'}. It is shown only now — keep it secret:\n${secret}\n` +
            'Send it as the header  Authorization: Bearer <token>',
        );
      });
    } else if (action === 'list') {
      if (name) throw new UsageError(USAGE);
      await withDatabase(async (_db, connection) => {
        const rows = await new TokenRepository(connection).list();
        if (!rows.length) {
          console.log('No tokens yet: pnpm hub token create NAME');
          return;
        }
        const lines = rows.map((t) =>
          [t.name, tokenState(t), shanghai(t.createdAt), shanghai(t.expiresAt), shanghai(t.lastUsedAt), shanghai(t.revokedAt)].join('\t'),
        );
        console.log(['name\tstate\tcreated\texpires\tlast used\trevoked', ...lines].join('\n'));
      });
    } else if (action === 'revoke') {
      if (!name) throw new UsageError(`Name the token to revoke: ${USAGE}`);
      await withDatabase(async (_db, connection) => {
        if (!(await new TokenRepository(connection).revoke(name))) {
          throw new UsageError(`No live token named "${name}" (pnpm hub token list shows them).`);
        }
        console.log(`Token "${name}" revoked: the API refuses it from now on (401).`);
      });
    } else {
      throw new UsageError(USAGE);
    }
  },
};

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: { days: { type: 'string' }, expires: { type: 'string' }, never: { type: 'boolean' } },
  });
}
