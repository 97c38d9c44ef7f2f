import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';

const GUIDE = fileURLToPath(new URL('../../docs/API.md', import.meta.url));

/** The media guide's example queries run as written: a guide that lies is worse than none. */
describe('docs/API.md examples', () => {
  let db: TestDatabase;
  let api: TestApi;
  let examples: string[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db.url);
    examples = [...(await readFile(GUIDE, 'utf8')).matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('has six examples', () => {
    expect(examples).toHaveLength(6);
  });

  it('runs every example without an error, anonymously', async () => {
    for (const query of examples) {
      const answer = await api.query(query);
      expect(answer.errors, query.split('\n')[0]).toBeUndefined();
      expect(answer.data).toBeTruthy();
    }
  });
});
