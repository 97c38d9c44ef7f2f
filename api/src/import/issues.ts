/**
 * What is wrong with a file: every problem names the row, the column (as headed in the file), the
 * value and what is wrong — in Chinese with English beside it — and all of them are reported at
 * once, on the console and in `<input>.errors.csv` next to the input.
 */
import { writeFile } from 'node:fs/promises';

export interface Issue {
  /** 'warning': imported all the same, listed for the bureau's eye; absent: an error (nothing imported) */
  level?: 'warning';
  /** the sheet, for workbooks read sheet by sheet */
  sheet?: string;
  /** the row as the spreadsheet shows it (CSV: record number, JSON: element number); none for the whole file */
  row?: number;
  /** the column as headed in the file */
  column?: string;
  value?: string;
  zh: string;
  en: string;
}

const MAX_VALUE_IN_MESSAGE = 80;

export function issueLocation(issue: Issue): string {
  const parts: string[] = [];
  if (issue.sheet) parts.push(`工作表「${issue.sheet}」`);
  if (issue.row !== undefined) parts.push(`第${issue.row}行`);
  return parts.join(' ');
}

/** `第12行 统一社会信用代码 "91420100MA4K8Q2L3X": 校验位错误 (check character wrong: expected 7)` */
export function formatIssue(issue: Issue): string {
  const where = [issueLocation(issue), issue.column].filter(Boolean).join(' ');
  const value = issue.value !== undefined ? ` "${shorten(issue.value)}"` : '';
  const head = where || value ? `${where}${value}: ` : '';
  const level = issue.level === 'warning' ? '[警告 warning] ' : '';
  return `${level}${head}${issue.zh} (${issue.en})`;
}

function shorten(value: string): string {
  const oneLine = value.replace(/\r?\n/g, '⏎');
  return oneLine.length > MAX_VALUE_IN_MESSAGE ? `${oneLine.slice(0, MAX_VALUE_IN_MESSAGE)}…` : oneLine;
}

/** Orders issues as a reader goes through the file: by sheet (in order met), row, then as found. */
export function sortIssues(issues: Issue[]): Issue[] {
  const sheetOrder = new Map<string | undefined, number>();
  for (const i of issues) if (!sheetOrder.has(i.sheet)) sheetOrder.set(i.sheet, sheetOrder.size);
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort(
      (a, b) =>
        sheetOrder.get(a.issue.sheet)! - sheetOrder.get(b.issue.sheet)! || (a.issue.row ?? 0) - (b.issue.row ?? 0) || a.index - b.index,
    )
    .map((x) => x.issue);
}

export const ERRORS_CSV_HEADER = ['行', '列', '值', '问题', 'problem', '级别'] as const;

export const LEVEL_LABEL = { error: '错误', warning: '警告' } as const;

/**
 * The errors and warnings as CSV: UTF-8 with BOM (Excel on a Chinese Windows opens it right),
 * columns 行,列,值,问题,problem,级别 (错误 / 警告). `omitted`: issues counted but not kept.
 */
export function errorsCsv(issues: Issue[], omitted = 0): string {
  const lines = [ERRORS_CSV_HEADER.join(',')];
  for (const issue of issues) {
    const row = issue.row === undefined ? '' : issue.sheet ? `${issue.sheet}!${issue.row}` : String(issue.row);
    const level = LEVEL_LABEL[issue.level ?? 'error'];
    lines.push([row, issue.column ?? '', issue.value ?? '', issue.zh, issue.en, level].map(csvField).join(','));
  }
  if (omitted > 0) {
    lines.push(['', '', '', `另有 ${omitted} 条未列出`, `${omitted} more not listed`, ''].map(csvField).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/**
 * One CSV field, safe to open in a spreadsheet: a value starting with `=` `+` `-` `@`, a tab or
 * a carriage return would be read as a formula (CSV injection, OWASP), so it gets a leading `'`,
 * which Excel and LibreOffice show as text and do not display.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n\t]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export async function writeErrorsCsv(path: string, issues: Issue[], omitted = 0): Promise<void> {
  await writeFile(path, errorsCsv(issues, omitted), 'utf8');
}

/** The file has errors: nothing was imported. */
export class ImportRejected extends Error {
  constructor(
    readonly file: string,
    readonly issues: Issue[],
    readonly errorsFile: string | undefined,
    /** the warnings found as well (also in the errors file) */
    readonly warnings: Issue[] = [],
    /** every error, also those beyond the ones kept */
    readonly errorCount: number = issues.length,
  ) {
    super(`${file}: ${errorCount} 处错误，未导入任何数据 (${errorCount} error(s), nothing imported)`);
  }
}
