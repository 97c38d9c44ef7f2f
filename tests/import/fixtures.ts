/**
 * Builders for real-looking batch files: the same table written as an .xlsx the way the bureau's
 * announcements look (a merged title row above the header, notes below the table, dates as Excel
 * serial numbers, full-width characters, cells merged down a column), as CSV in GBK or UTF-8 with
 * BOM (what Excel saves), and as JSON with the English keys.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { usccCheckCharacter } from '@hub/db';
import { encodeText } from '@hub/api/import';

// exceljs is a dependency of the api package, not of the tests: load it from there
const requireFromApi = createRequire(new URL('../../api/package.json', import.meta.url));
const ExcelJS: any = requireFromApi('exceljs');

export const PROJECT_ROOT = new URL('../../', import.meta.url).pathname;

/** A valid USCC (GB 32100-2015) for a division and a serial. */
export function uscc(division: string, serial: string): string {
  const body = `91${division}${serial.toUpperCase().padStart(9, '0')}`;
  return body + usccCheckCharacter(body);
}

/** The same USCC with a wrong check character (for error files). */
export function withWrongCheck(code: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  return code.slice(0, 17) + alphabet[(alphabet.indexOf(code[17]) + 1) % alphabet.length];
}

/** A cell written as an Excel date (a serial number formatted as a date). */
export class ExcelDate {
  constructor(readonly iso: string) {}
}
export const xd = (iso: string) => new ExcelDate(iso);

export type FixtureCell = string | number | ExcelDate | null;

export interface Table {
  /** merged over the table's width, above the header */
  title?: string;
  headers: string[];
  rows: FixtureCell[][];
  /** lines below the table (`注：…`) */
  notes?: string[];
  /** cells merged down a column: [column index, first data row index, last data row index] */
  mergeDown?: Array<[number, number, number]>;
}

export async function tempDir(prefix = 'hub-import-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** A workbook; a sheet may stack several tables (a blank row between them). */
export async function writeXlsx(path: string, sheets: Array<{ name: string; table: Table | Table[]; hidden?: boolean }>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const { name, table: tables, hidden } of sheets) {
    const sheet = workbook.addWorksheet(name, hidden ? { state: 'hidden' } : undefined);
    let r = 1;
    for (const table of Array.isArray(tables) ? tables : [tables]) {
      r = writeTable(sheet, table, r) + 1;
    }
  }
  await workbook.xlsx.writeFile(path);
}

function writeTable(sheet: any, table: Table, start: number): number {
  let r = start;
  if (table.title) {
    sheet.getCell(r, 1).value = table.title;
    sheet.mergeCells(r, 1, r, table.headers.length);
    r++;
  }
  table.headers.forEach((h, c) => {
    sheet.getCell(r, c + 1).value = h;
  });
  const firstData = ++r;
  table.rows.forEach((row, i) => {
    row.forEach((value, c) => {
      const cell = sheet.getCell(firstData + i, c + 1);
      if (value instanceof ExcelDate) {
        const [y, m, d] = value.iso.split('-').map(Number);
        cell.value = new Date(Date.UTC(y, m - 1, d));
        cell.numFmt = 'yyyy"年"m"月"d"日"';
      } else if (value !== null) {
        cell.value = value;
      }
    });
  });
  for (const [column, from, to] of table.mergeDown ?? []) {
    sheet.mergeCells(firstData + from, column + 1, firstData + to, column + 1);
  }
  r = firstData + table.rows.length;
  for (const note of table.notes ?? []) {
    sheet.getCell(r, 1).value = note;
    sheet.mergeCells(r, 1, r, table.headers.length);
    r++;
  }
  return r;
}

function csvText(tables: Table[], dateStyle: (iso: string) => string): string {
  const field = (v: FixtureCell) => {
    const text = v === null ? '' : v instanceof ExcelDate ? dateStyle(v.iso) : String(v);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines: string[] = [];
  for (const table of tables) {
    if (lines.length) lines.push('');
    const width = table.headers.length;
    if (table.title) lines.push(field(table.title) + ','.repeat(width - 1));
    lines.push(table.headers.map(field).join(','));
    for (const row of table.rows) lines.push(row.map(field).join(','));
    for (const note of table.notes ?? []) lines.push(field(note) + ','.repeat(width - 1));
  }
  return lines.join('\r\n') + '\r\n';
}

/** CSV as Excel saves it on a Chinese Windows: GBK ('gbk') or "CSV UTF-8" with BOM ('utf8-bom'). */
export async function writeCsv(
  path: string,
  tables: Table | Table[],
  encoding: 'gbk' | 'utf8-bom' | 'utf8',
  dateStyle: (iso: string) => string = (iso) => iso,
): Promise<void> {
  const text = csvText(Array.isArray(tables) ? tables : [tables], dateStyle);
  if (encoding === 'gbk') await writeFile(path, encodeText(text, 'gbk'));
  else await writeFile(path, (encoding === 'utf8-bom' ? '\uFEFF' : '') + text, 'utf8');
}

export async function writeJson(path: string, records: object[]): Promise<void> {
  await writeFile(path, JSON.stringify(records, null, 2), 'utf8');
}

/** Date styles the bureau's CSVs use. */
export const slashDate = (iso: string) => iso.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1/$2/$3');
export const dotDate = (iso: string) => iso.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1.$2.$3');
export const chineseDate = (iso: string) => iso.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * `pnpm hub …` as a child process, against the given database. Node runs the CLI directly (with
 * tsx as a loader, no wrapper process), so a signal reaches the process that holds the connection.
 */
export function hub(args: string[], databaseUrl: string, options: { onSpawn?: (pid: number) => void } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/cli/hub.ts', ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, TSX_TSCONFIG_PATH: 'tsconfig.json', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('spawn', () => options.onSpawn?.(child.pid!));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
