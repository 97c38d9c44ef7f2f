// biome-ignore-all format: data tables, one record per line
/**
 * The bureau's files as they really are (issue 11), through the real importer and a real
 * database: a city bureau's results (xlsx) and follow-up register (GBK CSV) written with
 * synonyms, the regulation's own words and article references; grounds stated only in 说明;
 * quotation marks and nested parentheses in names; warnings that import and errors that refuse.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRejected, importFile, listBatches, publishBatch, type Issue } from '@hub/api/import';
import { formatBatchList } from '@hub/api/import/cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { A, B, certificationsJson } from './data.ts';
import { tempDir, writeCsv, writeJson, writeXlsx, xd, type Table } from './fixtures.ts';

const QUOTED_PRODUCER = '湖北“楚天”食品有限公司（武汉分公司）';

const results: Table = {
  title: '武汉市2026年第1批产品质量监督抽查结果',
  headers: ['序号', '抽查类型', '产品种类', '产品名称', '标称生产企业名称', '标称生产企业统一社会信用代码', '被抽样单位名称', '抽样环节', '承检机构', '报告编号', '报告日期', '检验结论', '不合格项目', '问题严重程度', '抽样单编号'],
  rows: [
    [1, '省抽', '食用植物油', '“楚天”牌 菜籽油', QUOTED_PRODUCER, '', '武汉某某超市', '流通环节', '武汉市产品质量监督检验所', 'WH2026-01', xd('2026-03-02'), '不符合',
      '酸价（以KOH计）（标准值: ≤3, 实测值: 4.1）；过氧化值（以脂肪计）（标准值：≤0.25g/100g，实测值：0.38g/100g）', '严重质量问题', 'CY-01'],
    [2, '国抽', '白酒', '楚天浓香型白酒', A.name, A.uscc, A.name, '生产', '国家白酒质量检验检测中心', 'WH2026-02', xd('2026-03-03'), '符合', '', '', 'CY-02'],
    [3, '2026年第1批市级产品质量监督抽查', '电线电缆', '额定电压450/750V电缆', B.name, B.uscc, '武汉某某电料行', '网络抽样', '武汉市产品质量监督检验所', 'WH2026-03', xd('2026-03-04'), '不合格',
      '导体电阻', '一般', ''],
  ],
};

/** the follow-up register as a city bureau keeps it (GBK CSV, Excel on a Chinese Windows) */
const register: Table = {
  headers: ['报告编号', '事项', '日期', '结果', '说明'],
  rows: [
    ['WH2026-01', '送达签收', '2026-03-09', '', '被抽样单位签收'], // row 2
    ['WH2026-01', '提出异议', '2026-03-16', '', '对检验结论有异议，申请复检'], // row 3: ground in 说明 → warning
    ['WH2026-03', '送达', '2026-03-01', '', ''], // row 4: before the report date → warning
    ['WH2026-03', '异议申请', '2026-03-10', '', '企业提交了书面材料'], // row 5: no ground anywhere → warning
    ['WH2026-03', '公开情形', '2026-05-06', '整改复查合格前，继续生产、销售不合格产品同一规格型号产品的', ''], // row 6: the article's words
    ['WH2026-03', '公开情形', '2026-05-07', '第二十七条第（四）项第5目', ''], // row 7: by reference
    ['WH2026-03', '公开情形', '2026-05-08', '无正当理由拒绝接受监督抽查的', ''], // row 8
    ['WH2026-03', '复查结论', '2026-09-30', '符合', ''], // row 9: after "today" → warning
  ],
};

describe('the bureau’s files as they really are', () => {
  let db: TestDatabase;
  let dir: string;
  const today = process.env.HUB_TODAY;
  const rows = async (sql: string, params: unknown[] = []) => (await db.sql.query(sql, params)).rows;

  beforeAll(async () => {
    process.env.HUB_TODAY = '2026-06-30';
    db = await createTestDatabase();
    dir = await tempDir();
    const certifications = join(dir, 'certifications.json');
    await writeJson(certifications, [
      ...certificationsJson,
      { round: '第三届', enterpriseName: A.name, uscc: A.uscc, place: A.place, itemName: '楚天绿茶', standard: 'T/HBPP 011-2023 “湖北精品”评价规范 绿茶', industry: '1530 精制茶加工' },
    ]);
    await publishBatch(db.sql, (await importFile(db.sql, certifications, { kind: 'certifications' })).batchId!);
  });
  afterAll(async () => {
    if (today === undefined) delete process.env.HUB_TODAY;
    else process.env.HUB_TODAY = today;
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps standard names, producer names and nonconforming items as written', async () => {
    const [item] = await rows(`SELECT standard_name FROM certified_item WHERE name = '楚天绿茶'`);
    expect(item.standard_name).toBe('“湖北精品”评价规范 绿茶');

    const file = join(dir, '武汉抽查结果.xlsx');
    // a follow-up stacked below the results: delivered before its result's report date (row 8)
    const stacked: Table = { headers: ['报告编号', '事项', '日期', '结果', '说明'], rows: [['WH2026-02', '送达', '2026-03-01', '', '']] };
    await writeXlsx(file, [{ name: '结果', table: [results, stacked] }]);
    const summary = await importFile(db.sql, file, { kind: 'spot-checks' });
    expect(summary).toMatchObject({ rows: 4, new: 4 });
    await publishBatch(db.sql, summary.batchId!);

    const checks = await rows(`SELECT report_no, check_type, conclusion, severity, sampling_stage, product_name, producer_name FROM spot_check ORDER BY report_no`);
    expect(checks).toEqual([
      { report_no: 'WH2026-01', check_type: 'provincial', conclusion: 'fail', severity: 'serious', sampling_stage: 'circulation', product_name: '“楚天”牌 菜籽油', producer_name: QUOTED_PRODUCER },
      { report_no: 'WH2026-02', check_type: 'national', conclusion: 'pass', severity: null, sampling_stage: 'production', product_name: '楚天浓香型白酒', producer_name: A.name },
      { report_no: 'WH2026-03', check_type: 'city', conclusion: 'fail', severity: 'general', sampling_stage: 'ecommerce', product_name: '额定电压450/750V电缆', producer_name: B.name },
    ]);
    expect(await rows(`SELECT n.item, n.requirement, n.measured FROM nonconforming_item n JOIN spot_check s ON s.id = n.spot_check_id WHERE s.report_no = 'WH2026-01' ORDER BY n.seq`)).toEqual([
      { item: '酸价（以KOH计）', requirement: '≤3', measured: '4.1' },
      { item: '过氧化值（以脂肪计）', requirement: '≤0.25g/100g', measured: '0.38g/100g' },
    ]);

    // a task name in 抽查类型 and an unmapped column: imported, with warnings
    expect(summary.warnings.map((w) => `${w.row ?? ''}|${w.column}|${w.en}`)).toEqual([
      '|抽样单编号|unmapped column: not read as a field, kept as written with each row (2 rows with a value)',
      `5|抽查类型|read as "市级监督抽查" (city) from its key words only: please check`,
      '8|日期|delivered before the report date 2026-03-03: please check',
    ]);
    expect(summary.warningCount).toBe(3);
    // the warnings are in the errors CSV next to the file, marked 警告
    const csv = await readFile(`${file}.errors.csv`, 'utf8');
    expect(csv.split('\r\n').filter((l) => l.endsWith(',警告'))).toHaveLength(3);
  });

  it('imports an industry class by its code and warns when the name written beside it is another class’s', async () => {
    const file = join(dir, '认定名单.csv');
    await writeCsv(file, {
      headers: ['届次', '经营主体名称', '统一社会信用代码', '属地', '产品/服务名称', '所属行业类别'],
      rows: [
        ['第三届', A.name, A.uscc, A.place, '楚天电热水壶', '3854 家用电力器具专用配件制造'], // row 2: 3854 is 家用厨房电器具制造
        ['第三届', A.name, A.uscc, A.place, '楚天米酒', 'C1512 白酒 制造'], // row 3: the same class, spaced
      ],
    }, 'utf8-bom');
    const summary = await importFile(db.sql, file, { kind: 'certifications' });
    expect(summary).toMatchObject({ rows: 2, new: 2 });
    expect(summary.warnings.map((w) => `${w.row}|${w.column}|${w.en}`)).toEqual([
      '2|所属行业类别|industry class 3854 is "家用厨房电器具制造" in GB/T 4754, not "家用电力器具专用配件制造" as written: imported by its code, please check',
    ]);
    await publishBatch(db.sql, summary.batchId!);
    expect(await rows(`SELECT name, industry_code FROM certified_item WHERE name IN ('楚天电热水壶', '楚天米酒') ORDER BY name`)).toEqual([
      { name: '楚天电热水壶', industry_code: '3854' },
      { name: '楚天米酒', industry_code: '1512' },
    ]);
  });

  it('reads a follow-up register: synonyms, clause texts, references, grounds only in 说明 — with warnings, not errors', async () => {
    const file = join(dir, '后处理台账.csv');
    await writeCsv(file, register, 'gbk');
    const summary = await importFile(db.sql, file, { kind: 'follow-ups' });
    expect(summary).toMatchObject({ rows: 8, new: 8, encoding: 'gb18030' });
    expect(summary.warnings.map((w: Issue) => `${w.row}|${w.column}|${w.en}`)).toEqual([
      '3|结果|no ground given: read as conclusion from 说明 (note)',
      '4|日期|delivered before the report date 2026-03-04: please check',
      '5|结果|no ground stated (neither in 结果 nor in 说明)',
      '9|日期|dated after today: please check',
    ]);
    await publishBatch(db.sql, summary.batchId!);
    const events = await rows(
      `SELECT s.report_no, e.kind, e.occurred_on::text AS on, e.outcome, e.note FROM case_event e JOIN spot_check s ON s.id = e.spot_check_id ORDER BY e.occurred_on, s.report_no`,
    );
    expect(events.map((e) => `${e.report_no} ${e.on} ${e.kind} ${e.outcome ?? '-'}`)).toEqual([
      'WH2026-02 2026-03-01 delivered -',
      'WH2026-03 2026-03-01 delivered -',
      'WH2026-01 2026-03-09 delivered -',
      'WH2026-03 2026-03-10 objection_filed -',
      'WH2026-01 2026-03-16 objection_filed conclusion',
      'WH2026-03 2026-05-06 disclosure_situation sold_before_recheck',
      'WH2026-03 2026-05-07 disclosure_situation consecutive_failures',
      'WH2026-03 2026-05-08 disclosure_situation refused_check',
      'WH2026-03 2026-09-30 recheck_result pass',
    ]);
    // the note is kept as written
    expect(events.find((e) => e.kind === 'objection_filed' && e.outcome === 'conclusion').note).toBe('对检验结论有异议，申请复检');

    // the draft and `pnpm hub batches` show the counts
    const [batch] = await listBatches(db.sql, { limit: 1 });
    expect(batch.summary).toMatchObject({ warnings: 4, errors: 0 });
    expect(formatBatchList([batch])).toMatch(/errors\s+warnings[\s\S]*\n\S+\s+follow_ups\s+\S+ \S+\s+8\s+0\s+4\s/);
  });

  it('reads a register in the articles’ wording: document names as 事项, grounds inside 对…提出异议, sentences as conclusions, short references', async () => {
    // a county bureau's results: the level as Art. 32 words it, conclusions as sentences, Art. 18's words for the severity
    const resultsFile = join(dir, '县局抽查结果.csv');
    await writeCsv(
      resultsFile,
      {
        headers: ['抽查类型', '产品种类', '产品名称', '标称生产企业名称', '被抽样单位名称', '抽样环节', '承检机构', '报告编号', '报告日期', '检验结论', '不合格项目', '问题严重程度'],
        rows: [
          ['产品质量国家监督抽查', '食用植物油', '菜籽油', '荆州某某粮油有限公司', '某某网店', '网络交易平台', '湖北省产品质量监督检验研究院', 'WH2026-11', '2026-03-12', '所检项目不符合GB 2716-2018要求', '酸价（以KOH计）（标准值: ≤3, 实测值: 5.2）', '严重问题（危及人体健康）'], // row 2: two key-word matches
          ['产品质量省级监督抽查', '白酒', '浓香型白酒', A.name, A.name, '生产企业成品库', '湖北省产品质量监督检验研究院', 'WH2026-12', '2026-03-13', '检验结论：合格', '', ''], // row 3: a place for the stage
          ['市级抽检', '腊肉', '腊肉', '荆州某某食品厂', '荆州某某超市', '经营环节', '荆州市产品质量监督检验所', 'WH2026-13', '2026-03-14', '不符合标准', '过氧化值（以脂肪计）', '在产品中掺杂、掺假，以假充真的产品'], // row 4
        ],
      },
      'utf8-bom',
    );
    const results = await importFile(db.sql, resultsFile, { kind: 'spot-checks' });
    expect(results).toMatchObject({ rows: 3, new: 3 });
    expect(results.warnings.map((w) => `${w.row}|${w.column}|${w.en}`).sort()).toEqual([
      '2|检验结论|read as "不合格" (fail) from its key words only: please check',
      '2|问题严重程度|read as "严重" (serious) from its key words only: please check',
      '3|抽样环节|read as "生产" (production) from its key words only: please check',
    ]);
    await publishBatch(db.sql, results.batchId!);
    expect(await rows(`SELECT report_no, check_type, conclusion, severity, sampling_stage FROM spot_check WHERE report_no IN ('WH2026-11', 'WH2026-12', 'WH2026-13') ORDER BY report_no`)).toEqual([
      { report_no: 'WH2026-11', check_type: 'national', conclusion: 'fail', severity: 'serious', sampling_stage: 'ecommerce' },
      { report_no: 'WH2026-12', check_type: 'provincial', conclusion: 'pass', severity: null, sampling_stage: 'production' },
      { report_no: 'WH2026-13', check_type: 'city', conclusion: 'fail', severity: 'serious', sampling_stage: 'circulation' },
    ]);

    const file = join(dir, '县局后处理台账.csv');
    await writeCsv(
      file,
      {
        headers: ['报告编号', '事项', '日期', '结果', '说明'],
        rows: [
          ['WH2026-11', '检验报告送达', '2026-03-20', '', ''], // row 2
          ['WH2026-11', '提出异议申请', '2026-03-25', '对抽样过程提出书面异议', ''], // row 3: the ground inside Art. 7's wording
          ['WH2026-11', '异议处理决定', '2026-04-10', '异议不成立，维持原检验结论', ''], // row 4: Art. 13's words, without its 的
          ['WH2026-13', '送达回证', '2026-03-20', '', ''], // row 5
          ['WH2026-13', '异议申请', '2026-03-30', '', '企业对检验方法提出书面异议，要求复检'], // row 6: ground in 说明 → warning
          ['WH2026-13', '下达责令改正通知书', '2026-05-06', '', ''], // row 7
          ['WH2026-13', '提交整改报告', '2026-06-01', '', ''], // row 8
          ['WH2026-13', '《产品质量监督抽查整改复查结果通知书》', '2026-06-10', '复查合格', ''], // row 9: the document Art. 24 names
          ['WH2026-13', '公开情形', '2026-06-12', '27条4项2目', ''], // row 10: a short reference
          ['WH2026-13', '公开情形', '2026-06-13', '未及时召回', ''], // row 11: key words → warning
          ['WH2026-12', '送达签收', '2026-03-19', '', ''], // row 12
        ],
      },
      'gbk',
    );
    const summary = await importFile(db.sql, file, { kind: 'follow-ups' });
    expect(summary).toMatchObject({ rows: 11, new: 11 });
    expect(summary.warnings.map((w: Issue) => `${w.row}|${w.column}|${w.en}`)).toEqual([
      '6|结果|no ground given: read as method from 说明 (note)',
      '11|结果|read as "未依法召回" (not_recalled) from its key words only: please check',
    ]);
    await publishBatch(db.sql, summary.batchId!);
    const events = await rows(
      `SELECT s.report_no, e.kind, e.occurred_on::text AS on, e.outcome FROM case_event e JOIN spot_check s ON s.id = e.spot_check_id
        WHERE s.report_no IN ('WH2026-11', 'WH2026-12', 'WH2026-13') ORDER BY s.report_no, e.occurred_on`,
    );
    expect(events.map((e) => `${e.report_no} ${e.on} ${e.kind} ${e.outcome ?? '-'}`)).toEqual([
      'WH2026-11 2026-03-20 delivered -',
      'WH2026-11 2026-03-25 objection_filed sampling',
      'WH2026-11 2026-04-10 objection_decided rejected',
      'WH2026-12 2026-03-19 delivered -',
      'WH2026-13 2026-03-20 delivered -',
      'WH2026-13 2026-03-30 objection_filed method',
      'WH2026-13 2026-05-06 correction_ordered -',
      'WH2026-13 2026-06-01 recheck_applied -',
      'WH2026-13 2026-06-10 recheck_result pass',
      'WH2026-13 2026-06-12 disclosure_situation disposed_sealed_samples',
      'WH2026-13 2026-06-13 disclosure_situation not_recalled',
    ]);
  });

  it('refuses what would make a record wrong: ambiguous grounds, words against the reference — row, column and problem named', async () => {
    const file = join(dir, '后处理台账-有误.json');
    await writeJson(file, [
      { reportNo: 'WH2026-01', event: '异议申请', date: '2026-03-17', outcome: '第七条第（二）项' },
      { reportNo: 'WH2026-01', event: '公开情形', date: '2026-05-09', outcome: '第二十七条第（四）项第5目：无正当理由拒绝接受监督抽查的' },
      { reportNo: 'WH2026-01', event: '公开情形', date: '2026-05-10', outcome: '第二十七条第（四）项' },
      { reportNo: 'WH2026-01', event: '公开情形', date: '2026-05-11', outcome: '第十六条第二项' },
    ]);
    const error = (await importFile(db.sql, file, { kind: 'follow-ups' }).catch((e: unknown) => e)) as ImportRejected;
    expect(error).toBeInstanceOf(ImportRejected);
    expect(error.issues.map((i) => `${i.row}|${i.column}|${i.value}|${i.en}`)).toEqual([
      '1|outcome|第七条第（二）项|ambiguous: could be sampling, method, standard; write one of them',
      '2|outcome|第二十七条第（四）项第5目：无正当理由拒绝接受监督抽查的|the article reference names consecutive_failures but the words name refused_check',
      '3|outcome|第二十七条第（四）项|ambiguous: could be refused_check, disposed_sealed_samples, refused_rectification, sold_before_recheck, consecutive_failures, not_recalled; write one of them',
      '4|outcome|第十六条第二项|wrong article reference: 第16条 (the values of this column are in 003 Art. 27)',
    ]);
    expect(error.issues[0].zh).toBe('有歧义：可指 抽样过程、检验方法、标准适用，请写明其一');
  });

  it('reads 撤销情形 in the words of 000 Art. 16 and warns when the facts name a producer the public record withholds', async () => {
    // B's result WH2026-04: its sample-authenticity objection was upheld, so the public record
    // withholds the producer (003 Art. 15); WH2026-02 is A's result, not the revoked enterprise's
    const checks = join(dir, '真实性异议.json');
    await writeJson(checks, [
      { type: 'spotCheck', checkType: '省抽', productCategory: '电线电缆', productName: '额定电压450/750V电缆', producerName: B.name, producerUscc: B.uscc, sampledUnitName: '孝感某某电料行', testingAgency: '湖北省产品质量监督检验研究院', reportNo: 'WH2026-04', reportDate: '2026-03-05', conclusion: '不合格', items: ['绝缘厚度'] },
      { type: 'followUp', reportNo: 'WH2026-04', event: '送达', date: '2026-03-09' },
      { type: 'followUp', reportNo: 'WH2026-04', event: '异议申请', date: '2026-03-12', outcome: '第七条第（三）项' },
      { type: 'followUp', reportNo: 'WH2026-04', event: '异议结论', date: '2026-04-02', outcome: '样品真实性异议成立' },
    ]);
    await publishBatch(db.sql, (await importFile(db.sql, checks, { kind: 'spot-checks' })).batchId!);
    expect(await rows(`SELECT s.report_no, p.identity_public FROM case_period p JOIN spot_check s ON s.id = p.spot_check_id WHERE s.report_no IN ('WH2026-02', 'WH2026-04') AND p.valid_from <= '2026-06-30' AND (p.valid_until IS NULL OR p.valid_until > '2026-06-30') ORDER BY 1`)).toEqual([
      { report_no: 'WH2026-02', identity_public: false },
      { report_no: 'WH2026-04', identity_public: false },
    ]);

    const file = join(dir, '撤销决定.csv');
    await writeCsv(
      file,
      {
        headers: ['决定文号', '决定日期', '经营主体名称', '统一社会信用代码', '产品/服务名称', '撤销情形', '事实与理由'],
        rows: [['鄂精品委〔2026〕1号', '2026-06-01', B.name, B.uscc, '额定电压450/750V电缆', '第十六条第（二）项：产品质量监督抽查连续两次不合格，受到行政处罚', '该产品在 WH2026-04 抽查中不合格（另见同行业 WH2026-02）……']],
      },
      'utf8-bom',
    );
    const summary = await importFile(db.sql, file, { kind: 'revocations' });
    expect(summary.rows).toBe(1);
    const { rows: [draft] } = await db.sql.query(`SELECT data->'record'->>'ground' AS ground, data->'record'->>'groundText' AS text FROM batch_row WHERE batch_id = $1`, [summary.batchId]);
    expect(draft).toEqual({ ground: 'consecutive_failures', text: '第十六条第（二）项：产品质量监督抽查连续两次不合格，受到行政处罚' });
    expect(summary.warnings).toEqual([
      expect.objectContaining({ level: 'warning', row: 2, column: '事实与理由', value: 'WH2026-04', en: expect.stringMatching(/^the facts cite result WH2026-04, whose producer the public record withholds/) }),
    ]);
  });

  it('names the encoding when a CSV is neither UTF-8, UTF-16 nor GB18030', async () => {
    const iconv: any = createRequire(new URL('../../api/package.json', import.meta.url))('iconv-lite');
    const rows = (header: string) => `${header}\r\n${'WH2026-01,送達,2026-03-09,,被抽樣單位簽收\r\n'.repeat(5)}`;
    const cases: Array<[string, Buffer, RegExp]> = [
      ['big5.csv', iconv.encode(rows('報告編號,事項,日期,結果,說明'), 'big5'), /may be Big5/],
      ['sjis.csv', iconv.encode(rows('報告番号,事項,日付,結果,説明'), 'shift_jis'), /may be Shift_JIS/],
      // UTF-8 bytes read as Windows-1252 and saved as UTF-8 again
      ['twice.csv', Buffer.from(Buffer.from(rows('报告编号,事项,日期,结果,说明'), 'utf8').toString('latin1'), 'utf8'), /encoded to UTF-8 twice/],
    ];
    for (const [name, bytes, hint] of cases) {
      const file = join(dir, name);
      await writeFile(file, bytes);
      const error = (await importFile(db.sql, file, { kind: 'follow-ups' }).catch((e: unknown) => e)) as ImportRejected;
      expect(error, name).toBeInstanceOf(ImportRejected);
      expect(error.issues[0].en, name).toMatch(/^no header row found/);
      expect(error.issues[0].en, name).toMatch(hint);
    }
  });
});
