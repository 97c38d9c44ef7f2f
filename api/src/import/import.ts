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
 *
 * The steps, one file each: read-file.ts (the file as table events, any format), check-rows.ts
 * (each row on its own: normalised, no duplicate key), stage.ts (each chunk against the published
 * records, then into batch_row); this file holds the session that runs them in one transaction.
 */
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { duplicates, RowChecker } from './check-rows.ts';
import { ImportRejected, sortIssues, writeErrorsCsv, type Issue } from './issues.ts';
import { importKind, type ImportKind } from './kinds.ts';
import { withConnection, type Database, type Queryable } from '@hub/db';
import { FileReader, type FileFormat } from './read-file.ts';
import { scanFile, type FileScan } from './read/encoding.ts';
import type { ImportContext, Prepared, RecordTypeCode } from './record-type.ts';
import { BATCH_MAX, DraftStager, recordIssue, type ActionCounts } from './stage.ts';
import type { TableEvent } from './tables.ts';
import { checkBatchNotice, NoticeRejected, type BatchNotice } from './notice.ts';

export type { ActionCounts } from './stage.ts';
export type { FileFormat } from './read-file.ts';
export { SHEET_ROW_OFFSET } from './check-rows.ts';

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
  /** the official notice (公告) to link from the batch, and a certification round's reviewed count (./notice.ts) */
  notice?: { noticeUrl?: string | null; noticeNo?: string | null; reviewedItems?: number | null };
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  bytes: number;
  totalBytes: number;
  rows: number;
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
  /** what was imported but is worth the bureau's eye (the first {@link MAX_ISSUES_KEPT}; all in the errors CSV) */
  warnings: Issue[];
  /** how many warnings in all */
  warningCount: number;
  /** where the warnings were written (`<file>.errors.csv`), when there are any */
  errorsFile?: string;
}

/**
 * Issues kept in memory (and written to the CSV): a file with more problems than this stops
 * listing them and counts the rest, so that memory stays bounded whatever the file's size.
 */
export const MAX_ISSUES_KEPT = 100_000;

const CHUNK_ROWS = 2000;
const PROGRESS_EVERY_MS = 150;

export function fileFormat(file: string): FileFormat | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.xls') return 'xls';
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
  const notice = checkBatchNotice(options.notice ?? {});
  if (notice.reviewedItems !== undefined && kind.code !== 'certifications') {
    throw new NoticeRejected(
      'reviewedItems',
      '资料评审项数只属于认定名单批次（--kind certifications）',
      'the reviewed count belongs to a certification batch only (--kind certifications)',
    );
  }
  const errorsFile = options.errorsFile === undefined ? `${file}.errors.csv` : options.errorsFile || undefined;
  const reject = async (issues: Issue[], warnings: Issue[] = [], omitted = 0): Promise<never> => {
    const sorted = sortIssues(issues);
    if (errorsFile) await writeErrorsCsv(errorsFile, sortIssues([...sorted, ...warnings]), omitted);
    throw new ImportRejected(basename(file), sorted, errorsFile, warnings, sorted.length + omitted);
  };

  const format = fileFormat(file);
  if (!format) {
    return reject([
      { zh: '不支持的文件类型（支持 .xlsx、.xls、.csv、.json）', en: 'unsupported file type (use .xlsx, .xls, .csv or .json)' },
    ]);
  }
  const size = (await stat(file)).size;
  const scan = await scanFile(file, { text: format === 'csv' || format === 'json' });
  if (scan.encoding === 'gb18030' && scan.head?.includes('\uFFFD')) {
    return reject([
      {
        zh: `无法识别文件编码：既不是 UTF-8 也不是 GBK/GB18030（chardet 猜测为 ${scan.hint ?? '未知'}），请另存为 UTF-8 CSV`,
        en: `unrecognised encoding: neither UTF-8 nor GBK/GB18030 (chardet guesses ${scan.hint ?? 'nothing'}); save as UTF-8 CSV`,
      },
    ]);
  }

  return withConnection(db, async (sql) => {
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
        warnings: [],
        warningCount: 0,
      } satisfies ImportSummary;
    }
    const session = new ImportSession(sql, kind, file, format, size, scan, options, notice);
    const result = await session.run();
    if ('issues' in result) return reject(result.issues, result.warnings, result.omitted);
    const summary: ImportSummary = { ...base, ...result.summary };
    if (summary.warningCount && errorsFile) {
      await writeErrorsCsv(errorsFile, summary.warnings, summary.warningCount - summary.warnings.length);
      summary.errorsFile = errorsFile;
    }
    return summary;
  });
}

type SessionResult =
  | { issues: Issue[]; warnings: Issue[]; omitted: number }
  | { summary: Omit<ImportSummary, 'kind' | 'file' | 'format' | 'contentHash' | 'encoding'> };

class ImportSession {
  private readonly issues: Issue[] = [];
  private readonly warnings: Issue[] = [];
  /** issues and warnings counted beyond MAX_ISSUES_KEPT */
  private omittedIssues = 0;
  private omittedWarnings = 0;
  private readonly context: ImportContext;
  private readonly reader: FileReader;
  private readonly checker: RowChecker;
  private readonly stager: DraftStager;
  private chunk: Prepared[] = [];
  private inflight: Promise<void> = Promise.resolve();
  private title: string | undefined;
  private rowsRead = 0;
  private bytesRead = 0;
  private lastProgress = 0;

  constructor(
    private readonly sql: Queryable,
    private readonly kind: ImportKind,
    private readonly file: string,
    format: FileFormat,
    private readonly size: number,
    scan: FileScan,
    private readonly options: ImportOptions,
    notice: BatchNotice,
  ) {
    this.context = {
      industries: new Map(),
      scratch: new Map(),
      warn: (record, column, zh, en, value) => this.warnings.push({ ...recordIssue(record, column, zh, en, value), level: 'warning' }),
    };
    this.title = options.title?.trim() || undefined;
    this.reader = new FileReader(
      { kind, file, format, size, scan, sheet: options.sheet },
      this.issues,
      (event, sheet, ordinal) => this.handle(event, sheet, ordinal),
      () => this.stager.total().rows > 0,
    );
    this.checker = new RowChecker(this.context, this.issues, this.warnings);
    this.stager = new DraftStager(
      sql,
      {
        kind,
        file,
        contentHash: scan.sha256,
        isSample: options.isSample ?? false,
        dryRun: options.dryRun ?? false,
        notice,
        title: () => this.batchTitle(),
      },
      this.context,
      this.issues,
    );
  }

  async run(): Promise<SessionResult> {
    await this.sql.execute('BEGIN');
    try {
      // the whole-file checks group and join the draft's rows: in memory, not in temporary files
      await this.sql.execute(`SELECT set_config('work_mem', '64MB', true)`);
      const industries = await this.sql.query<{ code: string; name: string }>('SELECT code, name FROM industry');
      for (const i of industries) this.context.industries.set(i.code, i.name);

      await this.reader.readAll((bytes) => {
        this.bytesRead = bytes;
        this.progress();
      });
      this.progress(true);
      await this.flush();
      await this.inflight;
      await this.checkWholeFile();
      for (const u of this.checker.unmapped) {
        this.warnings.push({
          level: 'warning',
          sheet: u.sheet,
          column: u.column,
          zh: `未映射的列：未导入为字段，已随每行原样保存（${u.rows} 行有值）`,
          en: `unmapped column: not read as a field, kept as written with each row (${u.rows} rows with a value)`,
        });
      }
      this.bound();

      const total = this.stager.total();
      if (total.rows === 0 && this.issues.length === 0) {
        this.issues.push({ zh: '文件中没有数据行', en: 'the file has no data rows' });
      }
      if (this.issues.length || this.options.dryRun) {
        await this.sql.execute('ROLLBACK');
        if (this.issues.length) return { issues: this.issues, warnings: sortIssues(this.warnings), omitted: this.omittedIssues };
        return { summary: this.summary(null, 'dry-run') };
      }
      const summary = this.summary(this.stager.batchId!, 'imported');
      await this.sql.execute('UPDATE batch SET row_count = $2, summary = $3 WHERE id = $1', [
        this.stager.batchId,
        total.rows,
        JSON.stringify({ ...this.stager.batchSummary(this.checker.unmapped), warnings: summary.warningCount, errors: 0 }),
      ]);
      await this.sql.execute('COMMIT');
      return { summary };
    } catch (error) {
      await this.sql.execute('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  private async handle(event: TableEvent, sheet: string | undefined, ordinal: number): Promise<void> {
    switch (event.event) {
      case 'title':
        this.title ??= event.text.slice(0, BATCH_MAX.title);
        return;
      case 'issue':
        this.issues.push(event.issue);
        return;
      case 'table':
        for (const column of event.unmapped) this.checker.countUnmapped(column, sheet, 0);
        return;
      case 'record': {
        this.rowsRead++;
        this.progress();
        const prepared = this.checker.check(event.type, event.raw, ordinal);
        if (prepared) this.chunk.push(prepared);
        if (this.chunk.length >= CHUNK_ROWS) await this.flush();
        if (this.issues.length > MAX_ISSUES_KEPT || this.warnings.length > MAX_ISSUES_KEPT) this.bound();
      }
    }
  }

  /** The set-based checks over batch_row: natural keys new in the file, each type's references inside it. */
  private async checkWholeFile(): Promise<void> {
    const batchId = this.stager.batchId;
    if (batchId === undefined) return;
    this.issues.push(...(await duplicates(this.sql, batchId, this.kind.types, this.checker.headers, MAX_ISSUES_KEPT)));
    for (const type of this.kind.types) {
      if (!type.finalChecks) continue;
      const headers = this.checker.headers.get(type.code);
      await type.finalChecks(this.sql, batchId, (at, column, zh, en, value, level) => {
        const issue: Issue = {
          sheet: at.sheet ?? undefined,
          row: at.row,
          column: headers?.get(column) ?? type.columns.find((c) => c.key === column)?.header ?? column,
          value,
          zh,
          en,
        };
        if (level === 'warning') this.warnings.push({ ...issue, level });
        else this.issues.push(issue);
      });
    }
  }

  /** At most MAX_ISSUES_KEPT of each kept; the rest counted. */
  private bound(): void {
    if (this.issues.length > MAX_ISSUES_KEPT) {
      this.omittedIssues += this.issues.length - MAX_ISSUES_KEPT;
      this.issues.length = MAX_ISSUES_KEPT;
    }
    if (this.warnings.length > MAX_ISSUES_KEPT) {
      this.omittedWarnings += this.warnings.length - MAX_ISSUES_KEPT;
      this.warnings.length = MAX_ISSUES_KEPT;
    }
  }

  private progress(force = false): void {
    if (!this.options.onProgress) return;
    const now = Date.now();
    if (!force && now - this.lastProgress < PROGRESS_EVERY_MS) return;
    this.lastProgress = now;
    this.options.onProgress({ bytes: force ? this.size : this.bytesRead, totalBytes: this.size, rows: this.rowsRead });
  }

  /** Hands the current chunk to the database; the next one is read meanwhile (one chunk in flight). */
  private async flush(): Promise<void> {
    if (!this.chunk.length) return;
    const chunk = this.chunk;
    this.chunk = [];
    await this.inflight;
    this.inflight = this.stager.stage(chunk);
    // handled when awaited (next chunk or the end); until then a failure must not count as unhandled
    this.inflight.catch(() => undefined);
  }

  private batchTitle(): string {
    const fromFile = basename(this.file, extname(this.file));
    return (this.title ?? `${this.kind.label} ${fromFile}`).slice(0, BATCH_MAX.title);
  }

  private summary(batchId: number | null, outcome: 'imported' | 'dry-run') {
    return {
      outcome,
      batchId,
      title: this.batchTitle(),
      ...this.stager.total(),
      byType: this.stager.byType(),
      unmapped: this.checker.unmapped,
      sheets: this.reader.sheetNames.filter((s): s is string => !!s),
      skippedSheets: this.reader.skippedSheets,
      warnings: sortIssues(this.warnings),
      warningCount: this.warnings.length + this.omittedWarnings,
    };
  }
}
