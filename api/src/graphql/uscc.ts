import { usccCheckCharacter, usccProblem } from '@hub/db';
import { explainUscc } from '../import/row-reader.ts';
import { userError } from './errors.ts';

/**
 * A USCC given as an argument (统一社会信用代码, GB 32100-2015), trimmed and in capitals; a code
 * that cannot be one — wrong length, characters outside the standard's alphabet, a check
 * character the first 17 do not give — is the user's error, said in Chinese and English with what
 * to fix (for a wrong check character, the one the first 17 characters imply).
 */
export function usccArgument(argument: string, raw: string): string {
  const code = raw.trim().toUpperCase();
  const problem = usccProblem(code);
  if (problem === undefined) return code;
  let zh: string;
  let en: string;
  const extra: Record<string, unknown> = { argument, problem };
  if (problem === 'checksum') {
    const expected = usccCheckCharacter(code.slice(0, 17));
    zh = `校验码应为 ${expected}，不是 ${code[17]}`;
    en = `the check character must be ${expected} (the one the first 17 characters give), not ${code[17]}`;
    extra.expectedCheckCharacter = expected;
  } else {
    ({ zh, en } = explainUscc(code)!);
  }
  return fail(argument, raw, zh, en, extra);
}

function fail(argument: string, raw: string, zh: string, en: string, extra: Record<string, unknown>): never {
  throw userError('BAD_USER_INPUT', `${argument} "${raw}" 不是有效的统一社会信用代码：${zh} (not a valid USCC: ${en})`, {
    ...extra,
    zh,
    en,
  });
}
