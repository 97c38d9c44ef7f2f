/**
 * Worksheet rows of an .xlsx file. Large files are streamed (exceljs WorkbookReader: rows as
 * they are unzipped, bounded memory). Files up to {@link FULL_READ_LIMIT} are read whole, which
 * also gives their merged cells: a cell merged down a column (an enterprise named once for its
 * three items) counts for every row it spans. Merges across columns (a title over the table)
 * stay in their first cell. Dates formatted as dates arrive as Date at UTC midnight.
 */
import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Cell } from '../row-reader.ts';
import type { SheetRow } from './csv.ts';

export const FULL_READ_LIMIT = 8 * 1024 * 1024;

export interface Sheet {
  name: string;
  hidden: boolean;
  rows: AsyncIterable<SheetRow>;
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

export async function* readXlsx(
  path: string,
  bytes: number,
  onBytes?: (bytes: number) => void,
  fullReadLimit = FULL_READ_LIMIT,
): AsyncGenerator<Sheet> {
  if (bytes <= fullReadLimit) {
    yield* readWhole(path);
    onBytes?.(bytes);
  } else {
    yield* readStreaming(path, onBytes);
  }
}

async function* readWhole(path: string): AsyncGenerator<Sheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  for (const worksheet of workbook.worksheets) {
    const rows: SheetRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.getCell(c);
        if (cell.isMerged && cell.master !== cell) {
          // only a merge down the same column repeats its value
          cells.push(cell.master.col === cell.col ? flattenCell(cell.master.value) : null);
        } else {
          cells.push(flattenCell(cell.value));
        }
      }
      rows.push({ row: rowNumber, cells });
    });
    yield { name: worksheet.name, hidden: worksheet.state === 'hidden' || worksheet.state === 'veryHidden', rows: iterate(rows) };
  }
}

async function* iterate<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

async function* readStreaming(path: string, onBytes?: (bytes: number) => void): AsyncGenerator<Sheet> {
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
    yield* sheetsOf(reader);
  } finally {
    // the caller may stop after the first sheet: close the file instead of unzipping the rest
    file.destroy();
  }
}

async function* sheetsOf(reader: ExcelJS.stream.xlsx.WorkbookReader): AsyncGenerator<Sheet> {
  for await (const worksheet of reader as AsyncIterable<any>) {
    const rows = (async function* () {
      for await (const row of worksheet as AsyncIterable<{ number: number; values: unknown[] }>) {
        const values = Array.isArray(row.values) ? row.values : [];
        const cells: Cell[] = [];
        for (let c = 1; c < values.length; c++) cells.push(flattenCell(values[c]));
        yield { row: row.number, cells };
      }
    })();
    yield {
      name: String(worksheet.name ?? `Sheet${worksheet.id}`),
      hidden: worksheet.state === 'hidden' || worksheet.state === 'veryHidden',
      rows,
    };
  }
}
