import { usccCheckCharacter } from '../reference/uscc.ts';
import type { Random } from './random.ts';
import { HUBEI_ROAD_WORDS, ROAD_SUFFIXES, ROAD_WORDS, type County, type HubeiPlace, type Region } from './places.ts';

/**
 * Names, addresses, people and codes. Every enterprise is fictitious: its 字号 (trade name) comes
 * from a list of common, generic words, chosen to avoid well-known brands; any resemblance to a
 * real enterprise is coincidental.
 */

/** 字号 with the initials an enterprise standard number is built from (Q/CY 0001S-2023). */
export const TRADE_NAMES: readonly (readonly [name: string, initials: string])[] = (
  '楚韵:CY 汉江:HJ 荆楚:JC 江城:JC 鄂联:EL 华中:HZ 楚天:CT 三峡:SX 清江:QJ 神农:SN 武当:WD 隆中:LZ 东湖:DH 汉水:HS ' +
  '云梦:YM 江汉:JH 鑫源:XY 宏达:HD 金鼎:JD 恒信:HX 瑞丰:RF 华鑫:HX 永盛:YS 天成:TC 嘉禾:JH 福瑞:FR 远航:YH 博远:BY ' +
  '佳美:JM 康宁:KN 益民:YM 丰源:FY 宏图:HT 鸿运:HY 锦程:JC 润华:RH 星火:XH 大禹:DY 金穗:JS 银丰:YF 盛达:SD 卓越:ZY ' +
  '精诚:JC 华泰:HT 联创:LC 新星:XX 航宇:HY 凯旋:KX 富民:FM 安泰:AT 宝丰:BF 腾飞:TF 万通:WT 万隆:WL 千禧:QX 百川:BC ' +
  '聚源:JY 鼎盛:DS 华康:HK 金诚:JC 楚源:CY 荆江:JJ 漳河:ZH 丹江:DJ 凌云:LY 青山:QS 碧水:BS 翠峰:CF 九州:JZ 金桥:JQ ' +
  '兴业:XY 兴华:XH 振华:ZH 立信:LX 宏伟:HW 伟业:WY 天宇:TY 天瑞:TR 天润:TR 天恒:TH 恒达:HD 恒昌:HC 昌盛:CS 顺达:SD ' +
  '通达:TD 达力:DL 新乐:XL 乐康:LK 雅琪:YQ 美佳:MJ 佳和:JH 和顺:HS 和信:HX 信达:XD 金龙:JL 银龙:YL 腾龙:TL 祥云:XY ' +
  '瑞祥:RX 吉祥:JX 如意:RY 福满:FM 丰收:FS 沃土:WT 绿野:LY 青禾:QH 米乡:MX 荷香:HX 莲韵:LY 菱湖:LH 金湖:JH 玉泉:YQ ' +
  '龙泉:LQ 清泉:QQ 甘泉:GQ 雪峰:XF 山川:SC 江海:JH 四海:SH 五洲:WZ 鸿鑫:HX 鑫海:XH 鑫盛:XS 金鑫:JX 恒润:HR 润泽:RZ ' +
  '泰和:TH 安康:AK 康泰:KT 惠民:HM 利民:LM 众成:ZC 合力:HL 同心:TX 同创:TC 汉光:HG 楚光:CG 明辉:MH 晨曦:CX 旭日:XR ' +
  '东升:DS 正阳:ZY 中天:ZT 华天:HT 华宇:HY 华盛:HS 盛华:SH 鑫华:XH 骏马:JM 奔腾:BT 飞跃:FY 楚风:CF 荆风:JF 鄂韵:EY ' +
  '长兴:CX 长盛:CS 永兴:YX 永和:YH 永信:YX 德润:DR 德胜:DS 德丰:DF 宏远:HY 宏源:HY 嘉信:JX 嘉华:JH 恒丰:HF 恒源:HY ' +
  '锦华:JH 锦绣:JX 金帆:JF 银帆:YF 巨力:JL 力恒:LH 精工:JG 天工:TG 匠心:JX 优品:YP 尚品:SP 品源:PY 源泰:YT 泰丰:TF ' +
  '丰华:FH 华丰:HF 新创:XC 创远:CY 远景:YJ 景程:JC 楚星:CX 江星:JX 星辰:XC 宇辰:YC 辰宇:CY 皓月:HY 映山:YS 红叶:HY'
)
  .split(' ')
  .map((pair) => pair.split(':') as [string, string]);

/** 字号 that name a Hubei place or river: used by Hubei enterprises only. */
export const HUBEI_TRADE_NAMES = new Set(
  '楚韵 汉江 荆楚 江城 鄂联 华中 楚天 三峡 清江 神农 武当 隆中 东湖 汉水 云梦 江汉 楚源 荆江 漳河 丹江 菱湖 汉光 楚光 楚风 荆风 鄂韵 楚星'.split(
    ' ',
  ),
);
export const NATIONWIDE_TRADE_NAMES = TRADE_NAMES.filter(([name]) => !HUBEI_TRADE_NAMES.has(name));

export const COMPANY_FORMS: readonly (readonly [string, number])[] = [
  ['有限公司', 58],
  ['有限责任公司', 16],
  ['股份有限公司', 14],
  ['集团有限公司', 4],
  ['科技有限公司', 8],
];

const SURNAMES = (
  '王王王李李李张张张刘刘陈陈杨杨黄黄赵吴周徐孙马胡胡朱郭何罗高林郑梁谢宋唐许邓邓冯韩曹曾曾彭彭萧蔡潘田董袁于余余叶' +
  '蒋杜苏魏程程吕丁沈任姚卢傅钟姜崔谭廖范汪汪陆金石戴贾韦夏邱方侯邹熊熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万万钱严覃武'
).split('');
const GIVEN_NAMES = (
  '伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 霞 平 刚 桂英 华 玲 建华 文 斌 宇 浩 凯 鹏 婷 雪 琳 晨 欣 怡 佳 ' +
  '思远 志强 建国 海燕 红梅 晓东 立新 春华 国庆 丹 蕾 倩 璐 晶 博 帆 俊 毅 峰 波 辉 健 亮 成 荣 飞 子涵 梓萱 一鸣 家豪 ' +
  '慧敏 晓燕 春梅 小红 志刚 建军 卫东 海波 文杰 雨桐 欣怡 浩然 明轩 婉婷 丽华 德华 永红 金凤 玉兰 国平 新华 少华'
).split(' ');

export function personName(r: Random): string {
  return r.pick(SURNAMES) + r.pick(GIVEN_NAMES);
}

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '199',
];

/** A mobile number, or a landline with the city's area code. Personal data: never published. */
export function phoneNumber(r: Random, areaCode: string): string {
  if (r.chance(0.8)) return r.pick(MOBILE_PREFIXES) + r.digits(8);
  return `${areaCode}-${areaCode === '027' ? r.pick(['8', '5', '6']) + r.digits(7) : r.pick(['2', '3', '6', '8']) + r.digits(6)}`;
}

/** GB 11714 organisation-code check character over 8 characters. */
function organisationCheck(code8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = code8[i];
    const value = ch >= '0' && ch <= '9' ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += value * weights[i];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

const ORG_LETTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * A USCC (GB 32100-2015): registration authority + kind (`91` enterprise, `92` individual
 * business), the six-digit division, the nine-character organisation code (an old numeric one, or
 * an `MA…` one issued since 2015, with its GB 11714 check character) and the GB 32100 check
 * character (`usccCheckCharacter`).
 */
export function makeUscc(r: Random, division: string, kind: '91' | '92', taken: Set<string>): string {
  for (;;) {
    let code8: string;
    if (kind === '91' && r.chance(0.35)) {
      code8 = r.pick(['1', '6', '7', '7', '5', '3']) + r.digits(7);
    } else {
      code8 = 'MA';
      for (let i = 0; i < 6; i++) code8 += ORG_LETTERS[r.int(0, ORG_LETTERS.length - 1)];
    }
    const first17 = kind + division + code8 + organisationCheck(code8);
    const uscc = first17 + usccCheckCharacter(first17);
    if (!taken.has(uscc)) {
      taken.add(uscc);
      return uscc;
    }
  }
}

const NATIONWIDE_ROAD_WORDS = ROAD_WORDS.filter((w) => !HUBEI_ROAD_WORDS.has(w));

export function road(r: Random, inHubei = true): string {
  return r.pick(inHubei ? ROAD_WORDS : NATIONWIDE_ROAD_WORDS) + r.pick(ROAD_SUFFIXES);
}

export function houseNumber(r: Random): string {
  return r.chance(0.85) ? `${r.int(1, 299)}号` : `${r.int(1, 99)}号${r.int(1, 12)}栋`;
}

/** Registered address of a Hubei enterprise, and its 县区 as written (null for the directly administered cities). */
export function hubeiAddress(r: Random, place: HubeiPlace, county: County | undefined, industrial: boolean): string {
  const parts = ['湖北省', place.city.name];
  if (county) parts.push(county.name);
  else if (place.towns.length) parts.push(r.pick(place.towns));
  // the development zones lie in the city's districts, not in its counties
  if (industrial && (!county || county.district) && r.chance(0.35)) parts.push(r.pick(place.parks));
  parts.push(road(r), houseNumber(r));
  return parts.join('');
}

export function regionAddress(r: Random, region: Region, district: County, industrial: boolean): string {
  const parts = [region.province, region.city, district.name];
  if (industrial && r.chance(0.3)) parts.push(r.pick(['工业园', '经济开发区', '高新技术产业园', '科技园']));
  parts.push(road(r, false), houseNumber(r));
  return parts.join('');
}

/** 武汉 / 宜昌市 / 枝江 / 湖北: the place word at the head of a Hubei enterprise name. */
export function hubeiNamePlace(r: Random, place: HubeiPlace, county: County | undefined, large: boolean): string {
  if (large && r.chance(0.45)) return '湖北';
  const cityWord = place.city.shortName === '恩施州' ? r.pick(['恩施', '恩施州']) : place.city.shortName;
  if (county && !county.district && r.chance(0.45)) return r.chance(0.5) ? county.name : shortCounty(county.name);
  return r.chance(0.3) && place.city.kind !== 'forestry_district' && !cityWord.endsWith('州') ? `${cityWord}市` : cityWord;
}

/** 枝江市 → 枝江, 长阳土家族自治县 → 长阳 */
export function shortCounty(name: string): string {
  return name.replace(/(土家族自治县|自治县|县|市|区)$/, '') || name;
}

export function regionNamePlace(r: Random, region: Region, district: County): string {
  const x = r.next();
  if (district.name.endsWith('市') && x < 0.45) return district.name;
  if (!region.city || x < 0.7) return region.city ? region.city : region.province;
  return region.provinceShort;
}
