/**
 * Enumerated cells as the bureau writes them (issue 11): labels, synonyms, the regulation's own
 * words, article references, mixed widths and brackets — and what is refused (ambiguous,
 * contradicting, a wrong article). Pure functions; the same forms go through real files in
 * bureau-files.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CaseEventKind,
  CaseEventKindForms,
  CheckType,
  CheckTypeForms,
  Conclusion,
  ConclusionForms,
  DisclosureSituation,
  DisclosureSituationForms,
  ObjectionGround,
  ObjectionGroundForms,
  ObjectionOutcome,
  ObjectionOutcomeForms,
  RevocationGround,
  RevocationGroundForms,
  SamplingStage,
  SamplingStageForms,
  Severity,
  SeverityForms,
} from '@hub/db';
import { parseStandard } from '@hub/api/import/fields.ts';
import { csvField, errorsCsv } from '@hub/api/import/issues.ts';
import { groundInNote } from '@hub/api/import/records/follow-up.ts';
import { parseNonconformity } from '@hub/api/import/records/spot-check.ts';
import { matchTerm, parseArticleReference, termKey } from '@hub/api/import/terms.ts';

const code = <C extends string>(
  text: string,
  vocabulary: Parameters<typeof matchTerm<C>>[1],
  forms: Parameters<typeof matchTerm<C>>[2],
) => {
  const m = matchTerm(text, vocabulary, forms);
  return m && 'code' in m ? m.code : m;
};

describe('公开情形 (003 Art. 27(4)–(5)): short label, the article’s words, the reference', () => {
  it.each([
    ['拒绝抽查', 'refused_check'],
    ['无正当理由拒绝接受监督抽查的', 'refused_check'],
    ['无正当理由拒绝接受监督抽查', 'refused_check'],
    ['整改复查合格前，继续生产、销售不合格产品同一规格型号产品的', 'sold_before_recheck'],
    ['整改复查合格前,继续生产、销售不合格产品同一规格型号产品', 'sold_before_recheck'],
    ['整改复查合格前 继续生产 销售不合格产品同一规格型号产品的。', 'sold_before_recheck'],
    ['产品质量监督抽查不合格，且无正当理由拒绝整改的', 'refused_rectification'],
    ['对已售出的存在严重质量问题的产品未依法依规进行召回处置的', 'not_recalled'],
    ['第二十七条第（四）项第5目', 'consecutive_failures'],
    ['第27条第4项第5目', 'consecutive_failures'],
    ['第二十七条第(四)项第５目', 'consecutive_failures'],
    ['第（四）项第2目', 'disposed_sealed_samples'],
    ['情形5', 'consecutive_failures'],
    ['情形６', 'not_recalled'],
    ['5.连续两次产品质量监督抽查不合格的', 'consecutive_failures'],
    ['第二十七条第（四）项第5目：连续两次产品质量监督抽查不合格的', 'consecutive_failures'],
    ['属于“连续两次产品质量监督抽查不合格的”情形', 'consecutive_failures'],
    ['第二十七条第（五）项', 'bureau_decision'],
    ['决定公开', 'bureau_decision'],
    ['27(4)1', 'refused_check'],
    ['27条4项5目', 'consecutive_failures'],
    ['依据《处理办法》第二十七条第（四）项第2目', 'disposed_sealed_samples'],
    ['第二十七条第（四）项第五目', 'consecutive_failures'],
    ['无正当理由拒绝整改', 'refused_rectification'],
    ['未依法依规召回', 'not_recalled'],
  ])('%j → %s', (text, expected) => {
    expect(code(text, DisclosureSituation, DisclosureSituationForms)).toBe(expected);
  });

  it('refuses what would make the record wrong: a bare item of six, words against the reference, another article', () => {
    expect(matchTerm('第二十七条第（四）项', DisclosureSituation, DisclosureSituationForms)).toEqual({
      ambiguous: [
        'refused_check',
        'disposed_sealed_samples',
        'refused_rectification',
        'sold_before_recheck',
        'consecutive_failures',
        'not_recalled',
      ],
    });
    expect(matchTerm('第二十七条第（四）项第5目：无正当理由拒绝接受监督抽查的', DisclosureSituation, DisclosureSituationForms)).toEqual({
      contradiction: { reference: 'consecutive_failures', words: 'refused_check' },
    });
    expect(matchTerm('第十六条第二项', DisclosureSituation, DisclosureSituationForms)).toMatchObject({
      wrongReference: expect.stringMatching(/^第16条/),
    });
    expect(matchTerm('情形7', DisclosureSituation, DisclosureSituationForms)).toMatchObject({ wrongReference: expect.any(String) });
    expect(matchTerm('被约谈', DisclosureSituation, DisclosureSituationForms)).toBeUndefined();
  });
});

describe('撤销情形 (000 Art. 16)', () => {
  it.each([
    ['第十六条第二项', 'consecutive_failures', 'label'],
    ['第16条第2项', 'consecutive_failures', 'reference'],
    ['（二）', 'consecutive_failures', 'reference'],
    ['2', 'consecutive_failures', 'reference'],
    ['提交虚假年度自查报告或佐证材料', 'false_material', 'clause'],
    ['产品质量监督抽查连续两次不合格，受到行政处罚', 'consecutive_failures', 'clause'],
    ['服务质量评价连续两次不合格', 'consecutive_failures', 'clause'],
    ['对市场监督管理或相关行业主管部门发现的一般问题未按期整改或整改后仍达不到规定要求', 'unrectified', 'clause'],
    [
      '《“湖北精品”动态管理办法》第十六条第（四）项：在质量、安全、环保等方面落实主体责任不力，造成严重不良影响',
      'serious_impact',
      'reference',
    ],
    ['发生其他严重违法违规情形', 'other_violation', 'clause'],
    ['自查报告弄虚作假', 'false_material', 'pattern'],
    ['十六条二项', 'consecutive_failures', 'reference'],
    ['依据第十六条第（五）项', 'other_violation', 'reference'],
  ])('%j → %s (%s)', (text, expected, how) => {
    expect(matchTerm(text, RevocationGround, RevocationGroundForms)).toEqual({ code: expected, how });
  });
  it('refuses a reference against its words', () => {
    expect(matchTerm('第十六条第一项：发生其他严重违法违规情形', RevocationGround, RevocationGroundForms)).toEqual({
      contradiction: { reference: 'false_material', words: 'other_violation' },
    });
  });
});

describe('异议理由 (003 Art. 7)', () => {
  it.each([
    ['检验结论', 'conclusion'],
    ['对检验结论提出异议的', 'conclusion'],
    ['第七条第（三）项', 'sample_authenticity'],
    ['样品真实性', 'sample_authenticity'],
    ['对其他事项提出异议', 'other'],
    ['第（二）项：检验方法', 'method'],
    ['对抽样过程提出异议', 'sampling'],
    ['对检验方法提出书面异议', 'method'],
    ['标准适用有异议', 'standard'],
    ['企业对检验结果有异议', 'conclusion'],
    ['对抽样程序有异议的', 'sampling'],
  ])('%j → %s', (text, expected) => {
    expect(code(text, ObjectionGround, ObjectionGroundForms)).toBe(expected);
  });
  it('Art. 7 (二) names three grounds: its words or reference alone are ambiguous', () => {
    expect(matchTerm('对抽样过程、检验方法、标准适用等提出异议的', ObjectionGround, ObjectionGroundForms)).toEqual({
      ambiguous: ['sampling', 'method', 'standard'],
    });
    expect(matchTerm('第七条第二项', ObjectionGround, ObjectionGroundForms)).toEqual({ ambiguous: ['sampling', 'method', 'standard'] });
  });
  it.each([
    ['对检验结论有异议，申请复检', 'conclusion'],
    ['对抽样过程有异议：抽样人员未出示证件', 'sampling'],
    ['企业称样品非本企业生产，对样品真实性提出异议', 'sample_authenticity'],
    ['企业对检验方法存在异议', 'method'],
    ['企业提交了书面材料', undefined],
    ['对检验结论和抽样过程均有异议', undefined],
    ['企业对检验方法提出书面异议，要求复检', 'method'],
  ])('ground in 说明 %j → %s', (note, expected) => {
    expect(groundInNote(note)).toBe(expected);
  });
});

describe('异议结论 (003 Art. 9–15)', () => {
  it.each([
    ['异议不成立，维持原检验结论', 'rejected'],
    ['异议成立，撤回原检验结论', 'withdrawn'],
    ['维持原判', 'rejected'],
    ['经研究需要复检', 'retest'],
    ['样品真实性异议成立，不公开标称生产者信息', 'authenticity_upheld'],
    // the decision as the bureau writes it (a city register, 2026-12-04)
    ['决定复检', 'retest'],
    ['经研究，决定进行复检', 'retest'],
    ['同意复检', 'retest'],
    ['决定维持原检验结论', 'rejected'],
    ['经调查核实，撤回原检验结论', 'withdrawn'],
    ['决定终止复检', 'rejected'],
  ])('%j → %s', (text, expected) => {
    expect(code(text, ObjectionOutcome, ObjectionOutcomeForms)).toBe(expected);
  });
  it('异议成立 alone is Art. 13–14 or Art. 15: ambiguous', () => {
    expect(matchTerm('异议成立', ObjectionOutcome, ObjectionOutcomeForms)).toEqual({ ambiguous: ['withdrawn', 'authenticity_upheld'] });
  });
});

describe('抽查类型, 检验结论, 问题严重程度, 抽样环节, 事项: synonyms', () => {
  it.each([
    ['国抽', CheckType, CheckTypeForms, 'national'],
    ['国家监督抽查', CheckType, CheckTypeForms, 'national'],
    ['省抽', CheckType, CheckTypeForms, 'provincial'],
    ['省级产品质量监督抽查', CheckType, CheckTypeForms, 'provincial'],
    ['市抽', CheckType, CheckTypeForms, 'city'],
    ['市级产品质量监督抽查', CheckType, CheckTypeForms, 'city'],
    ['符合', Conclusion, ConclusionForms, 'pass'],
    ['不符合', Conclusion, ConclusionForms, 'fail'],
    ['所检项目符合标准要求', Conclusion, ConclusionForms, 'pass'],
    ['不合格', Conclusion, ConclusionForms, 'fail'],
    ['严重质量问题', Severity, SeverityForms, 'serious'],
    ['一般', Severity, SeverityForms, 'general'],
    ['流通环节', SamplingStage, SamplingStageForms, 'circulation'],
    ['网络抽样', SamplingStage, SamplingStageForms, 'ecommerce'],
    ['送达签收', CaseEventKind, CaseEventKindForms, 'delivered'],
    ['提出异议', CaseEventKind, CaseEventKindForms, 'objection_filed'],
    ['复检申请', CaseEventKind, CaseEventKindForms, 'objection_filed'],
    ['整改复查申请书', CaseEventKind, CaseEventKindForms, 'recheck_applied'],
    ['检验结论：合格', Conclusion, ConclusionForms, 'pass'],
    ['复查不合格', Conclusion, ConclusionForms, 'fail'],
    ['网络交易平台', SamplingStage, SamplingStageForms, 'ecommerce'],
    ['经营环节', SamplingStage, SamplingStageForms, 'circulation'],
    ['国家明令淘汰的产品', Severity, SeverityForms, 'serious'],
    ['产品质量国家监督抽查', CheckType, CheckTypeForms, 'national'],
    ['检验报告送达', CaseEventKind, CaseEventKindForms, 'delivered'],
    ['收到《产品质量监督抽查责令改正通知书》', CaseEventKind, CaseEventKindForms, 'correction_ordered'],
    ['产品质量监督抽查不合格结果移交处理通知书', CaseEventKind, CaseEventKindForms, 'transferred'],
    ['异议处理决定', CaseEventKind, CaseEventKindForms, 'objection_decided'],
    ['申请整改复查', CaseEventKind, CaseEventKindForms, 'recheck_applied'],
  ] as const)('%j → %s', (text, vocabulary, forms, expected) => {
    expect(code(text, vocabulary as never, forms as never)).toBe(expected);
  });
  it('a task name in 抽查类型 is read by its key words, with how = pattern (a warning)', () => {
    expect(matchTerm('2026年第1批省级产品质量监督抽查', CheckType, CheckTypeForms)).toEqual({ code: 'provincial', how: 'pattern' });
    expect(matchTerm('县级抽查', CheckType, CheckTypeForms)).toBeUndefined();
    expect(matchTerm('国家和省级联合抽查', CheckType, CheckTypeForms)).toEqual({ ambiguous: ['national', 'provincial'] });
  });
  it('a sentence in 检验结论, a place in 抽样环节, a description in 问题严重程度: by key words, with a warning; both words refused', () => {
    expect(matchTerm('所检项目符合GB 2757-2012要求', Conclusion, ConclusionForms)).toEqual({ code: 'pass', how: 'pattern' });
    expect(matchTerm('经抽样检验，所检项目不符合标准要求，检验结论为不合格', Conclusion, ConclusionForms)).toEqual({
      code: 'fail',
      how: 'pattern',
    });
    expect(matchTerm('符合要求，但标签不合格', Conclusion, ConclusionForms)).toEqual({ ambiguous: ['fail', 'pass'] });
    expect(matchTerm('生产企业成品库', SamplingStage, SamplingStageForms)).toEqual({ code: 'production', how: 'pattern' });
    expect(matchTerm('严重问题（危及人体健康）', Severity, SeverityForms)).toEqual({ code: 'serious', how: 'pattern' });
    expect(matchTerm('未及时召回', DisclosureSituation, DisclosureSituationForms)).toEqual({ code: 'not_recalled', how: 'pattern' });
    // a recall done is no situation of Art. 27(4)6
    expect(matchTerm('已主动召回', DisclosureSituation, DisclosureSituationForms)).toBeUndefined();
  });
});

describe('article references', () => {
  it.each([
    ['第二十七条第（四）项第5目', { article: 27, item: 4, sub: 5, rest: '' }],
    ['第27条第4项第5目', { article: 27, item: 4, sub: 5, rest: '' }],
    ['第(四)项5', { item: 4, sub: 5, rest: '' }],
    ['情形5', { ordinal: 5, rest: '' }],
    ['（二）', { item: 2, rest: '' }],
    ['3', { ordinal: 3, rest: '' }],
    ['第十六条第一项：提交虚假年度自查报告', { article: 16, item: 1, rest: '提交虚假年度自查报告' }],
    ['27条4项5目', { article: 27, item: 4, sub: 5, rest: '' }],
    ['十六条二项', { article: 16, item: 2, rest: '' }],
    ['根据《处理办法》第二十七条第（五）项', { article: 27, item: 5, rest: '' }],
  ])('%j', (text, expected) => {
    expect(parseArticleReference(text)).toEqual(expected);
  });
  it('is no reference when the text starts with words', () => {
    expect(parseArticleReference('连续两次不合格')).toBeUndefined();
    // a count is no reference: 项 without 第 only after an article
    expect(parseArticleReference('三项指标不合格')).toBeUndefined();
    expect(parseArticleReference('两条生产线停产')).toBeUndefined();
  });
  it('compares after width, space, punctuation and a trailing 的', () => {
    expect(termKey('整改复查合格前，继续生产、销售 同一规格型号产品的')).toBe(termKey('整改复查合格前继续生产销售同一规格型号产品'));
  });
  it('drops the 的 that closes a clause inside the text as well', () => {
    expect(termKey('异议不成立的，维持原检验结论')).toBe(termKey('异议不成立，维持原检验结论'));
    expect(termKey('对已售出的存在严重质量问题的产品')).toBe('对已售出的存在严重质量问题的产品');
  });
});

describe('values kept as written', () => {
  it.each([
    ['酸价（以KOH计）（标准值: ≤3, 实测值: 4.1）', { item: '酸价（以KOH计）', requirement: '≤3', measured: '4.1' }],
    ['酸价（以KOH计）', { item: '酸价（以KOH计）', requirement: null, measured: null }],
    [
      '过氧化值（以脂肪计）（标准值：≤0.25g/100g，实测值：0.38g/100g）',
      { item: '过氧化值（以脂肪计）', requirement: '≤0.25g/100g', measured: '0.38g/100g' },
    ],
    [
      '菌落总数(CFU/g)(标准值: n=5,c=2,m=10⁴, 实测值: 2.3×10⁵)',
      { item: '菌落总数(CFU/g)', requirement: 'n=5,c=2,m=10⁴', measured: '2.3×10⁵' },
    ],
  ])('不合格项目 %j', (text, expected) => {
    expect(parseNonconformity(text)).toEqual(expected);
  });
  it.each([
    ['T/HBPP 011-2023 “湖北精品”评价规范 绿茶', '“湖北精品”评价规范 绿茶'],
    ['T/HBAS 012-2023 某某产品（试行）', '某某产品（试行）'],
    ['《白酒质量要求 第1部分：浓香型白酒》GB/T 10781.1-2021', '白酒质量要求 第1部分：浓香型白酒'],
    ['GB/T 18650-2008 地理标志产品  恩施玉露', '地理标志产品  恩施玉露'],
  ])('执行标准 %j keeps its name %j', (text, name) => {
    expect(parseStandard(text)?.name).toBe(name);
  });
});

describe('errors.csv: no formula reaches the spreadsheet (CSV injection)', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+86 138', "'+86 138"],
    ["-2+3+cmd|' /C calc'!A0", `'-2+3+cmd|' /C calc'!A0`],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['a,b', '"a,b"'],
    ['正常', '正常'],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
  it('neutralises every column, warnings marked 警告', () => {
    const csv = errorsCsv([{ row: 2, column: '=HYPERLINK("x")', value: '-1', zh: '@中', en: '+en', level: 'warning' }]);
    expect(csv.split('\r\n')[1]).toBe(`2,"'=HYPERLINK(""x"")",'-1,'@中,'+en,警告`);
  });
});

describe('the import README lists every accepted form', () => {
  const readme = readFileSync(new URL('../../api/src/import/README.md', import.meta.url), 'utf8');
  const tables = [
    CheckTypeForms,
    ConclusionForms,
    SeverityForms,
    SamplingStageForms,
    CaseEventKindForms,
    ObjectionGroundForms,
    ObjectionOutcomeForms,
    DisclosureSituationForms,
    RevocationGroundForms,
  ];
  it.each(tables.map((t) => [t.what, t] as const))('%s', (_what, forms) => {
    const words = [...Object.keys(forms.synonyms ?? {}), ...Object.values(forms.clauses ?? {}).flat()];
    expect(words.filter((w) => !readme.includes(w as string))).toEqual([]);
    // the key words too (a match is imported with a warning), as the table's last column writes them
    const keyWords = (forms.patterns ?? []).map(([pattern]) => `\`${pattern.source.replaceAll('|', '\\|')}\``);
    expect(keyWords.filter((k) => !readme.includes(k))).toEqual([]);
    expect(readme).toContain(`(${forms.article}`);
  });
});
