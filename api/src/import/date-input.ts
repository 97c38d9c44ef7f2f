/**
 * Dates as the bureau writes them: Excel serial numbers, `2026-03-05`, `2026/3/5`, `2026.3.5`,
 * `2026年3月5日`, `20260305`. Reading them is import normalisation; the result is always a
 * plain 'YYYY-MM-DD' date of the shared module (db/src/plain-date.ts), never a `Date` at local
 * midnight (which names another day west of UTC).
 */
import { daysInMonth, fromDayNumber, plainDate, toDayNumber, yearOf, type PlainDate } from '@hub/db';
import { foldWidth } from './text.ts';

export type DateParse = { date: PlainDate } | { problem: { zh: string; en: string } };

const EXCEL_MAX_SERIAL = 2_958_465; // 9999-12-31
/** Excel's day 0 for serials from 61 on (its phantom 1900-02-29 is serial 60). */
const EXCEL_EPOCH = toDayNumber('1899-12-30');

/** The years a record of this programme can carry; anything else is a typo. */
export const YEAR_RANGE = { min: 1980, max: 2100 } as const;

/**
 * An Excel serial day number as a date (1 = 1900-01-01; Excel's phantom 1900-02-29 is serial 60,
 * so serials from 61 on count from 1899-12-30). The fraction (time of day) is dropped.
 */
export function excelSerialToDate(serial: number): PlainDate {
  const whole = Math.floor(serial + 1e-9);
  return fromDayNumber((whole >= 61 ? EXCEL_EPOCH : EXCEL_EPOCH + 1) + whole);
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
    // exceljs builds a date cell at UTC midnight of its serial, so the UTC parts are the day
    // (a cell holding a time of day too, e.g. 2026-03-05 14:00, keeps its calendar day)
    return dated(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
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
    return dated(year, month, day);
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
  const date = excelSerialToDate(serial);
  const problem = yearProblem(yearOf(date));
  return problem ? { problem } : { date };
}

/** The date of a day known to exist, when its year is plausible (YEAR_RANGE). */
function dated(year: number, month: number, day: number): DateParse {
  const problem = yearProblem(year);
  return problem ? { problem } : { date: plainDate(year, month, day) };
}

function yearProblem(year: number): { zh: string; en: string } | undefined {
  if (year >= YEAR_RANGE.min && year <= YEAR_RANGE.max) return undefined;
  return {
    zh: `年份 ${year} 不合理（应在 ${YEAR_RANGE.min}–${YEAR_RANGE.max} 之间）`,
    en: `implausible year ${year} (expected ${YEAR_RANGE.min}–${YEAR_RANGE.max})`,
  };
}

/** The first date written inside a free text such as `2026-01-05/B123` or `批号B12 生产日期2026.1.5`. */
export function findDateIn(text: string): PlainDate | undefined {
  const t = foldWidth(text);
  const m = /(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)/.exec(t) ?? /(?<!\d)(20\d{2})(\d{2})(\d{2})(?!\d)/.exec(t);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (year < YEAR_RANGE.min || year > YEAR_RANGE.max) return undefined;
  return plainDate(year, month, day);
}
