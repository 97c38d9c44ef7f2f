/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from `0-9 A-H J-N P-R T-U W-Y`; characters 3–8
 * are the administrative division code (Hubei: 42xxxx); the 18th is a check character:
 * weights 3^i mod 31 for positions 1–17, check = 31 − (Σ mod 31), 31 → 0.
 * The database enforces the same rule (function hub_uscc_valid, db/migrations).
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  const check = 31 - (sum % 31);
  return USCC_ALPHABET[check === 31 ? 0 : check];
}

export type UsccProblem = 'length' | 'characters' | 'division' | 'checksum';

/** Why a code is not a valid USCC, or undefined when it is. */
export function usccProblem(code: string): UsccProblem | undefined {
  if (code.length !== 18) return 'length';
  if (!/^[0-9A-HJ-NPQRTUWXY]+$/.test(code)) return 'characters';
  if (!SHAPE.test(code)) return 'division';
  if (usccCheckCharacter(code.slice(0, 17)) !== code[17]) return 'checksum';
  return undefined;
}

export const isValidUscc = (code: string) => usccProblem(code) === undefined;

/** The six-digit administrative division code inside a USCC (characters 3–8). */
export const usccDivision = (code: string) => code.slice(2, 8);
