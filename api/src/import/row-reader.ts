/**
 * Reading one row's cells into typed values: every problem is recorded with the row, the column
 * as headed in the file and the value, and reading goes on so that a row reports all its errors.
 */
import {
  Enterprise,
  findCity,
  maxLength,
  usccCheckCharacter,
  usccDivision,
  usccProblem,
  type CityRow,
  type PlainDate,
  type TermForms,
} from '@hub/db';
import { parseDate } from './date-input.ts';
import type { Issue } from './issues.ts';
import { matchTerm, type Vocabulary } from './terms.ts';
import { cleanCode, cleanText, headerKey, isEmptyMarker } from './text.ts';

/** The most characters of a county (县区) in a place, as the enterprise table holds it (db/src/entities/enterprise.ts). */
export const COUNTY_MAX = maxLength(Enterprise, 'county');

/** A cell as the readers deliver it. */
export type Cell = string | number | Date | null;

/** One column the hub understands: its English key (JSON, code), Chinese header and variants. */
export interface ColumnSpec {
  /** English key: the JSON field name and the record's field */
  key: string;
  /** the header as docs/sources/IMPORT-FORMATS.md writes it */
  header: string;
  /** other headers seen in the wild for the same column */
  aliases?: readonly string[];
  /** the column must be present and filled in every row */
  required?: boolean;
  /** what the column holds, for the README and the template */
  note?: string;
}

/** One data row of a file, its cells keyed by column key, ready for a record type to read. */
export interface RawRecord {
  sheet?: string;
  row: number;
  /** cells of mapped columns, by column key */
  values: Map<string, Cell>;
  /** the header as written in the file, by column key (for messages) */
  headers: Map<string, string>;
  /** unmapped columns with a value in this row: header → value */
  extra: Record<string, string>;
}

export class RowReader {
  /** errors: the row is not imported */
  readonly issues: Issue[] = [];
  /** warnings: the row is imported, the bureau should look at it */
  readonly warnings: Issue[] = [];

  constructor(
    readonly raw: RawRecord,
    private readonly columns: Map<string, ColumnSpec>,
  ) {}

  get row(): number {
    return this.raw.row;
  }

  /** the row has errors (warnings do not count) */
  get failed(): boolean {
    return this.issues.length > 0;
  }

  header(key: string): string {
    return this.raw.headers.get(key) ?? this.columns.get(key)?.header ?? key;
  }

  /** The cell as a display string (dates as YYYY-MM-DD). */
  display(key: string): string {
    const v = this.raw.values.get(key);
    if (v === null || v === undefined) return '';
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
    return String(v);
  }

  /** Something worth the bureau's eye that does not make the record wrong: imported, listed with the warnings. */
  warn(key: string | undefined, zh: string, en: string, value?: string): void {
    this.warnings.push({
      level: 'warning',
      sheet: this.raw.sheet,
      row: this.raw.row,
      column: key ? this.header(key) : undefined,
      value: value ?? (key ? this.display(key) || undefined : undefined),
      zh,
      en,
    });
  }

  report(key: string | undefined, zh: string, en: string, value?: string): void {
    this.issues.push({
      sheet: this.raw.sheet,
      row: this.raw.row,
      column: key ? this.header(key) : undefined,
      value: value ?? (key ? this.display(key) || undefined : undefined),
      zh,
      en,
    });
  }

  private isRequired(key: string, required?: boolean): boolean {
    return required ?? this.columns.get(key)?.required ?? false;
  }

  private missing(key: string): void {
    const v = this.raw.values.has(key) ? this.display(key) : undefined;
    this.report(key, '必填项为空', 'required value missing', v ? v : undefined);
  }

  /** The cell as cleaned text; null when empty (or `/`, `—`, `无` …). */
  text(key: string, options: { required?: boolean; max?: number; keepMarkers?: boolean } = {}): string | null {
    const value = this.cellText(key);
    if (value === '' || (!options.keepMarkers && isEmptyMarker(value))) {
      if (this.isRequired(key, options.required)) this.missing(key);
      return null;
    }
    if (options.max !== undefined && value.length > options.max) {
      this.report(
        key,
        `内容过长（最多 ${options.max} 字，实为 ${value.length} 字）`,
        `too long (at most ${options.max} characters, has ${value.length})`,
      );
      return null;
    }
    return value;
  }

  /** Report numbers, certificate numbers: no inner spaces, full width folded. */
  code(key: string, options: { required?: boolean; max?: number } = {}): string | null {
    const value = this.text(key, options);
    return value === null ? null : cleanCode(value);
  }

  private cellText(key: string): string {
    const v = this.raw.values.get(key);
    if (v === null || v === undefined) return '';
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
    if (typeof v === 'number') return numberText(v);
    return cleanText(v);
  }

  date(key: string, options: { required?: boolean } = {}): PlainDate | null {
    const v = this.raw.values.get(key);
    if (v === null || v === undefined || (typeof v === 'string' && (cleanText(v) === '' || isEmptyMarker(cleanText(v))))) {
      if (this.isRequired(key, options.required)) this.missing(key);
      return null;
    }
    const parsed = parseDate(typeof v === 'string' ? cleanText(v) : v);
    if ('problem' in parsed) {
      this.report(key, parsed.problem.zh, parsed.problem.en);
      return null;
    }
    return parsed.date;
  }

  integer(key: string, options: { required?: boolean; min?: number; max?: number } = {}): number | null {
    const t = this.text(key, options);
    if (t === null) return null;
    const n = Number(t.replace(/[,，]/g, ''));
    if (!Number.isInteger(n) || (options.min !== undefined && n < options.min) || (options.max !== undefined && n > options.max)) {
      const range = options.min !== undefined && options.max !== undefined ? `${options.min}–${options.max}` : '';
      this.report(key, `应为整数${range ? `（${range}）` : ''}`, `must be a whole number${range ? ` (${range})` : ''}`);
      return null;
    }
    return n;
  }

  /**
   * A value of a closed vocabulary: its Chinese label, its English code, a synonym, the clause
   * text or the article reference of `forms` (db/src/vocabulary.ts), or a listed variant
   * (`aliases`, compared as headers are). Ambiguous and contradicting values are errors; a value
   * recognised by its key words only is taken with a warning.
   */
  choice<C extends string>(
    key: string,
    vocabulary: Vocabulary<C>,
    options: { required?: boolean; aliases?: Record<string, C>; forms?: TermForms<C> } = {},
  ): C | null {
    const t = this.text(key, options);
    if (t === null) return null;
    const aliased = options.aliases ? matchChoice(t, vocabulary, options.aliases) : undefined;
    if (aliased !== undefined) return aliased;
    const match = matchTerm(t, vocabulary, options.forms);
    const label = (c: C) => vocabulary.labels[c];
    if (match && 'code' in match) {
      if (match.how === 'pattern') {
        this.warn(
          key,
          `按关键词识别为"${label(match.code)}"，请核对`,
          `read as "${label(match.code)}" (${match.code}) from its key words only: please check`,
        );
      }
      return match.code;
    }
    if (match && 'ambiguous' in match) {
      this.report(
        key,
        `有歧义：可指 ${match.ambiguous.map(label).join('、')}，请写明其一`,
        `ambiguous: could be ${match.ambiguous.join(', ')}; write one of them`,
      );
      return null;
    }
    if (match && 'contradiction' in match) {
      const { reference, words } = match.contradiction;
      this.report(
        key,
        `条款序号指"${label(reference)}"，文字却是"${label(words)}"，两者矛盾`,
        `the article reference names ${reference} but the words name ${words}`,
      );
      return null;
    }
    const allowed = vocabulary.codes.map(label).join(' / ');
    const reference = options.forms?.references
      ? `，或条款原文、条款序号（${options.forms.references.article.replace(/^(\d+) Art\. /, '$1 第')}条）`
      : '';
    if (match && 'wrongReference' in match) {
      this.report(key, `条款序号不对：${match.wrongReference}`, `wrong article reference: ${match.wrongReference}`);
      return null;
    }
    this.report(key, `不是可选值之一（可选：${allowed}${reference}）`, `not one of the allowed values (${vocabulary.codes.join(', ')})`);
    return null;
  }

  /**
   * 统一社会信用代码 (GB 32100-2015), explained when wrong. `hubei`: the enterprise must be
   * registered in Hubei (division 42xxxx, a known city) — certified enterprises are.
   */
  uscc(key: string, options: { required?: boolean; hubei?: boolean } = {}): string | null {
    const t = this.text(key, options);
    if (t === null) return null;
    const code = cleanCode(t).toUpperCase();
    const problem = explainUscc(code);
    if (problem) {
      this.report(key, problem.zh, problem.en);
      return null;
    }
    if (options.hubei && !usccDivision(code).startsWith('42')) {
      this.report(
        key,
        `不是湖北省登记的经营主体（行政区划码 ${usccDivision(code)}）`,
        `not registered in Hubei (division code ${usccDivision(code)}, expected 42xxxx)`,
      );
      return null;
    }
    return code;
  }

  /** 属地: a Hubei city (市州), optionally with its county (`武汉市/江夏区`, `恩施州利川市`). */
  city(key: string, options: { required?: boolean } = {}): { city: CityRow; county: string | null } | null {
    const t = this.text(key, options);
    if (t === null) return null;
    const place = parsePlace(t);
    if (!place) {
      this.report(
        key,
        '不是湖北省的市州（如 武汉市、恩施州、神农架林区）',
        'not a city or prefecture of Hubei (e.g. 武汉市, 恩施州, 神农架林区)',
      );
      return null;
    }
    if (place.county && place.county.length > COUNTY_MAX) {
      this.report(key, `县区名称过长（最多 ${COUNTY_MAX} 字）`, `county name too long (at most ${COUNTY_MAX} characters)`);
      return null;
    }
    return place;
  }
}

export function numberText(v: number): string {
  if (Number.isInteger(v)) return Number.isSafeInteger(v) ? String(v) : BigInt(Math.round(v)).toString();
  return String(Number(v.toPrecision(15)));
}

const NO_ALIASES = {};
const choiceTables = new WeakMap<object, WeakMap<object, Map<string, string>>>();

/** A closed vocabulary's value by its label, code or alias (compared as headers are). */
export function matchChoice<C extends string>(
  text: string,
  vocabulary: Vocabulary<C>,
  aliases: Record<string, C> = NO_ALIASES,
): C | undefined {
  let byAliases = choiceTables.get(vocabulary);
  if (!byAliases) choiceTables.set(vocabulary, (byAliases = new WeakMap()));
  let table = byAliases.get(aliases);
  if (!table) {
    table = new Map();
    for (const [alias, code] of Object.entries(aliases)) table.set(headerKey(alias), code);
    for (const code of vocabulary.codes) {
      table.set(code.toLowerCase(), code);
      table.set(headerKey(vocabulary.labels[code]), code);
    }
    byAliases.set(aliases, table);
  }
  return table.get(headerKey(text)) as C | undefined;
}

/** Why a USCC is wrong, in both languages; undefined when it is valid. */
export function explainUscc(code: string): { zh: string; en: string } | undefined {
  const problem = usccProblem(code);
  switch (problem) {
    case undefined:
      return undefined;
    case 'length':
      return { zh: `长度应为 18 位，实为 ${code.length} 位`, en: `must be 18 characters long, has ${code.length}` };
    case 'characters': {
      const bad = [...code].find((ch) => !/[0-9A-HJ-NPQRTUWXY]/.test(ch)) ?? '?';
      return {
        zh: `含有不允许的字符 "${bad}"（只用数字和除 I、O、Z、S、V 外的大写字母）`,
        en: `character "${bad}" not allowed (digits and capital letters except I, O, Z, S, V)`,
      };
    }
    case 'division':
      return {
        zh: `第 3–8 位应为 6 位数字的行政区划码，实为 "${code.slice(2, 8)}"`,
        en: `characters 3–8 must be the 6-digit division code, found "${code.slice(2, 8)}"`,
      };
    case 'checksum': {
      const expected = usccCheckCharacter(code.slice(0, 17));
      return { zh: `校验位错误，应为 ${expected}`, en: `check character wrong: expected ${expected}` };
    }
  }
}

/** `湖北省武汉市江夏区` → 武汉市 + 江夏区; undefined when no Hubei city is named. */
export function parsePlace(text: string): { city: CityRow; county: string | null } | undefined {
  const t = text.replace(/\s+/g, '').replace(/^湖北省?/, '');
  const city = findCity(t);
  if (!city) return undefined;
  let rest = t.startsWith(city.name)
    ? t.slice(city.name.length)
    : t.startsWith(city.shortName)
      ? t.slice(city.shortName.length)
      : t.slice(2);
  rest = rest.replace(/^[市州]?[/／\-—、,，·]*/, '');
  return { city, county: rest || null };
}
