import { describe, expect, it } from 'vitest';
import { copyValue } from '../../db/src/sample/writer.ts';
import { Random } from '../../db/src/sample/random.ts';
import { fromDayNumber, toDayNumber } from '@hub/db/plain-date';
import { weekdayOnOrAfter } from '../../db/src/sample/plan.ts';

describe('COPY text encoding', () => {
  it('writes NULL as \\N and escapes backslash, tab, newline and carriage return', () => {
    expect(copyValue(null, 'text')).toBe('\\N');
    expect(copyValue(undefined, 'int')).toBe('\\N');
    expect(copyValue('a\tb\\c\nd\re', 'text')).toBe('a\\tb\\\\c\\nd\\re');
    expect(copyValue('标准值：≤25 km/h', 'text')).toBe('标准值：≤25 km/h');
    expect(copyValue(false, 'bool')).toBe('f');
    expect(copyValue(42, 'int')).toBe('42');
  });
});

describe('the seeded generator', () => {
  it('repeats its sequence for a seed and forks independent streams by label', () => {
    const draw = (r: Random) => Array.from({ length: 5 }, () => r.uint32());
    expect(draw(new Random(7))).toEqual(draw(new Random(7)));
    expect(draw(new Random(7))).not.toEqual(draw(new Random(8)));
    expect(draw(new Random(7).fork('a'))).toEqual(draw(new Random(7).fork('a')));
    expect(draw(new Random(7).fork('a'))).not.toEqual(draw(new Random(7).fork('b')));
  });

  it('picks from a weighted table in proportion to the weights', () => {
    const pick = Random.table([
      ['a', 1],
      ['b', 3],
    ] as const);
    const r = new Random(1);
    let b = 0;
    for (let i = 0; i < 10_000; i++) if (pick(r) === 'b') b++;
    expect(b / 10_000).toBeGreaterThan(0.72);
    expect(b / 10_000).toBeLessThan(0.78);
  });
});

describe('publication days', () => {
  it('move a Saturday or a Sunday to the Monday and keep a weekday', () => {
    const on = (date: string) => fromDayNumber(weekdayOnOrAfter(toDayNumber(date)));
    expect(['2026-11-21', '2026-11-22', '2026-11-23', '2026-11-27'].map(on)).toEqual([
      '2026-11-23',
      '2026-11-23',
      '2026-11-23',
      '2026-11-27',
    ]);
  });
});
