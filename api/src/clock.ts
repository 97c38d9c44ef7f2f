import { isPlainDate } from '@hub/db/plain-date';

/**
 * Today in China (Asia/Shanghai), YYYY-MM-DD: the default `asOf` and the day whose disclosure
 * the public sees. HUB_TODAY=YYYY-MM-DD fixes it (demos, tests, re-running a past day).
 */
export function todayInChina(now = new Date()): string {
  const fixed = process.env.HUB_TODAY?.trim();
  if (fixed) {
    if (!isPlainDate(fixed)) throw new Error(`HUB_TODAY="${fixed}" is not a date (YYYY-MM-DD)`);
    return fixed;
  }
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
