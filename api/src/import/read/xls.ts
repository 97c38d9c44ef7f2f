/**
 * Worksheet rows of a legacy .xls (BIFF8) workbook — what Chinese government sites still publish —
 * through SheetJS as @e965/xlsx republishes it (current SheetJS; npm's `xlsx` 0.18.5 is stale with
 * known advisories). A BIFF8 sheet holds at most 65,536 rows, so reading the file whole is bounded;
 * the file itself is refused beyond {@link MAX_XLS_BYTES}. Same shape as read/xlsx.ts: merges down a
 * column fill their rows, date-formatted numbers are dates at UTC midnight.
 */
import { readFile } from 'node:fs/promises';
import type * as SheetJS from '@e965/xlsx';
import type { Cell } from '../row-reader.ts';
import type { Sheet } from './xlsx.ts';
import { WorkbookRefused } from './xlsx.ts';

/** 65,536 rows × a few hundred bytes: a real .xls is far below; a bigger file is no BIFF8 sheet the bureau wrote. */
export const MAX_XLS_BYTES = 64 * 1024 * 1024;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export async function* readXls(path: string, bytes: number): AsyncGenerator<Sheet> {
  if (bytes > MAX_XLS_BYTES) {
    throw new WorkbookRefused(
      `.xls 文件过大（${Math.round(bytes / 1024 / 1024)} MB，上限 ${MAX_XLS_BYTES / 1024 / 1024} MB）：请另存为 .xlsx`,
      `.xls file too large (${Math.round(bytes / 1024 / 1024)} MB, at most ${MAX_XLS_BYTES / 1024 / 1024} MB): save it as .xlsx`,
    );
  }
  const data = await readFile(path);
  const head = data.subarray(0, 8);
  const ole2 = head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  // sites also publish an HTML table named .xls (Excel opens it): SheetJS reads those too
  const html = /^\s*</.test(data.subarray(0, 512).toString('latin1'));
  if (!ole2 && !html) {
    throw new WorkbookRefused(
      '不是 Excel 97–2003 工作簿（.xls）：请在 Excel 中打开并另存为 .xlsx',
      'not an Excel 97–2003 workbook (.xls): open it in Excel and save it as .xlsx',
    );
  }
  // loaded on the first .xls: SheetJS is large, and every other command does without it
  const XLSX: typeof SheetJS = await import('@e965/xlsx');
  let workbook: SheetJS.WorkBook;
  try {
    workbook = XLSX.read(data, { type: 'buffer', cellNF: true, cellDates: false, dense: true });
  } catch (error) {
    throw new WorkbookRefused(`不是有效的 .xls 文件（${(error as Error).message}）`, `not a valid .xls file (${(error as Error).message})`);
  }
  for (const [index, name] of workbook.SheetNames.entries()) {
    const sheet = workbook.Sheets[name];
    const hidden = (workbook.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0;
    yield { name, hidden, rows: rowsOf(XLSX, sheet) };
  }
}

async function* rowsOf(XLSX: typeof SheetJS, sheet: SheetJS.WorkSheet): AsyncGenerator<{ row: number; cells: Cell[] }> {
  const ref = sheet['!ref'];
  if (!ref) return;
  const range = XLSX.utils.decode_range(ref);
  const dense = (sheet as unknown as { '!data'?: (SheetJS.CellObject | undefined)[][] })['!data'] ?? [];
  const fill = new Map<string, { r: number; c: number }>();
  for (const m of sheet['!merges'] ?? []) {
    // a merge down a column repeats its first cell's value; across columns it stays in the first
    for (let r = m.s.r + 1; r <= m.e.r; r++) fill.set(`${r}:${m.s.c}`, { r: m.s.r, c: m.s.c });
  }
  const cellAt = (r: number, c: number): Cell => {
    const master = fill.get(`${r}:${c}`);
    const cell = master ? dense[master.r]?.[master.c] : dense[r]?.[c];
    return cellValue(XLSX, cell);
  };
  for (let r = range.s.r; r <= range.e.r; r++) {
    const cells: Cell[] = [];
    for (let c = 0; c <= range.e.c; c++) cells.push(cellAt(r, c));
    while (cells.length && (cells[cells.length - 1] === null || cells[cells.length - 1] === '')) cells.pop();
    if (cells.length) yield { row: r + 1, cells };
  }
}

function cellValue(XLSX: typeof SheetJS, cell: SheetJS.CellObject | undefined): Cell {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  if (cell.t === 'n' && typeof cell.v === 'number') {
    const format = typeof cell.z === 'string' ? cell.z : '';
    if (format && XLSX.SSF.is_date(format)) return new Date(EXCEL_EPOCH + Math.round(cell.v * 86400) * 1000);
    return cell.v;
  }
  if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE';
  if (cell.t === 'e') return typeof cell.w === 'string' ? cell.w : null;
  if (cell.v instanceof Date) return cell.v;
  return String(cell.v);
}
