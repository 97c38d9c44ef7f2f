/**
 * Values with a meaning of their own, shared by several record types: 届次, 执行标准, 所属行业类别,
 * contact person and phone, and the enterprise a row names.
 */
import { CertifiedItem, cityOfDivision, Industry, maxLength, maxLengths, type CityRow, type StandardLevel } from '@hub/db';
import { FIRST_ROUND_YEAR, roundOfYear } from '../rules/rounds.ts';
import type { EnterpriseRef, ImportContext } from './record-type.ts';
import { COUNTY_MAX, parsePlace, type RowReader } from './row-reader.ts';
import { foldWidth, parseSmallNumber } from './text.ts';

/** 届次: `2023`, `第一届`, `首届`, `第二届`, `第2届`, `2` → the round number (1 = 2023). */
export function parseRound(text: string): number | undefined {
  const t = foldWidth(text)
    .replace(/\s+/g, '')
    .replace(/年度?$/, '');
  if (/^首届?$/.test(t)) return 1;
  if (/^\d{4}$/.test(t)) {
    const round = roundOfYear(Number(t));
    return round >= 1 ? round : undefined;
  }
  const m = /^第?([0-9一二三四五六七八九十两]+)届?(?:湖北精品)?$/.exec(t);
  if (!m) return undefined;
  const n = parseSmallNumber(m[1]);
  return n !== undefined && n >= 1 && n <= 50 ? n : undefined;
}

export function readRound(row: RowReader, key: string): number | null {
  const t = row.text(key);
  if (t === null) return null;
  const round = parseRound(t);
  if (round === undefined) {
    row.report(
      key,
      `无法识别的届次（写作 2023、第一届、首届、第二届…；第一届为 ${FIRST_ROUND_YEAR} 年）`,
      `unrecognised round (write 2023, 第一届, 首届, 第二届 …; round 1 is ${FIRST_ROUND_YEAR})`,
    );
    return null;
  }
  return round;
}

/** 年度: `2024`, `2024年`, `2024年度`. */
export function readYear(row: RowReader, key: string): number | null {
  const t = row.text(key);
  if (t === null) return null;
  const m = /^(\d{4})(?:年度?)?$/.exec(foldWidth(t).replace(/\s+/g, ''));
  const year = m ? Number(m[1]) : NaN;
  if (!(year >= 2000 && year <= 2100)) {
    row.report(key, '年度应为四位年份（如 2024）', 'the year must be four digits (e.g. 2024)');
    return null;
  }
  return year;
}

/** The standard's number and name as the registries hold them (db/src/entities/registry.ts). */
const STANDARD_MAX = maxLengths(CertifiedItem, ['standardNo', 'standardName']);
/** A new industry class's name (db/src/entities/reference.ts). */
const INDUSTRY_NAME_MAX = maxLength(Industry, 'name');

export interface Standard {
  no: string;
  name: string | null;
  level: StandardLevel | null;
}

const STANDARD_NO =
  /(GB\/[TZ]|GB|DB\s?\d{2}(?:\/T)?|T\/[A-Z0-9]{2,12}|Q\/[A-Z0-9-]{1,20}|[A-Z]{2,3}\/[TZ]|[A-Z]{2,3})\s*([0-9][0-9A-Z.]*(?:\s*[-—–]\s*(?:19|20)\d{2})?)/;

/**
 * `T/HBAS 012-2023 某某产品`, `GB/T 19001-2016`, `《白酒》GB/T 10781.1-2021` → number, name and
 * level (GB national, DB local, T/ group, Q/ enterprise, other prefixes industry).
 */
export function parseStandard(text: string): Standard | undefined {
  const original = text.trim();
  // foldWidth maps character for character: positions found in the folded text hold in the original
  const m = STANDARD_NO.exec(foldWidth(original).toUpperCase());
  if (!m) return undefined;
  const prefix = m[1].replace(/\s+/g, '');
  const number = m[2].replace(/\s*[-—–]\s*/, '-').replace(/\s+/g, '');
  const no = `${prefix} ${number}`;
  return { no, name: standardName(original.slice(0, m.index), original.slice(m.index + m[0].length)), level: standardLevel(prefix) };
}

/**
 * The standard's name as written around its number: quotation marks (`“湖北精品”评价规范`),
 * parentheses (`（试行）`) and inner spacing stay. Only what separates it from the number goes:
 * the spaces and separators at its edges, and a pair of 《》 or brackets enclosing the whole name.
 */
function standardName(before: string, after: string): string | null {
  const edge = /^[\s,，、;；:：\-—]+|[\s,，、;；:：\-—]+$/g;
  const parts = [before, after].map((p) => p.replace(edge, '')).filter(Boolean);
  let name = parts.join(' ');
  for (const [open, close] of [
    ['《', '》'],
    ['(', ')'],
    ['（', '）'],
    ['[', ']'],
    ['【', '】'],
  ]) {
    if (parts.length === 1 && name.startsWith(open) && name.endsWith(close) && !name.slice(1, -1).includes(open)) {
      name = name.slice(1, -1).replace(edge, '');
    }
  }
  return name || null;
}

export function standardLevel(prefix: string): StandardLevel {
  if (prefix.startsWith('GB')) return 'national';
  if (prefix.startsWith('DB')) return 'local';
  if (prefix.startsWith('T/')) return 'group';
  if (prefix.startsWith('Q/')) return 'enterprise';
  return 'industry';
}

/** 执行标准 → number, name and level; `required`: a number must be there (标准先进性评价). */
export function readStandard(row: RowReader, key: string, options: { required?: boolean } = {}): Standard | null {
  const t = row.text(key, { required: options.required });
  if (t === null) return null;
  const standard = parseStandard(t);
  if (!standard) {
    if (!options.required && t.length <= STANDARD_MAX.standardName) return { no: '', name: t, level: null };
    row.report(key, '应以标准编号开头，如 T/HBAS 012-2023 某某产品', 'must give the standard number, e.g. T/HBAS 012-2023 某某产品');
    return null;
  }
  if (standard.no.length > STANDARD_MAX.standardNo || (standard.name?.length ?? 0) > STANDARD_MAX.standardName) {
    row.report(
      key,
      `标准编号（最多 ${STANDARD_MAX.standardNo} 字）或名称（最多 ${STANDARD_MAX.standardName} 字）过长`,
      `standard number (${STANDARD_MAX.standardNo}) or name (${STANDARD_MAX.standardName} characters) too long`,
    );
    return null;
  }
  return standard;
}

/**
 * 所属行业类别 (GB/T 4754-2017): `1512 白酒制造`, `1512`, `白酒制造`, `C1512`. A class the hub does not
 * know yet is accepted with its name (it is added on publish); a bare unknown code is an error.
 */
export function readIndustry(row: RowReader, key: string, context: ImportContext): { code: string; name: string } | null {
  const t = row.text(key);
  if (t === null) return null;
  const m = /^[A-Z]?\s*(\d{4})\s*[-—–:：、.．]?\s*(.*)$/.exec(foldWidth(t).trim());
  if (m) {
    const [code, name] = [m[1], m[2].trim()];
    const known = context.industries.get(code);
    if (known) {
      // the code decides (the table's name is the class's); a different name written beside it is worth a look
      if (name && termKeyOfName(name) !== termKeyOfName(known))
        row.warn(
          key,
          `行业代码 ${code} 在 GB/T 4754 中为"${known}"，与所写名称"${name}"不一致：按代码导入，请核对`,
          `industry class ${code} is "${known}" in GB/T 4754, not "${name}" as written: imported by its code, please check`,
        );
      return { code, name: known };
    }
    if (name && name.length <= INDUSTRY_NAME_MAX) return { code, name };
    row.report(
      key,
      `行业代码 ${code} 未登记，请同时写出类别名称（如 1512 白酒制造）`,
      `industry class ${code} is unknown: give its name too (e.g. 1512 白酒制造)`,
    );
    return null;
  }
  for (const [code, name] of context.industries) if (name === t) return { code, name };
  row.report(key, '应为 4 位行业代码加名称，如 1512 白酒制造', 'expected a 4-digit GB/T 4754 class and its name, e.g. 1512 白酒制造');
  return null;
}

/** An industry name compared without space, punctuation or width differences (`白酒 制造` = `白酒制造`). */
function termKeyOfName(name: string): string {
  return name.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '');
}

const PHONE = /(?:\+?86[-\s]?)?1[3-9]\d{9}|0\d{2,3}[-\s]?\d{7,8}(?:[-转]\d{1,6})?|\d{7,8}/;

/** `张三 13800000000`, `张三/027-87654321`, `张三，13800000000` → name and phone. */
export function splitContact(text: string): { name: string | null; phone: string | null } {
  const t = foldWidth(text).trim();
  const m = PHONE.exec(t);
  const phone = m ? m[0].trim() : null;
  const rest = (m ? t.slice(0, m.index) + ' ' + t.slice(m.index + m[0].length) : t)
    .replace(/(联系人|联系电话|联系方式|电话|手机)[:：]?/g, ' ')
    .replace(/[\s,，、;；/／:：()（）]+/g, ' ')
    .trim();
  return { name: rest || null, phone };
}

/**
 * The enterprise a row names. Its city: the given 属地, else the USCC's division (Hubei codes),
 * else the address.
 */
export function enterpriseRef(input: {
  uscc: string | null;
  name: string;
  address?: string | null;
  city?: CityRow | null;
  county?: string | null;
  create: boolean;
}): EnterpriseRef {
  const division = input.uscc ? input.uscc.slice(2, 8) : null;
  const fromAddress = input.address ? parsePlace(input.address) : undefined;
  const city =
    input.city ??
    (division?.startsWith('42') ? cityOfDivision(division) : undefined) ??
    (!division || division.startsWith('42') ? fromAddress?.city : undefined) ??
    null;
  return {
    ref: input.uscc ? `U:${input.uscc}` : `N:${input.name}`,
    uscc: input.uscc,
    name: input.name,
    address: input.address ?? null,
    cityCode: city?.code ?? null,
    county: input.county ?? (city && fromAddress?.city === city ? (fromAddress.county?.slice(0, COUNTY_MAX) ?? null) : null),
    provinceCode: division ? division.slice(0, 2) : city ? '42' : null,
    create: input.create,
  };
}

/**
 * The same USCC must carry the same enterprise name throughout a registry file: a second name is
 * most likely a typo in one of the rows.
 */
export function checkSameName(row: RowReader, context: ImportContext, uscc: string, name: string, nameKey: string): void {
  const key = `enterprise-name:${uscc}`;
  const first = context.scratch.get(key) as { name: string; row: number; sheet?: string } | undefined;
  if (!first) {
    context.scratch.set(key, { name, row: row.row, sheet: row.raw.sheet });
  } else if (first.name !== name) {
    row.report(
      nameKey,
      `同一统一社会信用代码 ${uscc} 在第${first.row}行的名称为"${first.name}"`,
      `the same USCC ${uscc} is named "${first.name}" in row ${first.row}`,
    );
  }
}
