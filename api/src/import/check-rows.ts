/**
 * Checking one row of the file on its own: its record type reads and normalises it (every
 * problem of the row is reported), its natural key must be new in the file, and the columns the
 * hub does not map are counted. A row that passes becomes a Prepared record, ready to be staged.
 */
import type { Issue } from './issues.ts';
import type { ImportContext, Prepared, RecordType, RecordTypeCode } from './record-type.ts';
import { RowReader, type ColumnSpec, type RawRecord } from './row-reader.ts';

/** row numbers of the second and later sheets: sheet index × this + row (batch_row needs them unique) */
export const SHEET_ROW_OFFSET = 10_000_000;

export interface UnmappedColumn {
  column: string;
  sheet?: string;
  rows: number;
}

export class RowChecker {
  /** columns the hub does not map, with the rows that fill them */
  private readonly unmappedColumns = new Map<string, UnmappedColumn>();

  constructor(
    private readonly context: ImportContext,
    /** natural key → row number of its first row, by record type (the context's keysInFile) */
    private readonly keys: Map<RecordTypeCode, Map<string, number>>,
    /** the file's worksheets by ordinal, for the duplicate message */
    private readonly sheetNames: readonly (string | undefined)[],
    private readonly issues: Issue[],
    private readonly warnings: Issue[],
  ) {}

  get unmapped(): UnmappedColumn[] {
    return [...this.unmappedColumns.values()];
  }

  /** The row as a record ready to be staged; undefined when it has problems (reported). */
  check(type: RecordType, raw: RawRecord, ordinal: number): Prepared | undefined {
    const reader = new RowReader(raw, columnsOf(type));
    const normalised = type.normalise(reader, this.context);
    this.issues.push(...reader.issues);
    if (!normalised || reader.failed) return undefined;
    this.warnings.push(...reader.warnings);
    for (const column of Object.keys(raw.extra)) this.countUnmapped(column, raw.sheet, 1);
    const naturalKey = type.naturalKey(normalised.record);
    const rowNumber = ordinal === 0 ? raw.row : ordinal * SHEET_ROW_OFFSET + raw.row;
    let seen = this.keys.get(type.code);
    if (!seen) this.keys.set(type.code, (seen = new Map()));
    const first = seen.get(naturalKey);
    if (first !== undefined) {
      const firstSheet = this.sheetNames[Math.floor(first / SHEET_ROW_OFFSET)];
      const firstRow = first % SHEET_ROW_OFFSET;
      const where = firstSheet && firstSheet !== raw.sheet ? `工作表「${firstSheet}」第${firstRow}行` : `第${firstRow}行`;
      const whereEn = firstSheet && firstSheet !== raw.sheet ? `sheet "${firstSheet}" row ${firstRow}` : `row ${firstRow}`;
      const keyHeaders = type.keyColumns.map((k) => raw.headers.get(k) ?? k);
      this.issues.push({
        sheet: raw.sheet,
        row: raw.row,
        column: keyHeaders.join(' + '),
        value: naturalKey.replace(/\|/g, ' / '),
        zh: `与${where}重复（${keyHeaders.join('、')}相同的记录只能有一条）`,
        en: `duplicate of ${whereEn} (one record per ${type.keyColumns.join(' + ')})`,
      });
      return undefined;
    }
    seen.set(naturalKey, rowNumber);
    return {
      type: type.code,
      sheet: raw.sheet,
      row: raw.row,
      rowNumber,
      naturalKey,
      record: normalised.record as Record<string, unknown>,
      enterprises: normalised.enterprises ?? [],
      extra: raw.extra,
      headers: raw.headers,
    };
  }

  /** `rows`: how many rows fill the column (0 when only its header is seen). */
  countUnmapped(column: string, sheet: string | undefined, rows: number): void {
    const key = `${sheet ?? ''}\u0000${column}`;
    const entry = this.unmappedColumns.get(key);
    if (entry) entry.rows += rows;
    else this.unmappedColumns.set(key, { column, sheet, rows });
  }
}

const columnsCache = new WeakMap<RecordType, Map<string, ColumnSpec>>();
function columnsOf(type: RecordType): Map<string, ColumnSpec> {
  let map = columnsCache.get(type);
  if (!map) columnsCache.set(type, (map = new Map(type.columns.map((c) => [c.key, c]))));
  return map;
}
