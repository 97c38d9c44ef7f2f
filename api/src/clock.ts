import { isPlainDate, type PlainDate } from '@hub/db/plain-date';

/**
 * The hub's clock: what day it is in China (Asia/Shanghai). Every "today" — the default `asOf`,
 * the day whose disclosure the public sees, the response cache's key, the day-boundary job —
 * comes from the one clock installed here, so a test can move a running hub across a day.
 *
 * - the system clock: the date in China now;
 * - HUB_TODAY=YYYY-MM-DD: a fixed day (demos, re-running a past day);
 * - a manual clock (tests): starts at HUB_TODAY or the system day, moved by `set`. A running hub
 *   started with HUB_CLOCK=manual takes `pnpm hub clock set YYYY-MM-DD` (live/clock-control.ts).
 */
export interface Clock {
  today(): PlainDate;
}

export const systemClock: Clock = { today: () => chinaDate(new Date()) };

export class FixedClock implements Clock {
  constructor(private readonly day: PlainDate) {}
  today() {
    return this.day;
  }
}

export class ManualClock implements Clock {
  constructor(private day: PlainDate) {}
  today() {
    return this.day;
  }
  set(day: string): void {
    if (!isPlainDate(day)) throw new Error(`"${day}" is not a date (YYYY-MM-DD)`);
    this.day = day;
  }
}

/** The clock the environment asks for: HUB_CLOCK=manual (tests) or HUB_TODAY, else the system clock. */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const fixed = env.HUB_TODAY?.trim();
  if (fixed && !isPlainDate(fixed)) throw new Error(`HUB_TODAY="${fixed}" is not a date (YYYY-MM-DD)`);
  if (env.HUB_CLOCK?.trim() === 'manual') return new ManualClock(fixed || systemClock.today());
  return fixed ? new FixedClock(fixed) : systemClock;
}

let installed: Clock | undefined;

/**
 * The process's clock: the one `installClock` installed (pnpm start installs it once), else the
 * environment's, read on every call — so HUB_TODAY set later in the process (a test, a REPL) is
 * seen, as it always was. A manual clock (HUB_CLOCK=manual) is kept once made, so `set` sticks.
 */
export function clock(): Clock {
  if (installed) return installed;
  const fromEnv = clockFromEnv();
  if (fromEnv instanceof ManualClock) installed = fromEnv;
  return fromEnv;
}

export function installClock(next: Clock): void {
  installed = next;
}

/**
 * Today in China, YYYY-MM-DD, from the installed clock; with `now`, the date in China at that
 * instant (HUB_TODAY still wins, as it always has).
 */
export function todayInChina(now?: Date): PlainDate {
  if (now === undefined) return clock().today();
  const fixed = process.env.HUB_TODAY?.trim();
  if (fixed) {
    if (!isPlainDate(fixed)) throw new Error(`HUB_TODAY="${fixed}" is not a date (YYYY-MM-DD)`);
    return fixed;
  }
  return chinaDate(now);
}

/** China keeps UTC+8 all year (no summer time since 1991): the date there is UTC's, 8 hours on. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

function chinaDate(now: Date): PlainDate {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Milliseconds from `now` to the next midnight in China (UTC+8 all year: China has no summer time). */
export function msToChinaMidnight(now = new Date()): number {
  const local = now.getTime() + CHINA_OFFSET_MS;
  const nextMidnight = Math.floor(local / 86_400_000 + 1) * 86_400_000;
  return nextMidnight - local;
}
