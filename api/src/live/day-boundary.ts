import { PgConnection, transaction, type Queryable } from '@hub/db';
import { addDays, type PlainDate } from '@hub/db/plain-date';
import { refreshCaseState } from '../case-state/case-state.service.ts';
import { publicChangesOn } from '../case-state/public-changes.ts';
import { msToChinaMidnight, type Clock } from '../clock.ts';
import { refreshStatistics } from '../stats/stats-aggregate.ts';
import { afterCommit, notifyChanged } from './changes.ts';

/**
 * True every day (issue 10.3, the running hub's side): at midnight in China the hub recomputes
 * what depends on the date, every API process starts answering for the new day (the response
 * cache is keyed by the day, server.ts), and the site is rebuilt when a page changed.
 */

/**
 * Whether the public facts change between the end of day `after` and day `upTo` (inclusive)
 * without anyone publishing: asks live-truth's `publicChangesOn` (case-state/public-changes.ts)
 * for each day — a case period that changes what the public sees, a deadline lapsing, a dated
 * register fact (a certification, revocation, warning, self-report due date, notice, authorisation).
 */
export type PublicChangesBetween = (db: Queryable, after: PlainDate, upTo: PlainDate) => Promise<boolean>;

export const publicChangesBetween: PublicChangesBetween = async (db, after, upTo) => {
  for (let d = addDays(after, 1); d <= upTo; d = addDays(d, 1)) {
    if ((await publicChangesOn(db, d)).changed) return true;
  }
  return false;
};

/**
 * A checksum of the stored case state, to tell whether a recomputation changed any row: the rows'
 * content without their ids (a recomputation rewrites the rows, so the ids change every time).
 */
export async function caseStateChecksum(db: Queryable): Promise<string> {
  const [row] = await db.query<{ h: string }>(
    `SELECT concat_ws(':', (SELECT count(*) FROM case_period),
                           (SELECT sum(hashtextextended((to_jsonb(p) - 'id')::text, 0)) FROM case_period p),
                           (SELECT count(*) FROM case_deadline),
                           (SELECT sum(hashtextextended((to_jsonb(d) - 'id')::text, 0)) FROM case_deadline d)) AS h`,
  );
  return row.h;
}

/**
 * Recomputes the case state of every result as of `day` (the Art. 27(4)5 runs are taken "as of
 * today", case-state.service.ts), in one transaction; tells every API process when a row changed.
 * Returns whether one did.
 */
export async function refreshForDay(databaseUrl: string, day: PlainDate): Promise<boolean> {
  return PgConnection.using(databaseUrl, (db) =>
    transaction(db, async () => {
      const before = await caseStateChecksum(db);
      await refreshCaseState(db, undefined, day);
      const changed = (await caseStateChecksum(db)) !== before;
      await notifyChanged(db, { reason: 'day', day });
      await refreshStatistics(db, day);
      return changed;
    }),
  );
}

export interface DayBoundary {
  /** the day the hub last prepared for */
  readonly day: PlainDate;
  /** runs the day's work now if the clock shows a new day (called by the timer, and after a manual clock moved) */
  check(): Promise<DayResult | null>;
  stop(): void;
}

export interface DayResult {
  from: PlainDate;
  to: PlainDate;
  rowsChanged: boolean;
  pagesChange: boolean;
}

export function startDayBoundary(options: {
  clock: Clock;
  databaseUrl: string;
  /** rebuilds the site (the hub's LiveSite); absent when the hub serves no site */
  rebuildSite?: (reason: string) => Promise<unknown>;
  publicChanges?: PublicChangesBetween;
  log?: (line: string) => void;
}): DayBoundary {
  const log = options.log ?? ((line: string) => console.log(line));
  const publicChanges = options.publicChanges ?? publicChangesBetween;
  let day = options.clock.today();
  let running: Promise<DayResult | null> = Promise.resolve(null);
  let timer: NodeJS.Timeout | undefined;

  const work = async (): Promise<DayResult | null> => {
    const to = options.clock.today();
    if (to === day) return null;
    const from = day;
    day = to;
    log(`[day] ${to} in China: recomputing what depends on the date …`);
    const rowsChanged = await refreshForDay(options.databaseUrl, to);
    afterCommit();
    const pagesChange = rowsChanged || (await PgConnection.using(options.databaseUrl, (db) => publicChanges(db, from, to)));
    log(`[day] ${to}: ${pagesChange ? 'public facts change today: rebuilding the site' : 'no public fact changes today'}`);
    if (pagesChange && options.rebuildSite) await options.rebuildSite(`day ${to}`).catch(() => undefined);
    return { from, to, rowsChanged, pagesChange };
  };
  const check = () => {
    running = running.catch(() => null).then(work);
    return running;
  };
  const schedule = () => {
    // at midnight, and every minute besides (a suspended machine, a clock set by hand)
    timer = setTimeout(
      () => {
        void check()
          .catch((error) => log(`[day] the day's recomputation failed: ${error instanceof Error ? error.message : error}`))
          .finally(schedule);
      },
      Math.min(msToChinaMidnight() + 1_000, 60_000),
    );
    timer.unref();
  };
  schedule();
  return {
    get day() {
      return day;
    },
    check,
    stop: () => clearTimeout(timer),
  };
}
