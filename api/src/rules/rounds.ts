/**
 * The programme's rounds (届): the first, 2023, was announced in March 2024 (seed 002: "2023年
 * “湖北精品”认定名单…我省首届"); the second runs in 2024 (seed 001: "第二届…2024年"). Reading: one
 * round a year, so round n is the year 2022 + n — the year of its cultivation library and its
 * standard evaluations.
 */

/** 第一届: 2023 */
export const FIRST_ROUND_YEAR = 2023;

/** The year of round `round` (1 → 2023). */
export function roundYear(round: number): number {
  return FIRST_ROUND_YEAR - 1 + round;
}

/** The round of `year` (2023 → 1); below 1 for a year before the programme. */
export function roundOfYear(year: number): number {
  return year - (FIRST_ROUND_YEAR - 1);
}
