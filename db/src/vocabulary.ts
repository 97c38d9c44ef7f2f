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

/**
 * The open-data licence of everything the hub publishes (site downloads, feeds, API answers).
 * The documents are silent; CC BY 4.0 is what public registries of this kind use (EU Safety
 * Gate's and data.europa.eu's data, many national portals): reuse for any purpose, with
 * attribution. The bureau may choose another: this is the one place to change it.
 */
export const OPEN_DATA_LICENCE = {
  name: 'CC BY 4.0',
  title: '知识共享署名 4.0 国际许可协议（CC BY 4.0）',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans',
  attribution: '湖北省市场监督管理局“湖北精品”信息公开',
  terms: [
    '可以自由复制、分发、改编和商业使用，但须注明来源（湖北省市场监督管理局“湖北精品”信息公开）和数据截至日期。',
    '数据只包含依法可以公开的信息：生产者、销售者的名称只在《处理办法》第二十七条第（四）至（五）项规定的情形下公开。',
    '记录可能被后续批次更正或撤回（见更正公告）；转载时请以最新数据为准，并注明记录版本。',
    '本数据不构成对任何产品或企业的认证或推荐；抽查结果只对被抽查的样品负责。',
  ],
} as const;

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

/**
 * 案件状态: where a spot-check case stands on a date (003 Art. 5–25), as the rules compute it
 * (api/src/rules/case-timeline/statuses.ts says which are pending and which final).
 */
export const CaseStatus = labelled({
  passed: '合格',
  awaiting_delivery: '待送达', // Art. 5
  objection_window: '异议期内', // Art. 7
  under_objection: '异议处理中', // Art. 8–10
  retest_pending: '复检中', // Art. 10–11
  final: '不合格（已生效）', // Art. 7, 11
  withdrawn: '已撤回', // Art. 13–14
  transferred: '已移交处理', // Art. 16
  rectification_due: '整改期内', // Art. 17, 20
  rectification_overdue: '逾期未申请复查', // Art. 20
  recheck_pending: '复查中', // Art. 21
  closed_recheck_passed: '复查合格', // Art. 22
  closed_recheck_failed: '复查不合格', // Art. 23
});
export type CaseStatus = (typeof CaseStatus.codes)[number];

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

/** 这个标识还有效吗: a logo authorisation on a date (api/src/rules/logo.ts, schema LogoValidity) */
export const LogoValidity = labelled({
  valid: '有效',
  stopped: '已停止使用', // 000 Art. 16: 立即停止使用"湖北精品"标识
  expired: '已过期', // past 授权期限
  not_yet_valid: '尚未生效',
});
export type LogoValidity = (typeof LogoValidity.codes)[number];

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
  withdrawals: '撤回已公布记录',
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

/**
 * The published records a 撤回 batch may withdraw outright (003 Art. 26: the withdrawal is itself
 * published, as a correction notice): a revocation decision set aside, a consumer warning
 * retracted. Results are withdrawn by their own procedure (an objection, Art. 13–14).
 */
export const WithdrawableRecord = labelled({ revocation: '撤销认定决定', consumer_warning: '消费警示' });
export type WithdrawableRecord = (typeof WithdrawableRecord.codes)[number];

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
  // the linked records of a register's notice (api/src/correction/ledger.ts LINKS)
  certificateNos: '撤销的认定证书编号',
  reportNos: '关联报告编号',
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

/*
 * ─── How the bureau's files write these values ──────────────────────────────────────────────
 * Besides a vocabulary's label (and its English code), a file may write a value as a synonym the
 * registers use, in the words of the article it comes from (the clause text, as the seeds print
 * it), or by the article's reference (`第二十七条第（四）项第5目`, `第27条第4项第5目`, `情形5`).
 * One table per vocabulary, beside it in meaning: the importer matches against these
 * (api/src/import/terms.ts), the README lists them, the labels above stay what the API and the
 * site show. Clause texts are compared after NFKC, without spaces and punctuation, with or
 * without the trailing 的; they are copied from docs/sources (seeds 000 and 003), never
 * paraphrased. `patterns` are a last resort: a value recognised only by its key words is
 * imported with a warning, and a value matching two codes' patterns is refused as ambiguous.
 */
export interface TermForms<C extends string> {
  /** the vocabulary's name as the messages say it */
  what: string;
  /** the articles the vocabulary follows (seed and article, as the code cites them) */
  article: string;
  /** other words for a code, as registers write them */
  synonyms?: Readonly<Record<string, C>>;
  /** the article's own words for a code (several when a clause has several sentences, or several codes share one) */
  clauses?: Readonly<Partial<Record<C, readonly string[]>>>;
  /** the article whose items or sub-items the codes are, and each code's place in it */
  references?: {
    /** seed and article cited, e.g. '003 Art. 27' */
    article: string;
    /** the article's number (第二十七条) */
    number: number;
    /** what a bare number or `情形N` counts: the item (项) or, inside `item`, the sub-item (目) */
    ordinal: 'item' | 'sub';
    /** for `ordinal: 'sub'`: the item the sub-items belong to (第（四）项) */
    item?: number;
    places: Readonly<Partial<Record<C, { item: number; sub?: number }>>>;
  };
  /**
   * wording around a value, on the comparison key (no spaces or punctuation): `对抽样过程提出异议`,
   * `检验结论为合格`. The first group is matched as a label or synonym would be, without a warning.
   */
  frames?: readonly RegExp[];
  /** key words, tried last; a match is imported with a warning */
  patterns?: ReadonlyArray<readonly [RegExp, C]>;
}

/** 抽查类型: the check's level as registers and task names write it (003 Art. 32; 000 Art. 9, 13). */
export const CheckTypeForms: TermForms<CheckType> = {
  what: '抽查类型',
  article: '003 Art. 4, 32; 000 Art. 9, 13',
  synonyms: {
    国抽: 'national',
    国家抽查: 'national',
    国家级: 'national',
    国家级监督抽查: 'national',
    国家产品质量监督抽查: 'national',
    国家级产品质量监督抽查: 'national',
    国家市场监督管理总局产品质量国家监督抽查: 'national',
    国家市场监管总局监督抽查: 'national',
    总局抽查: 'national',
    国家抽检: 'national',
    国家级抽检: 'national',
    省抽: 'provincial',
    省级: 'provincial',
    省级抽查: 'provincial',
    省监督抽查: 'provincial',
    省级产品质量监督抽查: 'provincial',
    省产品质量监督抽查: 'provincial',
    湖北省产品质量监督抽查: 'provincial',
    湖北省省级产品质量监督抽查: 'provincial',
    省局抽查: 'provincial',
    省级抽检: 'provincial',
    产品质量省级监督抽查: 'provincial',
    市抽: 'city',
    市级: 'city',
    市级抽查: 'city',
    市监督抽查: 'city',
    市级产品质量监督抽查: 'city',
    市州监督抽查: 'city',
    市州级监督抽查: 'city',
    市州抽查: 'city',
    市级抽检: 'city',
    产品质量市级监督抽查: 'city',
    动态: 'dynamic',
    年度动态抽查: 'dynamic',
    湖北精品动态抽查: 'dynamic',
    服务评价: 'service_evaluation',
  },
  // 003 Art. 32: 产品质量国家监督抽查 … 参照本办法执行
  clauses: { national: ['产品质量国家监督抽查'] },
  patterns: [
    [/国家|国抽|总局/, 'national'],
    [/省级|省抽|省局|^湖北省(?!.*市)/, 'provincial'],
    [/市级|市抽|州级|市州/, 'city'],
    [/动态/, 'dynamic'],
    [/服务质量/, 'service_evaluation'],
  ],
};

/** 检验结论: 合格 / 不合格, and the 符合 / 不符合 forms reports use. */
export const ConclusionForms: TermForms<Conclusion> = {
  what: '检验结论',
  article: '003 Art. 4–5, 11, 24',
  synonyms: {
    符合: 'pass',
    不符合: 'fail',
    合格品: 'pass',
    不合格品: 'fail',
    符合要求: 'pass',
    不符合要求: 'fail',
    符合标准: 'pass',
    不符合标准: 'fail',
    符合标准要求: 'pass',
    不符合标准要求: 'fail',
    检验合格: 'pass',
    检验不合格: 'fail',
    判定合格: 'pass',
    判定不合格: 'fail',
    所检项目符合标准要求: 'pass',
    所检项目不符合标准要求: 'fail',
    pass: 'pass',
    fail: 'fail',
    qualified: 'pass',
    unqualified: 'fail',
    所检项目符合要求: 'pass',
    所检项目不符合要求: 'fail',
    经抽样检验所检项目符合标准要求: 'pass',
    经抽样检验所检项目不符合标准要求: 'fail',
    复检合格: 'pass',
    复检不合格: 'fail',
    复查合格: 'pass',
    复查不合格: 'fail',
    整改复查合格: 'pass',
    整改复查不合格: 'fail',
    整改合格: 'pass',
    整改不合格: 'fail',
  },
  // `检验结论：合格`, `结论为不合格`, `复检结论：符合`
  frames: [/^(?:检验|判定|复检|复查|整改复查)?(?:结论|结果)(?:为|是)?(.+)$/],
  // a sentence: `所检项目符合GB 2757-2012要求` (a warning); both words in one cell are ambiguous
  patterns: [
    [/不合格|不符合/, 'fail'],
    [/(?<!不)(?:合格|符合)/, 'pass'],
  ],
};

/** 问题严重程度 (003 Art. 18: 一般质量问题 / 严重质量问题). */
export const SeverityForms: TermForms<Severity> = {
  what: '问题严重程度',
  article: '003 Art. 18',
  synonyms: {
    一般问题: 'general',
    严重问题: 'serious',
    一般质量问题: 'general',
    严重质量问题: 'serious',
    一般不合格: 'general',
    严重不合格: 'serious',
    存在一般质量问题: 'general',
    存在严重质量问题: 'serious',
    严重质量安全问题: 'serious',
    存在严重质量安全问题: 'serious',
    一般质量安全问题: 'general',
  },
  // 003 Art. 18: 一般质量问题 / 严重质量问题, and what has 严重问题
  clauses: {
    general: ['产品存在一般质量问题'],
    serious: [
      '产品存在严重质量问题',
      '不符合保障人体健康和人身、财产安全要求的产品',
      '在产品中掺杂、掺假，以假充真的产品',
      '国家明令淘汰的产品',
      '失效、变质的产品',
    ],
  },
  patterns: [
    [/严重/, 'serious'],
    [/一般|轻微/, 'general'],
  ],
};

/** 抽样环节 (003 Art. 4: 在销售者处现场抽取 / 通过网络抽样方式购买). */
export const SamplingStageForms: TermForms<SamplingStage> = {
  what: '抽样环节',
  article: '003 Art. 4',
  synonyms: {
    生产领域: 'production',
    生产企业: 'production',
    生产者: 'production',
    生产单位: 'production',
    流通领域: 'circulation',
    销售: 'circulation',
    销售环节: 'circulation',
    销售者: 'circulation',
    销售领域: 'circulation',
    市场: 'circulation',
    现场抽样: 'circulation',
    实体店: 'circulation',
    电子商务: 'ecommerce',
    电商环节: 'ecommerce',
    电子商务平台: 'ecommerce',
    网购: 'ecommerce',
    网络: 'ecommerce',
    网络抽样: 'ecommerce',
    网络抽查: 'ecommerce',
    网络销售: 'ecommerce',
    网售: 'ecommerce',
    线上: 'ecommerce',
    线上销售: 'ecommerce',
    网络交易平台: 'ecommerce',
    网络平台: 'ecommerce',
    网购平台: 'ecommerce',
    网抽: 'ecommerce',
    电商抽样: 'ecommerce',
    网络购买: 'ecommerce',
    经营: 'circulation',
    经营环节: 'circulation',
    销售现场: 'circulation',
    生产现场: 'production',
  },
  clauses: { circulation: ['在销售者处现场抽取'], ecommerce: ['通过网络抽样方式购买', '电子商务平台经营者'] },
  // a place: `生产企业成品库`, `某某超市` (a warning); `网络` and `销售` together are ambiguous
  patterns: [
    [/网络|网购|网店|电商|电子商务|线上/, 'ecommerce'],
    [/流通|销售|经营|超市|商场|门店|商店|市场/, 'circulation'],
    [/生产|成品库|车间|出厂/, 'production'],
  ],
};

/** 异议理由: the grounds of 003 Art. 7 (一)–(四); (二) names three, so a bare (二) is ambiguous. */
export const ObjectionGroundForms: TermForms<ObjectionGround> = {
  what: '异议理由',
  article: '003 Art. 7',
  synonyms: {
    对检验结论有异议: 'conclusion',
    检验结果: 'conclusion',
    对检验结果有异议: 'conclusion',
    结论异议: 'conclusion',
    对抽样过程有异议: 'sampling',
    抽样: 'sampling',
    抽样程序: 'sampling',
    对检验方法有异议: 'method',
    检验方法不当: 'method',
    对标准适用有异议: 'standard',
    标准适用错误: 'standard',
    适用标准: 'standard',
    样品真实性异议: 'sample_authenticity',
    对样品真实性有异议: 'sample_authenticity',
    样品非本企业生产: 'sample_authenticity',
    非本企业产品: 'sample_authenticity',
    假冒产品: 'sample_authenticity',
    其他事项: 'other',
  },
  // `对抽样过程提出异议`, `检验方法有异议`, `对检验结果有异议`: the ground inside Art. 7's wording
  frames: [
    /^(?:企业|异议申请人|申请人|被抽样单位|被抽样生产者|被抽样销售者|生产者|销售者)?对?(.+?)(?:有|提出|存在|提)?(?:书面)?(?:异议|疑问)(?:申请)?$/,
  ],
  clauses: {
    conclusion: ['对检验结论提出异议'],
    sampling: ['对抽样过程、检验方法、标准适用等提出异议'],
    method: ['对抽样过程、检验方法、标准适用等提出异议'],
    standard: ['对抽样过程、检验方法、标准适用等提出异议'],
    sample_authenticity: ['对样品真实性提出异议'],
    other: ['对其他事项提出异议'],
  },
  references: {
    article: '003 Art. 7',
    number: 7,
    ordinal: 'item',
    places: {
      conclusion: { item: 1 },
      sampling: { item: 2 },
      method: { item: 2 },
      standard: { item: 2 },
      sample_authenticity: { item: 3 },
      other: { item: 4 },
    },
  },
};

/** 异议结论 (003 Art. 9–15). */
export const ObjectionOutcomeForms: TermForms<ObjectionOutcome> = {
  what: '异议结论',
  article: '003 Art. 9–15',
  synonyms: {
    不成立: 'rejected',
    异议不成立: 'rejected',
    驳回: 'rejected',
    不予受理: 'rejected',
    维持原结论: 'rejected',
    维持原检验结论: 'rejected',
    终止复检: 'rejected',
    撤回原结论: 'withdrawn',
    撤回原检验结论: 'withdrawn',
    撤销原结论: 'withdrawn',
    组织复检: 'retest',
    同意复检: 'retest',
    进行复检: 'retest',
    需要复检: 'retest',
    经研究需要复检: 'retest',
    维持原判: 'rejected',
    样品真实性异议成立: 'authenticity_upheld',
    '样品真实性异议成立，不公开标称生产者信息': 'authenticity_upheld',
    不公开标称生产者信息: 'authenticity_upheld',
  },
  // the decision as a bureau writes it (Art. 9's 异议申请结果通知书): `决定复检`, `经研究，决定进行复检`,
  // `同意复检`, `决定维持原检验结论`, `经调查核实，撤回原检验结论` — the outcome after the verb
  frames: [/^(?:经研究|经审查|经核实|经调查核实|经调查)?(?:决定|同意|予以|准予|依法)?(?:进行|组织|安排|开展)?(.+)$/],
  clauses: {
    rejected: ['异议不成立的，维持原检验结论', '终止复检或调查核实，维持原检验结论'],
    // `异议成立` alone is Art. 13–14's (withdrawn) or Art. 15's (producer withheld): ambiguous, refused
    withdrawn: ['异议成立的，撤回原检验结论', '异议成立'],
    retest: ['经研究需要复检并具备检验条件'],
    authenticity_upheld: ['异议成立的，抽查结果不公开标称生产者信息', '异议成立'],
  },
};

/** 公开情形: 003 Art. 27 (四) 1.–6. and (五), in the article's own words. */
export const DisclosureSituationForms: TermForms<DisclosureSituation> = {
  what: '公开情形',
  article: '003 Art. 27(4)–(5)',
  synonyms: {
    公开: 'bureau_decision',
    决定予以公开: 'bureau_decision',
    省局决定公开: 'bureau_decision',
    其他应当发布的内容: 'bureau_decision',
    连续两次抽查不合格: 'consecutive_failures',
    拒绝接受监督抽查: 'refused_check',
    拒检: 'refused_check',
    复查合格前继续生产销售: 'sold_before_recheck',
    未召回: 'not_recalled',
    未依法依规召回: 'not_recalled',
    未进行召回处置: 'not_recalled',
    无正当理由拒绝整改: 'refused_rectification',
    拒不整改: 'refused_rectification',
    擅自处理已抽查封存样品: 'disposed_sealed_samples',
    擅自更换封存样品: 'disposed_sealed_samples',
    隐匿封存样品: 'disposed_sealed_samples',
    连续两次监督抽查不合格: 'consecutive_failures',
  },
  clauses: {
    refused_check: ['无正当理由拒绝接受监督抽查的'],
    disposed_sealed_samples: ['擅自更换、隐匿、处理已抽查封存样品的'],
    refused_rectification: ['产品质量监督抽查不合格，且无正当理由拒绝整改的'],
    sold_before_recheck: ['整改复查合格前，继续生产、销售不合格产品同一规格型号产品的'],
    consecutive_failures: ['连续两次产品质量监督抽查不合格的'],
    not_recalled: ['对已售出的存在严重质量问题的产品未依法依规进行召回处置的'],
    bureau_decision: ['其他应当发布的内容'],
  },
  references: {
    article: '003 Art. 27',
    number: 27,
    ordinal: 'sub',
    item: 4,
    places: {
      refused_check: { item: 4, sub: 1 },
      disposed_sealed_samples: { item: 4, sub: 2 },
      refused_rectification: { item: 4, sub: 3 },
      sold_before_recheck: { item: 4, sub: 4 },
      consecutive_failures: { item: 4, sub: 5 },
      not_recalled: { item: 4, sub: 6 },
      bureau_decision: { item: 5 },
    },
  },
  // key words of one situation (a warning); two situations' words in one cell are ambiguous
  patterns: [
    [/拒绝(?:接受)?(?:监督)?抽查|拒检/, 'refused_check'],
    [/封存样品/, 'disposed_sealed_samples'],
    [/拒(?:绝|不)(?:进行)?整改/, 'refused_rectification'],
    [/复查合格前/, 'sold_before_recheck'],
    [/连续两次/, 'consecutive_failures'],
    [/未(?:依法|依规|进行|及时)*召回|不召回|拒(?:绝|不)召回/, 'not_recalled'],
  ],
};

/** 撤销情形: 000 Art. 16 (一)–(五), in the article's own words. */
export const RevocationGroundForms: TermForms<RevocationGround> = {
  what: '撤销情形',
  article: '000 Art. 16',
  synonyms: {
    虚假材料: 'false_material',
    提交虚假材料: 'false_material',
    连续两次不合格: 'consecutive_failures',
    未按期整改: 'unrectified',
    严重不良影响: 'serious_impact',
    其他严重违法违规: 'other_violation',
  },
  clauses: {
    false_material: ['提交虚假年度自查报告或佐证材料'],
    consecutive_failures: [
      '产品质量监督抽查连续两次不合格，受到行政处罚；服务质量评价连续两次不合格',
      '产品质量监督抽查连续两次不合格，受到行政处罚',
      '服务质量评价连续两次不合格',
    ],
    unrectified: [
      '对市场监督管理或相关行业主管部门发现的一般问题未按期整改或整改后仍达不到规定要求',
      '一般问题未按期整改或整改后仍达不到规定要求',
    ],
    serious_impact: ['在质量、安全、环保等方面落实主体责任不力，造成严重不良影响'],
    other_violation: ['发生其他严重违法违规情形'],
  },
  references: {
    article: '000 Art. 16',
    number: 16,
    ordinal: 'item',
    places: {
      false_material: { item: 1 },
      consecutive_failures: { item: 2 },
      unrectified: { item: 3 },
      serious_impact: { item: 4 },
      other_violation: { item: 5 },
    },
  },
  patterns: [
    [/虚假|弄虚作假|伪造|隐瞒/, 'false_material'],
    [/连续.*(不合格|抽查)|服务质量评价.*不合格/, 'consecutive_failures'],
    [/整改/, 'unrectified'],
    [/严重不良影响|质量安全事故|重大.*事故|环境|环保/, 'serious_impact'],
    [/其他.*违法|违法违规/, 'other_violation'],
  ],
};

/** 后处理事项: the words registers use for each event (003 Art. 5–27). */
export const CaseEventKindForms: TermForms<CaseEventKind> = {
  what: '事项',
  article: '003 Art. 5–27',
  synonyms: {
    送达签收: 'delivered',
    签收: 'delivered',
    结果送达: 'delivered',
    检验结果送达: 'delivered',
    送达结果通知书: 'delivered',
    送达检验报告: 'delivered',
    送达检验结果通知单: 'delivered',
    结果通知单签收: 'delivered',
    公告送达: 'delivered',
    检验报告送达: 'delivered',
    结果通知书送达: 'delivered',
    结果通知单送达: 'delivered',
    检验结果通知单送达: 'delivered',
    送达回证: 'delivered',
    企业签收: 'delivered',
    收到检验结果: 'delivered',
    收到检验报告: 'delivered',
    邮寄送达: 'delivered',
    异议: 'objection_filed',
    提出异议: 'objection_filed',
    异议提出: 'objection_filed',
    提出书面异议: 'objection_filed',
    异议申请书: 'objection_filed',
    复检申请: 'objection_filed',
    申请复检: 'objection_filed',
    异议申请及复检申请: 'objection_filed',
    提出异议申请: 'objection_filed',
    异议处理结论: 'objection_decided',
    异议处理结果: 'objection_decided',
    异议审查结论: 'objection_decided',
    异议处理: 'objection_decided',
    异议申请结果通知: 'objection_decided',
    异议申请结果通知书: 'objection_decided',
    异议处理决定: 'objection_decided',
    异议答复: 'objection_decided',
    确认复检样品: 'retest_sample_confirmed',
    复检备样确认: 'retest_sample_confirmed',
    复检样品确认书: 'retest_sample_confirmed',
    复检结果: 'retest_result',
    复检: 'retest_result',
    复检结果通知: 'retest_result',
    复检结论通知: 'retest_result',
    复检结果告知: 'retest_result',
    移交: 'transferred',
    移送: 'transferred',
    移送处理: 'transferred',
    移交后处理: 'transferred',
    移交后处理单位: 'transferred',
    移送属地: 'transferred',
    移交属地: 'transferred',
    移送后处理: 'transferred',
    不合格结果移交: 'transferred',
    责令改正通知: 'correction_ordered',
    责令改正通知书: 'correction_ordered',
    责令整改: 'correction_ordered',
    责令限期改正: 'correction_ordered',
    改正通知: 'correction_ordered',
    下达责令改正通知书: 'correction_ordered',
    责令改正通知书送达: 'correction_ordered',
    收到责令改正通知书: 'correction_ordered',
    复查申请: 'recheck_applied',
    申请复查: 'recheck_applied',
    整改复查: 'recheck_applied',
    整改复查申请书: 'recheck_applied',
    整改完成申请复查: 'recheck_applied',
    申请整改复查: 'recheck_applied',
    提出复查申请: 'recheck_applied',
    提交整改报告: 'recheck_applied',
    整改报告: 'recheck_applied',
    复查结果: 'recheck_result',
    复查: 'recheck_result',
    整改复查结论: 'recheck_result',
    整改复查结果: 'recheck_result',
    复查检验结果: 'recheck_result',
    整改复查结果通知书: 'recheck_result',
    公开: 'disclosure_situation',
    信息公开情形: 'disclosure_situation',
    信息公开: 'disclosure_situation',
    公布生产者信息: 'disclosure_situation',
    公开生产者销售者信息: 'disclosure_situation',
    拒不整改: 'refused_rectification',
    无正当理由拒绝整改: 'refused_rectification',
    拒绝接受整改: 'refused_rectification',
    拒不配合整改: 'refused_rectification',
    主动召回: 'recalled',
    产品召回: 'recalled',
    召回处置: 'recalled',
    实施召回: 'recalled',
    召回处理: 'recalled',
  },
  // the documents the articles name for each step (003 Art. 5–24), as a register may write them
  clauses: {
    delivered: ['产品质量监督抽查检验结果通知单'], // Art. 5
    objection_filed: ['向省局提出书面异议申请'], // Art. 7
    objection_decided: ['产品质量监督抽查异议申请结果通知书'], // Art. 9
    retest_sample_confirmed: ['产品质量监督抽查复检样品确认书', '核对确认复检样品'], // Art. 9
    retest_result: ['产品质量监督抽查复检结果'], // Art. 11
    transferred: ['产品质量监督抽查不合格结果移交处理通知书', '产品质量监督抽查不合格移送处理通知书'], // Art. 16, 17
    correction_ordered: ['产品质量监督抽查责令改正通知书'], // Art. 17
    recheck_applied: ['产品质量监督抽查不合格整改复查申请书'], // Art. 20
    recheck_result: ['产品质量监督抽查整改复查结果通知书', '产品质量监督复查检验结果通知书'], // Art. 24, 22
  },
};

/** 记录类型 of a withdrawal row: the records a 撤回 batch may withdraw, as registers name them. */
export const WithdrawableRecordForms: TermForms<WithdrawableRecord> = {
  what: '记录类型',
  article: '003 Art. 26',
  synonyms: {
    撤销决定: 'revocation',
    撤销认定: 'revocation',
    撤销认定决定书: 'revocation',
    撤销湖北精品认定决定: 'revocation',
    警示: 'consumer_warning',
    消费提示: 'consumer_warning',
    消费警示信息: 'consumer_warning',
  },
};
