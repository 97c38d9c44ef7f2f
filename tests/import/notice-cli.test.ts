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

/** `pnpm hub import` of a register in the articles' words: imported, its warnings printed, the counts listed (issue 11). */
describe('pnpm hub import of a register as the bureau writes it', () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await tempDir();
  });
  afterAll(async () => {
    await db?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('imports a conclusion written as a sentence and events named as the documents, with a warning, and lists the counts', async () => {
    const file = join(dir, '抽查结果及后处理.csv');
    const result = {
      headers: [
        '抽查类型',
        '产品种类',
        '产品名称',
        '标称生产企业名称',
        '被抽样单位名称',
        '承检机构',
        '报告编号',
        '报告日期',
        '检验结论',
        '不合格项目',
      ],
      rows: [
        [
          '产品质量国家监督抽查',
          '白酒',
          '白酒',
          '某酒厂',
          '某超市',
          '湖北省产品质量监督检验研究院',
          'CLI-1',
          '2026-03-12',
          '所检项目不符合GB 2757-2012要求',
          '酒精度',
        ],
      ],
    };
    const events = {
      headers: ['报告编号', '事项', '日期', '结果', '说明'],
      rows: [
        ['CLI-1', '检验报告送达', '2026-03-20', '', ''],
        ['CLI-1', '提出异议申请', '2026-03-25', '对抽样过程提出书面异议', ''],
        ['CLI-1', '异议处理决定', '2026-04-10', '异议不成立，维持原检验结论', ''],
      ],
    };
    await writeCsv(file, [result, events], 'gbk');
    const cli = await hub(['import', file, '--kind', 'spot-checks'], db.url);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('警告 (warnings): 1');
    expect(cli.stdout).toContain('read as "不合格" (fail) from its key words only: please check');
    const { rows } = await db.sql.query(
      `SELECT data->'record'->>'kind' AS kind, data->'record'->>'outcome' AS outcome FROM batch_row WHERE data->>'type' = 'case_event' ORDER BY row_number`,
    );
    expect(rows).toEqual([
      { kind: 'delivered', outcome: null },
      { kind: 'objection_filed', outcome: 'sampling' },
      { kind: 'objection_decided', outcome: 'rejected' },
    ]);
    const listed = await hub(['batches'], db.url);
    expect(listed.code).toBe(0);
    // ID, kind, status, rows, errors, warnings
    expect(listed.stdout).toMatch(/^\d+\s+spot_checks\s+草稿 draft\s+4\s+0\s+1\s/m);
  }, 60_000);
});
