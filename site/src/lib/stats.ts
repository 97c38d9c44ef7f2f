import type { Stat } from './data.ts';
import { CheckType } from '@hub/db/vocabulary';
import { count, percent } from './format.ts';

/** Chart rows of pass rates (合格率 = 1 − 不合格率), largest denominator first. */
export function passRateRows(stats: Stat[], labelOf: (s: Stat) => string = (s) => s.label ?? s.key ?? '未注明', limit = 20) {
  return [...stats]
    .filter((s) => s.checked > 0)
    .sort((a, b) => b.checked - a.checked || (a.key ?? '').localeCompare(b.key ?? ''))
    .slice(0, limit)
    .map((s) => ({
      label: labelOf(s),
      value: 1 - s.failed / s.checked,
      display: `${percent(1 - s.failed / s.checked)} (${count(s.checked)})`,
    }));
}

export const checkTypeLabel = (s: Stat) => (s.key ? (CheckType.find(s.key) ?? s.key) : '未注明');
export const cityLabel = (s: Stat) => s.label ?? (s.key ? s.key : '省外或未注明');

export function totals(stats: Stat[]) {
  const checked = stats.reduce((n, s) => n + s.checked, 0);
  const failed = stats.reduce((n, s) => n + s.failed, 0);
  return { checked, failed, rate: checked ? failed / checked : null };
}

/**
 * Where a pass-rate chart starts: 0 unless every rate is high, then the 10% step below the
 * lowest rate (so differences between 95% and 99% stay visible; the axis shows the cut).
 */
export function passRateFloor(rows: { value: number }[]): number {
  if (rows.length === 0) return 0;
  const lowest = Math.min(...rows.map((r) => r.value));
  return lowest >= 0.5 ? Math.floor(lowest * 10 - 1e-9) / 10 : 0;
}

export const percentTick = (v: number) => `${Math.round(v * 100)}%`;
