/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel opens Chinese text correctly),
 * CRLF line ends and RFC 4180 quoting. A text cell that starts with = + - @ (or a tab or
 * carriage return) is neutralised with a leading apostrophe, so a spreadsheet never runs it as
 * a formula (CSV injection); numbers stay numbers.
 */
export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value == null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
