import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { certificationsTable } from './data.ts';
import { hub, tempDir, writeCsv } from './fixtures.ts';

const NOTICE = 'https://scjg.hubei.gov.cn/fbjd/tzgg/202403/t20240312_0001.shtml';

/** `pnpm hub import --notice-url … --notice-no … --reviewed N`, as the bureau runs it. */
describe('pnpm hub import with the official notice (公告)', () => {
  let db: TestDatabase;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await tempDir();
    file = join(dir, '认定名单.csv');
    await writeCsv(file, { ...certificationsTable, rows: certificationsTable.rows.slice(0, 4) }, 'utf8');
  });
  afterAll(async () => {
    await db?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses a javascript: address with a clear message and imports nothing', async () => {
    const cli = await hub(['import', file, '--kind', 'certifications', '--notice-url', 'javascript:alert(1)'], db.url);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('公告链接 "javascript:alert(1)" 不是 http 或 https 网址');
    expect(cli.stderr).toContain('is not an http or https address');
    expect((await db.sql.query('SELECT count(*)::int AS n FROM batch')).rows[0].n).toBe(0);
  });

  it('stores the notice and the reviewed count on the draft batch', async () => {
    const cli = await hub(
      ['import', file, '--kind', 'certifications', '--notice-url', NOTICE, '--notice-no', '鄂精品委〔2024〕1号', '--reviewed', '163'],
      db.url,
    );
    expect(cli.code, cli.stderr).toBe(0);
    const { rows } = await db.sql.query('SELECT notice_url, notice_no, reviewed_items FROM batch');
    expect(rows).toEqual([{ notice_url: NOTICE, notice_no: '鄂精品委〔2024〕1号', reviewed_items: 163 }]);
  });
});
