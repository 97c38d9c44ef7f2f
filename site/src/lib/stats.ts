import type { Stat } from './data.ts';
import { CheckType } from '@hub/db/vocabulary';
import { count, percent } from './format.ts';

/**
 * Chart rows of failure rates (不合格率 = 不合格 / 抽查数), largest denominator first: the chart,
 * its value labels and the table's last column are one measure; the counts behind it are the
 * table's other columns.
 */
export function failureRateRows(stats: Stat[], labelOf: (s: Stat) => string = (s) => s.label ?? s.key ?? '未注明', limit = 20) {
  return [...stats]
    .filter((s) => s.checked > 0)
    .sort((a, b) => b.checked - a.checked || (a.key ?? '').localeCompare(b.key ?? ''))
    .slice(0, limit)
    .map((s) => ({
      label: labelOf(s),
      value: s.failed / s.checked,
      display: percent(s.failed / s.checked),
      cells: [count(s.checked), count(s.failed)],
    }));
}

/** A rate axis from 0 to the next 10% step above the highest rate (at least 10%). */
export function rateAxisMax(rows: { value: number }[]): number {
  const highest = Math.max(0, ...rows.map((r) => r.value));
  return Math.min(1, Math.max(0.1, Math.ceil(highest * 10 - 1e-9) / 10));
}

/**
 * When a rate mixes check types, the sentence that says so, with each type's own rate: a
 * provincial check fails far more often than a dynamic one, so a mixed rate moves with the mix.
 */
export function mixedCheckTypesNote(byCheckType: Stat[], what: '本图' | '本表' | '上述不合格率' = '本图'): string | undefined {
  const types = byCheckType.filter((s) => s.checked > 0);
  if (types.length < 2) return undefined;
  return `${what}合并了${types.length}类抽查，各类抽查的不合格率差别很大：${checkTypeRates(types)}。比较不同市州、产品或年度时请注意各自的抽查类型构成。`;
}

/** each check type's own failure rate, e.g. "省级监督抽查 13.5%（400次），动态管理抽查 0.3%（1,000次）" */
export function checkTypeRates(byCheckType: Stat[]): string {
  return byCheckType
    .filter((s) => s.checked > 0)
    .map((s) => `${checkTypeLabel(s)} ${percent(s.failed / s.checked)}（${count(s.checked)}次）`)
    .join('，');
}

/** the check types a set of results holds, by label (a batch's or a year's) */
export const checkTypesOf = (byCheckType: Stat[]) =>
  byCheckType
    .filter((s) => s.checked > 0)
    .map(checkTypeLabel)
    .join('、');

export const checkTypeLabel = (s: Stat) => (s.key ? (CheckType.find(s.key) ?? s.key) : '未注明');
export const cityLabel = (s: Stat) => s.label ?? (s.key ? s.key : '省外或未注明');

export function totals(stats: Stat[]) {
  const checked = stats.reduce((n, s) => n + s.checked, 0);
  const failed = stats.reduce((n, s) => n + s.failed, 0);
  return { checked, failed, rate: checked ? failed / checked : null };
}

export const percentTick = (v: number) => `${Math.round(v * 100)}%`;
