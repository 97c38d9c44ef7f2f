/**
 * The Chinese words for the API's codes, and the plain-language sentences the pages use.
 * The articles cited are those of the programme's documents:
 * 《"湖北精品"动态管理办法》 (管理办法) and 《湖北省市场监督管理局产品质量监督抽查结果处理工作管理办法》 (处理办法).
 */

export const PROGRAMME = '湖北精品';
export const PROGRAMME_EN = 'Hubei Premium Quality';
export const RESULT_RULES = '《湖北省市场监督管理局产品质量监督抽查结果处理工作管理办法》';
export const RESULT_RULES_SHORT = '《处理办法》';
export const DYNAMIC_RULES = '《“湖北精品”动态管理办法》';
export const DYNAMIC_RULES_SHORT = '《动态管理办法》';

export const CHECK_TYPE: Record<string, string> = {
  national: '国家监督抽查', provincial: '省级监督抽查', city: '市级监督抽查', dynamic: '动态抽查', service_evaluation: '服务质量评价',
};
export const ITEM_KIND: Record<string, string> = { product: '产品', service: '服务', engineering: '工程' };
export const STANDARD_LEVEL: Record<string, string> = {
  national: '国家标准', industry: '行业标准', local: '地方标准', group: '团体标准', enterprise: '企业标准',
};
export const SEVERITY: Record<string, string> = { general: '一般', serious: '严重' };
export const SAMPLING_STAGE: Record<string, string> = { production: '生产环节', circulation: '流通环节', ecommerce: '电商平台' };
export const CONCLUSION: Record<string, string> = { pass: '合格', fail: '不合格' };
export const ENTERPRISE_SIZE: Record<string, string> = { large: '大型', medium: '中型', small: '小型', micro: '微型' };
export const BATCH_KIND: Record<string, string> = {
  certifications: '认定名单', cultivation: '培育库入库名单', evaluations: '标准先进性评价', spot_checks: '监督抽查结果',
  follow_ups: '后处理进展', revocations: '撤销认定决定', warnings: '消费警示', dynamic_management: '动态管理记录', sample: '示例数据',
};
export const LOGO_BASIS: Record<string, string> = { certified: '认定', yangtze_award: '长江质量奖自我声明' };

export const ITEM_STATUS: Record<string, { label: string; tone: 'ok' | 'bad' | 'warn' }> = {
  in_force: { label: '有效', tone: 'ok' },
  revoked: { label: '已撤销', tone: 'bad' },
  under_rectification: { label: '整改中', tone: 'warn' },
};

export const RECORD_TYPE: Record<string, string> = {
  spot_check: '抽查结果', nonconforming_item: '抽查结果的不符合项', case_event: '抽查结果的后处理事项', certified_item: '认定对象',
  enterprise: '经营主体', revocation: '撤销认定决定', consumer_warning: '消费警示',
};

/** 003 Art. 27(4) situations and Art. 27(5), as the API codes them. */
export const SITUATION: Record<string, string> = {
  refused_check: '无正当理由拒绝接受监督抽查（第二十七条第（四）项第1目）',
  disposed_sealed_samples: '擅自更换、隐匿、处理已抽查封存样品（第二十七条第（四）项第2目）',
  refused_rectification: '不合格且无正当理由拒绝整改（第二十七条第（四）项第3目）',
  sold_before_recheck: '整改复查合格前继续生产、销售同一规格型号产品（第二十七条第（四）项第4目）',
  consecutive_failures: '连续两次产品质量监督抽查不合格（第二十七条第（四）项第5目）',
  not_recalled: '对已售出的存在严重质量问题的产品未依法依规召回（第二十七条第（四）项第6目）',
  bureau_decision: '省局决定应当发布（第二十七条第（五）项）',
};

/** The disclosure basis in a few words (open data). */
export const IDENTITY_BASIS_SHORT: Record<string, string> = {
  refused_check: '拒绝抽查', disposed_sealed_samples: '擅自处理封存样品', refused_rectification: '拒绝整改',
  sold_before_recheck: '复查合格前继续生产销售', consecutive_failures: '连续两次抽查不合格', not_recalled: '未依法召回',
  bureau_decision: '省局决定公布', withheld_sample_authenticity: '样品真实性异议成立，不公布', no_situation: '无第二十七条第（四）项情形，不公布',
};

/** Why the producer's and seller's identity is (not) shown, in plain words. */
export function identityExplanation(basis: string | null, identityPublic: boolean): string {
  if (identityPublic && basis && SITUATION[basis]) return `依${RESULT_RULES_SHORT}公布生产者、销售者信息，情形：${SITUATION[basis]}。`;
  if (basis === 'withheld_sample_authenticity') return `样品真实性异议成立，依${RESULT_RULES_SHORT}第十五条不公布标称生产者信息。`;
  return `未出现${RESULT_RULES_SHORT}第二十七条第（四）项规定的情形，依法不公布生产者、销售者信息。`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1–99 in Chinese numerals: 7 → 七, 17 → 十七, 27 → 二十七 */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/**
 * '003 Art. 9–10' → '《处理办法》第九至十条'; '003 Art. 17, 20' → '《处理办法》第十七、二十条';
 * '000 Art. 16' → '《动态管理办法》第十六条'. Anything else is shown as it is.
 */
export function articleLabel(article: string): string {
  const m = /^(000|003)\s+Art\.\s+(.+)$/.exec(article.trim());
  if (!m) return article;
  const doc = m[1] === '003' ? RESULT_RULES_SHORT : DYNAMIC_RULES_SHORT;
  const parts = m[2].split(/,\s*/).map((part) => {
    const range = /^(\d+)\s*[–-]\s*(\d+)$/.exec(part);
    if (range) return `${chineseNumber(Number(range[1]))}至${chineseNumber(Number(range[2]))}`;
    const single = /^(\d+)(.*)$/.exec(part);
    return single ? chineseNumber(Number(single[1])) + single[2] : part;
  });
  return `${doc}第${parts.join('、')}条`;
}

/** Deadline steps of a case (003 Art. 5–25) in plain words. */
export const DEADLINE_STEP: Record<string, { title: string; text: (days: number) => string }> = {
  delivery: { title: '送达检验结果', text: (d) => `承检机构应自出具检验报告之日起${d}日内将检验报告和结果通知书送达企业。` },
  objection: { title: '异议期', text: (d) => `企业自收到检验结果之日起${d}日内可以提出书面异议；期满未提出的，视为无异议。` },
  retest_sample_confirmation: { title: '确认复检样品', text: (d) => `申请复检的，应自收到异议处理结果通知之日起${d}日内确认复检样品；逾期未确认的，复检终止，维持原结论。` },
  correction_order: { title: '责令改正', text: (d) => `属地市场监管部门应自收到移送之日起${d}日内下达责令改正通知书。` },
  rectification: { title: '整改并申请复查', text: (d) => `企业应自收到责令改正通知书之日起${d}日内完成整改并申请复查；复查合格前不得继续生产、销售同一规格型号产品。` },
  recheck: { title: '组织复查', text: (d) => `属地市场监管部门应自收到复查申请之日起${d}日内组织复查。` },
  outcome_report: { title: '报送处理结果', text: (d) => `属地市场监管部门应在复查后${d}日内向省局报送处理结果。` },
};

const OBJECTION_GROUND: Record<string, string> = {
  conclusion: '检验结论', sampling: '抽样过程', method: '检验方法', standard: '标准适用', sample_authenticity: '样品真实性', other: '其他',
};

/** One case event (003 Art. 5–27) in plain words, with the article it follows. */
export function eventExplanation(kind: string, outcome: string | null): { text: string; article: string } {
  switch (kind) {
    case 'delivered':
      return { text: '企业收到检验报告和检验结果通知书，异议期自次日起计算。', article: '003 Art. 5–7' };
    case 'objection_filed':
      return { text: `企业提出异议${outcome && OBJECTION_GROUND[outcome] ? `（异议事项：${OBJECTION_GROUND[outcome]}）` : ''}，异议处理期间结果暂不作为不合格公布。`, article: '003 Art. 7' };
    case 'objection_decided':
      switch (outcome) {
        case 'rejected': return { text: '异议不成立，维持原检验结论。', article: '003 Art. 8–14' };
        case 'withdrawn': return { text: '异议成立，撤回原检验结论。', article: '003 Art. 13–14' };
        case 'retest': return { text: '决定进行复检。', article: '003 Art. 9' };
        case 'authenticity_upheld': return { text: '样品真实性异议成立：检验结论维持，但不公布标称生产者信息。', article: '003 Art. 15' };
        default: return { text: '异议处理作出结论。', article: '003 Art. 9–15' };
      }
    case 'retest_sample_confirmed':
      return { text: '申请人确认复检样品。', article: '003 Art. 9–10' };
    case 'retest_result':
      return { text: `复检结论：${CONCLUSION[outcome ?? ''] ?? '已作出'}。复检结论为最终结论，不得再提出异议。`, article: '003 Art. 11' };
    case 'transferred':
      return { text: '不合格结果移送企业所在地市场监管部门依法处理。', article: '003 Art. 16' };
    case 'correction_ordered':
      return { text: '属地市场监管部门下达责令改正通知书，企业须在60日内整改并申请复查。', article: '003 Art. 17' };
    case 'recheck_applied':
      return { text: '企业完成整改，申请复查。', article: '003 Art. 20' };
    case 'recheck_result':
      return { text: `复查结论：${CONCLUSION[outcome ?? ''] ?? '已作出'}。`, article: '003 Art. 21–24' };
    case 'disclosure_situation':
      return { text: `出现应当公布生产者、销售者信息的情形${outcome && SITUATION[outcome] ? `：${SITUATION[outcome]}` : ''}。`, article: '003 Art. 27' };
    case 'refused_rectification':
      return { text: '企业无正当理由拒绝整改。', article: '003 Art. 27' };
    case 'recalled':
      return { text: '企业对已售出的问题产品实施召回。', article: '003 Art. 27' };
    default:
      return { text: '', article: '' };
  }
}

export const percent = (rate: number | null | undefined, digits = 1) =>
  rate == null || Number.isNaN(rate) ? '—' : `${(rate * 100).toFixed(digits)}%`;

export const count = (n: number) => n.toLocaleString('zh-CN');

/** 2026-03-10 → 2026年3月10日 */
export function dateLabel(date: string | null | undefined): string {
  if (!date) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}
