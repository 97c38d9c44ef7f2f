import type { BatchKind } from '../vocabulary.ts';
import { dayNumber, dayOfWeek, fromDayNumber, yearOf, type DayNumber } from '../plain-date.ts';

/** How much data each size generates. */
export interface SizeParameters {
  /** general provincial spot checks a (full) year */
  provincialPerYear: number;
  /** national spot checks a year that concern Hubei */
  nationalPerYear: number;
  /** provincial tasks (批) a year */
  provincialTasks: number;
  /** producers in the spot-check pools, sellers, online shops */
  producers: number;
  sellers: number;
  ecommerce: number;
  /** consumer warnings issued, and failed reports linked to each at most */
  warnings: number;
  warningLinks: number;
}

export const SIZES: Record<'demo' | 'province', SizeParameters> = {
  // a few thousand results: loads in a few seconds, enough for every page of the site
  demo: {
    provincialPerYear: 400,
    nationalPerYear: 24,
    provincialTasks: 4,
    producers: 420,
    sellers: 150,
    ecommerce: 40,
    warnings: 9,
    warningLinks: 5,
  },
  // a province's decade-scale volume: ≈ 300,000 results from 2022 to the end of 2026, ≈ 30,000 enterprises
  province: {
    provincialPerYear: 58_000,
    nationalPerYear: 3_000,
    provincialTasks: 6,
    producers: 21_300,
    sellers: 5_700,
    ecommerce: 1_400,
    warnings: 13,
    warningLinks: 12,
  },
};

/** The first year of spot-check history. */
export const FIRST_YEAR = 2022;

/** A general spot-check task (批): its results are one batch. */
export interface Task {
  key: string;
  type: 'provincial' | 'national';
  year: number;
  number: number;
  name: string;
  /** report dates fall in [start, end] */
  start: DayNumber;
  end: DayNumber;
  quota: number;
}

/** One batch the sample writes, in the order the bureau would have published it. */
export interface BatchPlan {
  key: string;
  kind: BatchKind;
  title: string;
  day: DayNumber;
  sourceFile: string;
  /** processing order among batches of the same day: registries, results, follow-ups, decisions */
  order: number;
}

const CN_QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度'];

/** The same day or the next Monday when it falls on a weekend (offices publish on weekdays). */
export function weekdayOnOrAfter(day: DayNumber): DayNumber {
  const weekday = dayOfWeek(fromDayNumber(day));
  return weekday === 6 ? day + 2 : weekday === 0 ? day + 1 : day;
}

export function tasksOf(year: number, size: SizeParameters, asOf: DayNumber): Task[] {
  const tasks: Task[] = [];
  const k = size.provincialTasks;
  const span = Math.floor(300 / k);
  for (let n = 1; n <= k; n++) {
    const start = dayNumber(year, 2, 20) + (n - 1) * span;
    tasks.push({
      key: `provincial:${year}:${n}`,
      type: 'provincial',
      year,
      number: n,
      name: `${year}年第${n}批省级产品质量监督抽查`,
      start,
      end: start + span + 10,
      quota: Math.round(size.provincialPerYear / k),
    });
  }
  const national: [DayNumber, DayNumber][] = [
    [dayNumber(year, 4, 1), dayNumber(year, 6, 30)],
    [dayNumber(year, 9, 1), dayNumber(year, 11, 30)],
  ];
  national.forEach(([start, end], i) => {
    tasks.push({
      key: `national:${year}:${i + 1}`,
      type: 'national',
      year,
      number: i + 1,
      name: `${year}年第${i + 1}批国家产品质量监督抽查`,
      start,
      end,
      quota: Math.round(size.nationalPerYear / 2),
    });
  });
  return tasks.filter((t) => t.start <= asOf);
}

/** Results are published about two weeks after a task's last report. */
export const taskBatchDay = (task: Task, asOf: DayNumber) => Math.min(weekdayOnOrAfter(task.end + 12), asOf);

/** City-level checks of certified products: results published each half-year. */
export const cityBatchKey = (reportDay: DayNumber) => {
  const year = yearOf(fromDayNumber(reportDay));
  return `city:${year}:${reportDay <= dayNumber(year, 6, 30) ? 1 : 2}`;
};

export function scheduleSpotCheckBatches(size: SizeParameters, asOf: DayNumber): BatchPlan[] {
  const plans: BatchPlan[] = [];
  const lastYear = yearOf(fromDayNumber(asOf));
  for (let year = FIRST_YEAR; year <= lastYear; year++) {
    for (const task of tasksOf(year, size, asOf)) {
      const title = task.type === 'provincial' ? `示例数据：${task.name}结果` : `示例数据：${task.name}结果（涉及我省经营主体）`;
      plans.push({
        key: task.key,
        kind: 'spot_checks',
        title,
        day: taskBatchDay(task, asOf),
        sourceFile: `${task.name}结果.xlsx`,
        order: 4,
      });
    }
    if (year >= 2024) {
      const halves: [number, DayNumber, DayNumber, string][] = [
        [1, dayNumber(year, 3, 1), weekdayOnOrAfter(dayNumber(year, 7, 15)), '上半年'],
        [2, dayNumber(year, 7, 1), weekdayOnOrAfter(dayNumber(year, 12, 15)), '下半年'],
      ];
      for (const [n, start, publish, label] of halves) {
        if (start > asOf) continue;
        const name = `${year}年${label}市级“湖北精品”产品质量监督抽查结果`;
        plans.push({
          key: `city:${year}:${n}`,
          kind: 'spot_checks',
          title: `示例数据：${name}`,
          day: Math.min(publish, asOf),
          sourceFile: `${name}汇总.xlsx`,
          order: 4,
        });
      }
      if (dayNumber(year, 9, 10) <= asOf) {
        const name = `${year}年度“湖北精品”服务质量评价结果`;
        plans.push({
          key: `service:${year}`,
          kind: 'spot_checks',
          title: `示例数据：${name}`,
          day: Math.min(weekdayOnOrAfter(dayNumber(year, 11, 20)), asOf),
          sourceFile: `${name}.xlsx`,
          order: 4,
        });
      }
      if (dayNumber(year, 11, 5) <= asOf) {
        const name = `${year}年度“湖北精品”动态抽查结果`;
        plans.push({
          key: `dynamic:${year}`,
          kind: 'spot_checks',
          title: `示例数据：${name}`,
          day: Math.min(weekdayOnOrAfter(dayNumber(year, 12, 28)), asOf),
          sourceFile: `${name}.xlsx`,
          order: 4,
        });
      }
    }
  }
  return plans;
}

/** Follow-up events arrive quarter by quarter. */
export function scheduleFollowUpBatches(asOf: DayNumber): BatchPlan[] {
  const plans: BatchPlan[] = [];
  for (let year = FIRST_YEAR; year <= yearOf(fromDayNumber(asOf)); year++) {
    for (let q = 0; q < 4; q++) {
      const start = dayNumber(year, q * 3 + 1, 1);
      if (start > asOf) break;
      const end = (q === 3 ? dayNumber(year + 1, 1, 1) : dayNumber(year, q * 3 + 4, 1)) - 1;
      const name = `${year}年${CN_QUARTERS[q]}监督抽查后处理进展`;
      plans.push({
        key: `followups:${year}:${q + 1}`,
        kind: 'follow_ups',
        title: `示例数据：${name}`,
        day: Math.min(weekdayOnOrAfter(end + 10), asOf),
        sourceFile: `${name}.xlsx`,
        order: 5,
      });
    }
  }
  return plans;
}
