import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxLength, SpotCheck } from '@hub/db';
import { ImportRejected, formatIssue, importFile, type Issue } from '@hub/api/import';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { A, B } from './data.ts';
import { hub, tempDir, uscc, withWrongCheck, writeCsv, writeJson, writeXlsx, xd, type Table } from './fixtures.ts';

/** the product name's column length (db/src/entities/spot-check.ts): one more is too long */
const PRODUCT_NAME_MAX = maxLength(SpotCheck, 'productName');
const HEADERS = [
  '序号',
  '抽查类型',
  '产品种类',
  '产品名称',
  '商标',
  '标称生产企业名称',
  '标称生产企业统一社会信用代码',
  '被抽样单位名称',
  '抽样日期',
  '承检机构',
  '报告编号',
  '报告日期',
  '检验结论',
  '不合格项目',
  '属地',
];
const good = (n: number): (string | number | null)[] => [
  n,
  '省级监督抽查',
  '白酒',
  '浓香型白酒',
  '楚天',
  A.name,
  A.uscc,
  A.name,
  '2025-02-10',
  '湖北省产品质量监督检验研究院',
  `ERR-${n}`,
  '2025-03-05',
  '合格',
  '',
  '',
];

/**
 * A spot-check file with one mistake of each kind per row (row numbers as Excel shows them: title in
 * row 1, header in row 2, notes in row 17; the follow-up table's header in row 19).
 */
const badSpotChecks: Table = {
  title: '错误示例',
  headers: HEADERS,
  rows: [
    good(1), // row 3: fine
    Object.assign(good(2), { 6: withWrongCheck(A.uscc) }), // row 4
    Object.assign(good(3), { 6: A.uscc.slice(0, 17) }), // row 5
    Object.assign(good(4), { 11: '2025-02-30' }), // row 6
    Object.assign(good(5), { 12: '待定' }), // row 7
    Object.assign(good(6), { 3: '' }), // row 8
    Object.assign(good(7), { 12: '不合格', 13: '/' }), // row 9
    Object.assign(good(8), { 13: '酒精度(标准值: 52%vol, 实测值: 49%vol)' }), // row 10
    Object.assign(good(9), { 10: 'ERR-1' }), // row 11: duplicate of row 3
    Object.assign(good(10), { 8: '2025-04-01' }), // row 12: sampled after the report date
    Object.assign(good(11), { 1: '县级抽查' }), // row 13
    Object.assign(good(12), { 3: '酒'.repeat(PRODUCT_NAME_MAX + 1) }), // row 14
    Object.assign(good(13), { 14: '长沙市' }), // row 15
    Object.assign(good(14), { 6: '91A20100MA4K8Q2L3X' }), // row 16: characters 3–8
  ],
  notes: ['注：本表为错误示例。'],
};
const badFollowUps: Table = {
  headers: ['报告编号', '事项', '日期', '结果', '说明'],
  rows: [
    ['ERR-1', '送达', '2025-03-10', '已送达', ''], // row 20: 送达 has no result: a warning, kept in 说明
    ['NOPE-1', '送达', '2025-03-10', '', ''], // row 21: unknown report number
    ['ERR-1', '约谈', '2025-03-12', '', ''], // row 22: unknown event
    ['ERR-1', '异议结论', '2025-03-15', '', ''], // row 23: outcome required
  ],
};

const badCertifications: Table = {
  headers: ['序号', '届次', '经营主体名称', '统一社会信用代码', '属地', '产品/服务名称', '所属行业类别', '证书编号'],
  rows: [
    [1, '第一届', '深圳某某科技有限公司', uscc('440306', 'MA5F3K8N1'), '武汉市', '智能电表', '4011', 'C-1'], // row 2: not Hubei
    [2, '第零届', B.name, B.uscc, '长沙市', '电缆', '3831', 'C-2'], // row 3: round, city
    [3, 2023, B.name, B.uscc, '宜昌市', '电缆', '3831', 'C-3'], // row 4: fine
    [4, '2023', `${B.name}（重复）`, B.uscc, '宜昌市', '电缆', '3831', 'C-3'], // row 5: duplicate key, another name, same certificate
    [5, '2024', B.name, B.uscc, '宜昌市', '光缆', '8888', 'C-5'], // row 6: unknown industry without a name
  ],
};

describe('a file with errors', () => {
  let db: TestDatabase;
  let dir: string;
  const count = async (table: string) => (await db.sql.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await tempDir();
  });
  afterAll(async () => {
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  async function rejection(file: string, kind: string): Promise<ImportRejected> {
    const error = await importFile(db.sql, file, { kind }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportRejected);
    return error as ImportRejected;
  }
  const rejected = async (file: string, kind: string): Promise<Issue[]> => (await rejection(file, kind)).issues;

  it('reports every problem at once, with row, column, value and what is wrong — and writes nothing', async () => {
    const file = join(dir, '抽查结果-错误.xlsx');
    await writeXlsx(file, [{ name: '结果', table: [badSpotChecks, badFollowUps] }]);
    const { issues, warnings } = await rejection(file, 'spot-checks');
    const at = (row: number) => issues.filter((i) => i.row === row).map((i) => ({ column: i.column, value: i.value, en: i.en }));

    expect(at(3)).toEqual([]);
    expect(at(4)).toEqual([
      { column: '标称生产企业统一社会信用代码', value: withWrongCheck(A.uscc), en: `check character wrong: expected ${A.uscc[17]}` },
    ]);
    expect(at(5)).toEqual([
      { column: '标称生产企业统一社会信用代码', value: A.uscc.slice(0, 17), en: 'must be 18 characters long, has 17' },
    ]);
    expect(at(6)).toEqual([{ column: '报告日期', value: '2025-02-30', en: 'no such day (2025-02 has no day 30)' }]);
    expect(at(7)).toEqual([{ column: '检验结论', value: '待定', en: 'not one of the allowed values (pass, fail)' }]);
    expect(at(8)).toEqual([{ column: '产品名称', value: undefined, en: 'required value missing' }]);
    expect(at(9)).toEqual([{ column: '不合格项目', value: '/', en: 'required when the conclusion is 不合格' }]);
    expect(at(10)).toEqual([
      { column: '不合格项目', value: '酒精度(标准值: 52%vol, 实测值: 49%vol)', en: 'nonconforming items given for a result that passed' },
    ]);
    expect(at(11)).toEqual([{ column: '报告编号', value: 'ERR-1', en: 'duplicate of row 3 (one record per reportNo)' }]);
    expect(at(12)).toEqual([{ column: '抽样日期', value: '2025-04-01', en: 'sampled after the report date 2025-03-05' }]);
    expect(at(13)[0]).toMatchObject({ column: '抽查类型', value: '县级抽查' });
    expect(at(14)[0]).toMatchObject({
      column: '产品名称',
      en: `too long (at most ${PRODUCT_NAME_MAX} characters, has ${PRODUCT_NAME_MAX + 1})`,
    });
    expect(at(15)[0]).toMatchObject({ column: '属地', value: '长沙市' });
    expect(at(16)[0]).toMatchObject({
      column: '标称生产企业统一社会信用代码',
      en: expect.stringMatching(/^characters 3–8 must be the 6-digit division code/),
    });
    // the follow-up table stacked below the notes
    expect(at(20)).toEqual([]);
    expect(warnings).toEqual([
      expect.objectContaining({
        level: 'warning',
        row: 20,
        column: '结果',
        value: '已送达',
        en: '"送达" has no result: the text is kept in 说明 (note)',
      }),
    ]);
    expect(at(21)[0]).toMatchObject({
      column: '报告编号',
      value: 'NOPE-1',
      en: 'no spot-check result with this report number (neither published nor in this file)',
    });
    expect(at(22)[0]).toMatchObject({ column: '事项', value: '约谈' });
    expect(at(23)[0]).toMatchObject({ column: '结果', en: 'required value missing' });
    expect(issues).toHaveLength(16);

    // in Chinese with English beside it
    expect(formatIssue(issues.find((i) => i.row === 4)!)).toBe(
      `第4行 标称生产企业统一社会信用代码 "${withWrongCheck(A.uscc)}": 校验位错误，应为 ${A.uscc[17]} (check character wrong: expected ${A.uscc[17]})`,
    );

    // next to the input: UTF-8 with BOM, 行,列,值,问题,problem,级别 — the errors and the warnings
    const csv = await readFile(`${file}.errors.csv`, 'utf8');
    expect(csv.startsWith('\uFEFF行,列,值,问题,problem,级别\r\n')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 16 + 1);
    expect(csv).toContain(
      `4,标称生产企业统一社会信用代码,${withWrongCheck(A.uscc)},校验位错误，应为 ${A.uscc[17]},check character wrong: expected ${A.uscc[17]},错误`,
    );
    expect(csv).toMatch(/\r\n20,结果,已送达,[^\r]*,警告\r\n/);

    for (const table of ['batch', 'batch_row', 'enterprise', 'spot_check', 'case_event']) expect(await count(table)).toBe(0);
  });

  it('checks registry rows: Hubei enterprises, 属地, 届次, duplicates of the natural key, one name per USCC, known industries', async () => {
    const file = join(dir, 'certifications-bad.csv');
    await writeCsv(file, badCertifications, 'gbk');
    const issues = await rejected(file, 'certifications');
    const summary = issues.map((i) => `${i.row}|${i.column}|${i.en}`);
    expect(summary).toEqual([
      `2|统一社会信用代码|not registered in Hubei (division code 440306, expected 42xxxx)`,
      `3|届次|unrecognised round (write 2023, 第一届, 首届, 第二届 …; round 1 is 2023)`,
      `3|属地|not a city or prefecture of Hubei (e.g. 武汉市, 恩施州, 神农架林区)`,
      `5|经营主体名称|the same USCC ${B.uscc} is named "${B.name}" in row 3`,
      `5|证书编号|same certificate number as row 4`,
      `6|所属行业类别|industry class 8888 is unknown: give its name too (e.g. 1512 白酒制造)`,
    ]);
    expect(await count('batch')).toBe(0);
  });

  it('checks references against the published records: revoked items must be certified, warned reports must exist', async () => {
    const revocations = join(dir, 'revocations-bad.json');
    await writeJson(revocations, [
      {
        decisionNo: '鄂精品委〔2025〕9号',
        decidedOn: '2025-06-30',
        enterpriseName: B.name,
        uscc: B.uscc,
        itemName: '电缆',
        ground: '第二项',
      },
      {
        decisionNo: '鄂精品委〔2025〕10号',
        decidedOn: '2025-06-30',
        enterpriseName: A.name,
        uscc: A.uscc,
        certificateNo: 'NOPE',
        ground: '第九项',
      },
    ]);
    const issues = await rejected(revocations, 'revocations');
    expect(issues.map((i) => `${i.row}|${i.column}|${i.en}`)).toEqual([
      '1|uscc|no published certified enterprise has this USCC',
      '2|ground|wrong article reference: 第（9）项 (000 Art. 16 has no such item)',
    ]);
    const warnings = join(dir, 'warnings-bad.csv');
    await writeCsv(
      warnings,
      { headers: ['标题', '发布日期', '风险提示', '关联报告编号'], rows: [['警示', xd('2025-06-15'), '风险', 'HB-X-1；HB-X-2']] },
      'utf8-bom',
    );
    expect((await rejected(warnings, 'warnings')).map((i) => i.en)).toEqual([
      'no published spot-check result has report number HB-X-1',
      'no published spot-check result has report number HB-X-2',
    ]);
  });

  it('names what is wrong with the file itself: missing columns, no header, bad JSON, .xls', async () => {
    const missing = join(dir, 'missing-column.csv');
    await writeCsv(
      missing,
      {
        headers: ['抽查类型', '产品种类', '产品名称', '标称生产企业名称', '被抽样单位名称', '承检机构', '报告日期', '检验结论'],
        rows: [['省级监督抽查', '白酒', '白酒', 'x', 'y', 'z', '2025-03-05', '合格']],
      },
      'utf8',
    );
    expect(await rejected(missing, 'spot-checks')).toEqual([
      { sheet: undefined, row: 1, zh: '表头缺少必需的列：报告编号', en: 'the header row lacks required columns: 报告编号' },
    ]);
    const noHeader = join(dir, 'no-header.csv');
    await writeFile(noHeader, '一些说明\n更多说明\n');
    expect((await rejected(noHeader, 'warnings'))[0].en).toMatch(/^no header row found \(expected within the first 30 rows/);
    const json = join(dir, 'broken.json');
    await writeFile(json, '[{"title": "a", "publishedOn": "2025-01-01", "risk": "r"}, {"title": }]');
    expect(await rejected(json, 'warnings')).toEqual([
      expect.objectContaining({ row: 2, en: expect.stringMatching(/^invalid JSON: element 2 is not valid JSON/) }),
    ]);
    const xls = join(dir, 'old.xls');
    await writeFile(xls, 'not really');
    expect((await rejected(xls, 'warnings'))[0].en).toBe('not an Excel 97–2003 workbook (.xls): open it in Excel and save it as .xlsx');
    expect(await count('batch')).toBe(0);
  });

  it('exits with code 3 from the command line, listing the errors, with nothing imported', async () => {
    const file = join(dir, 'cli-bad.xlsx');
    await writeXlsx(file, [{ name: '结果', table: [badSpotChecks, badFollowUps] }]);
    const result = await hub(['import', file, '--kind', 'spot-checks'], db.url);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('cli-bad.xlsx: 16 处错误，未导入任何数据 (16 error(s), nothing imported)');
    expect(result.stderr).toContain(
      `第4行 标称生产企业统一社会信用代码 "${withWrongCheck(A.uscc)}": 校验位错误，应为 ${A.uscc[17]} (check character wrong: expected ${A.uscc[17]})`,
    );
    expect(result.stderr).toContain(`错误清单 (all errors): ${file}.errors.csv`);
    expect(await count('batch')).toBe(0);

    const usage = await hub(['import', file, '--kind', 'nonsense'], db.url);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--kind must be one of: certifications, cultivation, evaluations, spot-checks');
  }, 60_000);
});
