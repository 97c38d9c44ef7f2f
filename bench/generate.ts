/**
 * A large, realistic spot-check results file (监督抽查结果), generated deterministically: the same
 * seed and size give the same bytes. Used by `pnpm bench:import` and by the import tests that need
 * a big file. Producers are drawn from a pool of enterprises with valid USCCs (mostly Hubei, some
 * from other provinces, some known only by name); about one result in twelve fails with one to
 * three nonconforming items carrying 标准值 / 实测值.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { usccCheckCharacter } from '../db/src/reference/uscc.ts';

export const SPOT_CHECK_HEADERS = [
  '序号',
  '抽查类型',
  '任务名称',
  '产品种类',
  '产品名称',
  '商标',
  '规格型号',
  '生产日期/批号',
  '标称生产企业名称',
  '标称生产企业统一社会信用代码',
  '标称生产企业地址',
  '被抽样单位名称',
  '被抽样单位地址',
  '抽样环节',
  '电商平台',
  '抽样日期',
  '抽样机构',
  '承检机构',
  '报告编号',
  '报告日期',
  '检验结论',
  '不合格项目',
  '问题严重程度',
  '主要质量问题',
  '备注',
] as const;

/** mulberry32: a small deterministic PRNG */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES: Array<[division: string, name: string, district: string]> = [
  ['420102', '武汉市', '江岸区'],
  ['420111', '武汉市', '洪山区'],
  ['420115', '武汉市', '江夏区'],
  ['420202', '黄石市', '黄石港区'],
  ['420302', '十堰市', '茅箭区'],
  ['420502', '宜昌市', '西陵区'],
  ['420602', '襄阳市', '襄城区'],
  ['420702', '鄂州市', '梁子湖区'],
  ['420802', '荆门市', '东宝区'],
  ['420902', '孝感市', '孝南区'],
  ['421002', '荆州市', '沙市区'],
  ['421102', '黄冈市', '黄州区'],
  ['421202', '咸宁市', '咸安区'],
  ['421303', '随州市', '曾都区'],
  ['422801', '恩施土家族苗族自治州', '恩施市'],
  ['429004', '仙桃市', '干河街道'],
  ['429005', '潜江市', '园林街道'],
  ['429006', '天门市', '竟陵街道'],
  ['429021', '神农架林区', '松柏镇'],
];
const OTHER_PROVINCES: Array<[string, string]> = [
  ['440306', '广东省深圳市宝安区'],
  ['330782', '浙江省义乌市'],
  ['320583', '江苏省昆山市'],
  ['430103', '湖南省长沙市天心区'],
  ['370213', '山东省青岛市李沧区'],
];
const CATEGORIES: Array<[category: string, products: string[], items: Array<[string, string, string]>]> = [
  [
    '电动自行车',
    ['电动自行车', '电动自行车充电器'],
    [
      ['整车质量', '≤55kg', '58.2kg'],
      ['最高车速', '≤25km/h', '29km/h'],
      ['阻燃性能', '符合要求', '不符合'],
    ],
  ],
  [
    '儿童玩具',
    ['塑胶玩具', '毛绒玩具', '电动玩具'],
    [
      ['可迁移元素', '≤90mg/kg', '136mg/kg'],
      ['小零件', '不得存在', '存在'],
      ['增塑剂', '≤0.1%', '0.35%'],
    ],
  ],
  [
    '白酒',
    ['浓香型白酒', '清香型白酒', '酱香型白酒'],
    [
      ['酒精度', '52%vol±1.0', '49.6%vol'],
      ['甲醇', '≤0.6g/L', '0.9g/L'],
      ['总酯', '≥2.0g/L', '1.4g/L'],
    ],
  ],
  [
    '电线电缆',
    ['聚氯乙烯绝缘电缆', '额定电压450/750V电缆'],
    [
      ['导体电阻', '≤7.41Ω/km', '8.95Ω/km'],
      ['绝缘厚度', '≥0.7mm', '0.52mm'],
    ],
  ],
  [
    '食用植物油',
    ['菜籽油', '大豆油', '芝麻油'],
    [
      ['酸价', '≤3mg/g', '4.1mg/g'],
      ['过氧化值', '≤0.25g/100g', '0.38g/100g'],
    ],
  ],
  [
    '化肥',
    ['复合肥料', '有机肥料'],
    [
      ['总养分', '≥45%', '38.6%'],
      ['水分', '≤2.0%', '3.4%'],
    ],
  ],
  [
    '家用电器',
    ['电热水壶', '电饭锅', '电风扇'],
    [
      ['输入功率和电流', '+5%/-10%', '+12.3%'],
      ['发热', '≤75K', '91K'],
    ],
  ],
  [
    '建筑材料',
    ['陶瓷砖', '防水卷材', '水泥'],
    [
      ['吸水率', '≤0.5%', '0.9%'],
      ['拉力', '≥500N/50mm', '412N/50mm'],
    ],
  ],
];
const CHECK_TYPES = ['省级监督抽查', '省级监督抽查', '省级监督抽查', '市级监督抽查', '市级监督抽查', '国家监督抽查', '动态抽查'];
const BRANDS = ['楚天', '荆楚', '江城', '黄鹤', '/', '无', '长江', '三峡', '汉江', '—'];
const AGENCIES = [
  '湖北省产品质量监督检验研究院',
  '武汉市产品质量监督检验所',
  '宜昌市产品质量监督检验所',
  '襄阳市产品质量监督检验所',
  '湖北省纤维检验局',
];
const STAGES = ['生产', '流通', '流通', '电商'];
const PLATFORMS = ['京东', '天猫', '拼多多', '抖音电商'];
const WORDS = ['华', '盛', '鑫', '康', '泰', '达', '源', '恒', '信', '祥', '瑞', '丰', '新', '宏', '嘉', '润'];

export interface Enterprise {
  uscc: string;
  name: string;
  address: string;
}

function uscc(division: string, serial: number): string {
  const body = `91${division}${serial
    .toString(36)
    .toUpperCase()
    .padStart(9, '0')
    .replace(/[IOSVZ]/g, '8')}`;
  return body + usccCheckCharacter(body);
}

/** `count` enterprises: 85% Hubei, 10% other provinces, 5% without a known USCC. */
export function enterprisePool(count: number, next: () => number): Enterprise[] {
  const pool: Enterprise[] = [];
  for (let i = 0; i < count; i++) {
    const word = () => WORDS[Math.floor(next() * WORDS.length)];
    const r = next();
    if (r < 0.85) {
      const [division, city, district] = CITIES[Math.floor(next() * CITIES.length)];
      pool.push({
        uscc: uscc(division, 10_000 + i),
        name: `${city.replace(/市|林区|土家族苗族自治州/, '')}${word()}${word()}实业有限公司${i}`,
        address: `湖北省${city}${district}工业园${(i % 97) + 1}号`,
      });
    } else if (r < 0.95) {
      const [division, place] = OTHER_PROVINCES[Math.floor(next() * OTHER_PROVINCES.length)];
      pool.push({
        uscc: uscc(division, 50_000 + i),
        name: `${place.slice(3, 5)}${word()}${word()}制造有限公司${i}`,
        address: `${place}${(i % 89) + 1}号`,
      });
    } else {
      pool.push({ uscc: '', name: `${word()}${word()}商行${i}`, address: '' });
    }
  }
  return pool;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function date(next: () => number, year: number): string {
  const month = 1 + Math.floor(next() * 12);
  const day = 1 + Math.floor(next() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The rows of the file (without the header), as arrays in SPOT_CHECK_HEADERS order. */
export function* spotCheckRows(rows: number, seed = 20260305): Generator<string[]> {
  const next = random(seed);
  const producers = enterprisePool(Math.max(50, Math.floor(rows / 10)), next);
  const sellers = enterprisePool(Math.max(50, Math.floor(rows / 8)), next).map((e, i) => ({
    ...e,
    name: `${e.name.replace(/实业有限公司|制造有限公司|商行/, '')}商贸有限公司${i}`,
  }));
  for (let i = 1; i <= rows; i++) {
    const [category, products, items] = CATEGORIES[Math.floor(next() * CATEGORIES.length)];
    const producer = producers[Math.floor(next() * producers.length)];
    const atProducer = next() < 0.3;
    const seller = atProducer ? producer : sellers[Math.floor(next() * sellers.length)];
    const stage = atProducer ? '生产' : STAGES[1 + Math.floor(next() * 3)];
    const year = 2024 + Math.floor(next() * 3);
    const reportDate = date(next, year);
    const fails = next() < 0.085;
    const failed = fails
      ? Array.from({ length: 1 + Math.floor(next() * 3) }, (_, k) => items[(k + Math.floor(next() * items.length)) % items.length])
          .filter((item, k, all) => all.findIndex((x) => x[0] === item[0]) === k)
          .map(([item, requirement, measured]) => `${item}（标准值：${requirement}，实测值：${measured}）`)
          .join('；')
      : '/';
    yield [
      String(i),
      CHECK_TYPES[Math.floor(next() * CHECK_TYPES.length)],
      `${year}年第${1 + Math.floor(next() * 4)}批${category}产品质量监督抽查`,
      category,
      products[Math.floor(next() * products.length)],
      BRANDS[Math.floor(next() * BRANDS.length)],
      `${String.fromCharCode(65 + Math.floor(next() * 26))}${100 + Math.floor(next() * 900)}`,
      next() < 0.5 ? date(next, year - 1) : `${date(next, year - 1).replace(/-/g, '/')} 批号B${Math.floor(next() * 1e6)}`,
      producer.name,
      producer.uscc || '/',
      producer.address || '/',
      seller.name,
      seller.address || '/',
      stage,
      stage === '电商' ? PLATFORMS[Math.floor(next() * PLATFORMS.length)] : '/',
      reportDate.slice(0, 8) + '01',
      AGENCIES[Math.floor(next() * AGENCIES.length)],
      AGENCIES[Math.floor(next() * AGENCIES.length)],
      `HBZJ${year}-${String(i).padStart(7, '0')}`,
      reportDate,
      fails ? '不合格' : '合格',
      failed,
      fails ? (next() < 0.2 ? '严重' : '一般') : '/',
      fails ? `${category}${failed.split('（')[0]}不符合标准要求` : '',
      '',
    ];
  }
}

/** Writes `rows` results as a UTF-8 CSV with BOM (as Excel saves "CSV UTF-8"); resolves with the byte count. */
export async function writeSpotCheckCsv(path: string, rows: number, seed = 20260305): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('\uFEFF' + SPOT_CHECK_HEADERS.join(',') + '\r\n');
  let buffer = '';
  for (const row of spotCheckRows(rows, seed)) {
    buffer += row.map(csvField).join(',') + '\r\n';
    if (buffer.length > 64 * 1024) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  out.end();
  await once(out, 'finish');
  return bytes;
}

/**
 * Writes the same rows as an .xlsx the way Excel stores one (shared strings, stored after the
 * sheet), streamed by exceljs's WorkbookWriter; resolves with the file's byte count.
 */
export async function writeSpotCheckXlsx(path: string, rows: number, seed = 20260305): Promise<number> {
  // exceljs is the api package's dependency: load it from there
  const ExcelJS = createRequire(new URL('../api/package.json', import.meta.url))('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('抽查结果');
  sheet.addRow(SPOT_CHECK_HEADERS).commit();
  for (const row of spotCheckRows(rows, seed)) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return (await stat(path)).size;
}
