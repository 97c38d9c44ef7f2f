// biome-ignore-all format: data tables, one record per line
/**
 * The same records in the shape of each kind's file, for the format tests: tables (xlsx / CSV)
 * and the equivalent JSON with English keys. Enterprises are Hubei enterprises with valid USCCs.
 */
import { uscc, xd, type Table } from './fixtures.ts';

export const A = { name: '武汉楚天酒业有限公司', uscc: uscc('420115', 'MA4K8Q2L3'), place: '武汉市/江夏区' };
export const B = { name: '宜昌三峡电缆股份有限公司', uscc: uscc('420502', 'MA49X7K21'), place: '宜昌市' };
export const C = { name: '恩施硒茶科技有限公司', uscc: uscc('422802', 'MA4F0J9T6'), place: '恩施州利川市' };

// ---- 认定名单 -------------------------------------------------------------------------------

export const certificationsTable: Table = {
  title: '2023年度"湖北精品"认定名单',
  headers: ['序号', '届次', '经营主体名称', '统一社会信用代码*', '属地', '产品／服务名称', '类别', '注册商标', '执行标准', '所属行业类别', '认定日期', '证书编号', '推荐单位'],
  rows: [
    [1, '第一届', A.name, A.uscc, A.place, '楚天浓香型白酒', '产品', '楚天', 'T/HBAS 012-2023 浓香型白酒', '1512 白酒制造', xd('2024-03-15'), 'ＨＢＪＰ２０２３００１', '武汉市市场监督管理局'],
    [2, '第一届', A.name, A.uscc, A.place, '楚天酱香型白酒', '产品', '楚天', 'Q/CTJY 0002S-2023 酱香型白酒', '1512 白酒制造', xd('2024-03-15'), 'HBJP2023002', '武汉市市场监督管理局'],
    [3, 2023, B.name, B.uscc, B.place, '额定电压450/750V电缆', '产品', '三峡', 'GB/T 5023.3-2008', '3831 电线、电缆制造', xd('2024-03-15'), 'HBJP2023003', '宜昌市市场监督管理局'],
    [4, '首届', C.name, C.uscc, C.place, '利川红茶', '产品', '/', 'DB42/T 1234-2020 利川红', '1530 精制茶加工', xd('2024-03-15'), '—', '恩施州市场监督管理局'],
    [5, '第二届', C.name, C.uscc, C.place, '恩施硒茶研学体验服务', '服务', '无', '', '9999 硒茶研学服务', null, null, '恩施州市场监督管理局'],
  ],
  notes: ['注：1. 本名单按推荐顺序排列。', '2. 证书编号以证书为准。'],
  // the enterprise named once for its two items, as announcements do
  mergeDown: [[2, 0, 1], [3, 0, 1], [4, 0, 1]],
};

export const certificationsJson = [
  { seq: 1, round: '第一届', enterpriseName: A.name, uscc: A.uscc, place: A.place, itemName: '楚天浓香型白酒', itemKind: '产品', trademark: '楚天', standard: 'T/HBAS 012-2023 浓香型白酒', industry: '1512 白酒制造', certifiedOn: '2024-03-15', certificateNo: 'HBJP2023001', 推荐单位: '武汉市市场监督管理局' },
  { seq: 2, round: 2023, enterpriseName: A.name, uscc: A.uscc, place: A.place, itemName: '楚天酱香型白酒', itemKind: 'product', trademark: '楚天', standard: 'Q/CTJY 0002S-2023 酱香型白酒', industry: '1512', certifiedOn: '2024/3/15', certificateNo: 'HBJP2023002', 推荐单位: '武汉市市场监督管理局' },
  { seq: 3, round: 1, enterpriseName: B.name, uscc: B.uscc, place: B.place, itemName: '额定电压450/750V电缆', trademark: '三峡', standard: 'GB/T 5023.3-2008', industry: '3831 电线、电缆制造', certifiedOn: '2024年3月15日', certificateNo: 'HBJP2023003', 推荐单位: '宜昌市市场监督管理局' },
  { seq: 4, round: '首届', enterpriseName: C.name, uscc: C.uscc, place: C.place, itemName: '利川红茶', itemKind: '产品', trademark: null, standard: 'DB42/T 1234-2020 利川红', industry: '1530 精制茶加工', certifiedOn: '2024-03-15', 推荐单位: '恩施州市场监督管理局' },
  { seq: 5, round: '第二届', enterpriseName: C.name, uscc: C.uscc, place: C.place, itemName: '恩施硒茶研学体验服务', itemKind: 'service', industry: '9999 硒茶研学服务', 推荐单位: '恩施州市场监督管理局' },
];

// ---- 培育库入库名单 -------------------------------------------------------------------------

export const cultivationTable: Table = {
  title: '2024年度"湖北精品"培育库入库名单（推荐汇总表）',
  headers: ['序号', '年度', '经营主体名称', '统一社会信用代码', '属地', '产品/服务名称', '产品/服务执行标准名称、编号', '所属行业类别', '经营主体联系人、联系方式'],
  rows: [
    [1, '2024年', A.name, A.uscc, A.place, '楚天清香型白酒', 'GB/T 10781.2-2022 清香型白酒', '1512 白酒制造', '张三 13800000000'],
    [2, 2024, B.name, B.uscc, B.place, '铝合金电缆', 'Q/SXDL 001-2024', '3831', '李四/0717-6543210'],
    [3, 2024, C.name, C.uscc, C.place, '恩施玉露', 'GB/T 18650-2008 地理标志产品 恩施玉露', '1530 精制茶加工', '王五，13912345678'],
  ],
  notes: ['填表说明：联系人及联系方式仅供认定委员会秘书处使用。'],
};

export const cultivationJson = [
  { year: 2024, enterpriseName: A.name, uscc: A.uscc, place: A.place, itemName: '楚天清香型白酒', standard: 'GB/T 10781.2-2022 清香型白酒', industry: '1512 白酒制造', contactName: '张三', contactPhone: '13800000000' },
  { year: '2024', enterpriseName: B.name, uscc: B.uscc, place: B.place, itemName: '铝合金电缆', standard: 'Q/SXDL 001-2024', industry: '3831', contact: '李四 0717-6543210' },
  { year: 2024, enterpriseName: C.name, uscc: C.uscc, place: C.place, itemName: '恩施玉露', standard: 'GB/T 18650-2008 地理标志产品 恩施玉露', industry: '1530', contact: '王五 13912345678' },
];

// ---- 标准先进性评价 -------------------------------------------------------------------------

export const evaluationsTable: Table = {
  title: '2024年度标准先进性评价结果',
  headers: ['序号', '年度', '经营主体名称', '统一社会信用代码', '属地', '产品/服务名称', '执行标准', '评价结果', '评价日期'],
  rows: [
    [1, 2024, A.name, A.uscc, A.place, '楚天清香型白酒', 'GB/T 10781.2-2022 清香型白酒', '通过', xd('2024-09-20')],
    [2, 2024, B.name, B.uscc, B.place, '铝合金电缆', 'Q/SXDL 001-2024 铝合金电缆', '未通过', xd('2024-09-20')],
    [3, 2024, C.name, C.uscc, C.place, '恩施玉露', 'GB/T 18650-2008 地理标志产品 恩施玉露', '通过', null],
  ],
};

export const evaluationsJson = [
  { year: 2024, enterpriseName: A.name, uscc: A.uscc, place: A.place, itemName: '楚天清香型白酒', standard: 'GB/T 10781.2-2022 清香型白酒', result: '通过', evaluatedOn: '2024-09-20' },
  { year: 2024, enterpriseName: B.name, uscc: B.uscc, place: B.place, itemName: '铝合金电缆', standard: 'Q/SXDL 001-2024 铝合金电缆', result: 'fail', evaluatedOn: '2024.9.20' },
  { year: 2024, enterpriseName: C.name, uscc: C.uscc, place: C.place, itemName: '恩施玉露', standard: 'GB/T 18650-2008 地理标志产品 恩施玉露', result: 'pass' },
];

// ---- 撤销认定决定 ---------------------------------------------------------------------------

export const revocationsTable: Table = {
  title: '"湖北精品"撤销认定决定',
  headers: ['决定文号', '决定日期', '经营主体名称', '统一社会信用代码', '产品/服务名称', '证书编号', '撤销情形', '事实与理由'],
  rows: [
    ['鄂精品委〔2025〕1号', xd('2025-06-30'), B.name, B.uscc, '', 'HBJP2023003', '第十六条第二项', '连续两次监督抽查不合格并受到行政处罚'],
    ['鄂精品委〔2025〕2号', xd('2025-07-15'), A.name, A.uscc, '楚天浓香型白酒；楚天酱香型白酒', '', '（三）', '整改期限届满仍不合格'],
  ],
};

export const revocationsJson = [
  { decisionNo: '鄂精品委〔2025〕1号', decidedOn: '2025-06-30', enterpriseName: B.name, uscc: B.uscc, certificateNo: 'HBJP2023003', ground: '第十六条第二项', facts: '连续两次监督抽查不合格并受到行政处罚' },
  { decisionNo: '鄂精品委〔2025〕2号', decidedOn: '2025/7/15', enterpriseName: A.name, uscc: A.uscc, itemName: ['楚天浓香型白酒', '楚天酱香型白酒'], ground: '（三）', facts: '整改期限届满仍不合格' },
];

// ---- 动态管理记录: self-reports and rectification notices in one file ------------------------

export const selfReportsTable: Table = {
  title: '2025年度自查报告提交情况',
  headers: ['年度', '统一社会信用代码', '经营主体名称', '提交日期', '审查意见'],
  rows: [
    [2025, A.uscc, A.name, xd('2025-10-28'), '材料齐全'],
    [2025, C.uscc, C.name, xd('2025-10-31'), '/'],
  ],
};

export const noticesTable: Table = {
  title: '整改通知书下达情况',
  headers: ['通知编号', '统一社会信用代码', '经营主体名称', '产品/服务名称', '问题', '下达日期', '整改期限', '完成日期', '整改结果'],
  rows: [
    ['鄂精品整〔2025〕3号', C.uscc, C.name, '利川红茶', '标签标注不规范', xd('2025-05-06'), '30日', xd('2025-05-30'), '合格'],
    ['鄂精品整〔2025〕4号', A.uscc, A.name, '', '自查报告内容不完整', xd('2025-11-03'), xd('2025-12-03'), null, null],
  ],
};

export const dynamicJson = [
  { type: 'selfReport', year: 2025, uscc: A.uscc, enterpriseName: A.name, submittedOn: '2025-10-28', reviewOpinion: '材料齐全' },
  { year: 2025, uscc: C.uscc, enterpriseName: C.name, submittedOn: '2025-10-31' },
  { type: 'rectificationNotice', noticeNo: '鄂精品整〔2025〕3号', uscc: C.uscc, enterpriseName: C.name, itemName: '利川红茶', problem: '标签标注不规范', issuedOn: '2025-05-06', dueOn: '30日', completedOn: '2025-05-30', result: '合格' },
  { noticeNo: '鄂精品整〔2025〕4号', uscc: A.uscc, enterpriseName: A.name, problem: '自查报告内容不完整', issuedOn: '2025-11-03', dueOn: '2025-12-03' },
];

// ---- 监督抽查结果 (with follow-up events stacked below in the same file) ---------------------

export const OUT_OF_PROVINCE = { name: '深圳市速达电动车有限公司', uscc: uscc('440306', 'MA5F3K8N1'), address: '广东省深圳市宝安区福永街道' };

export const spotChecksTable: Table = {
  title: '2025年第1批省级产品质量监督抽查结果',
  headers: [
    '序号', '抽查类型', '任务名称', '产品种类', '产品名称', '商标', '规格型号', '生产日期/批号', '标称生产企业名称', '标称生产企业统一社会信用代码',
    '标称生产企业地址', '被抽样单位名称', '被抽样单位地址', '抽样环节', '电商平台', '抽样日期', '承检机构', '报告编号', '报告日期', '检验结论',
    '不合格项目', '问题严重程度', '主要质量问题', '抽样单编号',
  ],
  rows: [
    [1, '省级监督抽查', '2025年第1批省级产品质量监督抽查', '白酒', '楚天浓香型白酒', '楚天', '500mL 52%vol', xd('2024-11-03'), A.name, A.uscc,
      '湖北省武汉市江夏区经济开发区', A.name, '湖北省武汉市江夏区经济开发区', '生产', '/', xd('2025-02-10'), '湖北省产品质量监督检验研究院', 'HB2025-0001', xd('2025-03-05'), '合格',
      '/', '/', '', 'CY-0001'],
    [2, '省级监督抽查', '2025年第1批省级产品质量监督抽查', '电动自行车', '电动自行车', '—', 'TDT-１２３４Ｚ', '2024/12/01 批号B1201', OUT_OF_PROVINCE.name, OUT_OF_PROVINCE.uscc,
      OUT_OF_PROVINCE.address, '武汉市洪山区速达车行', '湖北省武汉市洪山区珞喻路100号', '流通', '', xd('2025-02-11'), '湖北省产品质量监督检验研究院', 'HB2025-0002', xd('2025-03-06'), '不合格',
      '整车质量（标准值：≤55kg，实测值：58.2kg）；最高车速(标准值: ≤25km/h, 实测值: 29km/h)', '严重', '整车质量和最高车速不符合标准要求', 'CY-0002'],
    [3, '市级监督抽查', '', '电线电缆', '额定电压450/750V电缆', '三峡', 'BV 2.5', '', B.name, B.uscc,
      '湖北省宜昌市西陵区', '宜昌城东建材市场某某电料行', '湖北省宜昌市伍家岗区', '流通', '/', xd('2025-02-12'), '宜昌市产品质量监督检验所', 'HB2025-0003', xd('2025-03-07'), '不合格',
      '导体电阻\n绝缘厚度', '一般', '导体电阻不合格', ''],
    [4, '省级监督抽查', '2025年第1批省级产品质量监督抽查', '儿童玩具', '塑胶玩具车', '无', 'A-88', '2024.10.05', '义乌市童乐玩具厂', '/',
      '浙江省义乌市', '随州市曾都区童趣玩具店', '湖北省随州市曾都区', '电商', '拼多多', xd('2025-02-13'), '湖北省产品质量监督检验研究院', 'HB2025-0004', xd('2025-03-08'), '合格',
      '', '', '', 'CY-0004'],
  ],
  notes: ['注：抽查结果仅对所抽样品负责。'],
};

export const followUpsInSpotCheckFile: Table = {
  headers: ['报告编号', '事项', '日期', '结果', '说明'],
  rows: [
    ['HB2025-0002', '送达', xd('2025-03-10'), '', '被抽样单位签收'],
    ['HB2025-0003', '送达', xd('2025-03-11'), '', ''],
  ],
};

export const spotChecksJson = [
  { type: 'spotCheck', seq: 1, checkType: '省级监督抽查', taskName: '2025年第1批省级产品质量监督抽查', productCategory: '白酒', productName: '楚天浓香型白酒', trademark: '楚天', modelSpec: '500mL 52%vol', productionBatch: '2024-11-03', producerName: A.name, producerUscc: A.uscc, producerAddress: '湖北省武汉市江夏区经济开发区', sampledUnitName: A.name, sampledUnitAddress: '湖北省武汉市江夏区经济开发区', samplingStage: 'production', sampledOn: '2025-02-10', testingAgency: '湖北省产品质量监督检验研究院', reportNo: 'HB2025-0001', reportDate: '2025-03-05', conclusion: 'pass', 抽样单编号: 'CY-0001' },
  { type: 'spotCheck', seq: 2, checkType: 'provincial', taskName: '2025年第1批省级产品质量监督抽查', productCategory: '电动自行车', productName: '电动自行车', trademark: '—', modelSpec: 'TDT-1234Z', productionBatch: '2024/12/01 批号B1201', producerName: OUT_OF_PROVINCE.name, producerUscc: OUT_OF_PROVINCE.uscc, producerAddress: OUT_OF_PROVINCE.address, sampledUnitName: '武汉市洪山区速达车行', sampledUnitAddress: '湖北省武汉市洪山区珞喻路100号', samplingStage: '流通', sampledOn: '2025-02-11', testingAgency: '湖北省产品质量监督检验研究院', reportNo: 'HB2025-0002', reportDate: '2025-03-06', conclusion: '不合格', items: [{ item: '整车质量', requirement: '≤55kg', measured: '58.2kg' }, { item: '最高车速', requirement: '≤25km/h', measured: '29km/h' }], severity: '严重', mainProblem: '整车质量和最高车速不符合标准要求', 抽样单编号: 'CY-0002' },
  { type: 'spotCheck', seq: 3, checkType: '市级监督抽查', productCategory: '电线电缆', productName: '额定电压450/750V电缆', trademark: '三峡', modelSpec: 'BV 2.5', producerName: B.name, producerUscc: B.uscc, producerAddress: '湖北省宜昌市西陵区', sampledUnitName: '宜昌城东建材市场某某电料行', sampledUnitAddress: '湖北省宜昌市伍家岗区', samplingStage: '流通', sampledOn: '2025-02-12', testingAgency: '宜昌市产品质量监督检验所', reportNo: 'HB2025-0003', reportDate: '2025-03-07', conclusion: '不合格', items: ['导体电阻', '绝缘厚度'], severity: '一般', mainProblem: '导体电阻不合格' },
  { type: 'spotCheck', seq: 4, checkType: '省级监督抽查', taskName: '2025年第1批省级产品质量监督抽查', productCategory: '儿童玩具', productName: '塑胶玩具车', trademark: '无', modelSpec: 'A-88', productionBatch: '2024.10.05', producerName: '义乌市童乐玩具厂', producerAddress: '浙江省义乌市', sampledUnitName: '随州市曾都区童趣玩具店', sampledUnitAddress: '湖北省随州市曾都区', samplingStage: '电商', platform: '拼多多', sampledOn: '2025-02-13', testingAgency: '湖北省产品质量监督检验研究院', reportNo: 'HB2025-0004', reportDate: '2025-03-08', conclusion: '合格', 抽样单编号: 'CY-0004' },
  { type: 'followUp', reportNo: 'HB2025-0002', event: '送达', date: '2025-03-10', note: '被抽样单位签收' },
  { type: 'followUp', reportNo: 'HB2025-0003', event: '送达', date: '2025-03-11' },
];

// ---- 后处理进展 ------------------------------------------------------------------------------

export const followUpsTable: Table = {
  title: '监督抽查不合格后处理进展',
  headers: ['报告编号', '事项', '日期', '结果', '说明'],
  rows: [
    ['HB2025-0002', '异议申请', xd('2025-03-20'), '样品真实性', '标称生产者称非其产品'],
    ['HB2025-0002', '异议结论', xd('2025-04-10'), '成立', ''],
    ['HB2025-0003', '异议申请', xd('2025-03-21'), '检验结论', ''],
    ['HB2025-0003', '异议结论', xd('2025-04-11'), '不成立', '维持原检验结论'],
    ['HB2025-0003', '移交处理', xd('2025-04-20'), '', ''],
    ['HB2025-0003', '公开情形', xd('2025-06-01'), '连续两次不合格', ''],
  ],
};

export const followUpsJson = [
  { reportNo: 'HB2025-0002', event: '异议申请', date: '2025-03-20', outcome: 'sample_authenticity', note: '标称生产者称非其产品' },
  { reportNo: 'HB2025-0002', event: 'objection_decided', date: '2025-04-10', outcome: '成立' },
  { reportNo: 'HB2025-0003', event: '异议申请', date: '2025-03-21', outcome: '检验结论' },
  { reportNo: 'HB2025-0003', event: '异议结论', date: '2025-04-11', outcome: '不成立', note: '维持原检验结论' },
  { reportNo: 'HB2025-0003', event: '移交处理', date: '2025-04-20' },
  { reportNo: 'HB2025-0003', event: '公开情形', date: '2025-06-01', outcome: 'consecutive_failures' },
];

// ---- 消费警示 --------------------------------------------------------------------------------

export const warningsTable: Table = {
  title: '消费警示',
  headers: ['标题', '发布日期', '产品种类', '风险提示', '消费建议', '关联报告编号'],
  rows: [
    ['电动自行车消费警示', xd('2025-06-15'), '电动自行车', '部分电动自行车整车质量和最高车速超标，存在安全隐患。', '选购时查看CCC认证标志。', 'HB2025-0002'],
    ['电线电缆消费提示', xd('2025-06-20'), '电线电缆', '导体电阻不合格的电线易发热。', '', 'HB2025-0003、HB2025-0002'],
    ['夏季用电安全提示', xd('2025-07-01'), '', '注意用电安全。', '', ''],
  ],
};

export const warningsJson = [
  { title: '电动自行车消费警示', publishedOn: '2025-06-15', productCategory: '电动自行车', risk: '部分电动自行车整车质量和最高车速超标，存在安全隐患。', advice: '选购时查看CCC认证标志。', reportNos: ['HB2025-0002'] },
  { title: '电线电缆消费提示', publishedOn: '2025-06-20', productCategory: '电线电缆', risk: '导体电阻不合格的电线易发热。', reportNos: 'HB2025-0002；HB2025-0003' },
  { title: '夏季用电安全提示', publishedOn: '2025-07-01', risk: '注意用电安全。' },
];
