import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, setLogger } from '@hub/api/ops';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

/** What the server logged, one parsed JSON object per line. */
const lines: Record<string, any>[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});

let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  setLogger(createLogger({ level: 'info', destination: sink }));
  db = await createTestDatabase();
  api = await startTestApi(db.url);
});
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

async function post(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { id: response.headers.get('x-request-id'), body: (await response.json()) as any };
}

const until = async (found: () => unknown) => {
  for (let i = 0; i < 50 && !found(); i++) await new Promise((r) => setTimeout(r, 20));
  return found();
};

describe('request ids and structured logs', () => {
  it('keeps a sane incoming x-request-id, replaces anything else, and echoes it', async () => {
    expect((await post('{ summary { containsSampleData } }', { 'x-request-id': 'lb-7f3a.42' })).id).toBe('lb-7f3a.42');
    const generated = (await post('{ summary { containsSampleData } }')).id!;
    expect(generated).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const forged = (await post('{ summary { containsSampleData } }', { 'x-request-id': 'x" {"level":60}' })).id!;
    expect(forged).not.toContain('"');
    expect(forged).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes one JSON access line per request, carrying the request id', async () => {
    await post('{ summary { containsSampleData } }', { 'x-request-id': 'access-line-1' });
    const line = (await until(() => lines.find((l) => l.requestId === 'access-line-1' && l.msg === 'request'))) as any;
    expect(line).toMatchObject({ level: 30, method: 'POST', url: '/graphql', status: 200, service: 'hub-api' });
    expect(line.ms).toBeTypeOf('number');
    expect(line.time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('masks an internal error to the client with the request id, and logs its stack under that id', async () => {
    // a real fault: the table the query reads is gone
    await db.sql.query('ALTER TABLE batch RENAME TO batch_gone');
    try {
      const answer = await post('{ batches { totalCount } }', { 'x-request-id': 'fault-1' });
      const error = answer.body.errors[0];
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'fault-1' });
      expect(error.message).not.toMatch(/batch|relation|SQL/i);
      expect(JSON.stringify(answer.body)).not.toContain('stack');

      const logged = (await until(() => lines.find((l) => l.requestId === 'fault-1' && l.msg === 'internal error'))) as any;
      expect(logged.level).toBe(50);
      expect(logged.err.message).toMatch(/batch/);
      expect(logged.err.stack).toMatch(/\n\s+at /);
    } finally {
      await db.sql.query('ALTER TABLE batch_gone RENAME TO batch');
    }
  });

  it('never writes a token into a log line', async () => {
    await post('{ summary { containsSampleData } }', { authorization: 'Bearer secret-token-value', 'x-request-id': 'token-1' });
    await until(() => lines.find((l) => l.requestId === 'token-1' && l.msg === 'request'));
    expect(JSON.stringify(lines)).not.toContain('secret-token-value');
  });
});
