import type { Queryable } from '@hub/db';

export interface TokenRow {
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** Bureau API tokens (api_token): only their sha256 is stored. */
export class TokenRepository {
  constructor(private readonly db: Queryable) {}

  /** The name of a live token with this hash, its use recorded; undefined when unknown, revoked or expired. */
  async use(tokenHash: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ name: string }>(
      `UPDATE api_token SET last_used_at = now()
       WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now()) RETURNING name`,
      [tokenHash],
    );
    return row?.name;
  }

  async exists(name: string): Promise<boolean> {
    const [row] = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM api_token WHERE name = $1', [name]);
    return row.n > 0;
  }

  async create(name: string, tokenHash: string, expiresAt: Date | null = null): Promise<void> {
    await this.db.execute('INSERT INTO api_token (name, token_hash, expires_at) VALUES ($1, $2, $3)', [name, tokenHash, expiresAt]);
  }

  /** Every token, newest first (never the secret: only its hash is stored, and not listed either). */
  list(): Promise<TokenRow[]> {
    return this.db.query<TokenRow>(
      `SELECT name, created_at AS "createdAt", last_used_at AS "lastUsedAt", expires_at AS "expiresAt", revoked_at AS "revokedAt"
       FROM api_token ORDER BY created_at DESC, id DESC`,
    );
  }

  /** Revokes a live token by name: false when there is none by that name or it was revoked already. */
  async revoke(name: string): Promise<boolean> {
    return (await this.db.execute('UPDATE api_token SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL', [name])) > 0;
  }
}
