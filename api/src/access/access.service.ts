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

/** Reads `Authorization: Bearer <token>`. No header: anonymous. A wrong token is an error, not anonymity. */
export async function resolveViewer(tokens: TokenRepository, authorization: string | undefined): Promise<Viewer> {
  if (!authorization) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw userError('UNAUTHENTICATED', 'Authorization must be "Bearer <token>".', { http: { status: 401 } });
  const name = await tokens.use(hashToken(match[1]));
  if (!name)
    throw userError(
      'UNAUTHENTICATED',
      'This API token is unknown or revoked; ask the bureau for a new one, or send no Authorization header for public data.',
      { http: { status: 401 } },
    );
  return { bureau: true, tokenName: name };
}

/** The access check of what only bureau tokens may do or read; `what` names it in the error. */
export function requireBureau(viewer: Viewer, what: string): void {
  if (!viewer.bureau) {
    throw userError('FORBIDDEN', `${what} is personal data: it is returned only to bureau API tokens.`);
  }
}

export class TokenExists extends Error {}

/** Creates a bureau API token: the secret is returned once, only its sha256 is stored. */
export async function createToken(tokens: TokenRepository, name: string): Promise<string> {
  if (await tokens.exists(name)) throw new TokenExists(`A token named "${name}" exists already.`);
  const secret = `hub_${randomBytes(24).toString('base64url')}`;
  await tokens.create(name, hashToken(secret));
  return secret;
}
