import { createHash, randomBytes } from 'node:crypto';
import { userError } from '../graphql/errors.ts';
import type { TokenRepository } from './access.repository.ts';

/** Who asks: anonymous, or the holder of a bureau API token. */
export interface Viewer {
  /** a bureau API token: drafts, withheld identities and personal data are visible */
  bureau: boolean;
  tokenName?: string;
}

export const ANONYMOUS: Viewer = { bureau: false };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A missing, malformed, unknown, revoked or expired token: HTTP 401, counted against the address. */
export class Unauthenticated extends Error {}

/** Reads `Authorization: Bearer <token>`. No header: anonymous. A wrong token is an error, not anonymity. */
export async function resolveViewer(tokens: TokenRepository, authorization: string | undefined): Promise<Viewer> {
  if (!authorization) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw new Unauthenticated('Authorization must be "Bearer <token>".');
  const name = await tokens.use(hashToken(match[1]));
  if (!name)
    throw new Unauthenticated(
      'This API token is unknown, revoked or expired; ask the bureau for a new one, or send no Authorization header for public data.',
    );
  return { bureau: true, tokenName: name };
}

/**
 * The access check of what only bureau tokens may do or read; `what` names it in the error, and
 * `personalData` says when the reason is that it is personal data (contact names, phones).
 */
export function requireBureau(viewer: Viewer, what: string, personalData = false): void {
  if (viewer.bureau) return;
  throw userError(
    'FORBIDDEN',
    personalData
      ? `${what} is personal data: it is returned only to bureau API tokens.`
      : `${what} is for the bureau only: send a bureau API token (Authorization: Bearer <token>).`,
  );
}

export class TokenExists extends Error {}

/** How long a new token lives unless told otherwise: a year, then the bureau issues a new one. */
export const DEFAULT_TOKEN_DAYS = 365;

/** Creates a bureau API token: the secret is returned once, only its sha256 is stored. */
export async function createToken(tokens: TokenRepository, name: string, expiresAt: Date | null): Promise<string> {
  if (await tokens.exists(name)) throw new TokenExists(`A token named "${name}" exists already.`);
  const secret = `hub_${randomBytes(24).toString('base64url')}`;
  await tokens.create(name, hashToken(secret), expiresAt);
  return secret;
}

/** A token's state on a date: what `pnpm hub token list` prints. */
export function tokenState(token: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): 'live' | 'revoked' | 'expired' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && token.expiresAt <= now) return 'expired';
  return 'live';
}
