import type { Queryable } from '@hub/db';

/** Bureau API tokens (api_token): only their sha256 is stored. */
export class TokenRepository {
  constructor(private readonly db: Queryable) {}

  /** The name of a live token with this hash, its use recorded; undefined when unknown or revoked. */
  async use(tokenHash: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ name: string }>(
      `UPDATE api_token SET last_used_at = now() WHERE token_hash = $1 AND revoked_at IS NULL RETURNING name`,
      [tokenHash],
    );
    return row?.name;
  }

  async exists(name: string): Promise<boolean> {
    const [row] = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM api_token WHERE name = $1', [name]);
    return row.n > 0;
  }

  async create(name: string, tokenHash: string): Promise<void> {
    await this.db.execute('INSERT INTO api_token (name, token_hash) VALUES ($1, $2)', [name, tokenHash]);
  }
}
