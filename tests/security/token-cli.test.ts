import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { hub } from '../support/cli.ts';

/** `pnpm hub token create | list | revoke` as the bureau runs it, against the real API. */
describe('pnpm hub token', () => {
  let db: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db.url);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const ask = (token: string) =>
    fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });

  it('creates a named token with an expiry, lists it, and a revoked token gets 401', async () => {
    const created = await hub(['token', 'create', '质量处', '--days', '30'], db.url);
    expect(created.code, created.stderr).toBe(0);
    const secret = /^(hub_\S+)$/m.exec(created.stdout)![1];
    expect(created.stdout).toMatch(/valid until \d{4}-\d{2}-\d{2}/);
    expect((await ask(secret)).status).toBe(200);

    const listed = await hub(['token', 'list'], db.url);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^质量处\tlive\t/m);
    expect(listed.stdout).not.toContain(secret);

    const revoked = await hub(['token', 'revoke', '质量处'], db.url);
    expect(revoked.code, revoked.stderr).toBe(0);
    const answer = await ask(secret);
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await hub(['token', 'list'], db.url)).stdout).toMatch(/^质量处\trevoked\t/m);

    // revoking twice, or a name never issued, is a usage error (exit code 2)
    expect((await hub(['token', 'revoke', '质量处'], db.url)).code).toBe(2);
    expect((await hub(['token', 'create', '记者', '--days', '0'], db.url)).code).toBe(2);
  }, 120_000);
});
