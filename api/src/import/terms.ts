/**
 * Matching an enumerated cell against a vocabulary as the bureau writes it (IMPORT-FORMATS
 * "Tolerant matching"): its label or English code, a synonym, the clause text of the article it
 * comes from, the article reference (`第二十七条第（四）项第5目`, `第27条第4项第5目`, `情形5`), or
 * the reference followed by the clause text. The forms live beside the vocabularies
 * (db/src/vocabulary.ts `…Forms`); this file only compares.
 *
 * Comparison key: NFKC (full/half width), no white space, no punctuation or symbols, lower case,
 * without a trailing 的 — so `整改复查合格前，继续生产、销售不合格产品同一规格型号产品的` and
 * `整改复查合格前继续生产销售不合格产品同一规格型号产品` are the same words (a 的 closing a clause
 * inside the text goes too: `异议不成立的，维持原检验结论` = `异议不成立，维持原检验结论`). The stored value is
 * never this key: the code is stored, and where a record keeps the text, it keeps it as written.
 */
import type { TermForms } from '@hub/db';
import { parseSmallNumber } from './text.ts';

export interface Vocabulary<C extends string> {
  codes: readonly C[];
  labels: Readonly<Record<C, string>>;
  /** described vocabularies: entries may carry a `longLabel` (accepted too) */
  entries?: Readonly<Record<C, { label: string; longLabel?: string }>>;
}

export type TermMatch<C extends string> =
  /** one code; `how` says whether a warning is due (`pattern`: by key words only) */
  | { code: C; how: 'label' | 'synonym' | 'clause' | 'reference' | 'pattern' }
  /** the value fits several codes (a clause or reference naming three grounds, two patterns) */
  | { ambiguous: C[] }
  /** the reference names one code, the words another */
  | { contradiction: { reference: C; words: C } }
  /** the reference names an article or item this vocabulary has no value for */
  | { wrongReference: string };

/** The comparison key of a term: width, space, punctuation and a trailing 的 folded away. */
export function termKey(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      // the 的 that closes a clause inside the text too: `异议不成立的，维持原检验结论` = `异议不成立，维持原检验结论`
      .replace(/的(?=[\s\p{P}\p{S}])/gu, '')
      .replace(/[\s\p{P}\p{S}\u200B\u2060\uFEFF]+/gu, '')
      .replace(/的$/, '')
  );
}

interface Table<C extends string> {
  exact: Map<string, { codes: Set<C>; how: 'label' | 'synonym' | 'clause' }>;
  clauses: Array<{ key: string; code: C }>;
  frames: readonly RegExp[];
}

const tables = new WeakMap<object, Table<string>>();

function tableOf<C extends string>(vocabulary: Vocabulary<C>, forms: TermForms<C> | undefined): Table<C> {
  const cacheKey = forms ?? vocabulary;
  const cached = tables.get(cacheKey) as Table<C> | undefined;
  if (cached) return cached;
  const exact: Table<C>['exact'] = new Map();
  const add = (text: string, code: C, how: 'label' | 'synonym' | 'clause') => {
    const key = termKey(text);
    if (!key) return;
    const entry = exact.get(key);
    if (!entry) exact.set(key, { codes: new Set([code]), how });
    else entry.codes.add(code);
  };
  for (const code of vocabulary.codes) {
    add(code, code, 'label');
    add(vocabulary.labels[code], code, 'label');
    const long = vocabulary.entries?.[code]?.longLabel;
    if (long) add(long, code, 'label');
  }
  for (const [synonym, code] of Object.entries(forms?.synonyms ?? {})) add(synonym, code as C, 'synonym');
  const clauses: Table<C>['clauses'] = [];
  for (const [code, texts] of Object.entries(forms?.clauses ?? {}) as Array<[C, readonly string[]]>) {
    for (const text of texts) {
      add(text, code, 'clause');
      clauses.push({ key: termKey(text), code });
    }
  }
  const table = { exact, clauses, frames: forms?.frames ?? [] };
  tables.set(cacheKey, table as Table<string>);
  return table;
}

/** The words alone: exact label, synonym or clause text, or one of them inside a frame (`对抽样过程提出异议`). */
function matchExact<C extends string>(key: string, table: Table<C>): TermMatch<C> | undefined {
  if (!key) return undefined;
  const exact = table.exact.get(key);
  if (exact) return exact.codes.size === 1 ? { code: [...exact.codes][0], how: exact.how } : { ambiguous: [...exact.codes] };
  for (const frame of table.frames) {
    const inner = frame.exec(key)?.[1];
    const framed = inner && inner !== key ? table.exact.get(inner) : undefined;
    if (framed) return framed.codes.size === 1 ? { code: [...framed.codes][0], how: 'synonym' } : { ambiguous: [...framed.codes] };
  }
  return undefined;
}

/** `属于"连续两次产品质量监督抽查不合格的"情形`: the article's words quoted inside a longer sentence. */
function matchInside<C extends string>(key: string, table: Table<C>): TermMatch<C> | undefined {
  const inside = new Set(table.clauses.filter((c) => c.key.length >= 6 && key.includes(c.key)).map((c) => c.code));
  if (inside.size === 1) return { code: [...inside][0], how: 'clause' };
  if (inside.size > 1) return { ambiguous: [...inside] };
  return undefined;
}

function matchWords<C extends string>(text: string, table: Table<C>): TermMatch<C> | undefined {
  const key = termKey(text);
  return matchExact(key, table) ?? (key ? matchInside(key, table) : undefined);
}

export interface ArticleReference {
  article?: number;
  item?: number;
  sub?: number;
  /** a bare number, `(二)` or `情形5`: the vocabulary's ordinal */
  ordinal?: number;
  /** what follows the reference (often the clause text) */
  rest: string;
}

const NUM = '[0-9一二三四五六七八九十两〇零]{1,4}';
const PARTS: Array<[RegExp, 'article' | 'item' | 'sub' | 'ordinal']> = [
  // `第二十七条`, and `27条4项5目` / `十六条二项` as short registers write them (a number right after 条)
  [new RegExp(`^第(${NUM})条|^(${NUM})条(?=第|\\(|[0-9一二三四五六七八九十]|$)`), 'article'],
  [new RegExp(`^第?\\((${NUM})\\)(?:项|款)?`), 'item'],
  [new RegExp(`^第?(${NUM})(?:项|款)`), 'item'],
  [new RegExp(`^第?(${NUM})目`), 'sub'],
  [new RegExp(`^(?:情形|第)(${NUM})(?:种|项|个)?(?:情形)?`), 'ordinal'],
  [new RegExp(`^第(${NUM})种情形`), 'ordinal'],
];

/**
 * `第二十七条第（四）项第5目`, `第27条第4项第5目`, `第（四）项第5目`, `情形5`, `(二)`, `2`,
 * `《…办法》第十六条第二项：…` → the article, item, sub-item or ordinal, and the rest of the text.
 * Undefined when the text does not start with a reference.
 */
export function parseArticleReference(text: string): ArticleReference | undefined {
  let t = text.normalize('NFKC').replace(/[\s\u200B\u2060\uFEFF]+/g, '');
  // `依据《处理办法》第二十七条…`, `根据第十六条第（五）项`
  t = t.replace(/^(?:依据|根据|按照|依照|适用|属于)/, '');
  t = t.replace(/^《[^》]*》/, '').replace(/^"?湖北精品"?[^第]*?办法/, '');
  // `27(4)5`, `Art.27(4)5`, `art. 16(2)`
  const compact = /^(?:art\.?)?(\d{1,2})\((\d{1,2})\)(\d{1,2})?(?![\d])/i.exec(t);
  if (compact) {
    return {
      article: Number(compact[1]),
      item: Number(compact[2]),
      sub: compact[3] ? Number(compact[3]) : undefined,
      rest: t.slice(compact[0].length),
    };
  }
  const ref: ArticleReference = { rest: t };
  let found = false;
  let progress = true;
  while (progress) {
    progress = false;
    for (const [pattern, part] of PARTS) {
      const m = pattern.exec(ref.rest);
      if (!m) continue;
      // `二项` without 第 only after an article (`十六条二项`), never at the start (`三项指标不合格`)
      if (part === 'item' && ref.article === undefined && !/^第|^\(/.test(m[0])) continue;
      const n = parseSmallNumber(m[1] ?? m[2]);
      if (n === undefined || ref[part] !== undefined) continue;
      // after an item, a bare `5` or `第5` is its sub-item (`第（四）项第5目`, `（四）5`)
      ref[part === 'ordinal' && ref.item !== undefined ? 'sub' : part] = n;
      ref.rest = ref.rest.slice(m[0].length);
      found = progress = true;
      break;
    }
    if (found && ref.item !== undefined && ref.sub === undefined) {
      const bare = new RegExp(`^(?:第)?(${NUM})(?:[.、．]|目|$)`).exec(ref.rest);
      if (bare && parseSmallNumber(bare[1]) !== undefined) {
        ref.sub = parseSmallNumber(bare[1]);
        ref.rest = ref.rest.slice(bare[0].length);
        progress = true;
      }
    }
  }
  if (!found) {
    // a bare number, or a list number before the words: `5`, `5.连续两次…`, `五、…`
    const bare = new RegExp(`^(${NUM})(?:[.、．:：]|$)`).exec(t);
    if (!bare) return undefined;
    const n = parseSmallNumber(bare[1]);
    if (n === undefined) return undefined;
    return { ordinal: n, rest: t.slice(bare[0].length) };
  }
  ref.rest = ref.rest.replace(/^(?:规定的?|所列的?|所述的?)?(?:情形)?[:：,，、.。\-—]*/, '');
  return ref;
}

function resolveReference<C extends string>(ref: ArticleReference, forms: TermForms<C>): TermMatch<C> | undefined {
  const references = forms.references;
  if (!references) return undefined;
  if (ref.article !== undefined && ref.article !== references.number) {
    return { wrongReference: `第${ref.article}条 (the values of this column are in ${references.article})` };
  }
  let { item, sub } = ref;
  if (ref.ordinal !== undefined) {
    if (references.ordinal === 'item') item ??= ref.ordinal;
    else sub ??= ref.ordinal;
  }
  if (item === undefined && sub !== undefined) item = references.item;
  if (item === undefined) return undefined;
  const candidates = (Object.entries(references.places) as Array<[C, { item: number; sub?: number }]>).filter(
    ([, place]) => place.item === item && (sub === undefined || place.sub === sub),
  );
  if (!candidates.length) {
    return { wrongReference: `第（${item}）项${sub !== undefined ? `第${sub}目` : ''} (${references.article} has no such item)` };
  }
  if (candidates.length > 1) return { ambiguous: candidates.map(([code]) => code) };
  return { code: candidates[0][0], how: 'reference' };
}

/** The code a cell names, or why it names none; undefined when nothing fits. */
export function matchTerm<C extends string>(text: string, vocabulary: Vocabulary<C>, forms?: TermForms<C>): TermMatch<C> | undefined {
  const table = tableOf(vocabulary, forms);
  const key = termKey(text);
  const exact = matchExact(key, table);
  if (exact && 'code' in exact) return exact;
  const ref = forms?.references ? parseArticleReference(text) : undefined;
  if (ref) {
    const byReference = resolveReference(ref, forms!);
    const rest = ref.rest ? matchWords(ref.rest, table) : undefined;
    if (byReference && 'code' in byReference) {
      if (rest && 'code' in rest && rest.code !== byReference.code)
        return { contradiction: { reference: byReference.code, words: rest.code } };
      return byReference;
    }
    // `第（二）项 检验方法`: an ambiguous reference settled by its words
    if (byReference && 'ambiguous' in byReference && rest && 'code' in rest) {
      return byReference.ambiguous.includes(rest.code)
        ? rest
        : { contradiction: { reference: byReference.ambiguous[0], words: rest.code } };
    }
    if (byReference) return byReference;
    if (rest) return rest;
  }
  const words = exact ?? (key ? matchInside(key, table) : undefined);
  if (words) return words;
  const byPattern = new Set((forms?.patterns ?? []).filter(([pattern]) => pattern.test(key)).map(([, code]) => code));
  if (byPattern.size === 1) return { code: [...byPattern][0], how: 'pattern' };
  if (byPattern.size > 1) return { ambiguous: [...byPattern] };
  return undefined;
}
