/**
 * Worksheet rows of an .xlsx file, streamed whatever its size: rows as they are inflated, memory
 * bounded by the row and the shared-strings table, never by the sheet.
 *
 * The zip is read through its central directory (unzipper, the library exceljs reads zips with),
 * by random access to one open file: first the workbook's parts (relationships, workbook, styles,
 * shared strings) wherever they sit in the zip, then each sheet in the workbook's order. Cells are
 * parsed by exceljs's own readers (its stream WorkbookReader's steps and WorksheetReader, exceljs
 * pinned exactly), but not by its streaming zip parse: that parse writes every sheet stored before
 * the shared strings — Excel's and exceljs's own order — to a temporary file and reads it back,
 * left behind when the caller stops after the first sheet, and it races (exceljs issue #3064:
 * intermittently `Cannot read properties of undefined (reading 'sheets')`, the CI flake).
 *
 * Before a byte is inflated, the central directory is checked: a workbook whose entries claim
 * more than {@link MAX_INFLATED_BYTES} in all, or compress better than {@link MAX_RATIO}:1 beyond
 * {@link RATIO_CHECKED_FROM} (real sheets compress 5–20:1; a zip bomb 1000:1), is refused as such.
 * While inflating, an entry that grows past the size its directory entry claims (a zip that lies
 * about its sizes) is cut off there and the workbook refused: what is inflated never exceeds
 * what the directory was checked for.
 *
 * Merged cells: a cell merged down a column (an enterprise named once for its three items)
 * counts for every row it spans; merges across columns (a title over the table) stay in their
 * first cell. A sheet lists its merges after its rows, so each sheet's XML is first scanned for
 * `<mergeCell ref=…>` (streamed, nothing kept but the merges), then read row by row with them.
 * Dates formatted as dates arrive as Date at UTC midnight.
 */
import { type FileHandle, open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PassThrough, pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import unzipper, { type CentralDirectoryEntry } from 'unzipper';
import type { Cell } from '../row-reader.ts';
import type { SheetRow } from './csv.ts';

// exceljs's sheet reader, used with the entries read here (exceljs is pinned: see the header)
const WorksheetReader: new (init: { workbook: unknown; id: string; iterator: AsyncIterable<Buffer>; options: unknown }) => any =
  createRequire(import.meta.url)('exceljs/lib/stream/xlsx/worksheet-reader.js');

/** The most a workbook may inflate to, all entries together. */
export const MAX_INFLATED_BYTES = 4 * 1024 ** 3;
/** The best compression ratio accepted for an entry of more than RATIO_CHECKED_FROM inflated bytes. */
export const MAX_RATIO = 100;
export const RATIO_CHECKED_FROM = 32 * 1024 * 1024;

export interface Sheet {
  name: string;
  hidden: boolean;
  rows: AsyncIterable<SheetRow>;
}

/** The workbook is a zip bomb, or no zip at all. */
export class WorkbookRefused extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** One cell's value as text, number or date: rich text joined, formulas by their result. */
export function flattenCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
    if ('result' in v) return flattenCell(v.result);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if (typeof v.text === 'string') return v.text;
    if (typeof v.error === 'string') return v.error;
  }
  return String(value);
}

/** A merge down a column: column (0-based) and its first and last row. */
interface Merge {
  column: number;
  top: number;
  bottom: number;
}

const MB = 1024 * 1024;

const size = (bytes: number) =>
  bytes < MB ? { zh: `${bytes} 字节`, en: `${bytes} bytes` } : { zh: `${Math.round(bytes / MB)} MB`, en: `${Math.round(bytes / MB)} MB` };

/** The zip's central directory, checked against zip bombs before a byte is inflated. */
async function readDirectory(path: string): Promise<CentralDirectoryEntry[]> {
  let files: CentralDirectoryEntry[];
  try {
    files = (await unzipper.Open.file(path)).files;
  } catch (error) {
    throw new WorkbookRefused(
      `不是有效的 .xlsx 文件（${(error as Error).message}）`,
      `not a valid .xlsx file (${(error as Error).message})`,
    );
  }
  let total = 0;
  for (const entry of files) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > RATIO_CHECKED_FROM && ratio > MAX_RATIO) {
      throw new WorkbookRefused(
        `疑似压缩炸弹：${entry.path} 解压后 ${Math.round(entry.uncompressedSize / MB)} MB，压缩比 ${Math.round(ratio)}:1（上限 ${MAX_RATIO}:1），未读取`,
        `looks like a zip bomb: ${entry.path} inflates to ${Math.round(entry.uncompressedSize / MB)} MB, ratio ${Math.round(ratio)}:1 (at most ${MAX_RATIO}:1); not read`,
      );
    }
  }
  if (total > MAX_INFLATED_BYTES) {
    throw new WorkbookRefused(
      `工作簿解压后共 ${Math.round(total / MB)} MB，超过上限 ${MAX_INFLATED_BYTES / MB} MB，未读取`,
      `the workbook inflates to ${Math.round(total / MB)} MB in all, more than ${MAX_INFLATED_BYTES / MB} MB; not read`,
    );
  }
  return files;
}

/**
 * Passes an entry's inflated bytes on up to the size its directory entry claims, and fails the
 * stream (which stops the inflater and the file read) at the first byte beyond. The directory's
 * sizes are the ones checked against {@link MAX_INFLATED_BYTES}, so no entry, and no workbook,
 * inflates past that either.
 */
class ClaimedSize extends Transform {
  private inflated = 0;
  constructor(private readonly entry: CentralDirectoryEntry) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.inflated += chunk.length;
    if (this.inflated <= this.entry.uncompressedSize) {
      done(null, chunk);
      return;
    }
    const claimed = size(this.entry.uncompressedSize);
    done(
      new WorkbookRefused(
        `疑似压缩炸弹：${this.entry.path} 解压后超过其中央目录声明的 ${claimed.zh}，已停止解压，未读取`,
        `looks like a zip bomb: ${this.entry.path} inflates to more than the ${claimed.en} its central directory claims; inflating stopped, not read`,
      ),
    );
  }
}

/**
 * One entry's content, inflated as it is read, from the open file: its local header gives where
 * the data starts, the directory how long it is. `text`: as UTF-8 strings decoded across chunk
 * boundaries (exceljs decodes each chunk on its own, which breaks a character split by a chunk).
 * `onRead`: the file offset read so far (progress).
 */
async function entryStream(
  file: FileHandle,
  entry: CentralDirectoryEntry,
  options: { text?: boolean; onRead?: (offset: number) => void } = {},
): Promise<Readable> {
  const header = Buffer.alloc(30);
  const { bytesRead } = await file.read(header, 0, 30, entry.offsetToLocalFileHeader);
  if (bytesRead < 30 || header.readUInt32LE(0) !== 0x04034b50) {
    throw new WorkbookRefused(
      `不是有效的 .xlsx 文件（${entry.path} 缺少本地文件头）`,
      `not a valid .xlsx file (${entry.path} has no local file header)`,
    );
  }
  if (entry.flags & 1)
    throw new WorkbookRefused(`工作簿已加密（${entry.path}），无法读取`, `the workbook is encrypted (${entry.path}); cannot read it`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw new WorkbookRefused(
      `不支持的压缩方式 ${entry.compressionMethod}（${entry.path}），请用 Excel 另存为 .xlsx`,
      `unsupported compression method ${entry.compressionMethod} (${entry.path}): save it again as .xlsx from Excel`,
    );
  }
  const start = entry.offsetToLocalFileHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const raw =
    entry.compressedSize > 0
      ? file.createReadStream({ start, end: start + entry.compressedSize - 1, autoClose: false, highWaterMark: 256 * 1024 })
      : Readable.from([]);
  if (options.onRead) {
    let read = 0;
    raw.on('data', (chunk: Buffer) => options.onRead!(start + (read += chunk.length)));
  }
  // an error anywhere (the file, the inflater, the claimed size) destroys all three and is the last one's
  const stream = pipeline(raw, entry.compressionMethod === 8 ? createInflateRaw() : new PassThrough(), new ClaimedSize(entry), () => {});
  if (options.text) stream.setEncoding('utf8');
  return stream;
}

/** `<mergeCell ref="C3:C5"/>` in a sheet's XML, streamed: the merges spanning more than one row. */
async function scanMerges(stream: Readable): Promise<Merge[]> {
  const merges: Merge[] = [];
  let carry = '';
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = carry + chunk.toString('latin1');
    const pattern = /<mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g;
    let last = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      last = pattern.lastIndex;
      const [top, bottom] = [Number(m[2]), Number(m[4])];
      if (bottom > top) merges.push({ column: columnIndex(m[1]), top, bottom });
    }
    // keep a tail that may hold the start of a split element
    carry = text.slice(Math.max(last, text.length - 64));
  }
  return merges.sort((a, b) => a.top - b.top);
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The options exceljs reads cells with: shared strings and styles (number formats, for dates) cached. */
const EXCEL_OPTIONS = { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' };

/**
 * The workbook's sheets in the workbook's order. A sheet's rows must be read (or left) before the
 * next sheet is asked for; the file is closed when the caller stops.
 */
export async function* readXlsx(path: string, _bytes: number, onBytes?: (bytes: number) => void): AsyncGenerator<Sheet> {
  const entries = await readDirectory(path);
  const part = (name: string) => entries.find((e) => e.path === name.replace(/^\//, ''));
  const file = await open(path, 'r');
  try {
    // exceljs's stream reader for its parsing steps: shared strings, styles, the sheets' names
    // and states land on it, where its WorksheetReader looks for them. It never opens the input.
    const book: any = new ExcelJS.stream.xlsx.WorkbookReader(path, EXCEL_OPTIONS as never);
    const parse = async (name: string, step: (stream: Readable) => Promise<unknown>) => {
      const entry = part(name);
      if (entry) await step(await entryStream(file, entry, { text: true }));
    };
    await parse('xl/_rels/workbook.xml.rels', (s) => book._parseRels(s));
    await parse('xl/workbook.xml', (s) => book._parseWorkbook(s));
    await parse('xl/styles.xml', (s) => book._parseStyles(s));
    await parse('xl/sharedStrings.xml', async (s) => {
      for await (const _ of book._parseSharedStrings(s));
    });
    const rels: Array<{ Id: string; Target: string }> = book.workbookRels ?? [];
    const sheets: Array<{ id: number; name: string; rId: string; state?: string }> = book.model?.sheets ?? [];
    for (const sheet of sheets) {
      const target = rels.find((r) => r.Id === sheet.rId)?.Target;
      const entry = target ? part(target.replace(/^\/?(xl\/)?/, 'xl/')) : undefined;
      if (!entry) continue;
      yield {
        name: sheet.name,
        hidden: sheet.state === 'hidden' || sheet.state === 'veryHidden',
        rows: sheetRows(file, entry, book, sheet.id, onBytes),
      };
    }
  } finally {
    await file.close();
  }
}

/** A sheet's rows: its merges scanned first, then its cells parsed by exceljs as they inflate. */
async function* sheetRows(
  file: FileHandle,
  entry: CentralDirectoryEntry,
  book: unknown,
  id: number,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<SheetRow> {
  const merges = await scanMerges(await entryStream(file, entry));
  const stream = await entryStream(file, entry, { text: true, onRead: onBytes });
  try {
    yield* rowsOf(new WorksheetReader({ workbook: book, id: String(id), iterator: stream, options: EXCEL_OPTIONS }), merges);
  } finally {
    stream.destroy();
  }
}

async function* rowsOf(worksheet: AsyncIterable<{ number: number; values: unknown[] }>, merges: Merge[]): AsyncGenerator<SheetRow> {
  let next = 0;
  let active: Array<Merge & { value: Cell }> = [];
  for await (const row of worksheet) {
    const values = Array.isArray(row.values) ? row.values : [];
    const cells: Cell[] = [];
    for (let c = 1; c < values.length; c++) cells.push(flattenCell(values[c]));
    if (merges.length) {
      const r = row.number;
      active = active.filter((m) => m.bottom >= r);
      while (next < merges.length && merges[next].top <= r) {
        const m = merges[next++];
        if (m.top === r) active.push({ ...m, value: cells[m.column] ?? null });
      }
      for (const m of active) {
        if (r > m.top) {
          while (cells.length <= m.column) cells.push(null);
          cells[m.column] = m.value;
        }
      }
    }
    yield { row: row.number, cells };
  }
}
