/**
 * Reading a file as the import's stream of table events (title, header, record, issue), whatever
 * its format: a CSV, a JSON array of objects, or the worksheets of a workbook (the first visible
 * one, a named one, or every one for kinds that spread over several). What the rows mean is not
 * decided here: each event goes to the session's handler (import.ts).
 */
import { open } from 'node:fs/promises';
import type { Issue } from './issues.ts';
import type { ImportKind } from './kinds.ts';
import { readCsv } from './read/csv.ts';
import { encodingHint, type FileScan } from './read/encoding.ts';
import { JsonShapeError, readJsonArray } from './read/json.ts';
import { readXls } from './read/xls.ts';
import { readXlsx, WorkbookRefused } from './read/xlsx.ts';
import type { Cell, RawRecord } from './row-reader.ts';
import { HeaderMatcher, TableSegmenter, type TableEvent } from './tables.ts';
import { cleanText, headerKey } from './text.ts';

export type FileFormat = 'xlsx' | 'xls' | 'csv' | 'json';

/** One event of the file; `ordinal` numbers the worksheets read (0 for CSV and JSON). */
export type TableEventHandler = (event: TableEvent, sheet: string | undefined, ordinal: number) => Promise<void>;

export interface FileToRead {
  kind: ImportKind;
  file: string;
  format: FileFormat;
  size: number;
  scan: FileScan;
  /** the worksheet asked for (options.sheet) */
  sheet?: string;
}

export class FileReader {
  /** the worksheets read, by ordinal (undefined for CSV, JSON and a single unnamed sheet) */
  readonly sheetNames: (string | undefined)[] = [];
  /** worksheets skipped because no header row was recognised */
  readonly skippedSheets: string[] = [];

  constructor(
    private readonly source: FileToRead,
    /** where reading problems go (the session's list) */
    private readonly issues: Issue[],
    private readonly handle: TableEventHandler,
    /** whether any record was counted so far (for the message when every sheet was skipped) */
    private readonly hasRows: () => boolean,
  ) {}

  async readAll(onBytes: (bytes: number) => void): Promise<void> {
    const { format, file, scan } = this.source;
    if (format === 'csv') {
      await this.readTable(readCsv(file, scan, onBytes), undefined, 0);
      return;
    }
    if (format === 'json') {
      await this.readJson(onBytes);
      return;
    }
    await this.readWorkbook(onBytes);
  }

  private async readTable(
    rows: AsyncIterable<{ row: number; cells: Cell[] }>,
    sheet: string | undefined,
    ordinal: number,
  ): Promise<boolean> {
    const { kind } = this.source;
    this.sheetNames[ordinal] = sheet;
    const segmenter = new TableSegmenter(kind.types, sheet);
    for await (const { row, cells } of rows) {
      for (const event of segmenter.push(row, cells)) await this.handle(event, sheet, ordinal);
    }
    const end = segmenter.finish();
    for (const event of end.events) await this.handle(event, sheet, ordinal);
    if (!end.headerFound && kind.everySheet && !this.source.sheet && sheet !== undefined) {
      this.skippedSheets.push(sheet);
      return false;
    }
    // a file read in the wrong encoding has no recognisable header: say so
    const hint = !end.headerFound && this.source.format === 'csv' ? encodingHint(this.source.scan) : undefined;
    this.issues.push(...(hint ? end.issues.map((i) => ({ ...i, zh: `${i.zh}；${hint.zh}`, en: `${i.en}; ${hint.en}` })) : end.issues));
    return end.headerFound;
  }

  private async readWorkbook(onBytes: (bytes: number) => void): Promise<void> {
    const { kind, file, size } = this.source;
    const wanted = this.source.sheet?.trim();
    const seen: string[] = [];
    let ordinal = 0;
    let matched = false;
    try {
      // an .xlsx saved under .xls (a zip) is read as what it is
      const sheets = this.source.format === 'xls' && !(await isZip(file)) ? readXls(file, size) : readXlsx(file, size, onBytes);
      for await (const sheet of sheets) {
        seen.push(sheet.name);
        if (wanted) {
          if (sheet.name.trim() !== wanted && headerKey(sheet.name) !== headerKey(wanted)) continue;
        } else if (sheet.hidden) {
          continue;
        }
        matched = true;
        await this.readTable(sheet.rows, kind.everySheet || wanted ? sheet.name : undefined, ordinal++);
        if (!kind.everySheet || wanted) break;
      }
    } catch (error) {
      if (error instanceof WorkbookRefused) {
        this.issues.push({ zh: error.zh, en: error.en });
        return;
      }
      this.issues.push({
        zh: `无法读取 Excel 文件（${(error as Error).message}）：请确认是 .xlsx 格式`,
        en: `cannot read the workbook (${(error as Error).message}): is it really .xlsx?`,
      });
      return;
    }
    if (wanted && !matched) {
      this.issues.push({
        column: wanted,
        zh: `没有名为"${wanted}"的工作表（有：${seen.join('、')}）`,
        en: `no worksheet named "${wanted}" (the workbook has: ${seen.join(', ')})`,
      });
    } else if (ordinal > 0 && kind.everySheet && !this.hasRows() && this.skippedSheets.length === ordinal) {
      const expected = kind.types
        .map((t) =>
          t.columns
            .filter((c) => c.required)
            .map((c) => c.header)
            .join('、'),
        )
        .join(' / ');
      this.issues.push({
        zh: `所有工作表（${this.skippedSheets.join('、')}）都找不到表头行；应含以下列：${expected}`,
        en: `no worksheet (${this.skippedSheets.join(', ')}) has a recognisable header row; expected columns: ${expected}`,
      });
    } else if (ordinal === 0) {
      this.issues.push({ zh: '工作簿中没有可见的工作表', en: 'the workbook has no visible worksheet' });
    }
  }

  private async readJson(onBytes: (bytes: number) => void): Promise<void> {
    const { kind, file, scan } = this.source;
    this.sheetNames[0] = undefined;
    const matchers = kind.types.map((t) => new HeaderMatcher(t));
    try {
      for await (const { index, value } of readJsonArray(file, scan, onBytes)) {
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
          this.issues.push({ row: index, zh: `第${index}个元素不是对象`, en: `element ${index} is not an object` });
          continue;
        }
        const object = value as Record<string, unknown>;
        const type = classifyJson(object, matchers);
        if (!type) {
          this.issues.push({
            row: index,
            column: 'type',
            value: String(object.type ?? ''),
            zh: `无法判断记录类型（type 应为 ${kind.types.map((t) => t.jsonType).join(' / ')}）`,
            en: `cannot tell the record type (type must be ${kind.types.map((t) => t.jsonType).join(' / ')})`,
          });
          continue;
        }
        await this.handle({ event: 'record', type: type.type, raw: jsonRecord(object, index, type) }, undefined, 0);
      }
    } catch (error) {
      if (!(error instanceof JsonShapeError)) throw error;
      this.issues.push({ row: error.element, zh: `JSON 格式错误：${error.message}`, en: `invalid JSON: ${error.message}` });
    }
  }
}

async function isZip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

/** Which record type a JSON object is: its `type`, else the type whose columns its keys match best. */
function classifyJson(object: Record<string, unknown>, matchers: HeaderMatcher[]): HeaderMatcher | undefined {
  if (matchers.length === 1) return matchers[0];
  if (typeof object.type === 'string') {
    const t = headerKey(object.type);
    return matchers.find((m) => [m.type.jsonType, m.type.code, m.type.label].some((n) => headerKey(n) === t));
  }
  let best: { matcher: HeaderMatcher; score: number } | undefined;
  for (const matcher of matchers) {
    const keys = Object.keys(object)
      .map((k) => matcher.column(k)?.key)
      .filter(Boolean);
    const required = matcher.type.columns.filter((c) => c.required);
    const score = keys.length + (required.every((c) => keys.includes(c.key)) ? 100 : 0);
    if (!best || score > best.score) best = { matcher, score };
  }
  return best?.matcher;
}

/** A JSON object as a row: English keys (or the Chinese headers) mapped to columns, the rest kept as extras. */
function jsonRecord(object: Record<string, unknown>, index: number, matcher: HeaderMatcher): RawRecord {
  const values = new Map<string, Cell>();
  const headers = new Map<string, string>();
  const extra: Record<string, string> = {};
  for (const [key, value] of Object.entries(object)) {
    if (key === 'type' && !matcher.column(key)) continue;
    const column = matcher.column(key);
    if (column && !values.has(column.key)) {
      values.set(column.key, jsonCell(value));
      headers.set(column.key, key);
    } else if (value !== null && value !== undefined && value !== '') {
      extra[key] = typeof value === 'string' ? cleanText(value) : JSON.stringify(value);
    }
  }
  return { row: index, values, headers, extra };
}

/** JSON values as cells: lists become one item per line; `{item, requirement, measured}` as `item(标准值: …, 实测值: …)`. */
function jsonCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (Array.isArray(value)) {
    return value
      .map((v) => {
        if (v && typeof v === 'object' && 'item' in v) {
          const { item, requirement, measured } = v as { item: unknown; requirement?: unknown; measured?: unknown };
          const parts = [requirement ? `标准值: ${requirement}` : '', measured ? `实测值: ${measured}` : ''].filter(Boolean);
          return parts.length ? `${item}(${parts.join(', ')})` : String(item);
        }
        return typeof v === 'string' ? v : JSON.stringify(v);
      })
      .join('\n');
  }
  return JSON.stringify(value);
}
