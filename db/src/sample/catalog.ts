// biome-ignore-all format: data tables, one record per line
import type { Random } from './random.ts';

/**
 * The product categories of the sample spot checks: the ones Chinese provincial product-quality
 * supervision spot checks really cover, each with the products and models sold, where its
 * producers are, who sells it, which institute tests it, and the nonconforming items such results
 * really report — item, requirement (标准值) from the product's standard, a measured value (实测值)
 * just outside it, whether it is a health or safety hazard (严重, 003 Art. 18) and what it means.
 */

export type Gen = (r: Random, spec: string) => string;

export interface Failure {
  item: string;
  requirement: string | ((spec: string) => string);
  measured: Gen;
  /** a health or safety hazard: 严重 (003 Art. 18) */
  serious: boolean;
  /** what the failure means, for the main problem text and consumer warnings */
  risk?: string;
}

export type SellerType =
  | 'supermarket' | 'building' | 'hardware' | 'ebike' | 'baby' | 'stationery' | 'furniture' | 'agri' | 'appliance'
  | 'liquor' | 'clothing';

export type AgencyKey = 'zj' | 'dz' | 'xj' | 'jc' | 'food';

export interface Category {
  name: string;
  /** share of the provincial and national checks (0: checked only as a certified item's category) */
  weight: number;
  /** relative failure rate (1 = the average category) */
  failFactor: number;
  variants: readonly (readonly [product: string, spec: Gen])[];
  /** words in producers' names: 电缆 → 汉江电缆有限公司 */
  words: readonly string[];
  industry?: string;
  /** share of producers registered in Hubei */
  hubeiShare: number;
  /** where the other producers are (keys of REGIONS) */
  regions: readonly string[];
  sellers: readonly SellerType[];
  agency: AgencyKey;
  /** how 生产日期/批号 is written: a date, a batch code, or both */
  batchStyle: 'date' | 'code' | 'both';
  /** days between production and sampling */
  shelfDays: readonly [number, number];
  /** sold to consumers, also online (e-commerce sampling) */
  consumer: boolean;
  failures: readonly Failure[];
}

const num = (lo: number, hi: number, dp: number, unit = ''): Gen => (r) => r.decimal(lo, hi, dp).toFixed(dp) + unit;
const one = (...options: string[]): Gen => (r) => r.pick(options);
const fixed = (text: string): Gen => () => text;
const f = (item: string, requirement: Failure['requirement'], measured: Gen, serious = false, risk?: string): Failure => ({
  item, requirement, measured, serious, risk,
});

// 电线电缆: the limits depend on the cross-section and the conductor class (GB/T 3956).
const CONDUCTOR: Record<string, [resistance: number, insulation: number]> = {
  '1.5': [12.1, 0.7], '2.5': [7.41, 0.8], '4': [4.61, 0.8], '6': [3.08, 0.8], '10': [1.83, 1.0], '25': [0.727, 0.9],
};
const FLEXIBLE: Record<string, number> = { '1.5': 13.3, '2.5': 7.98 };
function conductor(spec: string): { resistance: number; insulation: number } {
  const size = /×(\d+(?:\.\d+)?)mm²/.exec(spec)?.[1] ?? /×(\d+(?:\.\d+)?)[+]/.exec(spec)?.[1] ?? '2.5';
  const [resistance, insulation] = CONDUCTOR[size] ?? CONDUCTOR['2.5'];
  return { resistance: spec.startsWith('RVV') ? (FLEXIBLE[size] ?? resistance) : resistance, insulation };
}

// 热轧带肋钢筋 (GB/T 1499.2-2018): grade and diameter tolerance
const rebarGrade = (spec: string) => (spec.startsWith('HRB500') ? 500 : 400);
const rebarDiameter = (spec: string) => Number(/Φ(\d+)/.exec(spec)?.[1] ?? 16);
const weightTolerance = (d: number) => (d <= 12 ? 5.5 : d <= 20 ? 4.5 : 3.5);

const nutrients = (spec: string) => (/^(\d+)-(\d+)-(\d+)/.exec(spec) ?? ['', '15', '15', '15']).slice(1).reduce((s, n) => s + Number(n), 0);
const abv = (spec: string) => Number(/^(\d+)%vol/.exec(spec)?.[1] ?? 52);

const KETTLE_FAILURES: readonly Failure[] = [
  f('输入功率和电流', '偏差 +5%～-10%', num(-16.8, -10.6, 1, '%')),
  f('发热', '把手温升 ≤35 K', num(38, 52, 0, ' K')),
  f('泄漏电流', '≤0.75 mA', num(0.92, 2.4, 2, ' mA'), true, '泄漏电流过大，使用时存在触电危险'),
  f('电气强度', '1250 V，1 min 不击穿', fixed('击穿'), true, '绝缘性能不足，存在触电危险'),
  f('非正常工作', '干烧时不应起火、熔化或出现危险', one('干烧保护装置失效，底座塑料熔化', '干烧时发热盘变形起火'), true, '干烧保护失效，易引发火灾'),
  f('电源连接和外部软线', '电源线标称截面积 ≥0.75 mm²', one('0.50 mm²', '0.52 mm²', '0.41 mm²'), true, '电源线过细，使用中发热，存在火灾隐患'),
  f('接地措施', '接地电阻 ≤0.1 Ω', num(0.13, 0.42, 2, ' Ω'), true, '接地不可靠，漏电时存在触电危险'),
  f('标志和说明', '应标注额定电压、额定功率及安全警示', one('未标注额定容量', '缺少清洁和维护说明', '警示语不符合要求')),
];

const FOOD_MICROBES = f('菌落总数', 'n=5，c=2，m=10⁴，M=10⁵ CFU/g', one('1.6×10⁵ CFU/g', '3.2×10⁵ CFU/g', '8.8×10⁵ CFU/g', '2.4×10⁶ CFU/g'), true, '菌落总数超标说明生产加工过程卫生控制不到位');
const SWEETENER = f('甜蜜素（以环己基氨基磺酸计）', '不得使用', num(0.031, 0.42, 3, ' g/kg'), true, '超范围使用食品添加剂');

export const CATEGORIES: readonly Category[] = [
  {
    name: '电动自行车', weight: 6, failFactor: 1.7, industry: '3770', hubeiShare: 0.25,
    regions: ['tianjin', 'wuxi', 'changzhou', 'taizhou', 'jinhua'], sellers: ['ebike'], agency: 'zj', batchStyle: 'code',
    shelfDays: [20, 200], consumer: true, words: ['电动车', '车业', '电动科技', '新能源车业'],
    variants: [
      ['电动自行车', (r) => `TDT${r.int(1000, 9999)}Z 48V/${r.pick(['12', '20', '24'])}Ah`],
      ['电动自行车', (r) => `TDR${r.int(1000, 9999)}Z 48V/${r.pick(['12', '20'])}Ah`],
    ],
    failures: [
      f('最高设计车速', '≤25 km/h', num(26.4, 33.8, 1, ' km/h'), true, '车速超标使制动距离加长，易引发交通事故'),
      f('整车质量', '≤55 kg', num(56.2, 64.8, 1, ' kg'), false, '整车质量超标，车辆操控性和制动性能下降'),
      f('制动性能（干态制动距离）', '≤7 m', num(7.4, 9.8, 1, ' m'), true, '制动距离过长，紧急情况下无法及时停车'),
      f('脚踏骑行能力', '30 min 骑行距离 ≥7 km', num(5.1, 6.8, 1, ' km')),
      f('防火性能', '非金属材料阻燃性能应达到 HB75 级', one('燃烧速率 92 mm/min', '燃烧速率 118 mm/min', '燃烧速率 86 mm/min'), true, '车体材料阻燃性能不足，车辆起火时火势蔓延快'),
      f('防篡改', '不应存在调速、限速装置可被改装的措施', one('拔插限速线后车速可提高', '控制器设有调速接口'), true, '限速装置可被篡改，存在超速隐患'),
      f('蓄电池标称电压', '≤48 V', one('60 V', '72 V'), true, '蓄电池电压超标，车辆动力性能超出安全要求'),
    ],
  },
  {
    name: '电线电缆', weight: 7, failFactor: 1.5, industry: '3831', hubeiShare: 0.55,
    regions: ['suzhou', 'wuxi', 'changzhou', 'ningbo', 'zhengzhou', 'guangzhou'], sellers: ['hardware', 'building'], agency: 'zj',
    batchStyle: 'date', shelfDays: [10, 180], consumer: true, words: ['电缆', '线缆', '电线电缆', '电工'],
    variants: [
      ['聚氯乙烯绝缘电缆（电线）', (r) => `BV 450/750V 1×${r.pick(['1.5', '2.5', '2.5', '4', '6', '10'])}mm² 100m`],
      ['聚氯乙烯绝缘电缆（电线）', (r) => `BVR 450/750V 1×${r.pick(['2.5', '4'])}mm² 100m`],
      ['聚氯乙烯绝缘聚氯乙烯护套软电缆', (r) => `RVV 300/500V 3×${r.pick(['1.5', '2.5'])}mm²`],
      ['交联聚乙烯绝缘电力电缆', () => 'YJV 0.6/1kV 4×25+1×16mm²'],
    ],
    failures: [
      f('导体电阻', (s) => `≤${conductor(s).resistance} Ω/km`, (r, s) => `${(conductor(s).resistance * r.decimal(1.08, 1.45, 3)).toFixed(conductor(s).resistance < 1 ? 3 : 2)} Ω/km`, true,
        '导体电阻超标，电线在使用中发热加剧，加速绝缘老化，易引发火灾'),
      f('绝缘平均厚度', (s) => `≥${conductor(s).insulation.toFixed(1)} mm`, (r, s) => `${(conductor(s).insulation * r.decimal(0.72, 0.95, 3)).toFixed(2)} mm`, false, '绝缘层偏薄，易被击穿或破损'),
      f('绝缘最薄处厚度', (s) => `≥${(conductor(s).insulation * 0.9 - 0.1).toFixed(2)} mm`, (r, s) => `${((conductor(s).insulation * 0.9 - 0.1) * r.decimal(0.7, 0.94, 3)).toFixed(2)} mm`),
      f('绝缘老化前抗张强度', '≥12.5 N/mm²', num(8.1, 11.9, 1, ' N/mm²')),
      f('绝缘老化前断裂伸长率', '≥125%', num(88, 121, 0, '%')),
      f('单根电线电缆垂直燃烧试验', '上夹具下缘与炭化部分起始点距离 >50 mm', one('炭化至上夹具', '距离 31 mm', '距离 18 mm'), true, '阻燃性能不合格，火灾时易沿线路蔓延'),
      f('标志（耐擦性）', '标志应字迹清楚、耐擦', one('擦拭后标志不清晰', '标志间距超过 550 mm')),
    ],
  },
  {
    name: '儿童玩具', weight: 5, failFactor: 1.3, industry: '2452', hubeiShare: 0.15,
    regions: ['shantou', 'ningbo', 'jinhua', 'dongguan', 'shenzhen'], sellers: ['supermarket', 'baby', 'stationery'], agency: 'zj',
    batchStyle: 'date', shelfDays: [30, 360], consumer: true, words: ['玩具', '塑胶玩具', '文化用品', '益智玩具'],
    variants: [
      ['塑料积木', (r) => `货号：${r.pick(['JM', 'BK', 'XL'])}-${r.int(100, 999)} ${r.pick(['60', '120', '200'])}粒装`],
      ['遥控玩具车', (r) => `货号：RC-${r.int(1000, 9999)} 1:${r.pick(['16', '24'])}`],
      ['毛绒玩具', (r) => `货号：MR-${r.int(100, 999)} ${r.pick(['25', '30', '40'])}cm`],
      ['磁力片玩具', (r) => `货号：CL-${r.int(10, 99)} ${r.pick(['48', '68', '100'])}片`],
      ['过家家玩具', (r) => `货号：GJ${r.int(1000, 9999)}`],
      ['充气玩具', (r) => `货号：CQ-${r.int(100, 999)}`],
    ],
    failures: [
      f('增塑剂（邻苯二甲酸酯）', 'DBP、BBP、DEHP 总含量 ≤0.1%', num(0.12, 2.8, 2, '%'), true, '邻苯二甲酸酯超标，长期接触可能影响儿童内分泌系统'),
      f('小零件', '供 36 个月以下儿童使用的玩具不应含有小零件', one('经滥用试验后产生小零件', '含有可拆卸小零件'), true, '小零件易被儿童误吞，存在窒息危险'),
      f('可迁移元素（铅）', '≤90 mg/kg', num(102, 480, 0, ' mg/kg'), true, '重金属可迁移量超标，危害儿童健康'),
      f('锐利尖端', '不应存在危险锐利尖端', fixed('存在危险锐利尖端'), true, '危险锐利尖端易刺伤儿童'),
      f('锐利边缘', '不应存在危险锐利边缘', fixed('存在危险锐利边缘'), true, '危险锐利边缘易划伤儿童'),
      f('磁体（磁通量指数）', '≤50 kg²/mm²', num(62, 210, 0, ' kg²/mm²'), true, '强磁体被吞食后可能相互吸引，造成肠道损伤'),
      f('标识和使用说明', '应标注年龄警告及使用说明', one('未标注年龄警告', '警示语不符合要求', '缺少中文使用说明')),
    ],
  },
  {
    name: '童装', weight: 4, failFactor: 1.3, industry: '1819', hubeiShare: 0.3,
    regions: ['huzhou', 'guangzhou', 'quanzhou', 'suzhou'], sellers: ['baby', 'clothing', 'supermarket'], agency: 'xj',
    batchStyle: 'code', shelfDays: [30, 300], consumer: true, words: ['服饰', '童装', '服装', '针织'],
    variants: [
      ['儿童T恤', (r) => `${r.pick(['110/56', '120/60', '130/64', '140/68'])} 货号：${r.int(1000, 9999)}`],
      ['婴幼儿连体衣', (r) => `${r.pick(['66/44', '73/48', '80/48', '90/52'])} 货号：${r.int(1000, 9999)}`],
      ['儿童卫衣', (r) => `${r.pick(['120/60', '130/64', '150/72'])} 货号：${r.int(1000, 9999)}`],
      ['儿童连衣裙', (r) => `${r.pick(['110/56', '120/60', '130/64'])} 货号：${r.int(1000, 9999)}`],
      ['儿童牛仔裤', (r) => `${r.pick(['120/53', '130/56', '140/59'])} 货号：${r.int(1000, 9999)}`],
    ],
    failures: [
      f('纤维含量', '棉 100%（标注值）', one('棉 78.5% 聚酯纤维 21.5%', '棉 62.3% 聚酯纤维 37.7%', '棉 85.1% 氨纶 14.9%')),
      f('pH值', '4.0～7.5', num(7.8, 9.1, 1), false, 'pH 值超标可能刺激儿童皮肤'),
      f('甲醛含量', '≤20 mg/kg（A类）', num(26, 96, 0, ' mg/kg'), true, '甲醛含量超标，刺激儿童皮肤和呼吸道'),
      f('绳带', '7 岁及以下儿童服装头部和颈部不应有任何绳带', one('帽子带有可抽拉绳带', '领口有自由端绳带'), true, '头颈部绳带可能勾挂缠绕，造成勒伤甚至窒息'),
      f('耐湿摩擦色牢度', '≥3级', one('2级', '2-3级'), false, '色牢度差，染料易脱落并经皮肤吸收'),
      f('附件抗拉强力', '≥70 N', num(38, 66, 0, ' N'), true, '纽扣等附件易脱落，存在被误吞的危险'),
      f('使用说明', '应标注安全技术类别', one('未标注安全技术类别', '未标注纤维含量')),
    ],
  },
  {
    name: '插头插座', weight: 5, failFactor: 1.7, industry: '3823', hubeiShare: 0.25,
    regions: ['wenzhou', 'ningbo', 'hangzhou', 'shenzhen'], sellers: ['hardware', 'supermarket'], agency: 'zj',
    batchStyle: 'code', shelfDays: [20, 300], consumer: true, words: ['电器', '电气', '开关插座', '电工'],
    variants: [
      ['移动式插座（转换器）', (r) => `${r.pick(['T04', 'K3', 'P5', 'S6'])}-${r.int(10, 99)} 10A 250V~ ${r.pick(['3', '4', '5', '6'])}位 ${r.pick(['1.8', '3', '5'])}m`],
      ['墙壁插座', (r) => `86型 五孔 10A 250V~ ${r.pick(['A', 'B', 'K'])}${r.int(10, 99)}`],
      ['转换插头', (r) => `ZH-${r.int(100, 999)} 10A 250V~`],
    ],
    failures: [
      f('防触电保护', '插头插入时带电部件不可触及', one('试验指可触及带电部件', '单极插入时可触及带电插套'), true, '带电部件可被触及，存在触电危险'),
      f('结构（保护门）', '插座应设有保护门', one('无保护门', '保护门可被单极插入打开'), true, '儿童可将金属物插入插孔，存在触电危险'),
      f('耐热（球压试验）', '压痕直径 ≤2.0 mm', num(2.3, 3.6, 1, ' mm'), true, '绝缘材料耐热性能差，高温下变形导致短路'),
      f('爬电距离、电气间隙', '≥3.0 mm', num(1.6, 2.8, 1, ' mm'), true, '爬电距离不足，易引发击穿和短路'),
      f('温升', '端子温升 ≤45 K', num(51, 78, 0, ' K'), true, '温升过高，易造成插座烧毁起火'),
      f('电线组件', '导线标称截面积 ≥1.0 mm²', one('0.75 mm²', '0.62 mm²', '0.5 mm²'), true, '电源线过细，大功率使用时发热起火'),
      f('拔出插头所需的力', '最大拔出力 ≤40 N', num(44, 61, 0, ' N')),
      f('标志', '应标注额定电流、额定电压和电源性质符号', one('缺少电源性质符号', '未标注额定电流')),
    ],
  },
  {
    name: 'LED灯具', weight: 4, failFactor: 1.4, industry: '3872', hubeiShare: 0.3,
    regions: ['zhongshan', 'foshan', 'ningbo', 'shenzhen'], sellers: ['hardware', 'building', 'supermarket'], agency: 'dz',
    batchStyle: 'code', shelfDays: [20, 300], consumer: true, words: ['照明', '光电', '灯饰', '照明电器'],
    variants: [
      ['LED筒灯', (r) => `TD-${r.int(100, 999)} ${r.pick(['5', '7', '9', '12'])}W ${r.pick(['3000', '4000', '6500'])}K`],
      ['LED吸顶灯', (r) => `XD-${r.int(100, 999)} ${r.pick(['18', '24', '36'])}W`],
      ['LED平板灯', (r) => `PB-${r.int(10, 99)} 600×600 ${r.pick(['36', '48'])}W`],
      ['LED台灯', (r) => `TL-${r.int(100, 999)} ${r.pick(['5', '8'])}W 5V⎓1A`],
    ],
    failures: [
      f('骚扰电压', '不超过 GB/T 17743 限值', (r) => `超出限值 ${r.decimal(2.1, 14.6, 1)} dB`),
      f('谐波电流', '符合 GB 17625.1 C 类限值', (r) => `${r.pick(['3', '5', '7'])}次谐波超出限值 ${r.int(12, 86)}%`),
      f('防触电保护', '带电部件不可触及', fixed('带电部件可触及'), true, '带电部件外露，存在触电危险'),
      f('爬电距离和电气间隙', '≥2.5 mm', num(1.1, 2.2, 1, ' mm'), true, '爬电距离不足，易引发短路起火'),
      f('耐热、耐火', '灼热丝试验 650 ℃，无起燃或 30 s 内熄灭', one('起燃，30 s 内未熄灭', '滴落物引燃铺底层'), true, '材料阻燃性能差，存在火灾隐患'),
      f('标记', '应标注额定电压、额定功率和防触电保护类别', one('未标注防触电保护类别', '未标注额定电压')),
    ],
  },
  {
    name: '电热水壶', weight: 3, failFactor: 1.1, industry: '3854', hubeiShare: 0.25,
    regions: ['foshan', 'zhongshan', 'ningbo'], sellers: ['supermarket', 'appliance'], agency: 'zj',
    batchStyle: 'code', shelfDays: [20, 300], consumer: true, words: ['电器', '家电', '厨房电器', '电器制造'],
    variants: [['电热水壶', (r) => `${r.pick(['SH', 'DK', 'KT', 'SWF'])}${r.int(15, 18)}${r.pick(['A', 'E', 'S'])}${r.int(1, 9)} ${r.pick(['1.5', '1.7', '1.8'])}L ${r.pick(['1500', '1800'])}W 220V~`]],
    failures: KETTLE_FAILURES,
  },
  {
    name: '电饭锅', weight: 1.5, failFactor: 1.0, industry: '3854', hubeiShare: 0.25,
    regions: ['foshan', 'zhongshan', 'ningbo'], sellers: ['supermarket', 'appliance'], agency: 'zj',
    batchStyle: 'code', shelfDays: [20, 300], consumer: true, words: ['电器', '家电', '厨房电器'],
    variants: [['电饭锅', (r) => `${r.pick(['FB', 'DF', 'MB'])}${r.pick(['30', '40', '50'])}${r.pick(['A', 'C', 'S'])}${r.int(1, 9)} ${r.pick(['3', '4', '5'])}L ${r.pick(['500', '700', '860'])}W`]],
    failures: KETTLE_FAILURES,
  },
  {
    name: '燃气灶具', weight: 1.5, failFactor: 1.2, hubeiShare: 0.2,
    regions: ['foshan', 'zhongshan', 'ningbo', 'shaoxing'], sellers: ['appliance', 'building'], agency: 'zj',
    batchStyle: 'code', shelfDays: [20, 300], consumer: true, words: ['厨具', '燃气具', '厨卫电器', '电器'],
    variants: [['家用燃气灶具', (r) => `JZT-2-${r.pick(['B', 'Q', 'E'])}${r.int(10, 99)}（天然气 12T）`], ['家用燃气灶具', (r) => `JZY-2-${r.pick(['B', 'T'])}${r.int(10, 99)}（液化石油气 20Y）`]],
    failures: [
      f('熄火保护装置开阀时间', '≤15 s', num(17, 38, 0, ' s'), true, '熄火保护响应慢，火焰熄灭后燃气持续泄漏'),
      f('熄火保护装置闭阀时间', '≤60 s', num(72, 118, 0, ' s'), true, '火焰熄灭后未及时关阀，存在燃气泄漏和爆燃危险'),
      f('烟气中一氧化碳含量', '≤0.05%', num(0.06, 0.14, 2, '%'), true, '燃烧不充分，存在一氧化碳中毒危险'),
      f('气密性', '燃气入口至燃气阀门漏气量 ≤0.07 L/h', num(0.12, 0.46, 2, ' L/h'), true, '燃气泄漏，存在爆燃危险'),
      f('燃烧稳定性', '无离焰、回火', one('出现离焰', '出现回火')),
      f('标志', '应标注适用气种和额定热负荷', one('未标注适用气种', '铭牌信息不全')),
    ],
  },
  {
    name: '移动电源', weight: 2, failFactor: 1.3, industry: '3841', hubeiShare: 0.12,
    regions: ['shenzhen', 'dongguan', 'guangzhou'], sellers: ['appliance', 'supermarket'], agency: 'dz',
    batchStyle: 'code', shelfDays: [20, 300], consumer: true, words: ['电子', '科技', '数码科技', '新能源科技'],
    variants: [['移动电源', (r) => `${r.pick(['PB', 'YD', 'CD'])}${r.int(100, 999)} ${r.pick(['10000', '20000'])}mAh ${r.pick(['5V⎓2A', '22.5W', '20W'])}`]],
    failures: [
      f('额定容量', '不低于标注额定容量', (r) => `${r.int(3900, 5600)} mAh（标注 6000 mAh）`, false, '实际容量与标注不符'),
      f('外壳防火', '外壳材料阻燃等级 ≥V-1', one('HB级', 'V-2级'), true, '外壳阻燃性能差，电池起火时火势蔓延'),
      f('过充电保护', '过充电时不起火、不爆炸', one('电芯鼓胀漏液', '过充保护失效，电芯起火'), true, '过充保护失效，存在起火爆炸危险'),
      f('输出短路保护', '输出短路时应断开输出', fixed('保护功能失效'), true, '短路保护失效，存在起火危险'),
      f('辐射骚扰', '不超过 GB/T 9254.1 限值', (r) => `超出限值 ${r.decimal(2.2, 9.8, 1)} dB`),
      f('标识', '应标注额定容量及输入输出参数', one('未标注额定容量', '未标注输入参数')),
    ],
  },
  {
    name: '水泥', weight: 3, failFactor: 0.5, industry: '3011', hubeiShare: 0.9,
    regions: ['changsha', 'zhengzhou'], sellers: ['building'], agency: 'jc', batchStyle: 'code', shelfDays: [3, 30],
    consumer: false, words: ['水泥', '建材', '水泥制造'],
    variants: [
      ['普通硅酸盐水泥', (r) => `P·O ${r.pick(['42.5', '42.5', '52.5'])}`],
      ['复合硅酸盐水泥', () => 'P·C 42.5'],
      ['矿渣硅酸盐水泥', () => 'P·S·A 42.5'],
    ],
    failures: [
      f('3d抗压强度', (s) => (s.includes('52.5') ? '≥22.0 MPa' : s.startsWith('P·O') ? '≥17.0 MPa' : '≥15.0 MPa'), (r, s) => `${(s.includes('52.5') ? r.decimal(18.5, 21.8, 1) : s.startsWith('P·O') ? r.decimal(13.6, 16.8, 1) : r.decimal(12.1, 14.8, 1)).toFixed(1)} MPa`, true, '强度不足，影响建筑结构安全'),
      f('28d抗压强度', (s) => (s.includes('52.5') ? '≥52.5 MPa' : '≥42.5 MPa'), (r, s) => `${(s.includes('52.5') ? r.decimal(47.8, 52.3, 1) : r.decimal(37.9, 42.3, 1)).toFixed(1)} MPa`, true, '强度不足，影响建筑结构安全'),
      f('3d抗折强度', (s) => (s.includes('52.5') ? '≥4.0 MPa' : '≥3.5 MPa'), num(2.8, 3.4, 1, ' MPa')),
      f('初凝时间', '≥45 min', num(31, 43, 0, ' min')),
      f('三氧化硫', '≤3.5%', num(3.6, 4.3, 2, '%')),
      f('氯离子', '≤0.10%', num(0.11, 0.18, 3, '%')),
    ],
  },
  {
    name: '建筑用钢筋', weight: 2, failFactor: 0.6, industry: '3130', hubeiShare: 0.8,
    regions: ['tangshan', 'changzhou'], sellers: ['building'], agency: 'jc', batchStyle: 'code', shelfDays: [5, 60],
    consumer: false, words: ['钢铁', '钢材', '特钢', '金属制品'],
    variants: [['钢筋混凝土用热轧带肋钢筋', (r) => `${r.chance(0.8) ? 'HRB400E' : 'HRB500E'} Φ${r.pick(['12', '16', '18', '20', '25'])}`]],
    failures: [
      f('下屈服强度', (s) => `≥${rebarGrade(s)} MPa`, (r, s) => `${rebarGrade(s) - r.int(4, 32)} MPa`, true, '屈服强度不足，降低混凝土结构的承载能力'),
      f('抗拉强度', (s) => `≥${rebarGrade(s) === 500 ? 630 : 540} MPa`, (r, s) => `${(rebarGrade(s) === 500 ? 630 : 540) - r.int(5, 38)} MPa`, true, '抗拉强度不足，影响结构安全'),
      f('断后伸长率', (s) => `≥${rebarGrade(s) === 500 ? 15 : 16}%`, num(12.0, 14.9, 1, '%')),
      f('最大力总延伸率', '≥9.0%', num(6.6, 8.8, 1, '%'), true, '延性不足，地震时结构易脆性破坏'),
      f('强屈比', '≥1.25', num(1.17, 1.24, 2), true, '抗震性能不符合要求'),
      f('重量偏差', (s) => `±${weightTolerance(rebarDiameter(s))}%`, (r, s) => `-${(weightTolerance(rebarDiameter(s)) + r.decimal(0.4, 3.2, 1)).toFixed(1)}%`, false, '负偏差超标，钢筋实际截面不足'),
    ],
  },
  {
    name: '陶瓷砖', weight: 2, failFactor: 0.8, industry: '3071', hubeiShare: 0.4,
    regions: ['foshan', 'yichun', 'qingdao'], sellers: ['building'], agency: 'jc', batchStyle: 'code', shelfDays: [10, 200],
    consumer: true, words: ['陶瓷', '建材', '瓷业'],
    variants: [
      ['瓷质抛光砖', (r) => `${r.pick(['800mm×800mm', '600mm×1200mm', '750mm×1500mm'])} 色号 ${r.pick(['A', 'B', 'C'])}${r.int(10, 99)}`],
      ['釉面内墙砖', (r) => `${r.pick(['300mm×600mm', '400mm×800mm'])} 色号 ${r.pick(['N', 'P'])}${r.int(10, 99)}`],
      ['陶瓷岩板', () => '900mm×1800mm×9mm'],
    ],
    failures: [
      f('吸水率', '平均值 ≤0.5%', num(0.6, 1.8, 1, '%')),
      f('破坏强度', '≥1300 N', num(980, 1270, 0, ' N')),
      f('断裂模数', '平均值 ≥35 MPa', num(27.5, 34.6, 1, ' MPa')),
      f('表面质量', '至少 95% 的砖主要区域无明显缺陷', (r) => `${r.int(84, 94)}% 的砖无明显缺陷`),
      f('放射性（内照射指数）', '≤1.0', num(1.1, 1.4, 1), true, '放射性超标，长期接触危害健康'),
    ],
  },
  {
    name: '塑料管材', weight: 3, failFactor: 1.0, industry: '2922', hubeiShare: 0.5,
    regions: ['ningbo', 'hangzhou', 'guangzhou', 'linyi'], sellers: ['building', 'hardware'], agency: 'zj',
    batchStyle: 'date', shelfDays: [10, 200], consumer: true, words: ['塑业', '管业', '新材料', '塑胶'],
    variants: [
      ['冷热水用聚丙烯管材（PP-R）', (r) => r.pick(['dn20×3.4 S2.5', 'dn25×4.2 S2.5', 'dn32×5.4 S2.5'])],
      ['给水用聚乙烯管材（PE）', (r) => `PE100 ${r.pick(['dn63×3.8', 'dn110×6.6'])} SDR17 1.0MPa`],
      ['建筑排水用硬聚氯乙烯管材（PVC-U）', (r) => r.pick(['dn75×2.3', 'dn110×3.2'])],
    ],
    failures: [
      f('纵向回缩率', '≤2%（PP-R）/ ≤3%（PE）/ ≤5%（PVC-U）', num(5.4, 9.8, 1, '%')),
      f('静液压试验', '（20 ℃，1 h）无破裂、无渗漏', one('试样破裂', '试样渗漏'), true, '耐压性能不足，使用中易爆管漏水'),
      f('简支梁冲击试验', '破损率 <10%', one('破损率 30%', '破损率 40%', '破损率 20%')),
      f('平均外径和壁厚', '符合标称尺寸及偏差', (r) => `最小壁厚低于标称值 ${r.decimal(0.2, 0.6, 1)} mm`),
      f('氧化诱导时间', '（200 ℃）≥20 min', num(8.6, 18.9, 1, ' min')),
      f('维卡软化温度', '≥79 ℃', num(72, 78, 0, ' ℃')),
    ],
  },
  {
    name: '复混肥料', weight: 3, failFactor: 1.3, industry: '2624', hubeiShare: 0.7,
    regions: ['linyi', 'zhengzhou', 'weifang'], sellers: ['agri'], agency: 'zj', batchStyle: 'date', shelfDays: [10, 240],
    consumer: false, words: ['化肥', '肥业', '生态肥业', '化工'],
    variants: [
      ['复合肥料', (r) => `${r.pick(['15-15-15', '17-17-17', '16-16-16'])} 硫酸钾型 ${r.pick(['40', '50'])}kg`],
      ['复合肥料', (r) => `${r.pick(['28-6-6', '26-10-12'])} 氯基 40kg`],
      ['掺混肥料', () => '18-8-20 40kg'],
      ['有机-无机复混肥料', () => '15-5-5 40kg'],
    ],
    failures: [
      f('总养分（N+P₂O₅+K₂O）', (s) => `≥${nutrients(s)}.0%（标明值）`, (r, s) => `${(nutrients(s) - r.decimal(3.5, 16, 1)).toFixed(1)}%`, true, '养分含量不足，属于以次充好，坑农害农'),
      f('水溶性磷占有效磷百分率', '≥60%', num(32, 58, 0, '%')),
      f('氯离子', '≤3.0%（标明“硫酸钾型”）', num(3.8, 11.2, 1, '%'), false, '标明不含氯实际含氯，氯敏感作物施用后减产'),
      f('水分（H₂O）', '≤2.0%', num(2.3, 4.6, 1, '%')),
      f('粒度（1.00 mm～4.75 mm）', '≥90%', num(72, 88, 0, '%')),
    ],
  },
  {
    name: '涂料', weight: 2, failFactor: 0.9, industry: '2641', hubeiShare: 0.4,
    regions: ['foshan', 'shanghai', 'suzhou', 'changzhou'], sellers: ['building'], agency: 'zj', batchStyle: 'date',
    shelfDays: [10, 300], consumer: true, words: ['涂料', '化工', '新材料', '漆业'],
    variants: [
      ['合成树脂乳液内墙涂料', (r) => `${r.pick(['5L', '18L', '20kg'])} ${r.pick(['白色', '米白'])}`],
      ['合成树脂乳液外墙涂料', () => '20kg'],
      ['溶剂型木器涂料（聚氨酯类）', () => '面漆 0.8kg＋固化剂 0.4kg'],
      ['水性木器涂料', () => '2.5L'],
    ],
    failures: [
      f('挥发性有机化合物（VOC）含量', '≤80 g/L', num(96, 188, 0, ' g/L'), false, 'VOC 超标，施工和使用中污染室内空气'),
      f('游离甲醛', '≤50 mg/kg', num(62, 210, 0, ' mg/kg'), true, '甲醛超标，危害人体呼吸系统'),
      f('苯系物总和（苯、甲苯、乙苯、二甲苯）', '≤100 mg/kg', num(140, 680, 0, ' mg/kg'), true, '苯系物超标，长期吸入危害健康'),
      f('耐洗刷性', '≥1000 次', num(350, 920, 0, ' 次')),
      f('对比率（白色和浅色）', '≥0.93', num(0.86, 0.92, 2)),
      f('低温稳定性', '不变质', fixed('变质')),
    ],
  },
  {
    name: '白酒', weight: 2, failFactor: 0.5, industry: '1512', hubeiShare: 0.85,
    regions: ['yibin', 'luzhou', 'zunyi', 'suqian'], sellers: ['liquor', 'supermarket'], agency: 'food', batchStyle: 'both',
    shelfDays: [10, 400], consumer: true, words: ['酒业', '酒厂', '酿酒', '酒业股份'],
    variants: [
      ['浓香型白酒', (r) => `${r.pick(['52', '42', '45'])}%vol ${r.pick(['500mL', '480mL', '125mL'])}`],
      ['清香型白酒', (r) => `${r.pick(['53', '42'])}%vol 500mL`],
      ['酱香型白酒', () => '53%vol 500mL'],
      ['浓酱兼香型白酒', (r) => `${r.pick(['42', '52'])}%vol 500mL`],
    ],
    failures: [
      f('酒精度', (s) => `${abv(s)}%vol ±1.0%vol`, (r, s) => `${(abv(s) - r.decimal(1.3, 3.6, 1)).toFixed(1)}%vol`),
      f('固形物', '≤0.40 g/L', num(0.52, 1.2, 2, ' g/L')),
      f('甲醇', '≤0.6 g/L（以 100%vol 乙醇计）', num(0.7, 1.6, 2, ' g/L'), true, '甲醇超标，过量摄入损害视神经'),
      SWEETENER,
      f('酸酯总量', '≥35.0 mmol/L', num(22.0, 34.2, 1, ' mmol/L')),
    ],
  },
  {
    name: '食用植物油', weight: 2, failFactor: 0.6, industry: '1331', hubeiShare: 0.8,
    regions: ['changsha', 'zhengzhou', 'qingdao'], sellers: ['supermarket'], agency: 'food', batchStyle: 'both',
    shelfDays: [10, 300], consumer: true, words: ['粮油', '油脂', '植物油', '食品'],
    variants: [
      ['压榨菜籽油', (r) => `${r.pick(['5L', '4L', '1.8L'])} 压榨一级`],
      ['浓香菜籽油', (r) => `${r.pick(['5L', '4L'])}`],
      ['小磨芝麻香油', (r) => `${r.pick(['400mL', '250mL'])}`],
      ['压榨花生油', () => '5L 压榨一级'],
      ['大豆油', () => '5L 一级'],
    ],
    failures: [
      f('酸价（以KOH计）', '≤1.5 mg/g', num(1.8, 4.2, 1, ' mg/g'), false, '酸价超标说明油脂酸败'),
      f('过氧化值', '≤0.25 g/100g', num(0.28, 0.46, 2, ' g/100g'), false, '过氧化值超标说明油脂氧化变质'),
      f('苯并[a]芘', '≤10 μg/kg', num(12.3, 38.5, 1, ' μg/kg'), true, '苯并[a]芘是致癌物，超标危害健康'),
      f('溶剂残留量', '不得检出（压榨油）', num(8, 26, 0, ' mg/kg'), false, '标注压榨实为浸出，以次充好'),
      f('黄曲霉毒素B₁', '≤20 μg/kg', num(24, 68, 0, ' μg/kg'), true, '黄曲霉毒素是强致癌物'),
    ],
  },
  {
    name: '纸制品', weight: 2, failFactor: 0.9, industry: '2221', hubeiShare: 0.45,
    regions: ['quanzhou', 'guangzhou', 'hangzhou'], sellers: ['supermarket'], agency: 'zj', batchStyle: 'both',
    shelfDays: [10, 300], consumer: true, words: ['纸业', '卫生用品', '生活用纸'],
    variants: [
      ['卫生纸', (r) => `${r.pick(['3层', '4层'])} ${r.pick(['140g', '160g'])}×${r.pick(['10', '12'])}卷`],
      ['纸面巾纸', (r) => `3层 ${r.pick(['100', '130'])}抽×${r.pick(['3', '6'])}包`],
      ['厨房用纸', () => '2层 75节×2卷'],
    ],
    failures: [
      f('细菌菌落总数', '≤200 CFU/g', num(260, 1900, 0, ' CFU/g'), true, '微生物超标，可能引发皮肤或黏膜感染'),
      f('大肠菌群', '不得检出', fixed('检出'), true, '检出大肠菌群说明生产卫生条件差'),
      f('可迁移性荧光增白剂', '无', fixed('阳性'), true, '违规添加荧光增白剂'),
      f('抗张指数（纵横平均）', '≥2.0 N·m/g', num(1.1, 1.9, 1, ' N·m/g')),
      f('横向吸液高度', '≥20 mm/100s', num(11, 18, 0, ' mm/100s')),
      f('定量', '偏差 ±8%', num(-16.5, -8.6, 1, '%'), false, '实际重量不足'),
    ],
  },
  {
    name: '家具', weight: 2, failFactor: 1.0, industry: '2110', hubeiShare: 0.45,
    regions: ['foshan', 'ganzhou', 'huzhou'], sellers: ['furniture'], agency: 'zj', batchStyle: 'code', shelfDays: [20, 300],
    consumer: true, words: ['家具', '家居', '木业', '家私'],
    variants: [
      ['板式衣柜', () => '1800mm×600mm×2200mm'],
      ['实木餐桌', () => '1400mm×800mm×750mm'],
      ['办公椅', (r) => `BY-${r.int(100, 999)}`],
      ['儿童书桌', () => '1000mm×600mm×（520～760）mm'],
      ['实木床', () => '1800mm×2000mm'],
    ],
    failures: [
      f('甲醛释放量', '≤0.124 mg/m³', num(0.15, 0.42, 2, ' mg/m³'), true, '甲醛释放量超标，污染室内空气'),
      f('稳定性', '不应倾翻', fixed('倾翻'), true, '柜体易倾翻，存在砸伤危险'),
      f('漆膜附着力', '≤2级', one('3级', '4级')),
      f('孔、间隙', '不应存在可能卡住儿童手指的孔和间隙', (r) => `存在直径 ${r.int(8, 11)} mm 的孔`, true, '孔隙可能卡住儿童手指'),
      f('警示标识', '儿童家具应有警示标识', fixed('缺少警示标识')),
      f('扶手强度', '无断裂、无松动', one('扶手断裂', '扶手松动'), false, '使用中扶手断裂可能造成摔伤'),
    ],
  },
  {
    name: '洗涤剂', weight: 2, failFactor: 0.7, industry: '2681', hubeiShare: 0.4,
    regions: ['guangzhou', 'hangzhou', 'shanghai'], sellers: ['supermarket'], agency: 'zj', batchStyle: 'both',
    shelfDays: [10, 300], consumer: true, words: ['日化', '日用化学', '洗涤用品', '化工'],
    variants: [
      ['洗衣液', (r) => `${r.pick(['2kg', '3kg', '1kg'])} ${r.pick(['薰衣草香', '清新香型', '无香型'])}`],
      ['洗洁精', (r) => r.pick(['1.29kg', '1.5kg', '500g'])],
      ['洗衣粉', (r) => `${r.pick(['1.8kg', '2.5kg'])} 无磷`],
      ['洗衣凝珠', () => '15g×30颗'],
    ],
    failures: [
      f('总活性物含量', '≥15%', num(8.9, 14.2, 1, '%'), false, '有效成分不足，洗涤效果差'),
      f('总五氧化二磷（标注无磷）', '≤1.1%', num(1.8, 4.6, 1, '%')),
      f('甲醇', '≤1 mg/g', num(1.6, 3.8, 1, ' mg/g'), true, '餐具洗涤剂甲醇超标，残留后危害健康'),
      f('荧光增白剂', '不得检出（餐具洗涤剂）', fixed('检出'), true, '餐具洗涤剂违规含荧光增白剂'),
      f('pH值', '4.0～10.5', num(10.8, 11.9, 1)),
      f('去污力', '不低于标准洗衣液', fixed('低于标准洗衣液')),
    ],
  },
  {
    name: '学生用品', weight: 1.5, failFactor: 1.0, industry: '2411', hubeiShare: 0.3,
    regions: ['ningbo', 'wenzhou', 'jinhua'], sellers: ['stationery', 'supermarket'], agency: 'zj', batchStyle: 'code',
    shelfDays: [30, 360], consumer: true, words: ['文具', '文化用品', '纸品', '文教用品'],
    variants: [
      ['学生练习本', (r) => `${r.pick(['16K', '32K', 'B5'])} ${r.pick(['40', '60', '80'])}页`],
      ['橡皮擦', (r) => `${r.pick(['4B', '2B'])} ${r.pick(['大号', '中号'])}`],
      ['中性笔', (r) => `${r.pick(['0.5', '0.38'])}mm 黑色`],
      ['修正带', () => '5mm×6m'],
    ],
    failures: [
      f('D65亮度', '≤85%', num(86.2, 91.8, 1, '%'), false, '纸张过白，长时间使用易造成视疲劳'),
      f('可迁移元素（铅）', '≤90 mg/kg', num(110, 450, 0, ' mg/kg'), true, '重金属超标，危害儿童健康'),
      f('邻苯二甲酸酯', 'DBP、BBP、DEHP、DNOP、DINP、DIDP 总含量 ≤0.1%', num(0.3, 18.6, 1, '%'), true, '增塑剂超标，长期接触影响儿童健康'),
      f('书写长度', '≥200 m', num(96, 188, 0, ' m')),
      f('标识', '应标注适用年龄及警示语', one('未标注警示语', '未标注执行标准')),
    ],
  },
  {
    name: '羽绒服装', weight: 1.5, failFactor: 1.5, industry: '1819', hubeiShare: 0.3,
    regions: ['suzhou', 'huzhou', 'jiaxing'], sellers: ['clothing', 'supermarket'], agency: 'xj', batchStyle: 'code',
    shelfDays: [30, 300], consumer: true, words: ['服饰', '服装', '羽绒制品'],
    variants: [['羽绒服', (r) => `${r.pick(['165/88A', '170/92A', '175/96A', '160/84A'])} 货号：${r.pick(['Y', 'D'])}${r.int(1000, 9999)}`]],
    failures: [
      f('含绒量', '标注 90%（允差 -5%）', num(46, 84, 1, '%'), false, '含绒量与标注不符，保暖性能不足，以次充好'),
      f('充绒量', '偏差率 ≥-5%', num(-18.6, -6.2, 1, '%')),
      f('蓬松度', '≥标注值 600 cm³/30g', num(420, 580, 0, ' cm³/30g')),
      f('甲醛含量', '≤75 mg/kg（B类）', num(86, 160, 0, ' mg/kg'), true, '甲醛超标，刺激皮肤'),
      f('耐湿摩擦色牢度', '≥2-3级', fixed('2级')),
      f('纤维含量', '面料 100% 聚酰胺纤维（标注值）', one('聚酯纤维 100%', '聚酰胺纤维 62.4% 聚酯纤维 37.6%')),
    ],
  },
  {
    name: '皮鞋', weight: 1, failFactor: 1.0, industry: '1952', hubeiShare: 0.2,
    regions: ['wenzhou', 'quanzhou', 'chengdu'], sellers: ['clothing', 'supermarket'], agency: 'zj', batchStyle: 'code',
    shelfDays: [30, 300], consumer: true, words: ['鞋业', '皮具', '鞋业制造'],
    variants: [['男士皮鞋', (r) => `${r.pick(['40', '41', '42'])}码（${r.pick(['245', '250', '255'])}）`], ['女士皮鞋', (r) => `${r.pick(['36', '37', '38'])}码（${r.pick(['230', '235', '240'])}）`]],
    failures: [
      f('耐折性能', '（常温，40000 次）无裂面、无裂纹', one('出现裂纹', '出现裂面')),
      f('帮底剥离强度', '≥70 N/cm', num(42, 68, 0, ' N/cm'), false, '鞋底易开胶脱落'),
      f('外底耐磨性能', '磨痕长度 ≤14 mm', num(16, 24, 0, ' mm')),
      f('六价铬', '不得检出（≤3 mg/kg）', num(5.6, 22, 1, ' mg/kg'), true, '六价铬有致敏、致癌风险'),
      f('成鞋标识', '应标注帮面材质、鞋号', one('未标注帮面材质', '未标注鞋号')),
    ],
  },
  {
    name: '童车', weight: 1, failFactor: 1.2, industry: '2456', hubeiShare: 0.1,
    regions: ['jiaxing', 'suzhou', 'xingtai'], sellers: ['baby', 'supermarket'], agency: 'zj', batchStyle: 'code',
    shelfDays: [30, 300], consumer: true, words: ['童车', '儿童用品', '婴童用品'],
    variants: [
      ['婴儿推车', (r) => `S-${r.int(100, 999)} A型`],
      ['儿童自行车', (r) => `${r.pick(['12', '14', '16'])}英寸 ET-${r.int(10, 99)}`],
      ['儿童三轮车', (r) => `T-${r.int(100, 999)}`],
    ],
    failures: [
      f('制动性能', '驻车制动后在 12° 斜面上不应滑动', fixed('滑动'), true, '驻车制动失效，推车可能溜车'),
      f('锁紧装置', '应设有两道锁紧装置', fixed('仅有一道锁紧装置'), true, '折叠机构意外收折，可能夹伤儿童'),
      f('小零件', '不应有可拆卸的小零件', fixed('存在可拆卸小零件'), true, '小零件易被误吞，存在窒息危险'),
      f('稳定性', '不应翻倒', fixed('翻倒'), true, '稳定性不足，存在翻倒伤害危险'),
      f('塑料包装袋厚度', '≥0.038 mm', num(0.018, 0.035, 3, ' mm'), true, '包装袋过薄，存在窒息危险'),
      f('标识', '应有“注意：使用前确保所有锁紧装置都已锁上”等警示', fixed('缺少警示语')),
    ],
  },
  {
    name: '安全帽', weight: 1, failFactor: 1.3, hubeiShare: 0.3,
    regions: ['linyi', 'jinhua', 'changzhou'], sellers: ['hardware'], agency: 'zj', batchStyle: 'date', shelfDays: [20, 300],
    consumer: false, words: ['劳保用品', '安全防护用品', '塑胶制品'],
    variants: [['安全帽', (r) => `${r.pick(['Y型', 'V型', '盔型'])} ${r.pick(['ABS', 'HDPE', 'PC'])} 普通型`]],
    failures: [
      f('冲击吸收性能', '传递到头模上的力 ≤4900 N，帽壳不得有碎片脱落', (r) => `${r.int(5680, 9800)} N`, true, '冲击吸收性能不足，不能有效保护头部'),
      f('耐穿刺性能', '钢锥不得接触头模表面', fixed('钢锥接触头模表面'), true, '耐穿刺性能不足，坠物可能刺穿帽壳'),
      f('下颏带的强度', '150 N～250 N 之间断裂', num(82, 146, 0, ' N'), true, '下颏带强度不足，受冲击时安全帽脱落'),
      f('标识', '应有永久性标识', fixed('缺少永久性标识')),
    ],
  },
  {
    name: '防水卷材', weight: 1, failFactor: 1.1, hubeiShare: 0.6,
    regions: ['weifang', 'changsha'], sellers: ['building'], agency: 'jc', batchStyle: 'date', shelfDays: [10, 200],
    consumer: false, words: ['防水材料', '建材', '新型建材'],
    variants: [
      ['弹性体改性沥青防水卷材', (r) => `SBS ${r.pick(['I', 'II'])} PY ${r.pick(['PE', 'S'])} ${r.pick(['3', '4'])}mm 10m²`],
      ['自粘聚合物改性沥青防水卷材', () => 'PY I 3mm'],
    ],
    failures: [
      f('可溶物含量', (s) => (s.includes('4mm') ? '≥2900 g/m²' : '≥2100 g/m²'), (r, s) => `${s.includes('4mm') ? r.int(1980, 2860) : r.int(1380, 2060)} g/m²`, false, '沥青含量不足，防水寿命缩短'),
      f('拉力（纵向）', '≥500 N/50mm', num(320, 480, 0, ' N/50mm')),
      f('低温柔性', '-20 ℃ 无裂缝', fixed('有裂缝')),
      f('耐热性', '90 ℃ 无流淌、滴落', fixed('滴落')),
      f('不透水性', '0.3 MPa，30 min 不透水', fixed('透水')),
    ],
  },

  // —— categories checked mainly as certified items' products (city-level supervision checks) ——
  ...certifiedOnly([
    ['大米', '1311', 'food', ['优质大米|5kg 一级', '香米|10kg', '富硒大米|5kg'], ['米业', '粮油', '农业科技'], [
      f('镉（以Cd计）', '≤0.2 mg/kg', num(0.23, 0.48, 2, ' mg/kg'), true, '镉超标，长期摄入损害肾脏'),
      f('碎米总量', '≤15.0%（一级）', num(16.2, 22.8, 1, '%')),
      f('黄粒米', '≤1.0%', num(1.2, 2.4, 1, '%')),
    ]],
    ['小麦粉', '1312', 'food', ['小麦粉|25kg', '高筋小麦粉|5kg'], ['面业', '粮油'], [
      f('灰分（以干物质计）', '≤0.70%', num(0.74, 0.92, 2, '%')),
      f('脂肪酸值（以KOH计）', '≤50 mg/100g', num(54, 72, 0, ' mg/100g')),
    ]],
    ['挂面', '1431', 'food', ['挂面|800g', '热干面|300g×5', '鲜湿米粉|1kg'], ['面业', '食品'], [
      f('水分', '≤14.5%', num(15.1, 16.8, 1, '%')),
      f('酸度', '≤4.0 mL/10g', num(4.3, 5.6, 1, ' mL/10g')),
      f('脱氢乙酸及其钠盐', '不得使用', num(0.06, 0.31, 2, ' g/kg'), true, '超范围使用防腐剂'),
    ]],
    ['肉制品', '1353', 'food', ['卤鸭脖|200g', '酱卤鸭翅|150g', '风干腊肉|500g'], ['食品', '肉类食品'], [
      f('亚硝酸盐（以亚硝酸钠计）', '≤30 mg/kg', num(38, 96, 0, ' mg/kg'), true, '亚硝酸盐超标，过量摄入危害健康'),
      f('苯甲酸及其钠盐', '不得使用', num(0.08, 0.41, 2, ' g/kg'), true, '超范围使用防腐剂'),
      FOOD_MICROBES,
    ]],
    ['水产制品', '1361', 'food', ['冻熟小龙虾|1kg', '即食虾尾|250g', '荆州鱼糕|500g', '风干腊鱼|500g'], ['水产', '水产食品', '食品'], [
      f('N-二甲基亚硝胺', '≤4.0 μg/kg', num(5.2, 9.6, 1, ' μg/kg'), true, 'N-二甲基亚硝胺有致癌风险'),
      f('过氧化值（以脂肪计）', '≤0.6 g/100g', num(0.72, 1.3, 2, ' g/100g')),
      FOOD_MICROBES,
    ]],
    ['蔬菜制品', '1371', 'food', ['清水莲藕|500g', '泡藕带|300g', '萝卜干|250g'], ['食品', '农产品'], [
      f('亚硝酸盐（以NaNO₂计）', '≤20 mg/kg', num(24, 46, 0, ' mg/kg'), true, '亚硝酸盐超标'),
      f('苯甲酸及其钠盐（以苯甲酸计）', '≤1.0 g/kg', num(1.2, 2.1, 2, ' g/kg'), true, '超限量使用防腐剂'),
    ]],
    ['食用菌', '1372', 'food', ['干香菇|250g', '花菇|500g', '黑木耳|200g'], ['香菇', '食用菌', '农业科技'], [
      f('水分', '≤13%', num(13.8, 16.2, 1, '%')),
      f('二氧化硫残留量', '≤50 mg/kg', num(62, 180, 0, ' mg/kg'), true, '二氧化硫残留超标'),
    ]],
    ['水果制品', '1373', 'food', ['柑橘罐头|425g', '橘瓣罐头|312g', '板栗仁|100g'], ['食品', '罐头食品'], [
      f('可溶性固形物（20 ℃，按折光计）', '≥14%', num(10.2, 13.6, 1, '%')),
      f('苯甲酸及其钠盐', '不得使用', num(0.05, 0.22, 2, ' g/kg'), true, '罐头违规使用防腐剂'),
    ]],
    ['糕点', '1411', 'food', ['麻糖|400g', '桃酥|300g', '绿豆糕|200g', '苏打饼干|400g', '芝麻酥糖|250g'], ['食品', '糕点', '食品科技'], [
      f('酸价（以脂肪计）（KOH）', '≤5 mg/g', num(5.6, 8.2, 1, ' mg/g')),
      f('过氧化值（以脂肪计）', '≤0.25 g/100g', num(0.28, 0.52, 2, ' g/100g')),
      f('脱氢乙酸及其钠盐', '≤0.5 g/kg', num(0.6, 1.2, 2, ' g/kg'), true, '超限量使用防腐剂'),
      FOOD_MICROBES,
    ]],
    ['速冻食品', '1432', 'food', ['速冻汤圆|500g', '速冻水饺|1kg', '速冻包子|600g'], ['食品', '冷冻食品'], [
      f('过氧化值（以脂肪计）', '≤0.25 g/100g', num(0.29, 0.48, 2, ' g/100g')),
      FOOD_MICROBES,
    ]],
    ['乳制品', '1441', 'food', ['纯牛奶|250mL×12', '巴氏杀菌乳|950mL', '发酵乳|200g'], ['乳业', '乳品'], [
      f('蛋白质', '≥2.9 g/100g', num(2.5, 2.85, 2, ' g/100g'), false, '蛋白质含量不足'),
      f('非脂乳固体', '≥8.1 g/100g', num(7.4, 8.0, 1, ' g/100g')),
      FOOD_MICROBES,
    ]],
    ['调味品', '1462', 'food', ['酿造酱油|500mL', '特级生抽|1.9L', '香醋|500mL'], ['调味品', '酿造', '食品'], [
      f('氨基酸态氮（以氮计）', '≥0.80 g/100mL（特级）', num(0.62, 0.78, 2, ' g/100mL'), false, '产品等级与标注不符'),
      f('苯甲酸及其钠盐（以苯甲酸计）', '≤1.0 g/kg', num(1.2, 1.9, 2, ' g/kg'), true, '超限量使用防腐剂'),
    ]],
    ['啤酒', '1513', 'food', ['精酿啤酒|500mL', '纯生啤酒|330mL', '小麦啤酒|1L'], ['啤酒', '酒业'], [
      f('原麦汁浓度', '≥10.0 °P（标示值）', num(9.1, 9.8, 1, ' °P')),
      f('双乙酰', '≤0.10 mg/L', num(0.12, 0.21, 2, ' mg/L')),
    ]],
    ['黄酒', '1514', 'food', ['米酒|500g', '桂花米酒|350g', '黄酒|500mL'], ['米酒', '酒业', '食品'], [
      f('酒精度', '标示值 ±1.0%vol', num(1.3, 2.8, 1, '%vol（偏差）')),
      f('氨基酸态氮', '≥0.50 g/L', num(0.31, 0.48, 2, ' g/L')),
      SWEETENER,
    ]],
    ['包装饮用水', '1522', 'food', ['饮用天然矿泉水|550mL', '饮用天然泉水|4.5L', '包装饮用水|350mL'], ['矿泉水', '饮品', '水业'], [
      f('溴酸盐', '≤0.01 mg/L', num(0.013, 0.025, 3, ' mg/L'), true, '溴酸盐有潜在致癌风险'),
      f('铜绿假单胞菌', '0 CFU/250mL', fixed('检出'), true, '微生物污染'),
      f('界限指标（偏硅酸）', '≥25.0 mg/L', num(16.2, 24.1, 1, ' mg/L'), false, '不符合矿泉水界限指标'),
    ]],
    ['饮料', '1523', 'food', ['柑橘汁|300mL', '猕猴桃汁饮料|500mL', '核桃乳|240mL', '花生牛奶|250mL'], ['饮品', '饮料', '食品'], [
      f('蛋白质', '≥0.55 g/100g', num(0.31, 0.52, 2, ' g/100g'), false, '蛋白质含量不足'),
      SWEETENER,
      FOOD_MICROBES,
    ]],
    ['茶叶', '1530', 'food', ['玉露茶|250g', '青砖茶|2kg', '工夫红茶|200g', '云雾茶|250g', '富硒绿茶|100g', '黑茶|1kg'], ['茶业', '茶叶', '生态农业'], [
      f('联苯菊酯', '≤5 mg/kg', num(5.8, 9.4, 1, ' mg/kg'), true, '农药残留超标'),
      f('草甘膦', '≤1 mg/kg', num(1.4, 2.6, 1, ' mg/kg'), true, '农药残留超标'),
      f('水分', '≤7.0%', num(7.4, 8.9, 1, '%')),
    ]],
    ['棉纱线', '1711', 'zj', ['精梳棉纱|JC 40S', '紧密纺棉纱|JC 60S'], ['纺织', '棉纺'], [
      f('单纱断裂强度', '≥14.6 cN/tex', num(12.2, 14.3, 1, ' cN/tex')),
      f('条干均匀度变异系数', '≤14.5%', num(15.1, 17.4, 1, '%')),
    ]],
    ['棉本色布', '1712', 'zj', ['纯棉坯布|JC40×JC40 133×72', '棉府绸|C60×C60 173×124'], ['纺织', '棉织'], [
      f('断裂强力（经向）', '≥ 标准规定值', (r) => `低于规定值 ${r.int(6, 18)}%`),
      f('棉结杂质疵点格率', '≤ 18%', num(20, 28, 0, '%')),
    ]],
    ['服装', '1819', 'xj', ['衬衫|170/92A', '西服|175/96A', '休闲裤|175/80A'], ['服饰', '服装'], [
      f('纤维含量', '与标注值相符', one('棉 68.2%（标注 100%）', '羊毛 12.6%（标注 30%）')),
      f('pH值', '4.0～8.5', num(8.7, 9.4, 1)),
      f('甲醛含量', '≤75 mg/kg', num(86, 140, 0, ' mg/kg'), true, '甲醛超标，刺激皮肤'),
    ]],
    ['瓦楞纸箱', '2231', 'zj', ['瓦楞纸箱|BC 五层', '食品用纸杯|9oz'], ['包装', '纸品包装', '包装材料'], [
      f('耐破强度', '≥1150 kPa', num(860, 1120, 0, ' kPa')),
      f('边压强度', '≥7000 N/m', num(5600, 6900, 0, ' N/m')),
    ]],
    ['化妆品', '2682', 'food', ['保湿面霜|50g', '洗发水|500mL', '护手霜|80g'], ['日化', '生物科技', '化妆品'], [
      f('菌落总数', '≤500 CFU/g', num(680, 2400, 0, ' CFU/g'), true, '微生物超标'),
      f('汞', '≤1 mg/kg', num(2.4, 18, 1, ' mg/kg'), true, '重金属超标，损害皮肤和健康'),
    ]],
    ['轮胎', '2911', 'zj', ['子午线轮胎|205/55R16 91V', '全钢载重子午线轮胎|12R22.5 18PR'], ['轮胎', '橡胶'], [
      f('强度性能（破坏能）', '≥294 J', num(240, 290, 0, ' J'), true, '轮胎强度不足，存在爆胎风险'),
      f('耐久性能', '试验后无脱层、龟裂、接头裂开', one('胎肩脱层', '胎侧鼓包'), true, '存在爆胎风险'),
    ]],
    ['日用塑料制品', '2927', 'zj', ['塑料保鲜盒|1000mL', '塑料收纳箱|60L'], ['塑料制品', '塑胶', '日用品'], [
      f('总迁移量', '≤10 mg/dm²', num(12, 28, 1, ' mg/dm²'), true, '有害物质可能迁移至食品'),
      f('脱色试验', '阴性', fixed('阳性')),
    ]],
    ['水泥制品', '3021', 'jc', ['预应力混凝土管桩|PHC 500 AB 125', '混凝土排水管|DN600×2000 Ⅱ级'], ['建材', '管桩', '混凝土制品'], [
      f('抗弯性能（开裂弯矩）', '≥ 标准规定值', (r) => `低于规定值 ${r.int(5, 16)}%`, true, '承载力不足，影响工程安全'),
      f('外观质量', '不得有裂缝', fixed('存在环向裂缝')),
    ]],
    ['卫生陶瓷', '3072', 'jc', ['坐便器|300mm 坑距', '陶瓷洗面器|600mm'], ['陶瓷', '卫浴'], [
      f('用水量', '≤5.0 L（节水型）', num(5.6, 6.8, 1, ' L')),
      f('吸水率', '≤0.5%', num(0.7, 1.4, 1, '%')),
      f('水封深度', '≥50 mm', num(38, 48, 0, ' mm')),
    ]],
    ['铝合金建筑型材', '3252', 'jc', ['建筑用铝合金型材|6063-T5 门窗料 1.4mm', '铝板带|3003-H24 1.0mm'], ['铝业', '铝材'], [
      f('壁厚', '门窗主型材 ≥1.4 mm', num(1.12, 1.36, 2, ' mm'), false, '壁厚不足，门窗强度和抗风压性能下降'),
      f('膜厚（阳极氧化）', '平均膜厚 ≥15 μm', num(8.6, 14.2, 1, ' μm')),
      f('抗拉强度', '≥160 MPa', num(132, 158, 0, ' MPa')),
    ]],
    ['钢结构', '3311', 'jc', ['钢网架结构|跨度 36m', '门式刚架|Q355B'], ['钢结构', '重工', '建设'], [
      f('焊缝质量（超声波探伤）', '二级焊缝', fixed('存在超标缺陷'), true, '焊缝缺陷影响结构安全'),
      f('涂层厚度', '≥150 μm', num(98, 142, 0, ' μm')),
    ]],
    ['不锈钢器皿', '3381', 'zj', ['不锈钢炒锅|32cm', '不锈钢保温杯|500mL', '不锈钢汤锅|24cm'], ['厨具', '不锈钢制品', '金属制品'], [
      f('镍迁移量', '≤0.5 mg/kg', num(0.62, 1.6, 2, ' mg/kg'), true, '镍迁移可能引起过敏'),
      f('铬迁移量', '≤2.0 mg/kg', num(2.3, 4.1, 1, ' mg/kg'), true, '重金属迁移危害健康'),
      f('保温效能', '（6 h）水温 ≥50 ℃', num(38, 49, 0, ' ℃')),
    ]],
    ['泵', '3441', 'zj', ['离心泵|IS80-65-160 15kW', '潜水电泵|QJ 5.5kW'], ['泵业', '机电', '流体设备'], [
      f('泵效率', '≥ 68.0%', num(61.2, 67.4, 1, '%')),
      f('电动机绝缘电阻', '≥100 MΩ', num(12, 86, 0, ' MΩ'), true, '绝缘性能不足，存在漏电危险'),
    ]],
    ['滚动轴承', '3451', 'zj', ['深沟球轴承|6205-2RS', '圆锥滚子轴承|30208', '汽车轮毂轴承|DAC40720037'], ['轴承', '精密机械'], [
      f('径向游隙', '0.006 mm～0.020 mm', num(0.022, 0.031, 3, ' mm')),
      f('振动（加速度级）', '≤ Z2 组限值', (r) => `超出限值 ${r.int(2, 6)} dB`),
    ]],
    ['汽车', '3611', 'zj', ['轻型商用车|4×2', '乘用车|1.5T', '纯电动乘用车|续航 510km', '新能源物流车|4.5t'], ['汽车', '汽车工业', '新能源汽车'], [
      f('整备质量', '偏差 ±3%', num(3.4, 5.6, 1, '%')),
      f('侧面及后下部防护', '应符合 GB 11567', fixed('防护装置离地高度超标'), true, '防护不足，碰撞时危及安全'),
    ]],
    ['汽车零部件', '3670', 'zj', ['汽车制动器衬片|前刹车片', '汽车线束|整车线束总成', '汽车座椅|前排座椅总成', '车用空调压缩机|电动涡旋'], ['汽车零部件', '汽车配件', '汽车部件'], [
      f('摩擦系数', '标称摩擦系数范围 0.35～0.45', num(0.27, 0.33, 2), true, '摩擦系数偏低，制动距离加长'),
      f('磨损率', '≤0.50×10⁻⁷ cm³/(N·m)', num(0.56, 0.88, 2, '×10⁻⁷ cm³/(N·m)')),
      f('石棉', '不得检出', fixed('检出温石棉'), true, '石棉危害呼吸系统'),
    ]],
    ['摩托车', '3751', 'zj', ['两轮摩托车|125cc'], ['摩托车', '机车'], [
      f('制动性能', '制动距离 ≤ 标准规定值', (r) => `超出规定值 ${r.decimal(0.6, 2.4, 1)} m`, true, '制动性能不足，存在交通安全隐患'),
      f('加速行驶车外噪声', '≤77 dB(A)', num(78, 82, 0, ' dB(A)')),
    ]],
    ['自行车', '3761', 'zj', ['山地自行车|27.5英寸 21速', '城市自行车|26英寸'], ['自行车', '车业'], [
      f('制动性能（干态）', '制动距离 ≤6 m', num(6.5, 8.4, 1, ' m'), true, '制动不良，存在骑行安全隐患'),
      f('前叉组合件强度', '无断裂、无可见裂纹', fixed('出现裂纹'), true, '骑行中前叉断裂可能造成严重伤害'),
    ]],
    ['低压电器', '3823', 'zj', ['小型断路器|C16 1P+N', '低压成套开关设备|GGD', '墙壁开关插座|86型 16A'], ['电气', '电器', '开关'], [
      f('脱扣特性', '1.45 In 时在约定时间内脱扣', fixed('约定时间内未脱扣'), true, '过载时不能及时断电，存在火灾隐患'),
      f('温升', '端子温升 ≤60 K', num(64, 86, 0, ' K'), true, '温升过高，存在烧毁风险'),
      f('标志的耐久性', '标志应清晰耐久', fixed('擦拭后标志模糊')),
    ]],
    ['锂离子电池', '3841', 'dz', ['动力锂离子电池组|48V 100Ah', '储能锂电池|51.2V 280Ah'], ['新能源', '电池', '锂电科技'], [
      f('过充电', '不起火、不爆炸', fixed('电池起火'), true, '存在起火爆炸危险'),
      f('容量', '≥额定容量', num(91.2, 98.6, 1, '% 额定容量')),
    ]],
    ['家用电器', '3851', 'dz', ['变频冰箱|BCD-456WP 一级能效', '家用空调|KFR-35GW 一级能效'], ['电器', '家电', '制冷设备'], [
      f('耗电量', '实测值 ≤ 标注值的 115%', (r) => `${r.int(118, 136)}%`, false, '能效与标注不符'),
      f('泄漏电流', '≤0.75 mA', num(0.9, 1.8, 2, ' mA'), true, '存在触电危险'),
    ]],
    ['计算机', '3911', 'dz', ['笔记本电脑|14英寸', '台式计算机|商用主机'], ['电子', '计算机', '信息技术'], [
      f('辐射骚扰', '不超过 GB/T 9254.1 限值', (r) => `超出限值 ${r.decimal(1.2, 6.4, 1)} dB`),
      f('接触电流', '≤0.25 mA', num(0.28, 0.52, 2, ' mA'), true, '存在触电危险'),
    ]],
    ['通信终端', '3922', 'dz', ['5G工业路由器|CPE-5G', '光网络终端|GPON ONT'], ['通信', '光电', '信息技术'], [
      f('电源端子骚扰电压', '不超过限值', (r) => `超出限值 ${r.decimal(1.5, 8.2, 1)} dB`),
      f('电气强度', '1500 V 不击穿', fixed('击穿'), true, '存在触电危险'),
    ]],
    ['工业自动化仪表', '4011', 'dz', ['智能压力变送器|0～1.6MPa 0.25级', '可编程控制器|CPU 224'], ['自动化', '仪表', '智能科技'], [
      f('基本误差', '≤±0.25%', num(0.31, 0.62, 2, '%')),
      f('绝缘电阻', '≥20 MΩ', num(6, 18, 0, ' MΩ')),
    ]],
  ]),
];

/** Categories checked (almost) only because a certified item belongs to them: compact definitions. */
function certifiedOnly(
  rows: readonly (readonly [name: string, industry: string, agency: AgencyKey, variants: string[], words: string[], failures: Failure[]])[],
): Category[] {
  return rows.map(([name, industry, agency, variants, words, failures]) => ({
    name, industry, agency, words, failures,
    weight: agency === 'food' ? 0.35 : 0.15,
    failFactor: 0.6,
    hubeiShare: 0.8,
    regions: ['changsha', 'zhengzhou', 'hefei', 'chengdu'],
    sellers: agency === 'food' ? ['supermarket'] : ['building', 'hardware'],
    batchStyle: agency === 'food' ? 'both' : 'code',
    shelfDays: agency === 'food' ? [5, 120] : [20, 200],
    consumer: agency === 'food',
    variants: variants.map((v) => {
      const [product, spec] = v.split('|');
      return [product, fixed(spec)] as const;
    }),
  }));
}

export const categoryByName = new Map(CATEGORIES.map((c) => [c.name, c]));

/** Service-quality evaluations (服务质量评价, 000 Art. 13) of certified services. */
export const SERVICE_EVALUATION: Record<string, { category: string; failures: readonly Failure[] }> = {
  '6110': { category: '住宿服务', failures: serviceFailures('客房卫生达标率 ≥98%', '92%') },
  '6210': { category: '餐饮服务', failures: serviceFailures('后厨食品安全自查记录完整率 100%', '86%') },
  '7291': { category: '旅行社服务', failures: serviceFailures('导游持证上岗率 100%', '88%') },
  '8010': { category: '家政服务', failures: serviceFailures('服务人员持健康证上岗率 100%', '90%') },
};

function serviceFailures(rule: string, measured: string): Failure[] {
  return [
    f('顾客满意度', '≥85 分', num(72, 84, 1, ' 分')),
    f('服务规范执行', rule, fixed(measured)),
    f('投诉处理时限', '≤24 h 内响应', num(48, 96, 0, ' h')),
  ];
}

/** The testing agencies (承检机构) and the prefixes of their report numbers. */
export const AGENCIES: Record<AgencyKey, { name: string; prefix: string }> = {
  zj: { name: '湖北省产品质量监督检验研究院', prefix: 'HBZJ' },
  dz: { name: '湖北省电子信息产品质量监督检验院', prefix: 'HBDZ' },
  xj: { name: '湖北省纤维检验局', prefix: 'HBXJ' },
  jc: { name: '湖北省建筑工程质量监督检验测试中心', prefix: 'HBJC' },
  food: { name: '湖北省食品质量安全监督检验研究院', prefix: 'HBSP' },
};

/** Agencies of national spot checks that test products of Hubei producers. */
export const NATIONAL_AGENCIES: readonly { name: string; prefix: string }[] = [
  { name: '广东产品质量监督检验研究院', prefix: 'GDZJ' },
  { name: '浙江省产品质量安全科学研究院', prefix: 'ZJZK' },
  { name: '江苏省产品质量监督检验研究院', prefix: 'JSZJ' },
  { name: '上海市质量监督检验技术研究院', prefix: 'SHZJ' },
  { name: '国家轻工业质量检验检测中心', prefix: 'QGZJ' },
];

/** The committee's third-party agency for dynamic checks and service evaluations (000 Art. 9, 13). */
export const COMMITTEE_AGENCY = { name: '湖北省标准化与质量研究院', prefix: 'HBBZ' };

/** The city institutes that test certified products for the city-level checks (000 Art. 13). */
export const CITY_AGENCY_PREFIX: Record<string, string> = {
  '420100': 'WH', '420200': 'HS', '420300': 'SY', '420500': 'YC', '420600': 'XY', '420700': 'EZ', '420800': 'JM',
  '420900': 'XG', '421000': 'JZ', '421100': 'HG', '421200': 'XN', '421300': 'SZ', '422800': 'ES', '429004': 'XT',
  '429005': 'QJ', '429006': 'TM', '429021': 'SN',
};

export const E_COMMERCE_PLATFORMS: readonly (readonly [string, number])[] = [
  ['淘宝', 30], ['天猫', 22], ['京东', 22], ['拼多多', 16], ['抖音电商', 10],
];

/** Seller kinds: the words in their names. */
export const SELLER_WORDS: Record<SellerType, { company: string[]; shop: string[] }> = {
  supermarket: { company: ['超市', '百货', '购物广场', '商贸'], shop: ['百货商行', '便利店', '超市'] },
  building: { company: ['建材', '建筑材料', '装饰材料'], shop: ['建材商行', '建材经营部'] },
  hardware: { company: ['五金机电', '电气设备', '五金'], shop: ['五金电料商行', '五金交电经营部', '水电材料店'] },
  ebike: { company: ['电动车销售', '车业贸易'], shop: ['电动车行', '电动车经营部'] },
  baby: { company: ['母婴用品', '孕婴童用品'], shop: ['母婴用品店', '孕婴童商行'] },
  stationery: { company: ['文化用品', '文体用品'], shop: ['文具店', '文体用品商行'] },
  furniture: { company: ['家居', '家具销售'], shop: ['家具商行', '家具城'] },
  agri: { company: ['农资', '农业生产资料'], shop: ['农资经营部', '农资商行'] },
  appliance: { company: ['家电', '电器销售'], shop: ['家电商行', '电器经营部'] },
  liquor: { company: ['酒类贸易', '酒业贸易'], shop: ['烟酒商行', '酒类经营部'] },
  clothing: { company: ['服饰', '服装贸易'], shop: ['服饰商行', '服装店'] },
};
