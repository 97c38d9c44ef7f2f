/**
 * 届次: the rounds of the 湖北精品 certification and their years.
 *
 * Seed 002: the 2023 list (2023年“湖北精品”认定名单, announced in March 2024) is the first round
 * (首届); there is one round a year, so round n is the year 2022 + n. A round's cultivation
 * entries and standard evaluations carry the same year.
 */
export const FIRST_ROUND_YEAR = 2023;

/** year = ROUND_YEAR_OFFSET + round: the year before the first round (the SQL builds on it too). */
export const ROUND_YEAR_OFFSET = FIRST_ROUND_YEAR - 1;

/** The year of a round (seed 002: round 1 = 2023). */
export function roundYear(round: number): number {
  return ROUND_YEAR_OFFSET + round;
}

/** The round of a year (seed 002: 2023 = round 1). */
export function roundOfYear(year: number): number {
  return year - ROUND_YEAR_OFFSET;
}
