import { HUBEI_CITIES, findCity } from '@hub/db';
import { userError } from './errors.ts';

/** A city argument as its GB/T 2260 code: accepts 420100, 武汉, 武汉市, 恩施州 … */
export function cityCode(value: string, argument = 'city'): string {
  const trimmed = value.trim();
  const byCode = HUBEI_CITIES.find((c) => c.code === trimmed);
  const city = byCode ?? findCity(trimmed);
  if (!city) {
    throw userError(
      'BAD_USER_INPUT',
      `${argument}: "${value}" is not a city of Hubei. Use a code or a name: ${HUBEI_CITIES.map((c) => c.shortName).join(' ')}.`,
    );
  }
  return city.code;
}

/** ILIKE pattern for a substring, with LIKE's wildcards escaped. */
export function containsPattern(text: string, argument = 'text'): string {
  const trimmed = text.trim();
  if (!trimmed) throw userError('BAD_USER_INPUT', `${argument} is empty: give at least one character to search for.`);
  if (trimmed.length > 100) throw userError('BAD_USER_INPUT', `${argument} is longer than 100 characters.`);
  return `%${trimmed.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function yearRange(year: number, argument = 'year'): [string, string] {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw userError('BAD_USER_INPUT', `${argument} must be a year like 2026.`);
  return [`${year}-01-01`, `${year}-12-31`];
}
