import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { importFile, publishBatch } from '@hub/api/import';
import { addDays } from '@hub/db/plain-date';
import { Fixture, makeUscc } from '../support/fixtures.ts';

/**
 * The published record the site tests build from: every kind of page and every disclosure case
 * the site must get right, written as a batch would leave it. Names a test asserts on are
 * exported; nothing is random.
 */
export const SITE = {
  /** a certified product found by search (its Chinese name, then a word inside it) */
  certifiedProduct: '武当山道茶',
  certifiedEnterprise: '十堰武当道茶股份有限公司',
  certifiedUscc: makeUscc('420300', 901),
  revokedItem: '楚韵牌电动自行车',
  revokedEnterprise: '襄阳楚韵车业有限公司',
  /** the revoked item's certificate and the term its logo was authorised for (000 Art. 16 stops it earlier) */
  revokedCertificate: 'HBJP-2023-002',
  revokedLogoTerm: '2027-03-11',
  /** a 长江质量奖 winner whose only public record is its self-declared logo authorisation (seed 001 附件2) */
  yangtzeEnterprise: '武汉长江光电科技有限公司',
  yangtzeUscc: makeUscc('420100', 902),
  rectifyingItem: '荆江大米',
  /** a certified item still in force with an open failure: 认定有效但抽查不合格 */
  failingCertified: { reportNo: 'SC-2026-0120', productName: '荆江大米' },
  /** failed results */
  withheldProducer: '隐名电器有限公司',
  authenticityProducer: '冒名玩具有限公司',
  withheldSeller: '某某百货商行',
  publicProducer: '拒检电缆有限公司',
  kettle: {
    reportNo: 'SC-2026-0101',
    productName: '智能恒温电热水壶',
    trademark: '壶王',
    modelSpec: 'HK-1708',
    productionBatch: '20260301',
  },
  toy: { reportNo: 'SC-2026-0102', productName: '声光塑胶玩具车' },
  cable: { reportNo: 'SC-2026-0103', productName: '聚氯乙烯绝缘电缆' },
  bike1: { reportNo: 'SC-2025-0201' },
  /** the 2025 batch was published on this day, while bike1 was still in its objection window */
  earlierBatchPublishedOn: '2025-09-15',
  bike2: { reportNo: 'SC-2026-0202' },
  pending: { reportNo: 'SC-2026-0999', productName: '未决LED台灯' },
  withdrawn: { reportNo: 'SC-2026-0105', productName: '撤回儿童雨靴' },
  /** a failure with nothing recorded of its hazard */
  bare: { reportNo: 'SC-2026-0130', productName: '聚丙烯塑料菜板' },
  /** a product category whose name needs three lines in a chart */
  longCategory: '电线电缆（额定电压450/750V及以下聚氯乙烯绝缘电缆）',
  /** text that must be rendered as text, never as markup */
  markup: '<img src=x onerror=alert(1)>',
  formula: '=HYPERLINK("http://example.invalid","点我")',
  /** imported text that a feed reader must show as text: a script, and a javascript: link */
  script: '<script>alert(1)</script>',
  scriptLink: '<a href="javascript:alert(1)">详情</a>',
  warningTitle: '关于谨慎选购电热水壶的消费警示',
  decisionNo: '鄂精认撤〔2026〕1号',
  /** a decision and a warning published, then withdrawn outright by a 撤回 batch (003 Art. 26) */
  setAsideDecisionNo: '鄂精认撤〔2026〕2号',
  retractedWarning: '关于电动自行车充电器的消费提示',
  withdrawalReason: '经复核，原公布内容有误，予以撤回',
  correctionReason: '产品名称录入有误，依据检验报告更正',
  revocationCorrectionReason: '补充行政处罚情况',
  /** the cultivation library's contact person and phone: personal data, never in any public file */
  contactName: '张晓梅',
  contactPhone: '13907190123',
  cultivatedItem: '武当山道茶（培育）',
  /** the official notice (公告) the bureau attached to the certification batch at import, and the round's 资料评审 count */
  notice: { url: 'https://scjg.hubei.gov.cn/fbjd/tzgg/202403/t20240315_0001.shtml', no: '鄂精品委〔2024〕1号', reviewed: 4 },
} as const;

export interface SiteFixture {
  withheldUsccs: string[];
}

export async function loadSiteFixture(sql: pg.Client, today: string): Promise<SiteFixture> {
  const f = new Fixture(sql);
  const certifications = await f.batch('certifications', '第四届“湖北精品”认定名单');
  await sql.query('UPDATE batch SET is_sample = true WHERE id = $1', [certifications]);
  const results = await f.batch('spot_checks', '2026年第1批省级产品质量监督抽查结果');
  const earlier = await f.batch('spot_checks', '2025年第3批省级产品质量监督抽查结果');
  // published while bike1 was in its objection window: bike1 became public only once final (003 Art. 7, 16)
  await sql.query(`UPDATE batch SET published_at = ($2::date + time '10:00') AT TIME ZONE 'Asia/Shanghai' WHERE id = $1`, [
    earlier,
    SITE.earlierBatchPublishedOn,
  ]);
  const revocations = await f.batch('revocations', '2026年撤销“湖北精品”认定决定');
  const warnings = await f.batch('warnings', '2026年消费警示');
  const corrections = await f.batch('follow_ups', '2026年后处理进展与更正');

  // certified enterprises and items (first round 2023 and fourth round 2026)
  const {
    rows: [{ id: tea }],
  } = await sql.query(
    `INSERT INTO enterprise (uscc, name, address, city_code, county, province_code, size, batch_id)
     VALUES ($1, $2, '十堰市丹江口市武当山特区太和路8号', '420300', '丹江口市', '42', 'medium', $3) RETURNING id`,
    [SITE.certifiedUscc, SITE.certifiedEnterprise, certifications],
  );
  const bikes = await f.enterprise(certifications, SITE.revokedEnterprise, { division: '420600', city: '420600' });
  const rice = await f.enterprise(certifications, '荆州荆江粮油有限公司', { division: '421000', city: '421000' });
  const hotel = await f.enterprise(certifications, '武汉江城酒店管理有限公司', { division: '420100', city: '420100' });
  for (const [enterprise, name] of [
    [tea, '武当'],
    [bikes, '楚韵'],
    [rice, '荆江'],
  ] as const) {
    await sql.query('INSERT INTO trademark (enterprise_id, name, batch_id) VALUES ($1, $2, $3)', [enterprise, name, certifications]);
  }
  const item = async (enterprise: number, name: string, extra: Record<string, unknown>) => {
    const { rows } = await sql.query(
      `INSERT INTO certified_item (round, enterprise_id, name, kind, trademark, standard_no, standard_name, standard_level, industry_code,
         certified_on, certificate_no, seq_no, batch_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        extra.round ?? 1,
        enterprise,
        name,
        extra.kind ?? 'product',
        extra.trademark ?? null,
        extra.standardNo ?? null,
        extra.standardName ?? null,
        extra.standardLevel ?? null,
        extra.industry ?? null,
        extra.certifiedOn ?? '2024-03-15',
        extra.certificateNo ?? null,
        extra.seqNo ?? null,
        certifications,
      ],
    );
    return rows[0].id as number;
  };
  const teaItem = await item(tea, SITE.certifiedProduct, {
    trademark: '武当',
    standardNo: 'T/HBAS 012-2023',
    standardName: '武当道茶',
    standardLevel: 'group',
    industry: '1530',
    certificateNo: 'HBJP-2023-001',
    seqNo: 1,
  });
  // the tea item's way through the registries: 培育库 (2023) → 标准先进性评价 (passed) → certified
  await sql.query(
    `INSERT INTO cultivation_entry (year, enterprise_id, item_name, item_kind, standard, industry_code, batch_id)
     VALUES (2023, $1, $2, 'product', 'T/HBAS 012-2023 武当道茶', '1530', $3)`,
    [tea, SITE.certifiedProduct, certifications],
  );
  await sql.query(
    `INSERT INTO standard_evaluation (year, enterprise_id, item_name, standard_no, standard_name, standard_level, passed, evaluated_on, batch_id)
     VALUES (2023, $1, $2, 'T/HBAS 012-2023', '武当道茶', 'group', true, '2023-11-10', $3)`,
    [tea, SITE.certifiedProduct, certifications],
  );
  await sql.query('UPDATE batch SET notice_url = $2, notice_no = $3, reviewed_items = $4 WHERE id = $1', [
    certifications,
    SITE.notice.url,
    SITE.notice.no,
    SITE.notice.reviewed,
  ]);
  const bikeItem = await item(bikes, SITE.revokedItem, {
    trademark: '楚韵',
    standardNo: 'GB 17761-2024',
    standardName: '电动自行车安全技术规范',
    standardLevel: 'national',
    industry: '3770',
    certificateNo: 'HBJP-2023-002',
    seqNo: 2,
  });
  const riceItem = await item(rice, SITE.rectifyingItem, {
    trademark: '荆江',
    standardNo: 'DB42/T 1234-2022',
    standardName: '荆江大米',
    standardLevel: 'local',
    industry: '1311',
    certificateNo: 'HBJP-2023-003',
    seqNo: 3,
  });
  await item(hotel, '江城酒店住宿服务', { kind: 'service', industry: '6110', certificateNo: 'HBJP-2023-004', seqNo: 4 });
  await item(tea, '武当山古法红茶', {
    round: 4,
    trademark: '武当',
    industry: '1530',
    certifiedOn: '2026-10-20',
    certificateNo: 'HBJP-2026-001',
    seqNo: 1,
  });
  await sql.query(
    `INSERT INTO logo_authorisation (enterprise_id, certified_item_id, basis, authorised_on, valid_until, batch_id)
    VALUES ($1, $2, 'certified', '2024-03-15', '2027-03-14', $3)`,
    [tea, teaItem, certifications],
  );
  await sql.query(
    `INSERT INTO logo_authorisation (enterprise_id, certified_item_id, basis, authorised_on, valid_until, batch_id)
    VALUES ($1, $2, 'certified', '2024-03-29', $3, $4)`,
    [bikes, bikeItem, SITE.revokedLogoTerm, certifications],
  );
  const yangtze = await f.enterprise(certifications, SITE.yangtzeEnterprise, {
    division: '420100',
    city: '420100',
    uscc: SITE.yangtzeUscc,
  });
  await sql.query(
    `INSERT INTO logo_authorisation (enterprise_id, certified_item_id, basis, authorised_on, valid_until, batch_id)
    VALUES ($1, NULL, 'yangtze_award', '2024-04-15', $2, $3)`,
    [yangtze, addDays(today, 365), certifications],
  );
  await sql.query(
    `INSERT INTO rectification_notice (notice_no, enterprise_id, certified_item_id, problem, issued_on, due_on, batch_id)
    VALUES ('鄂精整〔2026〕3号', $1, $2, '年度自查报告未附检验报告', $3, $4, $5)`,
    [rice, riceItem, addDays(today, -20), addDays(today, 40), certifications],
  );

  // the cultivation library (with personal data the public never sees), its standard evaluation, a self-report
  const {
    rows: [{ id: cultivated }],
  } = await sql.query(
    `INSERT INTO cultivation_entry (year, enterprise_id, item_name, item_kind, standard, industry_code, contact_name, contact_phone, batch_id)
     VALUES (2023, $1, $2, 'product', 'T/HBAS 012-2023 武当道茶', '1530', $3, $4, $5) RETURNING id`,
    [tea, SITE.cultivatedItem, SITE.contactName, SITE.contactPhone, certifications],
  );
  await sql.query(
    `INSERT INTO standard_evaluation (year, enterprise_id, cultivation_entry_id, item_name, standard_no, standard_name, standard_level, passed, evaluated_on, batch_id)
     VALUES (2023, $1, $2, $3, 'T/HBAS 012-2023', '武当道茶', 'group', true, '2023-11-20', $4)`,
    [tea, cultivated, SITE.cultivatedItem, certifications],
  );
  await sql.query(
    `INSERT INTO self_report (enterprise_id, year, submitted_on, review_opinion, batch_id) VALUES ($1, 2025, '2025-10-20', '材料齐全', $2)`,
    [tea, certifications],
  );

  // spot-check results
  const withheld = await f.enterprise(results, SITE.withheldProducer, { division: '420500', city: '420500' });
  const authenticity = await f.enterprise(results, SITE.authenticityProducer, { division: '440300', city: null });
  const seller = await f.enterprise(results, SITE.withheldSeller, { division: '420500', city: '420500' });
  const refused = await f.enterprise(results, SITE.publicProducer, { division: '420100', city: '420100' });
  const passer = await f.enterprise(results, '合格食品有限公司', { division: '420900', city: '420900' });
  const pendingProducer = await f.enterprise(results, '待定灯具有限公司', { division: '420100', city: '420100' });
  const withdrawnProducer = await f.enterprise(results, '撤回鞋业有限公司', { division: '420700', city: '420700' });
  const uscc = async (id: number) => (await sql.query('SELECT uscc FROM enterprise WHERE id = $1', [id])).rows[0].uscc as string;

  const check = async (
    batch: number,
    producer: number,
    s: {
      reportNo: string;
      reportDate: string;
      conclusion: 'pass' | 'fail';
      productName: string;
      productCategory: string;
      city?: string | null;
      trademark?: string;
      modelSpec?: string;
      productionBatch?: string;
      mainProblem?: string;
      severity?: string;
      certifiedItem?: number;
      sampledUnit?: number;
      sampledOn?: string;
      checkType?: string;
      platform?: string;
      stage?: string;
      items?: [item: string, requirement: string, measured: string][];
    },
  ) => {
    const { rows } = await sql.query(
      `INSERT INTO spot_check (report_no, check_type, task_name, product_category, product_name, trademark, model_spec, production_batch,
         producer_id, producer_name, producer_address, sampled_unit_id, sampled_unit_name, sampling_stage, platform, sampled_on, sampling_agency,
         testing_agency, report_date, conclusion, severity, main_problem, certified_item_id, city_code, batch_id)
       SELECT $1, $2, '2026年省级产品质量监督抽查', $3, $4, $5, $6, $7, e.id, e.name, e.name || '住所', u.id, coalesce(u.name, e.name), $8, $9, $10,
         '湖北省产品质量监督抽查抽样中心', '湖北省产品质量监督检验研究院', $11, $12, $13, $14, $15, $16, $17
       FROM enterprise e LEFT JOIN enterprise u ON u.id = $18 WHERE e.id = $19 RETURNING id`,
      [
        s.reportNo,
        s.checkType ?? 'provincial',
        s.productCategory,
        s.productName,
        s.trademark ?? null,
        s.modelSpec ?? null,
        s.productionBatch ?? null,
        s.stage ?? null,
        s.platform ?? null,
        s.sampledOn ?? addDays(s.reportDate, -20),
        s.reportDate,
        s.conclusion,
        s.severity ?? null,
        s.mainProblem ?? null,
        s.certifiedItem ?? null,
        s.city === undefined ? '420100' : s.city,
        batch,
        s.sampledUnit ?? null,
        producer,
      ],
    );
    const id = rows[0].id as number;
    let seq = 0;
    for (const [name, requirement, measured] of s.items ?? []) {
      await sql.query(
        'INSERT INTO nonconforming_item (spot_check_id, seq, item, requirement, measured, batch_id) VALUES ($1, $2, $3, $4, $5, $6)',
        [id, ++seq, name, requirement, measured, batch],
      );
    }
    return id;
  };

  // a failure whose producer and seller may not be named (no Art. 27(4) situation)
  const kettle = await check(results, withheld, {
    ...SITE.kettle,
    reportDate: '2026-03-10',
    conclusion: 'fail',
    productCategory: '电热水壶',
    city: '420500',
    sampledUnit: seller,
    stage: 'circulation',
    severity: 'serious',
    mainProblem: `发热、泄漏电流不合格 ${SITE.markup}`,
    items: [
      ['发热', '≤ 75 K', '92 K'],
      ['泄漏电流', '≤ 0.75 mA', '1.2 mA'],
      ['耐寒性', '≥ -20 ℃', '-5 ℃'],
    ],
  });
  await f.event(results, kettle, 'delivered', '2026-03-12');
  await f.event(results, kettle, 'transferred', '2026-04-01', null, `移交${SITE.withheldProducer}属地处理`);
  await f.event(results, kettle, 'correction_ordered', '2026-04-10');
  await f.event(results, kettle, 'recheck_applied', '2026-05-20');
  await f.event(results, kettle, 'recheck_result', '2026-06-01', 'pass');

  // an upheld sample-authenticity objection: the result stands, the producer is never named (Art. 15)
  const toy = await check(results, authenticity, {
    ...SITE.toy,
    reportDate: '2026-05-06',
    conclusion: 'fail',
    productCategory: '儿童玩具',
    city: null,
    modelSpec: SITE.formula,
    trademark: SITE.script,
    stage: 'ecommerce',
    platform: '某电商平台',
    items: [['可迁移元素', '≤ 90 mg/kg', '180 mg/kg']],
  });
  await f.event(results, toy, 'delivered', '2026-05-08');
  await f.event(results, toy, 'objection_filed', '2026-05-12', 'sample_authenticity');
  await f.event(results, toy, 'objection_decided', '2026-05-30', 'authenticity_upheld');
  await f.event(results, toy, 'disclosure_situation', '2026-06-20', 'bureau_decision');

  // refused the check: the producer is published (Art. 27(4)1)
  const cable = await check(results, refused, {
    ...SITE.cable,
    reportDate: '2026-06-03',
    conclusion: 'fail',
    productCategory: '电线电缆',
    city: '420100',
    trademark: '长江',
    modelSpec: 'BV 2.5mm²',
    productionBatch: '2026-05',
    items: [['导体电阻', '≤ 7.41 Ω/km', '8.9 Ω/km']],
  });
  await f.event(results, cable, 'delivered', '2026-06-05');
  await f.event(results, cable, 'disclosure_situation', '2026-07-15', 'refused_check');
  // the producer recalled what it had sold: the owner's advice says so
  await f.event(results, cable, 'recalled', '2026-07-20');

  // two consecutive failures of a certified item (Art. 27(4)5; 000 Art. 16(2) → revoked)
  const bike1 = await check(earlier, bikes, {
    ...SITE.bike1,
    reportDate: '2025-09-10',
    conclusion: 'fail',
    productName: SITE.revokedItem,
    productCategory: '电动自行车',
    city: '420600',
    certifiedItem: bikeItem,
    trademark: '楚韵',
    modelSpec: 'TDT-1203Z',
    items: [['最高车速', '≤ 25 km/h', '31 km/h']],
  });
  await f.event(earlier, bike1, 'delivered', '2025-09-12');
  const bike2 = await check(results, bikes, {
    ...SITE.bike2,
    reportDate: '2026-02-10',
    conclusion: 'fail',
    productName: SITE.revokedItem,
    productCategory: '电动自行车',
    city: '420600',
    certifiedItem: bikeItem,
    trademark: '楚韵',
    modelSpec: 'TDT-1203Z',
    items: [['制动性能', '≤ 7 m', '9.2 m']],
  });
  await f.event(results, bike2, 'delivered', '2026-02-12');

  // a certified item in force fails a city check; the bureau publishes the producer (Art. 27(5)),
  // so the public sees the link to the item: 认定有效但抽查不合格 until a re-check passes
  const riceCheck = await check(results, rice, {
    ...SITE.failingCertified,
    reportDate: '2026-04-20',
    conclusion: 'fail',
    productCategory: '大米',
    city: '421000',
    checkType: 'city',
    certifiedItem: riceItem,
    trademark: '荆江',
    modelSpec: '5kg',
    items: [['镉（以Cd计）', '≤ 0.2 mg/kg', '0.31 mg/kg']],
  });
  await f.event(results, riceCheck, 'delivered', '2026-04-22');
  await f.event(results, riceCheck, 'disclosure_situation', '2026-05-20', 'bureau_decision');

  // passes count in the statistics only; a certified item's passing check stays off its page
  await check(results, passer, {
    reportNo: 'SC-2026-0110',
    reportDate: '2026-04-01',
    conclusion: 'pass',
    productName: '鲜湿面条',
    productCategory: '挂面',
    city: '420900',
  });
  await check(results, passer, {
    reportNo: 'SC-2026-0111',
    reportDate: '2026-04-02',
    conclusion: 'pass',
    productName: '鸡蛋挂面',
    productCategory: '挂面',
    city: '420900',
  });
  await check(results, tea, {
    reportNo: 'SC-2026-0112',
    reportDate: '2026-04-03',
    conclusion: 'pass',
    productName: SITE.certifiedProduct,
    productCategory: '茶叶',
    city: '420300',
    certifiedItem: teaItem,
  });
  await check(earlier, passer, {
    reportNo: 'SC-2025-0210',
    reportDate: '2025-08-01',
    conclusion: 'pass',
    productName: '挂面',
    productCategory: '挂面',
    city: '420900',
  });

  // passes of dynamic checks in 恩施土家族苗族自治州, the longest city name, in a long product
  // category: the charts must wrap both labels without cutting them, and their rates mix three check types
  for (const [n, reportNo] of ['SC-2026-0113', 'SC-2026-0114'].entries()) {
    await check(results, passer, {
      reportNo,
      reportDate: `2026-04-0${4 + n}`,
      conclusion: 'pass',
      productName: '聚氯乙烯绝缘电缆',
      productCategory: SITE.longCategory,
      city: '422800',
      checkType: 'dynamic',
    });
  }

  // a failure whose record names no nonconforming item, no main problem and no severity: the
  // owner's advice says that nothing is recorded rather than guessing
  const board = await check(results, passer, {
    ...SITE.bare,
    reportDate: '2026-03-20',
    conclusion: 'fail',
    productCategory: '塑料菜板',
    city: '420800',
  });
  await f.event(results, board, 'delivered', '2026-03-23');

  // still inside the objection window: neither listed nor counted
  await check(results, pendingProducer, {
    ...SITE.pending,
    reportDate: addDays(today, -3),
    conclusion: 'fail',
    productCategory: 'LED灯具',
    city: '420100',
  });

  // published as a failure, then withdrawn after an upheld objection: a public correction
  const boots = await check(results, withdrawnProducer, {
    ...SITE.withdrawn,
    reportDate: '2026-03-02',
    conclusion: 'fail',
    productCategory: '儿童鞋',
    city: '420700',
    items: [['耐折性能', '无裂纹', '裂纹']],
  });
  await f.event(results, boots, 'delivered', '2026-03-04');
  await f.event(corrections, boots, 'objection_filed', '2026-03-30', 'sampling');
  await f.event(corrections, boots, 'objection_decided', '2026-04-20', 'withdrawn');

  // a revocation decision and a consumer warning (its advice holds a control character, as
  // pasted text sometimes does: the feeds must still parse)
  const {
    rows: [revocation],
  } = await sql.query(
    `INSERT INTO revocation (decision_no, decided_on, enterprise_id, ground, ground_text, facts, batch_id)
     VALUES ($1, '2026-08-01', $2, 'consecutive_failures', '连续两次监督抽查不合格并受到行政处罚', $3, $4) RETURNING id`,
    [SITE.decisionNo, bikes, `${SITE.revokedItem}在2025年、2026年省级监督抽查中连续两次不合格。`, revocations],
  );
  await sql.query('INSERT INTO revocation_item (revocation_id, certified_item_id) VALUES ($1, $2)', [revocation.id, bikeItem]);
  const {
    rows: [warning],
  } = await sql.query(
    `INSERT INTO consumer_warning (title, published_on, product_category, risk, advice, batch_id)
     VALUES ($1, '2026-07-01', '电热水壶', '部分电热水壶发热、泄漏电流不合格，存在触电风险。', $2, $3) RETURNING id`,
    [SITE.warningTitle, `选购时查看3C标志，\u000b使用时不要干烧。${SITE.scriptLink}`, warnings],
  );
  await sql.query('INSERT INTO warning_spot_check (consumer_warning_id, spot_check_id) VALUES ($1, $2)', [warning.id, kettle]);

  // a later batch corrects a published result (record_history keeps the earlier version)
  await sql.query('BEGIN');
  await sql.query(`SET LOCAL hub.batch_id = '${corrections}'`);
  await sql.query(`SET LOCAL hub.change_reason = '${SITE.correctionReason}'`);
  await sql.query(`UPDATE spot_check SET product_name = $1 WHERE id = $2`, [SITE.cable.productName, cable]);
  await sql.query('COMMIT');
  // and corrects the revocation decision's facts: its page lists the correction
  await sql.query('BEGIN');
  await sql.query(`SET LOCAL hub.batch_id = '${corrections}'`);
  await sql.query(`SET LOCAL hub.change_reason = '${SITE.revocationCorrectionReason}'`);
  await sql.query(`UPDATE revocation SET facts = facts || $1 WHERE id = $2`, ['两次抽查均受到行政处罚。', revocation.id]);
  await sql.query('COMMIT');

  // a decision and a warning, published and then withdrawn through the real import and publish
  await sql.query(
    `INSERT INTO revocation (decision_no, decided_on, enterprise_id, ground, ground_text, batch_id)
     VALUES ($1, '2026-08-02', $2, 'other_violation', '其他严重违法违规行为', $3)`,
    [SITE.setAsideDecisionNo, bikes, revocations],
  );
  await sql.query(`INSERT INTO consumer_warning (title, published_on, risk, batch_id) VALUES ($1, '2026-07-02', '部分充电器过热。', $2)`, [
    SITE.retractedWarning,
    warnings,
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'hub-site-fixture-'));
  const file = join(dir, 'withdrawals.json');
  await writeFile(
    file,
    JSON.stringify([
      { recordType: '撤销认定决定', number: SITE.setAsideDecisionNo, reason: SITE.withdrawalReason },
      { recordType: '消费警示', number: SITE.retractedWarning, reason: SITE.withdrawalReason },
    ]),
  );
  const withdrawal = await importFile(sql, file, { kind: 'withdrawals', errorsFile: false });
  await publishBatch(sql, withdrawal.batchId!, { today });
  await rm(dir, { recursive: true, force: true });

  return { withheldUsccs: [await uscc(withheld), await uscc(authenticity), await uscc(seller)] };
}

export { makeUscc };
