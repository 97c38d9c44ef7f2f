// biome-ignore-all format: data tables, one record per line
/**
 * Workbooks as they arrive (issue 11): a legacy .xls (BIFF8, written here with SheetJS), an .xlsx
 * saved under .xls, a zip bomb refused from its central directory before anything is inflated,
 * and importBatch answering a file with thousands of errors with the first ones and a count.
 */
import { createRequire } from 'node:module';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '@hub/api';
import { ImportRejected, importFile, publishBatch } from '@hub/api/import';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { A, certificationsJson } from './data.ts';
import { tempDir, writeJson, writeXlsx } from './fixtures.ts';

// the readers are dependencies of the api package, not of the tests: load them from there
const requireFromApi = createRequire(new URL('../../api/package.json', import.meta.url));
const XLSX: any = requireFromApi('@e965/xlsx');

const HEADERS = ['序号', '抽查类型', '产品种类', '产品名称', '标称生产企业名称', '标称生产企业统一社会信用代码', '被抽样单位名称', '承检机构', '报告编号', '报告日期', '检验结论', '不合格项目'];

/** A BIFF8 workbook as a government site publishes it: a title merged across, a producer merged down, date cells. */
function writeXls(path: string): void {
  const serial = (iso: string) => (Date.UTC(...(iso.split('-').map(Number).map((v, i) => (i === 1 ? v - 1 : v)) as [number, number, number])) - Date.UTC(1899, 11, 30)) / 86400000;
  const rows = [
    ['武汉市2026年第2批产品质量监督抽查结果（.xls）'],
    HEADERS,
    [1, '市抽', '食用植物油', '菜籽油', A.name, A.uscc, '武汉某某超市', '武汉市产品质量监督检验所', 'XLS-01', serial('2026-04-01'), '不符合', '酸价（以KOH计）（标准值: ≤3, 实测值: 4.1）'],
    [2, '市抽', '食用植物油', '芝麻油', null, null, '武汉某某超市', '武汉市产品质量监督检验所', 'XLS-02', serial('2026-04-02'), '合格', ''],
    ['注：抽查结果仅对所抽样品负责。'],
  ];
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  for (const cell of ['J3', 'J4']) sheet[cell].z = 'yyyy/m/d';
  sheet['!merges'] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: HEADERS.length - 1 } }, // the title across the table
    { s: { r: 2, c: 4 }, e: { r: 3, c: 4 } }, // the producer named once for both rows
    { s: { r: 2, c: 5 }, e: { r: 3, c: 5 } },
  ];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '抽查结果');
  XLSX.writeFile(book, path, { bookType: 'biff8' });
}

/**
 * A zip file (PKZIP 2.0, deflated entries) built with node:zlib: local headers, data, central
 * directory. An entry may bring its data already deflated with the size it claims (a lying zip).
 */
function zipOf(entries: Array<[string, Buffer] | [string, { packed: Buffer; claims: number; crc: number }]>): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const path = Buffer.from(name);
    const packed = Buffer.isBuffer(content) ? deflateRawSync(content, { level: 9 }) : content.packed;
    const crc = Buffer.isBuffer(content) ? crc32(content) : content.crc;
    const size = Buffer.isBuffer(content) ? content.length : content.claims;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(path.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(path.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, path, packed);
    central.push(entry, path);
    offset += local.length + path.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

describe('workbooks as they arrive', () => {
  let db: TestDatabase;
  let dir: string;
  const rows = async (sql: string, params: unknown[] = []) => (await db.sql.query(sql, params)).rows;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await tempDir();
    const certifications = join(dir, 'certifications.json');
    await writeJson(certifications, certificationsJson);
    await publishBatch(db.sql, (await importFile(db.sql, certifications, { kind: 'certifications' })).batchId!);
  });
  afterAll(async () => {
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a legacy .xls (BIFF8): title row, merges down a column, date cells, values as written', async () => {
    const file = join(dir, '抽查结果.xls');
    writeXls(file);
    const summary = await importFile(db.sql, file, { kind: 'spot-checks' });
    expect(summary).toMatchObject({ format: 'xls', title: '武汉市2026年第2批产品质量监督抽查结果（.xls）', rows: 2, new: 2 });
    await publishBatch(db.sql, summary.batchId!);
    expect(await rows(`SELECT report_no, check_type, report_date::text, conclusion, producer_name FROM spot_check ORDER BY report_no`)).toEqual([
      { report_no: 'XLS-01', check_type: 'city', report_date: '2026-04-01', conclusion: 'fail', producer_name: A.name },
      { report_no: 'XLS-02', check_type: 'city', report_date: '2026-04-02', conclusion: 'pass', producer_name: A.name },
    ]);
    expect(await rows(`SELECT item, requirement, measured FROM nonconforming_item`)).toEqual([{ item: '酸价（以KOH计）', requirement: '≤3', measured: '4.1' }]);
  });

  it('reads an .xlsx saved under .xls as what it is', async () => {
    const file = join(dir, '其实是xlsx.xls');
    await writeXlsx(file, [{ name: '结果', table: { headers: HEADERS, rows: [[1, '国抽', '白酒', '白酒', A.name, A.uscc, A.name, '国家白酒质检中心', 'XLSX-AS-XLS', '2026-04-03', '合格', '']] } }]);
    expect(await importFile(db.sql, file, { kind: 'spot-checks', dryRun: true })).toMatchObject({ outcome: 'dry-run', rows: 1, new: 1 });
  });

  it('refuses a zip bomb from its central directory, fast, before inflating it', async () => {
    const bomb = join(dir, 'bomb.xlsx');
    await writeFile(
      bomb,
      zipOf([
        ['[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types/>')],
        ['xl/workbook.xml', Buffer.from('<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')],
        // 200 MB of one character compresses about 1000:1
        ['xl/worksheets/sheet1.xml', Buffer.alloc(200 * 1024 * 1024, 0x20)],
      ]),
    );
    const started = performance.now();
    const error = await importFile(db.sql, bomb, { kind: 'spot-checks' }).catch((e: unknown) => e);
    const ms = performance.now() - started;
    expect(error).toBeInstanceOf(ImportRejected);
    expect((error as ImportRejected).issues.map((i) => i.en)).toEqual([
      expect.stringMatching(/^looks like a zip bomb: xl\/worksheets\/sheet1\.xml inflates to 200 MB, ratio \d+:1 \(at most 100:1\); not read$/),
    ]);
    // refused from the directory, not by inflating 200 MB: seconds at most even on a loaded machine
    expect(ms).toBeLessThan(10_000);
  }, 60_000);

  it('refuses a zip whose directory lies about a size, cutting the inflater off at the claimed size', async () => {
    // a sheet that claims 4 KB and inflates to 256 MB (deflated as a stream: the test holds 1 MB at a time)
    const head = Buffer.from('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
    const deflate = createDeflateRaw({ level: 9 });
    const packed: Buffer[] = [];
    deflate.on('data', (chunk: Buffer) => packed.push(chunk));
    deflate.write(head);
    const spaces = Buffer.alloc(1024 * 1024, 0x20);
    for (let i = 0; i < 256; i++) if (!deflate.write(spaces)) await new Promise((resolve) => deflate.once('drain', resolve));
    deflate.end(Buffer.from('</sheetData></worksheet>'));
    await new Promise((resolve) => deflate.on('end', resolve));
    const liar = join(dir, 'liar.xlsx');
    await writeFile(
      liar,
      zipOf([
        ['[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types/>')],
        ['xl/_rels/workbook.xml.rels', Buffer.from('<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>')],
        ['xl/workbook.xml', Buffer.from('<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')],
        ['xl/worksheets/sheet1.xml', { packed: Buffer.concat(packed), claims: 4096, crc: 0 }],
      ]),
    );
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const error = await importFile(db.sql, liar, { kind: 'spot-checks' }).catch((e: unknown) => e);
    const ms = performance.now() - started;
    clearInterval(sampler);
    expect(error).toBeInstanceOf(ImportRejected);
    // one issue of the whole file: no row, no column
    expect((error as ImportRejected).issues).toEqual([
      {
        zh: '疑似压缩炸弹：xl/worksheets/sheet1.xml 解压后超过其中央目录声明的 4096 字节，已停止解压，未读取',
        en: 'looks like a zip bomb: xl/worksheets/sheet1.xml inflates to more than the 4096 bytes its central directory claims; inflating stopped, not read',
      },
    ]);
    // stopped after the claimed 4 KB (one inflater chunk), not after 256 MB
    expect(ms).toBeLessThan(5_000);
    expect(peak - before).toBeLessThan(64 * 1024 * 1024);
  }, 60_000);

  it('reads a workbook without temporary files, also when it stops after the first sheet', async () => {
    // exceljs's stream reader wrote each sheet stored before the shared strings (as Excel stores them) to a temporary file
    const temp = join(dir, 'tmp');
    await mkdir(temp);
    const file = join(dir, '两张表.xlsx');
    const row = (n: number) => [n, '省抽', '白酒', '白酒', A.name, A.uscc, A.name, '湖北省产品质量监督检验研究院', `TMP-${n}`, '2026-04-03', '合格', ''];
    await writeXlsx(file, [
      { name: '第一批', table: { headers: HEADERS, rows: [row(1)] } },
      { name: '第二批', table: { headers: HEADERS, rows: [row(2)] } },
    ]);
    const tmpdir = process.env.TMPDIR;
    process.env.TMPDIR = temp;
    try {
      expect(await importFile(db.sql, file, { kind: 'spot-checks', dryRun: true })).toMatchObject({ outcome: 'dry-run', rows: 1 });
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdir;
    }
    expect(await readdir(temp)).toEqual([]);
  });

  it('keeps Chinese text whole where a character is split between two inflated chunks', async () => {
    // 4,000 distinct names: about 200 KB of shared strings, inflated in 16 KB chunks
    const file = join(dir, '长名单.xlsx');
    const name = (n: number) => `菜籽油（压榨一级）湖北省第${n}批次“精品”抽样`;
    await writeXlsx(file, [
      { name: '结果', table: { headers: HEADERS, rows: Array.from({ length: 4000 }, (_, i) => [i + 1, '省抽', '食用植物油', name(i), A.name, A.uscc, A.name, '湖北省产品质量监督检验研究院', `UTF8-${i}`, '2026-04-03', '合格', '']) } },
    ]);
    const summary = await importFile(db.sql, file, { kind: 'spot-checks' });
    expect(summary).toMatchObject({ outcome: 'imported', rows: 4000 });
    await publishBatch(db.sql, summary.batchId!);
    const stored = await rows(`SELECT report_no, product_name FROM spot_check WHERE report_no LIKE 'UTF8-%'`);
    expect(stored).toHaveLength(4000);
    expect(stored.filter((r) => r.product_name !== name(Number(r.report_no.slice(5))))).toEqual([]);
  }, 60_000);
});

describe('importBatch with thousands of errors', () => {
  let db: TestDatabase;
  let api: TestApi;
  const TOKEN = 'hub_workbooks_token';
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.sql.query(`INSERT INTO api_token (name, token_hash) VALUES ('w', $1)`, [hashToken(TOKEN)]);
    api = await startTestApi(db.url);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('answers with the first 200 issues and the count, and warnings on success', async () => {
    const header = '抽查类型,产品种类,产品名称,标称生产企业名称,被抽样单位名称,承检机构,报告编号,报告日期,检验结论,不合格项目';
    const bad = [header, ...Array.from({ length: 3000 }, (_, i) => `省抽,白酒,白酒,某厂,某店,某所,BAD-${i},2026-02-30,合格,`)].join('\n');
    const IMPORT = `mutation($input: ImportBatchInput!) { importBatch(input: $input) { outcome rows warningCount warnings { level row column value en } } }`;
    const input = (csv: string, fileName = 'results.csv') => ({ kind: 'spot-checks', fileName, contentBase64: Buffer.from(csv).toString('base64') });
    const answer = await api.query(IMPORT, { input: input(bad) }, { authorization: `Bearer ${TOKEN}` });
    const { extensions } = answer.errors[0];
    expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', issueCount: 3000 });
    expect(extensions.issues).toHaveLength(200);
    expect(extensions.issues[0]).toEqual({ level: 'error', sheet: null, row: 2, column: '报告日期', value: '2026-02-30', zh: expect.any(String), en: 'no such day (2026-02 has no day 30)' });
    expect(JSON.stringify(answer).length).toBeLessThan(100_000);

    const good = [`${header},抽样单编号`, '2026年第1批省级产品质量监督抽查,白酒,白酒,某厂,某店,某所,OK-1,2026-02-28,合格,,CY-1'].join('\n');
    const imported = await api.query(IMPORT, { input: input(good, 'good.csv') }, { authorization: `Bearer ${TOKEN}` });
    expect(imported.errors).toBeUndefined();
    expect(imported.data.importBatch).toEqual({
      outcome: 'imported',
      rows: 1,
      warningCount: 2,
      warnings: [
        { level: 'warning', row: null, column: '抽样单编号', value: null, en: 'unmapped column: not read as a field, kept as written with each row (1 rows with a value)' },
        { level: 'warning', row: 2, column: '抽查类型', value: '2026年第1批省级产品质量监督抽查', en: 'read as "省级监督抽查" (provincial) from its key words only: please check' },
      ],
    });

    // the draft shows its counts to the bureau: a conclusion written as a sentence is a warning, not an error
    const sentence = [header, '省抽,白酒,白酒,某厂,某店,某所,OK-2,2026-02-28,所检项目符合GB/T 10781.1-2021要求,'].join('\n');
    const draft = await api.query(IMPORT, { input: { ...input(sentence, 'sentence.csv'), title: '检验结论写成句子' } }, { authorization: `Bearer ${TOKEN}` });
    expect(draft.data?.importBatch).toMatchObject({ outcome: 'imported', warningCount: 1, warnings: [{ row: 2, column: '检验结论', en: 'read as "合格" (pass) from its key words only: please check' }] });
    const drafts = await api.query(`{ batches(first: 5, status: draft) { nodes { title status summary } } }`, {}, { authorization: `Bearer ${TOKEN}` });
    expect(drafts.data.batches.nodes.find((b: { title: string }) => b.title === '检验结论写成句子')).toMatchObject({
      status: 'draft',
      summary: { new: 1, warnings: 1, errors: 0 },
    });
  });

  it('gives a case status since its first day, not since a later event that kept the status (a 公开情形)', async () => {
    const file = JSON.stringify([
      { type: 'spotCheck', checkType: '省抽', productCategory: '白酒', productName: '白酒', producerName: '某酒厂', sampledUnitName: '某酒厂', testingAgency: '某所', reportNo: 'SINCE-1', reportDate: '2026-03-02', conclusion: '不合格', items: ['酒精度'] },
      { type: 'followUp', reportNo: 'SINCE-1', event: '送达签收', date: '2026-03-04' },
      { type: 'followUp', reportNo: 'SINCE-1', event: '移交处理', date: '2026-04-01' },
      { type: 'followUp', reportNo: 'SINCE-1', event: '公开情形', date: '2026-05-06', outcome: '第二十七条第（四）项第5目' },
    ]);
    const auth = { authorization: `Bearer ${TOKEN}` };
    const imported = await api.query(`mutation($input: ImportBatchInput!) { importBatch(input: $input) { batchId } }`, {
      input: { kind: 'spot-checks', fileName: 'since.json', contentBase64: Buffer.from(file).toString('base64') },
    }, auth);
    await api.query(`mutation($id: ID!) { publishBatch(id: $id) { inserted } }`, { id: imported.data.importBatch.batchId }, auth);
    const status = (asOf: string) =>
      api.query(`query($asOf: LocalDate) { spotCheck(reportNo: "SINCE-1") { status(asOf: $asOf) { status since } } }`, { asOf }, auth);
    // the disclosure situation of 2026-05-06 starts a new period (the producer becomes public), not a new status
    expect((await status('2026-05-20')).data.spotCheck.status).toEqual({ status: 'transferred', since: '2026-04-01' });
    expect((await status('2026-04-20')).data.spotCheck.status).toEqual({ status: 'transferred', since: '2026-04-01' });
  });
});
