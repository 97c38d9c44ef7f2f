/**
 * Worksheet rows of an .xlsx file, streamed whatever its size (exceljs WorkbookReader: rows as
 * they are unzipped, memory bounded by the row and the shared-strings table, never by the sheet).
 *
 * Before a byte is inflated, the zip's central directory (unzipper, the library exceljs reads
 * zips with) is checked: a workbook whose entries claim more than {@link MAX_INFLATED_BYTES} in
 * all, or compress better than {@link MAX_RATIO}:1 beyond {@link RATIO_CHECKED_FROM} (real
 * sheets compress 5–20:1; a zip bomb 1000:1), is refused as such.
 *
 * Merged cells: a cell merged down a column (an enterprise named once for its three items)
 * counts for every row it spans; merges across columns (a title over the table) stay in their
 * first cell. A sheet lists its merges after its rows, so each sheet's XML is first scanned for
 * `<mergeCell ref=…>` (streamed, nothing kept but the merges), then read row by row with them.
 * Dates formatted as dates arrive as Date at UTC midnight.
 */
import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import type { Cell } from '../row-reader.ts';
import type { SheetRow } from './csv.ts';

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

/** Checks the central directory (zip bomb), then finds each sheet's merges: sheet name → merges. */
export async function inspectWorkbook(path: string): Promise<Map<string, Merge[]>> {
  let directory: { files: Array<{ path: string; compressedSize: number; uncompressedSize: number; stream(): NodeJS.ReadableStream }> };
  try {
    directory = await unzipper.Open.file(path);
  } catch (error) {
    throw new WorkbookRefused(
      `不是有效的 .xlsx 文件（${(error as Error).message}）`,
      `not a valid .xlsx file (${(error as Error).message})`,
    );
  }
  let total = 0;
  for (const entry of directory.files) {
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
  const text = async (name: string) => {
    const entry = directory.files.find((f) => f.path === name);
    if (!entry || entry.uncompressedSize > 16 * MB) return '';
    let out = '';
    for await (const chunk of entry.stream() as AsyncIterable<Buffer>) out += chunk.toString('utf8');
    return out;
  };
  // sheet name → its part, through the workbook's relationships
  const rels = new Map<string, string>();
  for (const m of (await text('xl/_rels/workbook.xml.rels')).matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) rels.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const merges = new Map<string, Merge[]>();
  for (const m of (await text('xl/workbook.xml')).matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? /\bid="([^"]*)"/.exec(m[0])?.[1];
    const part = rid ? rels.get(rid) : undefined;
    const entry = part ? directory.files.find((f) => f.path === part) : undefined;
    if (!name || !entry) continue;
    const found = await scanMerges(entry.stream());
    if (found.length) merges.set(unescapeXml(name), found);
  }
  return merges;
}

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
}

/** `<mergeCell ref="C3:C5"/>` in a sheet's XML, streamed: the merges spanning more than one row. */
async function scanMerges(stream: NodeJS.ReadableStream): Promise<Merge[]> {
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

export async function* readXlsx(path: string, _bytes: number, onBytes?: (bytes: number) => void): AsyncGenerator<Sheet> {
  const merges = await inspectWorkbook(path);
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  if (onBytes) {
    let read = 0;
    file.on('data', (chunk) => {
      read += chunk.length;
      onBytes(read);
    });
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader as AsyncIterable<any>) {
      const name = String(worksheet.name ?? `Sheet${worksheet.id}`);
      yield {
        name,
        hidden: worksheet.state === 'hidden' || worksheet.state === 'veryHidden',
        rows: rowsOf(worksheet, merges.get(name) ?? []),
      };
    }
  } finally {
    // the caller may stop after the first sheet: close the file instead of unzipping the rest
    file.destroy();
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
