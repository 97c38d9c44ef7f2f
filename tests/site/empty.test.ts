import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '@hub/api';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';

/** A new installation: the site builds before the bureau has published anything. */
describe('the public site over an empty database', () => {
  let db: TestDatabase;
  let api: TestApi;
  let outDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db.url);
    outDir = await mkdtemp(join(tmpdir(), 'hub-site-empty-'));
    await buildSite({ apiUrl: api.url, outDir, quiet: true });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('builds, says that nothing is published yet, and offers empty open data with its header', async () => {
    const home = await readFile(join(outDir, 'index.html'), 'utf8');
    expect(home).toContain('尚无已发布批次');
    expect(home).toContain('数据截至 <strong>—</strong>');
    expect(home).not.toContain('data-sample-banner');
    const csv = await readFile(join(outDir, 'data/failures.csv'), 'utf8');
    expect(csv.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(await readFile(join(outDir, 'pagefind/hub-parts.json'), 'utf8'))).toEqual([]);
  });
});
