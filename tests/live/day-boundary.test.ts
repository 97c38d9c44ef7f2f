import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgConnection } from '@hub/db';
import { addDays } from '@hub/db/plain-date';
import { loadSampleData } from '../../api/src/sample.ts';
import { caseStateChecksum, refreshForDay, publicChangesBetween } from '../../api/src/live/day-boundary.ts';
import { HUB_CHANGED } from '../../api/src/live/changes.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

/**
 * The day-boundary work of the running hub (api/src/live/day-boundary.ts) on the demo sample:
 * the recomputation for a day, whether it changed anything, and which days change public facts.
 */
describe('the day boundary', () => {
  let db: TestDatabase;
  let asOf: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadSampleData(db.url, { size: 'demo' });
    const { rows } = await db.sql.query<{ d: string }>(`SELECT to_char(max(valid_from), 'YYYY-MM-DD') AS d FROM case_period`);
    asOf = rows[0].d;
  }, 120_000);
  afterAll(async () => {
    await db?.drop();
  });

  it('tells every API process, and reports no change when the day’s state is already stored', async () => {
    const listener = new pg.Client({ connectionString: db.url });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (m) => heard.push(`${m.channel} ${m.payload}`));
    await listener.query(`LISTEN ${HUB_CHANGED}`);
    await refreshForDay(db.url, asOf);
    const before = await PgConnection.using(db.url, caseStateChecksum);
    expect(await refreshForDay(db.url, asOf)).toBe(false);
    expect(await PgConnection.using(db.url, caseStateChecksum)).toBe(before);
    await new Promise((r) => setTimeout(r, 200));
    await listener.end();
    const events = heard.filter((h) => h.startsWith(`${HUB_CHANGED} `)).map((h) => JSON.parse(h.slice(HUB_CHANGED.length + 1)));
    expect(events).toEqual([
      { reason: 'day', day: asOf, generation: { epoch: expect.any(String), n: expect.any(Number) } },
      { reason: 'day', day: asOf, generation: { epoch: events[0].generation.epoch, n: events[0].generation.n + 1 } },
    ]);
  });

  it('counts a change of any stored case-state row', async () => {
    const before = await PgConnection.using(db.url, caseStateChecksum);
    await db.sql.query(`UPDATE case_period SET status = status || 'x' WHERE id = (SELECT min(id) FROM case_period)`);
    expect(await PgConnection.using(db.url, caseStateChecksum)).not.toBe(before);
    await db.sql.query(`UPDATE case_period SET status = left(status, -1) WHERE id = (SELECT min(id) FROM case_period)`);
    expect(await PgConnection.using(db.url, caseStateChecksum)).toBe(before);
  });

  it('finds the days on which a case period begins or a deadline lapses, and no others', async () => {
    const { rows } = await db.sql.query<{ d: string }>(
      `SELECT to_char(valid_from, 'YYYY-MM-DD') AS d FROM case_period WHERE valid_from > (SELECT min(valid_from) FROM case_period) LIMIT 1`,
    );
    const day = rows[0].d;
    const changes = (after: string, upTo: string) => PgConnection.using(db.url, (c) => publicChangesBetween(c, after, upTo));
    expect(await changes(addDays(day, -1), day)).toBe(true);
    expect(await changes('2199-01-01', '2199-01-05')).toBe(false);
  });
});
