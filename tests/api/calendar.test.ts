import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshCaseState } from '@hub/api';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { Fixture } from '../support/fixtures.ts';
import { hub } from '../support/cli.ts';

/** 003 Art. 34 needs the official calendar: a deadline in a year the hub lacks is flagged, not guessed. */
describe('pnpm hub calendar import', () => {
  let db: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'hub-calendar-'));
    const f = new Fixture(db.sql);
    const b = await f.batch();
    const e = await f.enterprise(b, '跨年电器有限公司');
    const sc = await f.spotCheck(b, e, { reportNo: 'CAL-1', reportDate: '2026-12-10', conclusion: 'fail' });
    // received on 20 December: 15 days end on 4 January 2027 (Art. 7), a year chinese-days lacks
    await f.event(b, sc, 'delivered', '2026-12-20');
    await refreshCaseState(db.sql, undefined, '2026-12-28');
  });
  afterAll(() => db?.drop());

  const objection = async () =>
    (
      await db.sql.query(`SELECT due_on::text AS "dueOn", calendar_missing AS missing FROM case_deadline d
      JOIN spot_check sc ON sc.id = d.spot_check_id WHERE sc.report_no = 'CAL-1' AND step = 'objection'`)
    ).rows[0];

  it('flags a deadline that falls in a year without a calendar', async () => {
    expect(await objection()).toEqual({ dueOn: null, missing: true });
  });

  it('refuses a malformed file, says what is wrong, and changes nothing', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(
      file,
      JSON.stringify({
        years: [2027],
        days: [
          { date: '2027-02-30', kind: 'holiday', name: '春节' },
          { date: '2027-01-01', kind: 'off' },
        ],
      }),
    );
    const run = await hub(['calendar', 'import', file], db.url);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('days[0].date');
    expect(run.stderr).toContain('2027-02-30');
    expect((await db.sql.query('SELECT count(*)::int AS n FROM calendar_year WHERE year = 2027')).rows[0].n).toBe(0);
  });

  it('computes the deadline once the bureau loads the year', async () => {
    const file = join(dir, '2027.json');
    await writeFile(
      file,
      JSON.stringify({
        years: [2027],
        days: [
          { date: '2027-01-01', kind: 'holiday', name: '元旦' },
          { date: '2027-01-02', kind: 'holiday', name: '元旦' },
          { date: '2027-01-03', kind: 'holiday', name: '元旦' },
        ],
      }),
    );
    const run = await hub(['calendar', 'import', file], db.url, { HUB_TODAY: '2026-12-28' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2027');
    // 4 January 2027 is a Monday and a working day: the deadline stays there
    expect(await objection()).toEqual({ dueOn: '2027-01-04', missing: false });
  });
});
