/**
 * Importing a file as a DRAFT batch. Every row and column is checked; when anything is wrong,
 * nothing is written and every problem is reported at once (and in `<input>.errors.csv`).
 * Otherwise one transaction creates the batch and stores each normalised row in batch_row with
 * its natural key and action (new / corrected / unchanged against the published records).
 * Domain tables are not touched: publishing does that (publish.ts).
 *
 * The file is streamed: rows are checked and written in chunks inside the open transaction, and
 * the transaction is rolled back when a problem turns up — so memory stays bounded whatever the
 * file's size, and a crash (or SIGKILL) midway leaves nothing behind.
 */
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { ImportRejected, sortIssues, writeErrorsCsv, type Issue } from './issues.ts';
import { importKind, type ImportKind } from './kinds.ts';
import { copyLine, withConnection as withSql, type Database, type Queryable as Sql } from '@hub/db';
import { readCsv } from './read/csv.ts';
import { scanFile, type FileScan } from './read/encoding.ts';
import { JsonShapeError, readJsonArray } from './read/json.ts';
import { readXlsx } from './read/xlsx.ts';
import type { ImportContext, Prepared, RecordType, RecordTypeCode, Reporter } from './record-type.ts';
import { RowReader, type Cell, type ColumnSpec, type RawRecord } from './row-reader.ts';
import { HeaderMatcher, TableSegmenter, type TableEvent } from './tables.ts';
import { canonicalJson, cleanText, headerKey } from './text.ts';

export type FileFormat = 'xlsx' | 'csv' | 'json';

export interface ImportOptions {
  /** `certifications`, `spot-checks` … (or the batch kind code, `spot_checks`) */
  kind: string;
  /** the batch's title; default: the file's title row, else the kind and file name */
  title?: string;
  /** the worksheet to read (default: the first; `dynamic-management` reads every sheet) */
  sheet?: string;
  /** check and count, write nothing */
  dryRun?: boolean;
  /** where the errors go; default `<file>.errors.csv`; false: nowhere */
  errorsFile?: string | false;
  /** generated sample data, never the bureau's */
  isSample?: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  bytes: number;
  totalBytes: number;
  rows: number;
}

export interface ActionCounts {
  rows: number;
  new: number;
  corrected: number;
  unchanged: number;
}

export interface ImportSummary extends ActionCounts {
  outcome: 'imported' | 'already-imported' | 'dry-run';
  /** the draft (or, when already imported, the existing batch); null for a dry run */
  batchId: number | null;
  /** status of the existing batch, when already imported */
  existingStatus?: string;
  kind: string;
  title: string;
  file: string;
  format: FileFormat;
  contentHash: string;
  encoding?: string;
  byType: Partial<Record<RecordTypeCode, ActionCounts>>;
  /** columns the hub does not map: kept with every row, listed here with the rows that fill them */
  unmapped: Array<{ column: string; sheet?: string; rows: number }>;
  /** worksheets read, and those skipped because no header row was recognised */
  sheets: string[];
  skippedSheets: string[];
}

const CHUNK_ROWS = 2000;
/** row numbers of the second and later sheets: sheet index × this + row (batch_row needs them unique) */
export const SHEET_ROW_OFFSET = 10_000_000;
const PROGRESS_EVERY_MS = 150;

export function fileFormat(file: string): FileFormat | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  if (ext === '.json') return 'json';
  return undefined;
}

export class UnknownKindError extends Error {}

/**
 * Imports `file` as a draft batch of `options.kind`. Resolves with the summary; rejects with
 * {@link ImportRejected} (listing every problem) when the file has errors — nothing is written then.
 * A file whose content was imported before is not imported again: the summary names that batch.
 */
export async function importFile(db: Database, file: string, options: ImportOptions): Promise<ImportSummary> {
  const kind = importKind(options.kind);
  if (!kind) throw new UnknownKindError(`unknown kind "${options.kind}"`);
  const errorsFile = options.errorsFile === undefined ? `${file}.errors.csv` : options.errorsFile || undefined;
  const reject = async (issues: Issue[]): Promise<never> => {
    const sorted = sortIssues(issues);
    if (errorsFile) await writeErrorsCsv(errorsFile, sorted);
    throw new ImportRejected(basename(file), sorted, errorsFile);
  };

  const format = fileFormat(file);
  if (!format) {
    const xls = extname(file).toLowerCase() === '.xls';
    return reject([
      xls
        ? { zh: '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx', en: 'old .xls files are not supported: save as .xlsx in Excel' }
        : { zh: '不支持的文件类型（支持 .xlsx、.csv、.json）', en: 'unsupported file type (use .xlsx, .csv or .json)' },
    ]);
  }
  const size = (await stat(file)).size;
  const scan = await scanFile(file, { text: format !== 'xlsx' });
  if (scan.encoding === 'gb18030' && scan.head?.includes('\uFFFD')) {
    return reject([
      {
        zh: `无法识别文件编码：既不是 UTF-8 也不是 GBK/GB18030（chardet 猜测为 ${scan.hint ?? '未知'}），请另存为 UTF-8 CSV`,
        en: `unrecognised encoding: neither UTF-8 nor GBK/GB18030 (chardet guesses ${scan.hint ?? 'nothing'}); save as UTF-8 CSV`,
      },
    ]);
  }

  return withSql(db, async (sql) => {
    const [existing] = await sql.query<{ id: number; status: string; title: string }>(
      'SELECT id, status, title FROM batch WHERE content_hash = $1',
      [scan.sha256],
    );
    const base = {
      kind: kind.name,
      file: basename(file),
      format,
      contentHash: scan.sha256,
      encoding: scan.encoding,
    };
    if (existing) {
      return {
        ...base,
        outcome: 'already-imported',
        batchId: existing.id,
        existingStatus: existing.status,
        title: existing.title,
        rows: 0,
        new: 0,
        corrected: 0,
        unchanged: 0,
        byType: {},
        unmapped: [],
        sheets: [],
        skippedSheets: [],
      } satisfies ImportSummary;
    }
    const session = new ImportSession(sql, kind, file, format, size, scan, options);
    const result = await session.run();
    if ('issues' in result) return reject(result.issues);
    return { ...base, ...result.summary };
  });
}

type SessionResult = { issues: Issue[] } | { summary: Omit<ImportSummary, 'kind' | 'file' | 'format' | 'contentHash' | 'encoding'> };

class ImportSession {
  private readonly issues: Issue[] = [];
  private readonly context: ImportContext;
  private readonly keys = new Map<RecordTypeCode, Map<string, number>>();
  private readonly counts = new Map<RecordTypeCode, ActionCounts>();
  private readonly unmapped = new Map<string, { column: string; sheet?: string; rows: number }>();
  private readonly sheetNames: (string | undefined)[] = [];
  private readonly skippedSheets: string[] = [];
  /** enterprises already written with a row that publishing applies (by ref; true: with create) */
  private readonly enterprisesWritten = new Map<string, boolean>();
  private chunk: Prepared[] = [];
  private inflight: Promise<void> = Promise.resolve();
  private batchId: number | undefined;
  private title: string | undefined;
  private rowsRead = 0;
  private bytesRead = 0;
  private lastProgress = 0;

  constructor(
    private readonly sql: Sql,
    private readonly kind: ImportKind,
    private readonly file: string,
    private readonly format: FileFormat,
    private readonly size: number,
    private readonly scan: FileScan,
    private readonly options: ImportOptions,
  ) {
    this.context = {
      industries: new Map(),
      keysInFile: this.keys,
      deferred: [],
      scratch: new Map(),
    };
    this.title = options.title?.trim() || undefined;
  }

  async run(): Promise<SessionResult> {
    await this.sql.execute('BEGIN');
    try {
      const industries = await this.sql.query<{ code: string; name: string }>('SELECT code, name FROM industry');
      for (const i of industries) this.context.industries.set(i.code, i.name);

      await this.readAll();
      this.progress(true);
      await this.flush();
      await this.inflight;
      for (const check of this.context.deferred) check();

      const total = this.total();
      if (total.rows === 0 && this.issues.length === 0) {
        this.issues.push({ zh: '文件中没有数据行', en: 'the file has no data rows' });
      }
      if (this.issues.length || this.options.dryRun) {
        await this.sql.execute('ROLLBACK');
        if (this.issues.length) return { issues: this.issues };
        return { summary: this.summary(null, 'dry-run') };
      }
      const summary = this.summary(this.batchId!, 'imported');
      await this.sql.execute('UPDATE batch SET row_count = $2, summary = $3 WHERE id = $1', [
        this.batchId,
        total.rows,
        JSON.stringify(this.batchSummary()),
      ]);
      await this.sql.execute('COMMIT');
      return { summary };
    } catch (error) {
      await this.sql.execute('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  // ---- reading -------------------------------------------------------------------------------

  private async readAll(): Promise<void> {
    const onBytes = (bytes: number) => {
      this.bytesRead = bytes;
      this.progress();
    };
    if (this.format === 'csv') {
      await this.readTable(readCsv(this.file, this.scan, onBytes), undefined, 0);
      return;
    }
    if (this.format === 'json') {
      await this.readJson(onBytes);
      return;
    }
    await this.readWorkbook(onBytes);
  }

  private async readTable(rows: AsyncIterable<{ row: number; cells: Cell[] }>, sheet: string | undefined, ordinal: number): Promise<boolean> {
    this.sheetNames[ordinal] = sheet;
    const segmenter = new TableSegmenter(this.kind.types, sheet);
    for await (const { row, cells } of rows) {
      for (const event of segmenter.push(row, cells)) await this.handle(event, sheet, ordinal);
    }
    const end = segmenter.finish();
    for (const event of end.events) await this.handle(event, sheet, ordinal);
    if (!end.headerFound && this.kind.everySheet && !this.options.sheet && sheet !== undefined) {
      this.skippedSheets.push(sheet);
      return false;
    }
    this.issues.push(...end.issues);
    return end.headerFound;
  }

  private async readWorkbook(onBytes: (bytes: number) => void): Promise<void> {
    const wanted = this.options.sheet?.trim();
    const seen: string[] = [];
    let ordinal = 0;
    let matched = false;
    try {
      for await (const sheet of readXlsx(this.file, this.size, onBytes)) {
        seen.push(sheet.name);
        if (wanted) {
          if (sheet.name.trim() !== wanted && headerKey(sheet.name) !== headerKey(wanted)) continue;
        } else if (sheet.hidden) {
          continue;
        }
        matched = true;
        await this.readTable(sheet.rows, this.kind.everySheet || wanted ? sheet.name : undefined, ordinal++);
        if (!this.kind.everySheet || wanted) break;
      }
    } catch (error) {
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
    } else if (ordinal > 0 && this.kind.everySheet && this.total().rows === 0 && this.skippedSheets.length === ordinal) {
      const expected = this.kind.types.map((t) => t.columns.filter((c) => c.required).map((c) => c.header).join('、')).join(' / ');
      this.issues.push({
        zh: `所有工作表（${this.skippedSheets.join('、')}）都找不到表头行；应含以下列：${expected}`,
        en: `no worksheet (${this.skippedSheets.join(', ')}) has a recognisable header row; expected columns: ${expected}`,
      });
    } else if (ordinal === 0) {
      this.issues.push({ zh: '工作簿中没有可见的工作表', en: 'the workbook has no visible worksheet' });
    }
  }

  private async readJson(onBytes: (bytes: number) => void): Promise<void> {
    this.sheetNames[0] = undefined;
    const matchers = this.kind.types.map((t) => new HeaderMatcher(t));
    try {
      for await (const { index, value } of readJsonArray(this.file, this.scan, onBytes)) {
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
            zh: `无法判断记录类型（type 应为 ${this.kind.types.map((t) => t.jsonType).join(' / ')}）`,
            en: `cannot tell the record type (type must be ${this.kind.types.map((t) => t.jsonType).join(' / ')})`,
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

  private async handle(event: TableEvent, sheet: string | undefined, ordinal: number): Promise<void> {
    switch (event.event) {
      case 'title':
        this.title ??= event.text.slice(0, 500);
        return;
      case 'issue':
        this.issues.push(event.issue);
        return;
      case 'table':
        for (const column of event.unmapped) this.countUnmapped(column, sheet, 0);
        return;
      case 'record':
        this.rowsRead++;
        this.progress();
        this.record(event.type, event.raw, ordinal);
        if (this.chunk.length >= CHUNK_ROWS) await this.flush();
    }
  }

  private record(type: RecordType, raw: RawRecord, ordinal: number): void {
    const reader = new RowReader(raw, columnsOf(type));
    const normalised = type.normalise(reader, this.context);
    this.issues.push(...reader.issues);
    if (!normalised || reader.failed) return;
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
      return;
    }
    seen.set(naturalKey, rowNumber);
    this.chunk.push({
      type: type.code,
      sheet: raw.sheet,
      row: raw.row,
      rowNumber,
      naturalKey,
      record: normalised.record as Record<string, unknown>,
      enterprises: normalised.enterprises ?? [],
      extra: raw.extra,
      headers: raw.headers,
    });
  }

  private countUnmapped(column: string, sheet: string | undefined, rows: number): void {
    const key = `${sheet ?? ''}\u0000${column}`;
    const entry = this.unmapped.get(key);
    if (entry) entry.rows += rows;
    else this.unmapped.set(key, { column, sheet, rows });
  }

  private progress(force = false): void {
    if (!this.options.onProgress) return;
    const now = Date.now();
    if (!force && now - this.lastProgress < PROGRESS_EVERY_MS) return;
    this.lastProgress = now;
    this.options.onProgress({ bytes: force ? this.size : this.bytesRead, totalBytes: this.size, rows: this.rowsRead });
  }

  // ---- checking against the database and writing -----------------------------------------------

  /** Hands the current chunk to the database; the next one is read meanwhile (one chunk in flight). */
  private async flush(): Promise<void> {
    if (!this.chunk.length) return;
    const chunk = this.chunk;
    this.chunk = [];
    await this.inflight;
    this.inflight = this.process(chunk);
    // handled when awaited (next chunk or the end); until then a failure must not count as unhandled
    this.inflight.catch(() => undefined);
  }

  private async process(chunk: Prepared[]): Promise<void> {
    const report: Reporter = (record, column, zh, en, value) => {
      const raw = column ? (record.record as Record<string, unknown>)[column] : undefined;
      this.issues.push({
        sheet: record.sheet,
        row: record.row,
        column: column ? (record.headers.get(column) ?? column) : undefined,
        value: value ?? (raw === undefined || raw === null ? undefined : Array.isArray(raw) ? raw.join('；') : String(raw)),
        zh,
        en,
      });
    };
    for (const type of this.kind.types) {
      const records = chunk.filter((p) => p.type === type.code);
      if (!records.length) continue;
      const published = await type.lookup(this.sql, records, report, this.context);
      const counts = this.countsOf(type.code);
      for (const p of records) {
        const current = published.get(p.naturalKey);
        if (!current) p.action = 'new';
        else {
          p.seenVersion = current.version;
          p.action = canonicalJson(type.content(p.record)) === canonicalJson(type.content(current.record)) ? 'unchanged' : 'corrected';
        }
        counts.rows++;
        counts[p.action]++;
      }
    }
    if (this.issues.length || this.options.dryRun) return;
    const batchId = await this.ensureBatch();
    // Each enterprise travels once with the first row that will be applied (not an unchanged
    // one), or again when a later row may create what an earlier one could only link to:
    // publishing then reads a few thousand enterprises, not one per row.
    const written = this.enterprisesWritten;
    const enterprisesToWrite = (p: Prepared) => {
      if (p.action === 'unchanged') return [];
      return p.enterprises.filter((e) => {
        const before = written.get(e.ref);
        if (before === true || (before === false && !e.create)) return false;
        written.set(e.ref, e.create);
        return true;
      });
    };
    await this.sql.copyFrom(
      'COPY batch_row (batch_id, row_number, natural_key, action, data) FROM STDIN',
      (function* () {
        for (const p of chunk) {
          const data: Record<string, unknown> = { type: p.type, record: p.record };
          const enterprises = enterprisesToWrite(p);
          if (enterprises.length) data.enterprises = enterprises;
          if (Object.keys(p.extra).length && !('extra' in p.record)) data.extra = p.extra;
          if (p.seenVersion !== undefined) data.seenVersion = p.seenVersion;
          if (p.sheet) data.sheet = p.sheet;
          data.row = p.row;
          yield copyLine([batchId, p.rowNumber, p.naturalKey.slice(0, 500), p.action!, JSON.stringify(data)]);
        }
      })(),
    );
  }

  private async ensureBatch(): Promise<number> {
    if (this.batchId !== undefined) return this.batchId;
    const [row] = await this.sql
      .query<{ id: number }>(
        `INSERT INTO batch (kind, title, source_file_name, content_hash, status, is_sample)
         VALUES ($1, $2, $3, $4, 'draft', $5) RETURNING id`,
        [this.kind.code, this.batchTitle(), basename(this.file).slice(0, 500), this.scan.sha256, this.options.isSample ?? false],
      )
      .catch((error: { code?: string; constraint?: string }) => {
        if (error.code === '23505' && error.constraint === 'batch_content_hash_unique') {
          throw new Error(
            '同一文件正被另一导入写入 (the same file was being imported at the same time): run the import again to see its batch',
            { cause: error },
          );
        }
        throw error;
      });
    this.batchId = row.id;
    return row.id;
  }

  private batchTitle(): string {
    const fromFile = basename(this.file, extname(this.file));
    return (this.title ?? `${this.kind.label} ${fromFile}`).slice(0, 500);
  }

  private countsOf(code: RecordTypeCode): ActionCounts {
    let counts = this.counts.get(code);
    if (!counts) this.counts.set(code, (counts = { rows: 0, new: 0, corrected: 0, unchanged: 0 }));
    return counts;
  }

  private total(): ActionCounts {
    const total = { rows: 0, new: 0, corrected: 0, unchanged: 0 };
    for (const c of this.counts.values()) {
      total.rows += c.rows;
      total.new += c.new;
      total.corrected += c.corrected;
      total.unchanged += c.unchanged;
    }
    return total;
  }

  private summary(batchId: number | null, outcome: 'imported' | 'dry-run') {
    return {
      outcome,
      batchId,
      title: this.batchTitle(),
      ...this.total(),
      byType: Object.fromEntries(this.counts) as Partial<Record<RecordTypeCode, ActionCounts>>,
      unmapped: [...this.unmapped.values()],
      sheets: this.sheetNames.filter((s): s is string => !!s),
      skippedSheets: this.skippedSheets,
    };
  }

  /** batch.summary: counts only (new / corrected / unchanged, per record type, and unmapped columns with the rows filling them). */
  private batchSummary(): Record<string, number> {
    const total = this.total();
    const summary: Record<string, number> = { rows: total.rows, new: total.new, corrected: total.corrected, unchanged: total.unchanged, withdrawn: 0 };
    for (const [code, c] of this.counts) {
      summary[`${code}.new`] = c.new;
      summary[`${code}.corrected`] = c.corrected;
      summary[`${code}.unchanged`] = c.unchanged;
    }
    for (const u of this.unmapped.values()) summary[`unmapped:${u.sheet ? `${u.sheet}!` : ''}${u.column}`] = u.rows;
    return summary;
  }
}

const columnsCache = new WeakMap<RecordType, Map<string, ColumnSpec>>();
function columnsOf(type: RecordType): Map<string, ColumnSpec> {
  let map = columnsCache.get(type);
  if (!map) columnsCache.set(type, (map = new Map(type.columns.map((c) => [c.key, c]))));
  return map;
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
    const keys = Object.keys(object).map((k) => matcher.column(k)?.key).filter(Boolean);
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
