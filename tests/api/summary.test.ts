import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_FILE, hubSchemaSDL } from '@hub/api';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';

describe('the GraphQL contract', () => {
  it('is the committed schema/schema.graphql (run `pnpm schema:write` after changing the API)', async () => {
    expect(await hubSchemaSDL()).toBe(await readFile(SCHEMA_FILE, 'utf8'));
  });
});

describe('summary over HTTP', () => {
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

  it('answers health', async () => {
    const answer = await api.query('{ health }');
    expect(answer.data).toEqual({ health: 'ok' });
    expect(answer.extensions.cost).toEqual({ requested: 0, limit: 20000 });
  });

  it('reports zero and no date on an empty database', async () => {
    const { data } = await api.query('{ summary { dataAsOf publishedBatches spotChecks containsSampleData } }');
    expect(data.summary).toEqual({ dataAsOf: null, publishedBatches: 0, spotChecks: 0, containsSampleData: false });
  });
});
