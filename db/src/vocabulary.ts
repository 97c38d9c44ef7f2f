/**
 * The domain's closed vocabularies, shared by the data model, the rules and the importers.
 * Values are stable English codes (stored in the database, exposed in the API); `label` is the
 * Chinese term the bureau's documents use. See shared DOMAIN.md for the sources.
 */

function labelled<const T extends Record<string, string>>(labels: T) {
  const codes = Object.keys(labels) as (keyof T & string)[];
  return { codes, labels, label: (code: keyof T & string) => labels[code] } as const;
}

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

/** 抽样环节 */
export const SamplingStage = labelled({ production: '生产', circulation: '流通', ecommerce: '电商' });
export type SamplingStage = (typeof SamplingStage.codes)[number];

/** 后处理事项: the events after a result (003 Art. 5–25, 27). */
export const CaseEventKind = labelled({
  delivered: '送达', // Art. 5–6: the enterprise received the result notice
  objection_filed: '异议申请', // Art. 7
  objection_decided: '异议结论', // Art. 9, 13–15
  retest_sample_confirmed: '复检样品确认', // Art. 9
  retest_result: '复检结论', // Art. 11
  transferred: '移交处理', // Art. 16
  correction_ordered: '责令改正', // Art. 17
  recheck_applied: '整改复查申请', // Art. 20
  recheck_result: '复查结论', // Art. 24
  disclosure_situation: '公开情形', // Art. 27(4)/(5)
  refused_rectification: '拒绝整改', // Art. 27(4)3
  recalled: '召回', // Art. 27(4)6
});
export type CaseEventKind = (typeof CaseEventKind.codes)[number];

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

/** 异议结论 (003 Art. 9, 13–15) */
export const ObjectionOutcome = labelled({
  rejected: '维持', // objection not upheld: the conclusion stands
  withdrawn: '撤回', // upheld on sampling/method/standard: the conclusion is withdrawn (Art. 13–14)
  retest: '复检', // a re-test is ordered (Art. 9)
  authenticity_upheld: '成立', // sample-authenticity objection upheld: result stands, producer not published (Art. 15)
});
export type ObjectionOutcome = (typeof ObjectionOutcome.codes)[number];

/** 公开情形: the six situations of 003 Art. 27(4), and the bureau's decision under Art. 27(5). */
export const DisclosureSituation = labelled({
  refused_check: '拒绝抽查', // 27(4)1
  disposed_sealed_samples: '擅自处理封存样品', // 27(4)2
  refused_rectification: '拒绝整改', // 27(4)3
  sold_before_recheck: '复查前继续生产销售', // 27(4)4
  consecutive_failures: '连续两次不合格', // 27(4)5
  not_recalled: '未依法召回', // 27(4)6
  bureau_decision: '决定公开', // 27(5)
});
export type DisclosureSituation = (typeof DisclosureSituation.codes)[number];

/** 撤销情形: the five grounds of 000 Art. 16, by clause number. */
export const RevocationGround = labelled({
  false_material: '第十六条第一项', // (1) false self-report or evidence
  consecutive_failures: '第十六条第二项', // (2) two consecutive failed supervision checks with a penalty / failed service evaluations
  unrectified: '第十六条第三项', // (3) general problem not rectified by the deadline, or failing after it
  serious_impact: '第十六条第四项', // (4) serious adverse impact on quality, safety or environment
  other_violation: '第十六条第五项', // (5) other serious violations
});
export type RevocationGround = (typeof RevocationGround.codes)[number];

/** 标识使用授权的依据 */
export const LogoBasis = labelled({ certified: '认定', yangtze_award: '长江质量奖自我声明' });
export type LogoBasis = (typeof LogoBasis.codes)[number];

/** 批次类型 (shared IMPORT-FORMATS.md) */
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
