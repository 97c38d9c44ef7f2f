/**
 * Text normalisation for the bureau's files (docs/sources/IMPORT-FORMATS.md "Tolerant matching"):
 * headers are compared after folding widths, spaces and required-column markers; values are
 * trimmed and their full-width digits and letters made half-width.
 */

/** Full-width ASCII (U+FF01–U+FF5E) to half-width, and the ideographic space to a space. */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/** Full-width digits and letters only (values keep their Chinese punctuation as written). */
export function foldAlnum(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

// every kind of white space a spreadsheet cell carries: NBSP, ideographic space, zero-width ones
const EDGE_SPACE = /^[\s\u00A0\u200B\u2060\uFEFF]+|[\s\u00A0\u200B\u2060\uFEFF]+$/g;
const ALL_SPACE = /[\s\u00A0\u200B\u2060\uFEFF]+/g;

/**
 * A header as compared: NFKC (full/half width: `（）` → `()`, `／` → `/`), no spaces or line
 * breaks, no `*` / `※` marking a required column, no trailing `：`.
 */
export function headerKey(header: string): string {
  let key = headerKeys.get(header);
  if (key === undefined) {
    key = computeHeaderKey(header);
    // the same few headers and enumeration values repeat on every row
    if (headerKeys.size > 20_000) headerKeys.clear();
    headerKeys.set(header, key);
  }
  return key;
}

const headerKeys = new Map<string, string>();

function computeHeaderKey(header: string): string {
  return header
    .normalize('NFKC')
    .replace(ALL_SPACE, '')
    .replace(/^[*※]+|[*※]+$/g, '')
    .replace(/[:：]+$/, '')
    .toLowerCase();
}

/** `产品名称(必填)` → `产品名称`: a trailing parenthesised remark, tried when the whole header is unknown. */
export function withoutRemark(key: string): string | undefined {
  const m = /^(.+?)\([^()]*\)$/.exec(key);
  return m ? m[1] : undefined;
}

/** A value as stored: no NUL (PostgreSQL text cannot hold it), trimmed, digits and letters half-width. */
export function cleanText(value: string): string {
  // most cells need nothing: one test instead of four replacements
  if (!NEEDS_CLEANING.test(value)) return value;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: PostgreSQL text cannot hold NUL
  return foldAlnum(value.replace(/\u0000/g, '').replace(LONE_SURROGATE, '\uFFFD')).replace(EDGE_SPACE, '');
}

const NEEDS_CLEANING =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what it looks for
  /[\u0000\uD800-\uDFFF\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u3000]|^[\s\u00A0\u200B\u2060\uFEFF]|[\s\u00A0\u200B\u2060\uFEFF]$/;

// jsonb refuses half a surrogate pair; a broken cell keeps a visible replacement character instead
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Codes (USCC, report and certificate numbers): every full-width ASCII folded, no inner spaces. */
export function cleanCode(value: string): string {
  return foldWidth(cleanText(value)).replace(ALL_SPACE, '');
}

/** `/`, `／`, `—`, `-`, `无` … : "nothing" in an optional column. */
export function isEmptyMarker(value: string): boolean {
  return /^(?:[/／\\、]|[-－—–―─]{1,2}|无|暂无|空|null|n\/a|na)$/i.test(value);
}

/**
 * Splits a list cell (`；` `;` `、` and line breaks; `,` too when asked) — separators inside
 * parentheses do not split, so `菌落总数(标准值: n=5、c=2, 实测值: …)` stays one item.
 */
export function splitList(value: string, options: { comma?: boolean } = {}): string[] {
  const separators = options.comma ? /[；;、\n\r,，]/ : /[；;、\n\r]/;
  // `1、整车质量；2、车速限值` / `1.整车质量 2.车速限值`: the numbering separates, it is no item
  const numbering = /^[(（]?\d{1,2}\s*[、.．)）](?![\d.])/;
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (depth === 0 && (i === 0 || /\s|[；;]/.test(value[i - 1]))) {
      const m = numbering.exec(value.slice(i, i + 6));
      if (m) {
        parts.push(current);
        current = '';
        i += m[0].length - 1;
        continue;
      }
    }
    if (ch === '(' || ch === '（' || ch === '[' || ch === '【') depth++;
    else if ((ch === ')' || ch === '）' || ch === ']' || ch === '】') && depth > 0) depth--;
    if (depth === 0 && separators.test(ch)) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map(cleanText).filter((p) => p && !isEmptyMarker(p));
}

/** Chinese numerals up to 99 (`一` … `九十九`, `两`) and Arabic digits. */
export function parseSmallNumber(text: string): number | undefined {
  const t = foldWidth(text).trim();
  if (/^\d+$/.test(t)) return Number(t);
  const digit: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(t);
  if (!m || t === '') return undefined;
  if (!m[2]) return m[1] && !m[3] ? digit[m[1]] : undefined;
  return (m[1] ? digit[m[1]] : 1) * 10 + (m[3] ? digit[m[3]] : 0);
}

/** Excel-style column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** JSON with object keys sorted: equal records give equal strings. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}
