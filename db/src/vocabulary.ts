/**
 * The domain's closed vocabularies, shared by the data model, the rules, the importers, the API
 * and the site. Values are stable English codes (stored in the database, exposed in the API);
 * `label` is the Chinese term the bureau's documents use — the term the importers accept and the
 * SDL describes, so changing one changes both. Where the site needs more (a longer form, the
 * article a code follows, a sentence in plain words), the entry carries it beside the label, so
 * there is one table per vocabulary. Articles are cited as in the code: '003 Art. 17' is seed 003
 * (处理办法), '000 Art. 16' seed 000 (动态管理办法); see docs/sources/DOMAIN.md and the seeds.
 *
 * This module imports nothing: the site reads it as `@hub/db/vocabulary` without the ORM.
 */

const has = (table: object, code: string | null | undefined): code is string => code != null && Object.hasOwn(table, code);

function labelled<const T extends Record<string, string>>(labels: T) {
  const codes = Object.keys(labels) as (keyof T & string)[];
  return {
    codes,
    labels,
    label: (code: keyof T & string) => labels[code],
    /** the label of a code read from outside (an API answer, a file); undefined when it is no code of this vocabulary */
    find: (code: string | null | undefined): T[keyof T] | undefined => (has(labels, code) ? labels[code as keyof T] : undefined),
  } as const;
}

/** A vocabulary whose entries carry more than the label (`labels` is still code → label). */
function described<const T extends Record<string, { label: string }>>(entries: T) {
  const codes = Object.keys(entries) as (keyof T & string)[];
  const labels = Object.fromEntries(codes.map((code) => [code, entries[code].label])) as { readonly [K in keyof T]: T[K]['label'] };
  return {
    codes,
    labels,
    entries,
    label: (code: keyof T & string) => labels[code],
    /** the entry of a code read from outside (an API answer, a file); undefined when it is no code of this vocabulary */
    find: (code: string | null | undefined): T[keyof T] | undefined => (has(entries, code) ? entries[code as keyof T] : undefined),
  } as const;
}

/** The programme's name, in Chinese and in English. */
export const PROGRAMME = { label: '湖北精品', english: 'Hubei Premium Quality' } as const;

/** The source documents the articles cite, by their seed number. */
export const Regulation = described({
  '000': { label: '“湖北精品”动态管理办法', shortLabel: '动态管理办法' },
  '003': { label: '湖北省市场监督管理局产品质量监督抽查结果处理工作管理办法', shortLabel: '处理办法' },
} satisfies Record<string, { label: string; shortLabel: string }>);
export type Regulation = (typeof Regulation.codes)[number];

/** 经营主体规模 */
export const EnterpriseSize = labelled({ large: '大型', medium: '中型', small: '小型', micro: '微型' });
export type EnterpriseSize = (typeof EnterpriseSize.codes)[number];

/** 认定对象类别: 产品 / 服务 / 工程 */
export const ItemKind = labelled({ product: '产品', service: '服务', engineering: '工程' });
export type ItemKind = (typeof ItemKind.codes)[number];

/** 抽查类型 (003 Art. 32: national and other provinces' results are handled alike; 000 Art. 9, 13) */
export const CheckType = labelled({
  national: '国家监督抽查',
  provincial: '省级监督抽查',
  city: '市级监督抽查',
  dynamic: '动态抽查',
  service_evaluation: '服务质量评价',
});
export type CheckType = (typeof CheckType.codes)[number];
/** Kinds that count as "supervision spot checks" for 000 Art. 13 coverage and Art. 16(2). */
export const SUPERVISION_CHECK_TYPES: readonly CheckType[] = ['national', 'provincial', 'city'];

/** 检验结论 */
export const Conclusion = labelled({ pass: '合格', fail: '不合格' });
export type Conclusion = (typeof Conclusion.codes)[number];

/** 问题严重程度 (003 Art. 18) */
export const Severity = labelled({ general: '一般', serious: '严重' });
export type Severity = (typeof Severity.codes)[number];

/** 抽样环节: `label` as files write it (docs/sources/IMPORT-FORMATS.md), `longLabel` as the site shows it */
export const SamplingStage = described({
  production: { label: '生产', longLabel: '生产环节' },
  circulation: { label: '流通', longLabel: '流通环节' },
  ecommerce: { label: '电商', longLabel: '电商平台' }, // 003 Art. 4: 通过网络抽样方式购买 from an e-commerce platform
} satisfies Record<string, { label: string; longLabel: string }>);
export type SamplingStage = (typeof SamplingStage.codes)[number];

/** 异议理由 (003 Art. 7) */
export const ObjectionGround = labelled({
  conclusion: '检验结论',
  sampling: '抽样过程',
  method: '检验方法',
  standard: '标准适用',
  sample_authenticity: '样品真实性',
  other: '其他',
});
export type ObjectionGround = (typeof ObjectionGround.codes)[number];

/**
 * 异议结论, with the article each outcome follows and what it means in plain words:
 * 维持 — Art. 9 (不予受理), 10 (终止复检或调查核实，维持原检验结论), 13–15 (异议不成立的，维持原检验结论);
 * 撤回 — Art. 13–14 (异议成立的，撤回原检验结论); 复检 — Art. 9; 成立 (sample authenticity) — Art. 15.
 */
export const ObjectionOutcome = described({
  // objection not upheld: the conclusion stands
  rejected: { label: '维持', article: '003 Art. 9–10, 13–15', explanation: '异议不成立，维持原检验结论。' },
  // upheld on sampling/method/standard: the conclusion is withdrawn
  withdrawn: { label: '撤回', article: '003 Art. 13–14', explanation: '异议成立，撤回原检验结论。' },
  // a re-test is ordered
  retest: { label: '复检', article: '003 Art. 9', explanation: '决定进行复检。' },
  // sample-authenticity objection upheld: result stands, producer not published
  authenticity_upheld: { label: '成立', article: '003 Art. 15', explanation: '样品真实性异议成立：检验结论维持，但不公布标称生产者信息。' },
} satisfies Record<string, { label: string; article: string; explanation: string }>);
export type ObjectionOutcome = (typeof ObjectionOutcome.codes)[number];

/**
 * 公开情形: the six situations of 003 Art. 27(4), and the bureau's decision under Art. 27(5).
 * `label` is the short term files use (docs/sources/IMPORT-FORMATS.md); `longLabel` the article's own words.
 */
export const DisclosureSituation = described({
  refused_check: { label: '拒绝抽查', longLabel: '无正当理由拒绝接受监督抽查', article: '003 Art. 27(4)1' },
  disposed_sealed_samples: { label: '擅自处理封存样品', longLabel: '擅自更换、隐匿、处理已抽查封存样品', article: '003 Art. 27(4)2' },
  refused_rectification: { label: '拒绝整改', longLabel: '不合格且无正当理由拒绝整改', article: '003 Art. 27(4)3' },
  sold_before_recheck: {
    label: '复查前继续生产销售',
    longLabel: '整改复查合格前继续生产、销售同一规格型号产品',
    article: '003 Art. 27(4)4',
  },
  consecutive_failures: { label: '连续两次不合格', longLabel: '连续两次产品质量监督抽查不合格', article: '003 Art. 27(4)5' },
  not_recalled: { label: '未依法召回', longLabel: '对已售出的存在严重质量问题的产品未依法依规召回', article: '003 Art. 27(4)6' },
  bureau_decision: { label: '决定公开', longLabel: '省局决定应当发布', article: '003 Art. 27(5)' },
} satisfies Record<string, { label: string; longLabel: string; article: string }>);
export type DisclosureSituation = (typeof DisclosureSituation.codes)[number];

/**
 * Why a published failure names (or does not name) its producer and seller: a situation, or one
 * of the three reasons of the disclosure rule (api/src/rules/disclosure.ts, `IdentityBasis`).
 */
export const IdentityBasis = described({
  ...DisclosureSituation.entries,
  withheld_sample_authenticity: {
    label: '样品真实性异议成立，不公布',
    longLabel: '样品真实性异议成立，不公布标称生产者信息',
    article: '003 Art. 15',
  },
  no_situation: {
    label: '无第二十七条第（四）项情形，不公布',
    longLabel: '未出现应当公布生产者、销售者信息的情形',
    article: '003 Art. 27(4)',
  },
  not_applicable: { label: '未作为不合格结果公布', longLabel: '未作为不合格结果公布', article: '003 Art. 26–27' },
} satisfies Record<string, { label: string; longLabel: string; article: string }>);
export type IdentityBasis = (typeof IdentityBasis.codes)[number];

/**
 * 后处理事项: the events after a result (003 Art. 5–25, 27), each with the article it follows and
 * what it means in plain words; `explain` takes the event's outcome in words (the ground, the
 * conclusion, the situation) where the event has one. An objection decision is explained by its
 * outcome (ObjectionOutcome).
 */
export const CaseEventKind = described({
  // the enterprise received the result notice (Art. 5–6); the objection window counts from it (Art. 7)
  delivered: { label: '送达', article: '003 Art. 5–7', explain: () => '企业收到检验报告和检验结果通知书，异议期自次日起计算。' },
  objection_filed: {
    label: '异议申请',
    article: '003 Art. 7',
    explain: (ground) => `企业提出异议${ground ? `（异议事项：${ground}）` : ''}，异议处理期间结果暂不作为不合格公布。`,
  },
  objection_decided: { label: '异议结论', article: '003 Art. 9–10, 13–15', explain: () => '异议处理作出结论。' },
  // the confirmation itself (Art. 9); Art. 10 is what follows when it is missing
  retest_sample_confirmed: { label: '复检样品确认', article: '003 Art. 9', explain: () => '申请人确认复检样品。' },
  retest_result: {
    label: '复检结论',
    article: '003 Art. 11',
    explain: (conclusion) => `复检结论：${conclusion ?? '已作出'}。复检结论为最终结论，不得再提出异议。`,
  },
  transferred: { label: '移交处理', article: '003 Art. 16', explain: () => '不合格结果移送企业所在地市场监管部门依法处理。' },
  correction_ordered: {
    label: '责令改正',
    article: '003 Art. 17',
    explain: () => '属地市场监管部门下达责令改正通知书，企业须在60日内整改并申请复查。',
  },
  recheck_applied: { label: '整改复查申请', article: '003 Art. 20', explain: () => '企业完成整改，申请复查。' },
  // the conclusion is notified under Art. 24 (re-check organised: Art. 21, its test report: Art. 22)
  recheck_result: { label: '复查结论', article: '003 Art. 24', explain: (conclusion) => `复查结论：${conclusion ?? '已作出'}。` },
  disclosure_situation: {
    label: '公开情形',
    article: '003 Art. 27(4)–(5)',
    explain: (situation) => `出现应当公布生产者、销售者信息的情形${situation ? `：${situation}` : ''}。`,
  },
  refused_rectification: { label: '拒绝整改', article: '003 Art. 27(4)3', explain: () => '企业无正当理由拒绝整改。' },
  recalled: { label: '召回', article: '003 Art. 27(4)6', explain: () => '企业对已售出的问题产品实施召回。' },
} satisfies Record<string, { label: string; article: string; explain: (outcome: string | null) => string }>);
export type CaseEventKind = (typeof CaseEventKind.codes)[number];

/**
 * 处理期限: the deadlines of a case (003 Art. 5–25), as the rules compute them
 * (api/src/rules/case-timeline.ts; a test holds the two to the same articles and events).
 * - `recordedBy`: the event that shows the step was done; null when no public record does.
 * - `lapse`: for a right rather than a duty, what its window passing unused means (never "overdue").
 * - `rule(days)`: the rule in plain words, for the period the API reports.
 */
export const DeadlineStep = described({
  delivery: {
    label: '送达检验结果',
    article: '003 Art. 5',
    recordedBy: 'delivered',
    lapse: null,
    rule: (days) => `承检机构应自出具检验报告之日起${days}日内将检验报告和结果通知书送达企业。`,
  },
  objection: {
    label: '异议期',
    article: '003 Art. 7',
    recordedBy: 'objection_filed',
    lapse: '期满未提出异议，视为无异议。', // Art. 7: 逾期未提交的，视为无异议
    rule: (days) => `企业自收到检验结果之日起${days}日内可以提出书面异议；期满未提出的，视为无异议。`,
  },
  retest_sample_confirmation: {
    label: '确认复检样品',
    article: '003 Art. 9–10',
    recordedBy: 'retest_sample_confirmed',
    lapse: null,
    rule: (days) => `申请复检的，应自收到异议处理结果通知之日起${days}日内确认复检样品；逾期未确认的，复检终止，维持原结论。`,
  },
  correction_order: {
    label: '责令改正',
    article: '003 Art. 17',
    recordedBy: 'correction_ordered',
    lapse: null,
    rule: (days) => `属地市场监管部门应自收到移送之日起${days}日内下达责令改正通知书。`,
  },
  rectification: {
    label: '整改并申请复查',
    article: '003 Art. 17, 20',
    recordedBy: 'recheck_applied',
    lapse: null,
    rule: (days) => `企业应自收到责令改正通知书之日起${days}日内完成整改并申请复查；复查合格前不得继续生产、销售同一规格型号产品。`,
  },
  recheck: {
    label: '组织复查',
    article: '003 Art. 21',
    recordedBy: 'recheck_result',
    lapse: null,
    rule: (days) => `属地市场监管部门应自收到复查申请之日起${days}日内组织复查。`,
  },
  // the local authority's report to the province (Art. 25) is in no public record
  outcome_report: {
    label: '报送处理结果',
    article: '003 Art. 25',
    recordedBy: null,
    lapse: null,
    rule: (days) => `属地市场监管部门应在复查后${days}日内向省局报送处理结果。`,
  },
} satisfies Record<
  string,
  { label: string; article: string; recordedBy: CaseEventKind | null; lapse: string | null; rule: (days: number) => string }
>);
export type DeadlineStep = (typeof DeadlineStep.codes)[number];

/** 撤销情形: the five grounds of 000 Art. 16, by clause number. */
export const RevocationGround = labelled({
  false_material: '第十六条第一项', // (1) false self-report or evidence
  consecutive_failures: '第十六条第二项', // (2) two consecutive failed supervision checks with a penalty / failed service evaluations
  unrectified: '第十六条第三项', // (3) general problem not rectified by the deadline, or failing after it
  serious_impact: '第十六条第四项', // (4) serious adverse impact on quality, safety or environment
  other_violation: '第十六条第五项', // (5) other serious violations
});
export type RevocationGround = (typeof RevocationGround.codes)[number];

/** 认定状态 of a certified item on a date (schema CertificationStatus) */
export const CertificationStatus = labelled({
  in_force: '有效',
  under_rectification: '整改中', // an open rectification notice, 000 Art. 15
  revoked: '已撤销', // 000 Art. 16
});
export type CertificationStatus = (typeof CertificationStatus.codes)[number];

/** 年度自查报告: where an enterprise's self-report of a year stands (000 Art. 9: by 31 October) */
export const SelfReportStatus = labelled({
  submitted_on_time: '按时提交',
  submitted_late: '逾期提交',
  overdue: '逾期未提交',
  not_yet_due: '尚未到期',
});
export type SelfReportStatus = (typeof SelfReportStatus.codes)[number];

/** 标识使用授权的依据 */
export const LogoBasis = labelled({ certified: '认定', yangtze_award: '长江质量奖自我声明' });
export type LogoBasis = (typeof LogoBasis.codes)[number];

/** 批次类型 (docs/sources/IMPORT-FORMATS.md) */
export const BatchKind = labelled({
  certifications: '认定名单',
  cultivation: '培育库入库名单',
  evaluations: '标准先进性评价',
  spot_checks: '监督抽查结果',
  follow_ups: '后处理进展',
  revocations: '撤销认定决定',
  warnings: '消费警示',
  dynamic_management: '动态管理记录',
  sample: '示例数据',
});
export type BatchKind = (typeof BatchKind.codes)[number];

export const BatchStatus = labelled({ draft: '草稿', published: '已发布', discarded: '已作废' });
export type BatchStatus = (typeof BatchStatus.codes)[number];

/** 标准层级, told by the standard number's prefix */
export const StandardLevel = labelled({
  national: '国家标准',
  industry: '行业标准',
  local: '地方标准',
  group: '团体标准',
  enterprise: '企业标准',
});
export type StandardLevel = (typeof StandardLevel.codes)[number];

/** 日历日类型: a public holiday, or an adjusted working day (调休上班) */
export const CalendarDayKind = labelled({ holiday: '法定节假日', workday: '调休上班' });
export type CalendarDayKind = (typeof CalendarDayKind.codes)[number];

/** The records whose corrections the public record lists (record_history table names). */
export const RecordType = labelled({
  spot_check: '抽查结果',
  nonconforming_item: '抽查结果的不符合项',
  case_event: '抽查结果的后处理事项',
  certified_item: '认定对象',
  enterprise: '经营主体',
  revocation: '撤销认定决定',
  consumer_warning: '消费警示',
  cultivation_entry: '培育库入库对象',
  standard_evaluation: '标准先进性评价',
  self_report: '年度自查报告',
  rectification_notice: '整改通知书',
  trademark: '注册商标',
  logo_authorisation: '标识使用授权',
});
export type RecordType = (typeof RecordType.codes)[number];

/** What a correction notice (更正公告) says happened to a published fact (003 Art. 11, 13–14, 26). */
export const CorrectionKind = described({
  withdrawn: { label: '撤回', article: '003 Art. 13–14', text: '异议成立，原检验结论撤回，不再作为不合格产品公布。' },
  overturned: {
    label: '复检改判',
    article: '003 Art. 11',
    text: '复检结论为合格，复检结论为最终结论并替代原结论，不再作为不合格产品公布。',
  },
  reopened: { label: '暂停公布', article: '003 Art. 7–15', text: '已受理异议或复检，处理期间暂不作为不合格产品公布。' },
  corrected: { label: '更正', article: '003 Art. 26', text: '后续批次更正了已公布的内容。' },
  removed: { label: '撤销公布', article: '003 Art. 26', text: '后续批次撤销了已公布的记录。' },
});
export type CorrectionKind = (typeof CorrectionKind.codes)[number];

/** The public fields of a result as the documents name them (003 Art. 27(1)–(4)), for correction notices. */
export const PublicField = labelled({
  reportNo: '报告编号',
  checkType: '抽查类型',
  taskName: '任务名称',
  productCategory: '产品种类',
  productName: '产品名称',
  trademark: '商标',
  modelSpec: '规格型号',
  productionBatch: '生产日期/批号',
  productionDate: '生产日期',
  samplingStage: '抽样环节',
  platform: '电商平台',
  sampledOn: '抽样日期',
  samplingAgency: '抽样机构',
  testingAgency: '承检机构',
  reportDate: '报告日期',
  conclusion: '检验结论',
  severity: '问题严重程度',
  mainProblem: '主要质量问题',
  cityCode: '属地',
  producerName: '标称生产企业名称',
  producerAddress: '标称生产企业地址',
  sampledUnitName: '被抽样单位名称',
  sampledUnitAddress: '被抽样单位地址',
  nonconformingItems: '不合格项目',
});

/** The human number that names a record of each type in a correction (报告编号 …). */
export const RecordNumberLabel = labelled({
  spot_check: '报告编号',
  nonconforming_item: '报告编号',
  case_event: '报告编号',
  certified_item: '证书编号',
  revocation: '决定文号',
  consumer_warning: '标题',
  rectification_notice: '通知书编号',
  enterprise: '统一社会信用代码',
  cultivation_entry: '产品/服务名称',
  standard_evaluation: '产品/服务名称',
  self_report: '统一社会信用代码',
  trademark: '商标',
  logo_authorisation: '标识使用授权',
});
