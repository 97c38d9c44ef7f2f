import { join } from 'node:path';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeText, importFile, publishBatch, type ImportSummary } from '@hub/api/import';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import {
  A,
  B,
  C,
  certificationsJson,
  certificationsTable,
  cultivationJson,
  cultivationTable,
  dynamicJson,
  evaluationsJson,
  evaluationsTable,
  noticesTable,
  revocationsJson,
  revocationsTable,
  selfReportsTable,
} from './data.ts';
import { chineseDate, dotDate, slashDate, tempDir, writeCsv, writeJson, writeXlsx, type Table } from './fixtures.ts';

/**
 * Every registry kind in every format: the .xlsx (title row, merged cells, notes, Excel dates,
 * full-width characters) is imported and published; the same records as GBK CSV, UTF-8 CSV with
 * BOM and JSON then come out unchanged — the four readers normalise alike.
 */
describe('registry files in every format', () => {
  let db: TestDatabase;
  let dir: string;
  const one = async (sql: string, params: unknown[] = []) => (await db.sql.query(sql, params)).rows;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await tempDir();
  });
  afterAll(async () => {
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  /** The xlsx first (imported and published), then the same records in the other formats. */
  async function everyFormat(
    kind: string,
    name: string,
    tables: Table | Table[],
    json: object[],
    xlsxSheets?: Array<{ name: string; table: Table | Table[] }>,
  ): Promise<{ first: ImportSummary; others: ImportSummary[] }> {
    const xlsx = join(dir, `${name}.xlsx`);
    await writeXlsx(xlsx, xlsxSheets ?? [{ name: 'Sheet1', table: tables }]);
    const first = await importFile(db.sql, xlsx, { kind });
    await publishBatch(db.sql, first.batchId!);
    const others: ImportSummary[] = [];
    for (const [suffix, write] of [
      ['gbk.csv', (p: string) => writeCsv(p, tables, 'gbk', slashDate)],
      ['bom.csv', (p: string) => writeCsv(p, tables, 'utf8-bom', chineseDate)],
      ['json', (p: string) => writeJson(p, json)],
    ] as const) {
      const path = join(dir, `${name}.${suffix}`);
      await write(path);
      others.push(await importFile(db.sql, path, { kind }));
    }
    return { first, others };
  }

  it('认定名单: a round announcement, enterprise merged over its items, 届次 as 第一届 / 2023 / 首届', async () => {
    const { first, others } = await everyFormat('certifications', 'certifications', certificationsTable, certificationsJson);
    expect(first).toMatchObject({
      outcome: 'imported',
      kind: 'certifications',
      title: '2023年度"湖北精品"认定名单',
      rows: 5,
      new: 5,
      unmapped: [{ column: '推荐单位', rows: 5 }],
    });
    for (const s of others) expect(s).toMatchObject({ outcome: 'imported', rows: 5, new: 0, corrected: 0, unchanged: 5 });
    expect(others[0].encoding).toBe('gb18030');

    const items = await one(
      `SELECT t.round, e.uscc, t.name, t.kind, t.trademark, t.standard_no, t.standard_name, t.standard_level, t.industry_code,
              t.certified_on::text, t.certificate_no, t.seq_no
         FROM certified_item t JOIN enterprise e ON e.id = t.enterprise_id ORDER BY t.seq_no`,
    );
    expect(items).toEqual([
      {
        round: 1,
        uscc: A.uscc,
        name: '楚天浓香型白酒',
        kind: 'product',
        trademark: '楚天',
        standard_no: 'T/HBAS 012-2023',
        standard_name: '浓香型白酒',
        standard_level: 'group',
        industry_code: '1512',
        certified_on: '2024-03-15',
        certificate_no: 'HBJP2023001',
        seq_no: 1,
      },
      {
        round: 1,
        uscc: A.uscc,
        name: '楚天酱香型白酒',
        kind: 'product',
        trademark: '楚天',
        standard_no: 'Q/CTJY 0002S-2023',
        standard_name: '酱香型白酒',
        standard_level: 'enterprise',
        industry_code: '1512',
        certified_on: '2024-03-15',
        certificate_no: 'HBJP2023002',
        seq_no: 2,
      },
      {
        round: 1,
        uscc: B.uscc,
        name: '额定电压450/750V电缆',
        kind: 'product',
        trademark: '三峡',
        standard_no: 'GB/T 5023.3-2008',
        standard_name: null,
        standard_level: 'national',
        industry_code: '3831',
        certified_on: '2024-03-15',
        certificate_no: 'HBJP2023003',
        seq_no: 3,
      },
      {
        round: 1,
        uscc: C.uscc,
        name: '利川红茶',
        kind: 'product',
        trademark: null,
        standard_no: 'DB42/T 1234-2020',
        standard_name: '利川红',
        standard_level: 'local',
        industry_code: '1530',
        certified_on: '2024-03-15',
        certificate_no: null,
        seq_no: 4,
      },
      {
        round: 2,
        uscc: C.uscc,
        name: '恩施硒茶研学体验服务',
        kind: 'service',
        trademark: null,
        standard_no: null,
        standard_name: null,
        standard_level: null,
        industry_code: '9999',
        certified_on: null,
        certificate_no: null,
        seq_no: 5,
      },
    ]);
    expect(await one(`SELECT uscc, name, city_code, county, province_code FROM enterprise ORDER BY uscc`)).toEqual([
      { uscc: A.uscc, name: A.name, city_code: '420100', county: '江夏区', province_code: '42' },
      { uscc: B.uscc, name: B.name, city_code: '420500', county: null, province_code: '42' },
      { uscc: C.uscc, name: C.name, city_code: '422800', county: '利川市', province_code: '42' },
    ]);
    // a class the hub did not know arrives with its name; trademarks are kept per enterprise
    expect(await one(`SELECT name FROM industry WHERE code = '9999'`)).toEqual([{ name: '硒茶研学服务' }]);
    expect(await one(`SELECT name FROM trademark ORDER BY name`)).toEqual([{ name: '三峡' }, { name: '楚天' }]);
    // the unmapped column travels with each row of the draft
    const [row] = await one(`SELECT data->'extra' AS extra FROM batch_row WHERE batch_id = $1 AND row_number = 3`, [first.batchId]);
    expect(row.extra).toEqual({ 推荐单位: '武汉市市场监督管理局' });
  });

  it('培育库入库名单: the contact person and phone split from one cell', async () => {
    const { first, others } = await everyFormat('cultivation', 'cultivation', cultivationTable, cultivationJson);
    expect(first).toMatchObject({ rows: 3, new: 3, unmapped: [] });
    for (const s of others) expect(s).toMatchObject({ rows: 3, unchanged: 3 });
    expect(
      await one(`SELECT year, item_name, standard, industry_code, contact_name, contact_phone FROM cultivation_entry ORDER BY id`),
    ).toEqual([
      {
        year: 2024,
        item_name: '楚天清香型白酒',
        standard: 'GB/T 10781.2-2022 清香型白酒',
        industry_code: '1512',
        contact_name: '张三',
        contact_phone: '13800000000',
      },
      {
        year: 2024,
        item_name: '铝合金电缆',
        standard: 'Q/SXDL 001-2024',
        industry_code: '3831',
        contact_name: '李四',
        contact_phone: '0717-6543210',
      },
      {
        year: 2024,
        item_name: '恩施玉露',
        standard: 'GB/T 18650-2008 地理标志产品 恩施玉露',
        industry_code: '1530',
        contact_name: '王五',
        contact_phone: '13912345678',
      },
    ]);
  });

  it('标准先进性评价: 通过 / 未通过, linked to the cultivation entry', async () => {
    const { first, others } = await everyFormat('evaluations', 'evaluations', evaluationsTable, evaluationsJson);
    expect(first).toMatchObject({ rows: 3, new: 3 });
    for (const s of others) expect(s).toMatchObject({ rows: 3, unchanged: 3 });
    const rows = await one(
      `SELECT s.item_name, s.standard_no, s.standard_level, s.passed, s.evaluated_on::text, c.item_name AS entry
         FROM standard_evaluation s LEFT JOIN cultivation_entry c ON c.id = s.cultivation_entry_id ORDER BY s.id`,
    );
    expect(rows).toEqual([
      {
        item_name: '楚天清香型白酒',
        standard_no: 'GB/T 10781.2-2022',
        standard_level: 'national',
        passed: true,
        evaluated_on: '2024-09-20',
        entry: '楚天清香型白酒',
      },
      {
        item_name: '铝合金电缆',
        standard_no: 'Q/SXDL 001-2024',
        standard_level: 'enterprise',
        passed: false,
        evaluated_on: '2024-09-20',
        entry: '铝合金电缆',
      },
      {
        item_name: '恩施玉露',
        standard_no: 'GB/T 18650-2008',
        standard_level: 'national',
        passed: true,
        evaluated_on: null,
        entry: '恩施玉露',
      },
    ]);
  });

  it('撤销认定决定: items by certificate number or by name, 撤销情形 as clause or (三)', async () => {
    const { first, others } = await everyFormat('revocations', 'revocations', revocationsTable, revocationsJson);
    expect(first).toMatchObject({ rows: 2, new: 2 });
    for (const s of others) expect(s).toMatchObject({ rows: 2, unchanged: 2 });
    const rows = await one(
      `SELECT r.decision_no, r.decided_on::text, e.uscc, r.ground, r.ground_text,
              array(SELECT t.name FROM revocation_item ri JOIN certified_item t ON t.id = ri.certified_item_id
                     WHERE ri.revocation_id = r.id ORDER BY t.name) AS items
         FROM revocation r JOIN enterprise e ON e.id = r.enterprise_id ORDER BY r.decision_no`,
    );
    expect(rows).toEqual([
      {
        decision_no: '鄂精品委〔2025〕1号',
        decided_on: '2025-06-30',
        uscc: B.uscc,
        ground: 'consecutive_failures',
        ground_text: '第十六条第二项',
        items: ['额定电压450/750V电缆'],
      },
      {
        decision_no: '鄂精品委〔2025〕2号',
        decided_on: '2025-07-15',
        uscc: A.uscc,
        ground: 'unrectified',
        ground_text: '（三）',
        items: ['楚天浓香型白酒', '楚天酱香型白酒'],
      },
    ]);
  });

  it('动态管理记录: self-reports and rectification notices — a sheet each, stacked tables in a CSV, typed objects in JSON', async () => {
    const { first, others } = await everyFormat('dynamic-management', 'dynamic', [selfReportsTable, noticesTable], dynamicJson, [
      { name: '自查报告', table: selfReportsTable },
      { name: '说明', table: { headers: ['说明'], rows: [['本表由认定委员会秘书处填报']] } },
      { name: '整改通知书', table: noticesTable },
    ]);
    expect(first).toMatchObject({
      rows: 4,
      new: 4,
      byType: { self_report: { rows: 2, new: 2 }, rectification_notice: { rows: 2, new: 2 } },
      sheets: ['自查报告', '说明', '整改通知书'],
      skippedSheets: ['说明'],
    });
    for (const s of others) expect(s).toMatchObject({ rows: 4, unchanged: 4 });
    expect(await one(`SELECT year, submitted_on::text, review_opinion FROM self_report ORDER BY submitted_on`)).toEqual([
      { year: 2025, submitted_on: '2025-10-28', review_opinion: '材料齐全' },
      { year: 2025, submitted_on: '2025-10-31', review_opinion: null },
    ]);
    expect(
      await one(
        `SELECT n.notice_no, t.name AS item, n.issued_on::text, n.due_on::text, n.completed_on::text, n.result
           FROM rectification_notice n LEFT JOIN certified_item t ON t.id = n.certified_item_id ORDER BY n.notice_no`,
      ),
    ).toEqual([
      {
        notice_no: '鄂精品整〔2025〕3号',
        item: '利川红茶',
        issued_on: '2025-05-06',
        due_on: '2025-06-05',
        completed_on: '2025-05-30',
        result: 'pass',
      },
      { notice_no: '鄂精品整〔2025〕4号', item: null, issued_on: '2025-11-03', due_on: '2025-12-03', completed_on: null, result: null },
    ]);
  });

  it('reads a CSV with dots in its dates, Excel\'s UTF-16 "Unicode text", and a workbook sheet chosen with --sheet', async () => {
    const csv = join(dir, 'evaluations-dots.csv');
    await writeCsv(csv, evaluationsTable, 'utf8', dotDate);
    expect(await importFile(db.sql, csv, { kind: 'evaluations', dryRun: true })).toMatchObject({
      outcome: 'dry-run',
      batchId: null,
      rows: 3,
      unchanged: 3,
    });
    const xlsx = join(dir, 'two-sheets.xlsx');
    await writeXlsx(xlsx, [
      { name: '封面', table: { headers: ['说明'], rows: [['2024年度']] } },
      { name: '评价结果', table: evaluationsTable },
    ]);
    expect(await importFile(db.sql, xlsx, { kind: 'evaluations', sheet: '评价结果', dryRun: true })).toMatchObject({
      rows: 3,
      unchanged: 3,
      sheets: ['评价结果'],
    });
    await expect(importFile(db.sql, xlsx, { kind: 'evaluations', sheet: '不存在', dryRun: true, errorsFile: false })).rejects.toMatchObject(
      {
        issues: [{ zh: '没有名为"不存在"的工作表（有：封面、评价结果）' }],
      },
    );
    // the first sheet (the cover) has no header row: an error, not a guess
    await expect(importFile(db.sql, xlsx, { kind: 'evaluations', dryRun: true, errorsFile: false })).rejects.toMatchObject({
      issues: [{ en: expect.stringMatching(/^no header row found/) }],
    });
    expect(await readFile(csv, 'utf8')).toContain('2024.9.20');

    // Excel's "Unicode text": UTF-16 with BOM, tab-separated
    const tsv = join(dir, 'evaluations.txt');
    const text = [evaluationsTable.headers, ...evaluationsTable.rows]
      .map((row) => row.map((v) => (v === null ? '' : typeof v === 'object' ? v.iso : String(v))).join('\t'))
      .join('\r\n');
    await writeFile(tsv, encodeText(text, 'utf-16le'));
    expect(await importFile(db.sql, tsv, { kind: 'evaluations', dryRun: true })).toMatchObject({
      rows: 3,
      unchanged: 3,
      encoding: 'utf-16le',
    });
  });
});
