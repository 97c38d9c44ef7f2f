import { describe, expect, it } from 'vitest';
import {
  compareSamplingOrder,
  consecutiveFailuresAround,
  latestConsecutiveFailures,
  type CountableResult,
} from '@hub/api/rules/consecutive.ts';

/** `F`/`P` = final fail/pass, `W` = withdrawn, `f` = a fail not final yet (in objection); one result a month. */
function history(pattern: string): CountableResult[] {
  return [...pattern].map((code, i) => {
    const month = String(i + 1).padStart(2, '0');
    return {
      reportNo: `SC2026-${month}`,
      sampledOn: `2026-${month}-05`,
      reportDate: `2026-${month}-20`,
      effectiveConclusion: code === 'P' ? 'pass' : code === 'W' ? null : 'fail',
      withdrawn: code === 'W',
      final: code !== 'f',
    };
  });
}

describe('latestConsecutiveFailures (two consecutive failed spot checks)', () => {
  it.each([
    ['FF', true, ['SC2026-01', 'SC2026-02'], 'two failures in a row'],
    ['PFF', true, ['SC2026-02', 'SC2026-03'], 'the two most recent failed'],
    ['FPF', false, [], 'a pass between breaks the run'],
    ['FFP', false, [], 'a pass after the run ends it'],
    ['FWF', true, ['SC2026-01', 'SC2026-03'], 'a withdrawn result in between does not count, so the failures are adjacent'],
    ['FW', false, [], 'a withdrawn failure breaks the run: it cannot be one of the two'],
    ['PFW', false, [], 'a withdrawn latest result leaves a pass and a fail'],
    ['Ff', false, [], 'a failure still in objection does not count yet'],
    ['F', false, [], 'one result is not a run'],
    ['', false, [], 'no result'],
  ])('%s → %s: %s', (pattern, consecutive, evidence) => {
    const result = latestConsecutiveFailures(history(pattern));
    expect(result.consecutive).toBe(consecutive);
    expect(result.evidence.map((r) => r.reportNo)).toEqual(evidence);
  });

  it('orders by sampling date, not by the order given', () => {
    const [jan, feb, mar] = history('PFF');
    expect(latestConsecutiveFailures([mar, jan, feb]).evidence.map((r) => r.reportNo)).toEqual(['SC2026-02', 'SC2026-03']);
    const [a, b, c] = history('FFP');
    expect(latestConsecutiveFailures([c, b, a]).consecutive).toBe(false);
  });

  it('uses the re-test conclusion: a failure a re-test found 合格 breaks the run', () => {
    const [first, second] = history('FF');
    expect(latestConsecutiveFailures([first, { ...second, effectiveConclusion: 'pass' }]).consecutive).toBe(false);
  });

  it('falls back to the report date, then the report number, to order results', () => {
    const base: CountableResult = {
      reportNo: 'B',
      sampledOn: null,
      reportDate: '2026-03-01',
      effectiveConclusion: 'fail',
      withdrawn: false,
      final: true,
    };
    expect(compareSamplingOrder(base, { ...base, sampledOn: '2026-02-20' })).toBeGreaterThan(0);
    expect(compareSamplingOrder(base, { ...base, reportNo: 'A' })).toBeGreaterThan(0);
    expect(
      compareSamplingOrder(
        { ...base, sampledOn: '2026-03-01', reportDate: '2026-03-10' },
        { ...base, sampledOn: '2026-03-01', reportDate: '2026-03-09' },
      ),
    ).toBeGreaterThan(0);
  });
});

describe('consecutiveFailuresAround (is this result one of two consecutive failures?)', () => {
  it.each([
    ['PFF', 1, true, ['SC2026-02', 'SC2026-03'], 'the first of the pair, once the next one failed'],
    ['PFF', 2, true, ['SC2026-02', 'SC2026-03'], 'the second of the pair'],
    ['FPF', 2, false, [], 'a pass before it'],
    ['FWF', 2, true, ['SC2026-01', 'SC2026-03'], 'a withdrawn result between is skipped'],
    ['FF', 0, true, ['SC2026-01', 'SC2026-02'], 'the earlier of two'],
    ['FFF', 1, true, ['SC2026-01', 'SC2026-02'], 'in a longer run the pair with the one before is given'],
    ['FW', 1, false, [], 'a withdrawn result itself'],
    ['Ff', 1, false, [], 'a result not yet final itself'],
    ['FP', 1, false, [], 'a pass'],
  ])('%s, result %i → %s: %s', (pattern, index, consecutive, evidence) => {
    const results = history(pattern);
    const around = consecutiveFailuresAround(results, results[index]);
    expect(around.consecutive).toBe(consecutive);
    expect(around.evidence.map((r) => r.reportNo)).toEqual(evidence);
  });
});
