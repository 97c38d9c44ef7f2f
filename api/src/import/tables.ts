/**
 * Finding the tables in a sheet (or a CSV): title rows above the header row are skipped (the
 * first becomes the batch's default title), the header row is recognised by its columns, data
 * rows follow until notes below the table (`注：…`, `备注：…`) or a row whose required columns are
 * all empty. Tables may be stacked: a new header row starts a new table. Data found below the end
 * of a table is an error, never dropped silently.
 */
import type { Issue } from './issues.ts';
import type { RecordType } from './record-type.ts';
import { numberText, type Cell, type ColumnSpec, type RawRecord } from './row-reader.ts';
import { cleanText, columnLetter, headerKey, withoutRemark } from './text.ts';

/** How many non-empty rows may stand above the header row. */
export /** `附件`, `附件1`, `附件 3：`: the label above an attachment's title, never the title itself. */
const ATTACHMENT_LABEL = /^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?$/;
const MAX_ROWS_ABOVE_HEADER = 30;

export class HeaderMatcher {
  private readonly byKey = new Map<string, ColumnSpec>();

  constructor(readonly type: RecordType) {
    for (const column of type.columns) {
      for (const name of [column.header, column.key, ...(column.aliases ?? [])]) {
        this.byKey.set(headerKey(name), column);
      }
    }
  }

  /** The column a header names, if any. */
  column(header: string): ColumnSpec | undefined {
    const key = headerKey(header);
    if (!key) return undefined;
    const exact = this.byKey.get(key);
    if (exact) return exact;
    const bare = withoutRemark(key);
    return bare ? this.byKey.get(bare) : undefined;
  }

  match(cells: readonly Cell[]): HeaderMatch {
    const mapping: (ColumnSpec | null)[] = [];
    const seen = new Map<string, number>();
    const duplicates: Array<{ column: ColumnSpec; first: number; second: number }> = [];
    let matched = 0;
    for (let i = 0; i < cells.length; i++) {
      const text = cellString(cells[i]);
      const column = text ? this.column(text) : undefined;
      if (column && seen.has(column.key)) {
        duplicates.push({ column, first: seen.get(column.key)!, second: i });
        mapping.push(null);
        continue;
      }
      if (column) {
        seen.set(column.key, i);
        matched++;
      }
      mapping.push(column ?? null);
    }
    const missingRequired = this.type.columns.filter((c) => c.required && !seen.has(c.key));
    const missingGroups = (this.type.headerGroups ?? []).filter((group) => !group.some((k) => seen.has(k)));
    return { type: this.type, mapping, matched, missingRequired, missingGroups, duplicates };
  }
}

export interface HeaderMatch {
  type: RecordType;
  mapping: (ColumnSpec | null)[];
  matched: number;
  missingRequired: ColumnSpec[];
  missingGroups: (readonly string[])[];
  duplicates: Array<{ column: ColumnSpec; first: number; second: number }>;
}

export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && !/[^\s\u200B\u2060]/.test(cell));
}

function firstText(cells: readonly Cell[]): string {
  for (const cell of cells) if (!isBlank(cell)) return cellString(cell);
  return '';
}

export function cellString(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return numberText(cell);
  return cleanText(cell);
}

export type TableEvent =
  | { event: 'title'; text: string }
  | { event: 'table'; type: RecordType; headerRow: number; unmapped: string[] }
  | { event: 'record'; type: RecordType; raw: RawRecord }
  | { event: 'issue'; issue: Issue };

interface OpenTable {
  match: HeaderMatch;
  headerRow: number;
  headers: string[];
  requiredIdx: number[];
}

const NOTE_ROW =
  /^(?:注|备注|说明|注释|附注|附件|填表说明|数据来源|来源|制表|制表人|制表单位|制表日期|填表人|填报人|填报日期|审核|审核人|签发|联系人|联系电话|经办人|负责人|单位负责人|日期)\s*\d*\s*[:：]|^注\s*[0-9一二三四五六七八九十]+\s*[:：.、．]|^[※]/;
/** A signature line below a table (`填报单位（盖章）：`), recognised when the row holds little else. */
const FOOTER = /盖章|签字|签名/;

function isNote(cells: readonly Cell[], filled: number): boolean {
  const first = firstText(cells);
  return NOTE_ROW.test(first) || (filled <= 2 && FOOTER.test(first));
}

/**
 * Splits one sheet's rows into tables. Feed rows in order with `push`, then call `finish`.
 * Tables may be stacked: a header row below a table starts the next one (the same record type
 * again, e.g. 不合格 then 合格 results, or another type of the kind).
 */
export class TableSegmenter {
  private readonly matchers: HeaderMatcher[];
  private state: 'seeking' | 'table' | 'ended' | 'broken' | 'gave-up' = 'seeking';
  private table: OpenTable | undefined;
  private ended: { row: number; zh: string; en: string; table: OpenTable } | undefined;
  private rowsAbove = 0;
  private titleSeen = false;
  tablesFound = 0;
  /**
   * A row with a single filled cell inside a table: the title of a table stacked below, or a data
   * row missing most of its values. Held until the next row tells which (a header follows a title).
   */
  private pending: { row: number; cells: readonly Cell[] } | undefined;
  /** the most header-like row when no header was found: for the error message */
  private nearest: { row: number; match: HeaderMatch } | undefined;

  constructor(
    types: readonly RecordType[],
    private readonly sheet: string | undefined,
  ) {
    this.matchers = types.map((t) => new HeaderMatcher(t));
  }

  push(row: number, cells: readonly Cell[]): TableEvent[] {
    if (this.state === 'gave-up') return [];
    let filled = 0;
    for (const cell of cells) if (!isBlank(cell)) filled++;
    if (filled === 0) return [];
    if (this.pending) {
      const header = filled >= 2 && this.looksLikeHeader(cells) ? this.classify(cells) : undefined;
      // a title above the next table: nothing to read; otherwise the held row was data
      let before: TableEvent[] = [];
      if (header?.valid) this.pending = undefined;
      else before = this.release();
      return [...before, ...this.read(row, cells, filled)];
    }
    return this.read(row, cells, filled);
  }

  private read(row: number, cells: readonly Cell[], filled: number): TableEvent[] {
    // below a header, a row is classified (all its cells compared) only when it looks like one
    const header = filled >= 2 && (this.state === 'seeking' || this.looksLikeHeader(cells)) ? this.classify(cells) : undefined;
    if (header?.valid) {
      const texts = cells.map(cellString);
      if (this.state === 'table' && this.table && header.match.type === this.table.match.type && this.sameHeader(texts)) {
        return []; // the header repeated (printed on every page): not data
      }
      return this.openTable(row, texts, header.match);
    }

    switch (this.state) {
      case 'seeking': {
        if (header?.near && (!this.nearest || header.match.matched > this.nearest.match.matched)) {
          this.nearest = { row, match: header.match };
        }
        if (this.tablesFound === 0) {
          this.rowsAbove++;
          if (this.rowsAbove > MAX_ROWS_ABOVE_HEADER) {
            this.state = 'gave-up';
            return [];
          }
          const text = cells.map(cellString).filter(Boolean).join(' ');
          // `附件` / `附件2`: the attachment label a government document puts above its table's title
          if (!this.titleSeen && filled <= 2 && !ATTACHMENT_LABEL.test(text)) {
            this.titleSeen = true;
            return [{ event: 'title', text }];
          }
        }
        return [];
      }
      case 'broken':
        return [];
      case 'table': {
        const t = this.table!;
        if (isNote(cells, filled)) return this.endTable(row, '注释行', 'a note row');
        if (filled === 1 && t.match.mapping.filter(Boolean).length > 2 && !this.holding) {
          this.pending = { row, cells };
          return [];
        }
        if (t.requiredIdx.length > 0 && t.requiredIdx.every((i) => isBlank(cells[i]) || !cellString(cells[i]))) {
          return this.endTable(row, '必填列全部为空的行', 'a row whose required columns are empty');
        }
        return [{ event: 'record', type: t.match.type, raw: this.record(row, cells, t) }];
      }
      case 'ended': {
        const { table: t, row: endRow, zh, en } = this.ended!;
        const requiredFilled = t.requiredIdx.filter((i) => !isBlank(cells[i]) && cellString(cells[i])).length;
        if (!isNote(cells, filled) && requiredFilled > 0 && requiredFilled * 2 >= t.requiredIdx.length) {
          return [
            {
              event: 'issue',
              issue: {
                sheet: this.sheet,
                row,
                zh: `表格已在第${endRow}行（${zh}）结束，其下仍有数据：请删除该行或把数据移到表格内`,
                en: `data below the end of the table (row ${endRow}: ${en}): remove that row or move the data up`,
              },
            },
          ];
        }
        return [];
      }
    }
    return [];
  }

  /** Two of the first four filled cells are known headers: worth a full classification. */
  private looksLikeHeader(cells: readonly Cell[]): boolean {
    let looked = 0;
    let known = 0;
    for (const cell of cells) {
      if (isBlank(cell) || typeof cell !== 'string') continue;
      if (this.matchers.some((m) => m.column(cell))) known++;
      if (known >= 2) return true;
      if (++looked >= 4) return false;
    }
    return false;
  }

  private holding = false;

  /** Reads the held row as what it turned out to be: a row of the table. */
  private release(): TableEvent[] {
    const { row, cells } = this.pending!;
    this.pending = undefined;
    this.holding = true;
    try {
      return this.read(row, cells, 1);
    } finally {
      this.holding = false;
    }
  }

  /** Call after the last row: the row still held, and the problems of a sheet without a usable table. */
  finish(): { headerFound: boolean; issues: Issue[]; events: TableEvent[] } {
    const events = this.pending ? this.release() : [];
    if (this.tablesFound > 0) return { headerFound: true, issues: [], events };
    const issues: Issue[] = [];
    if (this.nearest) {
      const m = this.nearest.match;
      const missing = [
        ...m.missingRequired.map((c) => c.header),
        ...m.missingGroups.map((g) => g.map((k) => this.headerOf(m, k)).join(' 或 ')),
      ];
      issues.push({
        sheet: this.sheet,
        row: this.nearest.row,
        zh: `表头缺少必需的列：${missing.join('、')}`,
        en: `the header row lacks required columns: ${missing.join(', ')}`,
      });
    } else {
      const expected = this.matchers
        .map((m) =>
          m.type.columns
            .filter((c) => c.required)
            .map((c) => c.header)
            .join('、'),
        )
        .join(' / ');
      issues.push({
        sheet: this.sheet,
        zh: `找不到表头行（前 ${MAX_ROWS_ABOVE_HEADER} 行内应有含以下列的表头：${expected}）`,
        en: `no header row found (expected within the first ${MAX_ROWS_ABOVE_HEADER} rows, with the columns ${expected})`,
      });
    }
    return { headerFound: false, issues, events };
  }

  private headerOf(m: HeaderMatch, key: string): string {
    return m.type.columns.find((c) => c.key === key)?.header ?? key;
  }

  private classify(cells: readonly Cell[]): { valid: boolean; near: boolean; match: HeaderMatch } | undefined {
    let best: HeaderMatch | undefined;
    let bestNear: HeaderMatch | undefined;
    for (const matcher of this.matchers) {
      const m = matcher.match(cells);
      if (m.matched < 2) continue;
      if (m.missingRequired.length === 0 && m.missingGroups.length === 0) {
        if (!best || m.matched > best.matched) best = m;
      } else if (!bestNear || m.matched > bestNear.matched) {
        bestNear = m;
      }
    }
    if (best) return { valid: true, near: false, match: best };
    if (bestNear) {
      const requiredCount = bestNear.type.columns.filter((c) => c.required).length;
      const near = bestNear.matched >= 3 || bestNear.matched * 2 >= requiredCount;
      return { valid: false, near, match: bestNear };
    }
    return undefined;
  }

  private openTable(row: number, texts: string[], match: HeaderMatch): TableEvent[] {
    const events: TableEvent[] = [];
    for (const d of match.duplicates) {
      events.push({
        event: 'issue',
        issue: {
          sheet: this.sheet,
          row,
          column: texts[d.second],
          zh: `与第 ${columnLetter(d.first)} 列（${texts[d.first]}）是同一列「${d.column.header}」，只能保留一列`,
          en: `same column as ${columnLetter(d.first)} (${texts[d.first]}): "${d.column.key}" may appear only once`,
        },
      });
    }
    const requiredIdx = match.mapping.flatMap((c, i) => (c?.required ? [i] : []));
    this.table = { match, headerRow: row, headers: texts, requiredIdx };
    this.state = match.duplicates.length ? 'broken' : 'table';
    this.ended = undefined;
    this.tablesFound++;
    const unmapped = texts.filter((t, i) => t && !match.mapping[i]);
    events.push({ event: 'table', type: match.type, headerRow: row, unmapped });
    return events;
  }

  private endTable(row: number, zh: string, en: string): TableEvent[] {
    if (this.table) this.ended = { row, zh, en, table: this.table };
    this.state = 'ended';
    return [];
  }

  private sameHeader(texts: string[]): boolean {
    const h = this.table!.headers;
    return texts.every((t, i) => headerKey(t) === headerKey(h[i] ?? ''));
  }

  private record(row: number, cells: readonly Cell[], t: OpenTable): RawRecord {
    const values = new Map<string, Cell>();
    const headers = new Map<string, string>();
    const extra: Record<string, string> = {};
    for (let i = 0; i < cells.length; i++) {
      const column = t.match.mapping[i];
      const cell = cells[i] ?? null;
      if (column) {
        values.set(column.key, cell);
        headers.set(column.key, t.headers[i]);
      } else {
        const text = cellString(cell);
        if (!text) continue;
        extra[unmappedName(t.headers[i], i)] = text;
      }
    }
    for (let i = cells.length; i < t.match.mapping.length; i++) {
      const column = t.match.mapping[i];
      if (column) headers.set(column.key, t.headers[i]);
    }
    return { sheet: this.sheet, row, values, headers, extra };
  }
}

/** How an unmapped column is named in `extra` and in the summary: its header, or its letter when it has none. */
export function unmappedName(header: string | undefined, index: number): string {
  return header ? header : `第${columnLetter(index)}列（无表头）`;
}
