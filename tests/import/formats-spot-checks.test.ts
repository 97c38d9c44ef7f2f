import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, publishBatch, type ImportSummary } from '@hub/api/import';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import {
  A,
  B,
  OUT_OF_PROVINCE,
  certificationsJson,
  certificationsTable,
  followUpsInSpotCheckFile,
  followUpsJson,
  followUpsTable,
  spotChecksJson,
  spotChecksTable,
  warningsJson,
  warningsTable,
} from './data.ts';
import { slashDate, tempDir, writeCsv, writeJson, writeXlsx, type Table } from './fixtures.ts';

/** Spot-check results, their follow-up events and consumer warnings, in every format. */
describe('spot-check files in every format', () => {
  let db: TestDatabase;
  let dir: string;
  const rows = async (sql: string, params: unknown[] = []) => (await db.sql.query(sql, params)).rows;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await tempDir();
    // the registry the results refer to
    const certifications = join(dir, 'certifications.json');
    await writeJson(certifications, certificationsJson);
    await publishBatch(db.sql, (await importFile(db.sql, certifications, { kind: 'certifications' })).batchId!);
  });
  afterAll(async () => {
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  async function otherFormats(
    kind: string,
    name: string,
    tables: Table | Table[],
    json: object[],
    dateStyle?: (iso: string) => string,
  ): Promise<ImportSummary[]> {
    const summaries: ImportSummary[] = [];
    for (const [suffix, write] of [
      ['gbk.csv', (p: string) => writeCsv(p, tables, 'gbk', dateStyle)],
      ['bom.csv', (p: string) => writeCsv(p, tables, 'utf8-bom', dateStyle)],
      ['json', (p: string) => writeJson(p, json)],
    ] as const) {
      const path = join(dir, `${name}.${suffix}`);
      await write(path);
      summaries.push(await importFile(db.sql, path, { kind }));
    }
    return summaries;
  }

  it('监督抽查结果: results with their follow-up events stacked below, read alike from every format', async () => {
    const xlsx = join(dir, 'spot-checks.xlsx');
    await writeXlsx(xlsx, [{ name: '抽查结果', table: [spotChecksTable, followUpsInSpotCheckFile] }]);
    const first = await importFile(db.sql, xlsx, { kind: 'spot-checks' });
    expect(first).toMatchObject({
      title: '2025年第1批省级产品质量监督抽查结果',
      rows: 6,
      new: 6,
      byType: { spot_check: { rows: 4, new: 4 }, case_event: { rows: 2, new: 2 } },
      unmapped: [{ column: '抽样单编号', rows: 3 }],
    });
    const published = await publishBatch(db.sql, first.batchId!);
    expect(published).toMatchObject({ inserted: 6, corrected: 0, unchanged: 0 });
    expect(published.spotCheckIds).toHaveLength(4);

    // the production-batch cells keep their text; dates written in the text stay as written
    for (const s of await otherFormats('spot-checks', 'spot-checks', [spotChecksTable, followUpsInSpotCheckFile], spotChecksJson)) {
      expect(s).toMatchObject({ rows: 6, new: 0, corrected: 0, unchanged: 6 });
    }
  });

  it('stores what the results say: trademark "—" as none, items with requirement and measured value, extras kept', async () => {
    const results = await rows(
      `SELECT s.report_no, s.check_type, s.trademark, s.model_spec, s.production_batch, s.production_date::text, s.conclusion,
              s.severity, s.sampling_stage, s.platform, s.city_code, s.extra, p.name AS producer, p.uscc AS producer_uscc,
              p.province_code, u.name AS sampled_unit, t.name AS certified_item,
              coalesce((SELECT json_agg(json_build_object('item', n.item, 'requirement', n.requirement, 'measured', n.measured) ORDER BY n.seq)
                          FROM nonconforming_item n WHERE n.spot_check_id = s.id), '[]') AS items
         FROM spot_check s JOIN enterprise p ON p.id = s.producer_id LEFT JOIN enterprise u ON u.id = s.sampled_unit_id
         LEFT JOIN certified_item t ON t.id = s.certified_item_id ORDER BY s.report_no`,
    );
    expect(results).toEqual([
      {
        report_no: 'HB2025-0001',
        check_type: 'provincial',
        trademark: '楚天',
        model_spec: '500mL 52%vol',
        production_batch: '2024-11-03',
        production_date: '2024-11-03',
        conclusion: 'pass',
        severity: null,
        sampling_stage: 'production',
        platform: null,
        city_code: '420100',
        extra: { 抽样单编号: 'CY-0001' },
        producer: A.name,
        producer_uscc: A.uscc,
        province_code: '42',
        sampled_unit: A.name,
        certified_item: '楚天浓香型白酒',
        items: [],
      },
      {
        report_no: 'HB2025-0002',
        check_type: 'provincial',
        trademark: null,
        model_spec: 'TDT-1234Z',
        production_batch: '2024/12/01 批号B1201',
        production_date: '2024-12-01',
        conclusion: 'fail',
        severity: 'serious',
        sampling_stage: 'circulation',
        platform: null,
        city_code: '420100',
        extra: { 抽样单编号: 'CY-0002' },
        producer: OUT_OF_PROVINCE.name,
        producer_uscc: OUT_OF_PROVINCE.uscc,
        province_code: '44',
        sampled_unit: null,
        certified_item: null,
        items: [
          { item: '整车质量', requirement: '≤55kg', measured: '58.2kg' },
          { item: '最高车速', requirement: '≤25km/h', measured: '29km/h' },
        ],
      },
      {
        report_no: 'HB2025-0003',
        check_type: 'city',
        trademark: '三峡',
        model_spec: 'BV 2.5',
        production_batch: null,
        production_date: null,
        conclusion: 'fail',
        severity: 'general',
        sampling_stage: 'circulation',
        platform: null,
        city_code: '420500',
        extra: null,
        producer: B.name,
        producer_uscc: B.uscc,
        province_code: '42',
        sampled_unit: null,
        certified_item: '额定电压450/750V电缆',
        items: [
          { item: '导体电阻', requirement: null, measured: null },
          { item: '绝缘厚度', requirement: null, measured: null },
        ],
      },
      {
        report_no: 'HB2025-0004',
        check_type: 'provincial',
        trademark: null,
        model_spec: 'A-88',
        production_batch: '2024.10.05',
        production_date: '2024-10-05',
        conclusion: 'pass',
        severity: null,
        sampling_stage: 'ecommerce',
        platform: '拼多多',
        city_code: '421300',
        extra: { 抽样单编号: 'CY-0004' },
        producer: '义乌市童乐玩具厂',
        producer_uscc: null,
        province_code: null,
        sampled_unit: null,
        certified_item: null,
        items: [],
      },
    ]);
    // the delivery events of the same file, attached to the results of the same file
    expect(
      await rows(
        `SELECT s.report_no, e.kind, e.occurred_on::text, e.note FROM case_event e JOIN spot_check s ON s.id = e.spot_check_id ORDER BY 1`,
      ),
    ).toEqual([
      { report_no: 'HB2025-0002', kind: 'delivered', occurred_on: '2025-03-10', note: '被抽样单位签收' },
      { report_no: 'HB2025-0003', kind: 'delivered', occurred_on: '2025-03-11', note: null },
    ]);
  });

  it('后处理进展: 事项 and 结果 mapped to codes (不成立 = 维持), against published results', async () => {
    const xlsx = join(dir, 'follow-ups.xlsx');
    await writeXlsx(xlsx, [{ name: 'Sheet1', table: followUpsTable }]);
    const first = await importFile(db.sql, xlsx, { kind: 'follow-ups' });
    expect(first).toMatchObject({ rows: 6, new: 6 });
    const published = await publishBatch(db.sql, first.batchId!);
    expect(published.spotCheckIds).toHaveLength(2);
    for (const s of await otherFormats('follow-ups', 'follow-ups', followUpsTable, followUpsJson, slashDate)) {
      expect(s).toMatchObject({ rows: 6, unchanged: 6 });
    }
    expect(
      await rows(
        `SELECT s.report_no, e.kind, e.occurred_on::text, e.outcome FROM case_event e JOIN spot_check s ON s.id = e.spot_check_id WHERE e.kind <> 'delivered' ORDER BY 1, 3`,
      ),
    ).toEqual([
      { report_no: 'HB2025-0002', kind: 'objection_filed', occurred_on: '2025-03-20', outcome: 'sample_authenticity' },
      { report_no: 'HB2025-0002', kind: 'objection_decided', occurred_on: '2025-04-10', outcome: 'authenticity_upheld' },
      { report_no: 'HB2025-0003', kind: 'objection_filed', occurred_on: '2025-03-21', outcome: 'conclusion' },
      { report_no: 'HB2025-0003', kind: 'objection_decided', occurred_on: '2025-04-11', outcome: 'rejected' },
      { report_no: 'HB2025-0003', kind: 'transferred', occurred_on: '2025-04-20', outcome: null },
      { report_no: 'HB2025-0003', kind: 'disclosure_situation', occurred_on: '2025-06-01', outcome: 'consecutive_failures' },
    ]);
  });

  it('消费警示: zero or more related report numbers', async () => {
    const xlsx = join(dir, 'warnings.xlsx');
    await writeXlsx(xlsx, [{ name: '消费警示', table: warningsTable }]);
    const first = await importFile(db.sql, xlsx, { kind: 'warnings' });
    expect(first).toMatchObject({ rows: 3, new: 3 });
    await publishBatch(db.sql, first.batchId!);
    for (const s of await otherFormats('warnings', 'warnings', warningsTable, warningsJson, slashDate)) {
      expect(s).toMatchObject({ rows: 3, unchanged: 3 });
    }
    expect(
      await rows(
        `SELECT w.title, w.published_on::text, array(SELECT s.report_no FROM warning_spot_check x JOIN spot_check s ON s.id = x.spot_check_id
                                                      WHERE x.consumer_warning_id = w.id ORDER BY 1) AS reports
           FROM consumer_warning w ORDER BY w.published_on`,
      ),
    ).toEqual([
      { title: '电动自行车消费警示', published_on: '2025-06-15', reports: ['HB2025-0002'] },
      { title: '电线电缆消费提示', published_on: '2025-06-20', reports: ['HB2025-0002', 'HB2025-0003'] },
      { title: '夏季用电安全提示', published_on: '2025-07-01', reports: [] },
    ]);
  });
});

describe('reading workbooks', () => {
  it('streams every workbook row by row, merges down a column filled as exceljs reading the whole file resolves them', async () => {
    const { readXlsx } = await import('@hub/api/import/read/xlsx.ts');
    const { stat } = await import('node:fs/promises');
    const { createRequire } = await import('node:module');
    const ExcelJS: any = createRequire(new URL('../../api/package.json', import.meta.url))('exceljs');
    const dir = await tempDir();
    const file = join(dir, 'stream.xlsx');
    await writeXlsx(file, [
      { name: '隐藏', table: { headers: ['x'], rows: [['y']] }, hidden: true },
      { name: '抽查结果', table: [spotChecksTable, followUpsInSpotCheckFile] },
      { name: '认定名单', table: certificationsTable },
    ]);
    const norm = (cells: unknown[]) => {
      // an empty string and no value are the same cell; trailing empty cells are no cells
      const out = cells.map((c) => (c instanceof Date ? c.toISOString() : c === '' || c === undefined ? null : c));
      while (out.length && out[out.length - 1] === null) out.pop();
      return out;
    };
    const streamed: Array<{ name: string; hidden: boolean; rows: unknown[] }> = [];
    for await (const sheet of readXlsx(file, (await stat(file)).size)) {
      const rows: unknown[] = [];
      for await (const row of sheet.rows) rows.push({ row: row.row, cells: norm(row.cells) });
      streamed.push({ name: sheet.name, hidden: sheet.hidden, rows });
    }
    // the reference: exceljs reading the whole workbook, a merged cell's master value down its column
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const whole = workbook.worksheets.map((ws: any) => {
      const rows: unknown[] = [];
      ws.eachRow({ includeEmpty: false }, (row: any, number: number) => {
        const cells: unknown[] = [];
        for (let c = 1; c <= row.cellCount; c++) {
          const cell = row.getCell(c);
          const value = cell.isMerged && cell.master !== cell ? (cell.master.col === cell.col ? cell.master.value : null) : cell.value;
          cells.push(value && typeof value === 'object' && 'richText' in value ? value.richText.map((r: any) => r.text).join('') : value);
        }
        rows.push({ row: number, cells: norm(cells) });
      });
      return { name: ws.name, hidden: ws.state === 'hidden', rows };
    });
    expect(streamed.map((s) => [s.name, s.hidden])).toEqual([
      ['隐藏', true],
      ['抽查结果', false],
      ['认定名单', false],
    ]);
    expect(streamed).toEqual(whole);
    await rm(dir, { recursive: true, force: true });
    expect(streamed[1].rows[2]).toMatchObject({
      row: 3,
      cells: expect.arrayContaining([1, '省级监督抽查', '楚天浓香型白酒', '2024-11-03T00:00:00.000Z', 'CY-0001']),
    });
    // the enterprise named once over its two items (rows 3–4) counts for both
    expect(
      (streamed[2].rows as Array<{ row: number; cells: unknown[] }>).filter((r) => r.row === 3 || r.row === 4).map((r) => r.cells[2]),
    ).toEqual([A.name, A.name]);
  });
});
