/**
 * Dates in the bureau's files: Excel serial numbers, `2026-03-05`, `2026/3/5`, `2026.3.5`,
 * `2026年3月5日`, `20260305`. The result is always a plain 'YYYY-MM-DD' string, never a `Date`
 * at local midnight (which names another day west of UTC).
 */
import { foldWidth } from './text.ts';

export type PlainDate = string;

export type DateParse = { date: PlainDate } | { problem: { zh: string; en: string } };

const EXCEL_MAX_SERIAL = 2_958_465; // 9999-12-31

/** The years a record of this programme can carry; anything else is a typo. */
export const YEAR_RANGE = { min: 1980, max: 2100 } as const;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function formatDate(year: number, month: number, day: number): PlainDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * An Excel serial day number as a date (1 = 1900-01-01; Excel's phantom 1900-02-29 is serial 60,
 * so serials from 61 on count from 1899-12-30). The fraction (time of day) is dropped.
 */
export function excelSerialToDate(serial: number): PlainDate {
  const whole = Math.floor(serial + 1e-9);
  const epoch = whole >= 61 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  const d = new Date(epoch + whole * 86_400_000);
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** A spreadsheet date cell: exceljs builds it at UTC midnight of the serial, so the UTC parts are the day. */
export function dateCellToDate(value: Date): PlainDate {
  // a cell holding a time of day too (e.g. 2026-03-05 14:00) keeps its calendar day
  return formatDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
}

const PATTERNS: RegExp[] = [
  /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:\s*日)?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/,
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** Parses a date cell; see the module comment for the accepted forms. */
export function parseDate(value: string | number | Date): DateParse {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { problem: { zh: '不是有效日期', en: 'not a valid date' } };
    return checkYear(dateCellToDate(value));
  }
  if (typeof value === 'number') return fromSerial(value);
  const text = foldWidth(value).trim().replace(/\s+/g, ' ');
  if (/^\d{5}(?:\.\d+)?$/.test(text)) return fromSerial(Number(text)); // a serial saved to CSV
  for (const pattern of PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      return {
        problem: {
          zh: `日期不存在（${year}年${month}月没有${day}日）`,
          en: `no such day (${year}-${String(month).padStart(2, '0')} has no day ${day})`,
        },
      };
    }
    return checkYear(formatDate(year, month, day));
  }
  return {
    problem: {
      zh: '无法识别的日期格式，请写成 2026-03-05、2026/3/5、2026.3.5 或 2026年3月5日',
      en: 'unrecognised date: write 2026-03-05, 2026/3/5, 2026.3.5 or 2026年3月5日',
    },
  };
}

function fromSerial(serial: number): DateParse {
  if (!Number.isFinite(serial) || serial < 1 || serial > EXCEL_MAX_SERIAL) {
    return { problem: { zh: '不是有效的 Excel 日期序号', en: 'not a valid Excel date serial' } };
  }
  return checkYear(excelSerialToDate(serial));
}

function checkYear(date: PlainDate): DateParse {
  const year = Number(date.slice(0, 4));
  if (year < YEAR_RANGE.min || year > YEAR_RANGE.max) {
    return {
      problem: {
        zh: `年份 ${year} 不合理（应在 ${YEAR_RANGE.min}–${YEAR_RANGE.max} 之间）`,
        en: `implausible year ${year} (expected ${YEAR_RANGE.min}–${YEAR_RANGE.max})`,
      },
    };
  }
  return { date };
}

/** The first date written inside a free text such as `2026-01-05/B123` or `批号B12 生产日期2026.1.5`. */
export function findDateIn(text: string): PlainDate | undefined {
  const t = foldWidth(text);
  const m =
    /(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)/.exec(t) ??
    /(?<!\d)(20\d{2})(\d{2})(\d{2})(?!\d)/.exec(t);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (year < YEAR_RANGE.min || year > YEAR_RANGE.max) return undefined;
  return formatDate(year, month, day);
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: PlainDate, b: PlainDate): number {
  const ms = (d: PlainDate) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((ms(b) - ms(a)) / 86_400_000);
}

export function addDaysTo(date: PlainDate, days: number): PlainDate {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * 86_400_000;
  const d = new Date(ms);
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
