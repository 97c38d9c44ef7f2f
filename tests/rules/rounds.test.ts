import { describe, expect, it } from 'vitest';
import { FIRST_ROUND_YEAR, roundOfYear, roundYear } from '../../api/src/rules/rounds.ts';

describe('rounds (届)', () => {
  it('count one a year from the first, 2023 (seed 002)', () => {
    expect(FIRST_ROUND_YEAR).toBe(2023);
    expect([1, 2, 4].map(roundYear)).toEqual([2023, 2024, 2026]);
    expect([2023, 2024, 2026, 2022].map(roundOfYear)).toEqual([1, 2, 4, 0]);
  });
});
