/**
 * A deadline in a year the hub has no holiday calendar for, through the API (issue 11 point 4,
 * 003 Art. 34): `dueOn` stays null and `calendarMissing` true, but once the nominal last day plus
 * the longest move the official calendar has ever made has passed, the duty is overdue under any
 * calendar — `latestDueOn` says from when, and `overdue`, the case's status and the list of
 * overdue cases agree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, refreshCaseState } from '@hub/api';
import { publicChangesOn } from '@hub/api/case-state';
import { addDays } from '@hub/db/plain-date';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { Fixture } from '../support/fixtures.ts';
import { officialCalendar } from '../rules/cases.ts';

/** the template database carries the calendar of chinese-days (through 2026): 2027 is missing */
const NAIVE = '2027-04-30'; // 60 days from the correction order of 2027-03-01 (003 Art. 17, 20)
const LATEST = addDays(NAIVE, officialCalendar().longestShift()!);
// as the days asked are after today, the bureau asks (the public sees the case once it is final as of today)
const TOKEN = 'hub_test_token_calendar_missing';

describe('a rectification due in a year without a calendar, through the API', () => {
  let db: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    db = await createTestDatabase();
    const f = new Fixture(db.sql);
    const batch = await f.batch();
    const producer = await f.enterprise(batch, '湖北某某电动车有限公司');
    const id = await f.spotCheck(batch, producer, {
      reportNo: 'NOCAL-1',
      reportDate: '2026-12-01',
      conclusion: 'fail',
      items: [{ item: '制动性能' }],
    });
    await f.event(batch, id, 'delivered', '2026-12-03');
    await f.event(batch, id, 'transferred', '2026-12-28');
    await f.event(batch, id, 'correction_ordered', '2027-03-01');
    await refreshCaseState(db.sql);
    await db.sql.query(`INSERT INTO api_token (name, token_hash) VALUES ('t', $1)`, [hashToken(TOKEN)]);
    api = await startTestApi(db.url);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const QUERY = `query($asOf: LocalDate) {
    spotCheck(reportNo: "NOCAL-1") {
      status(asOf: $asOf) { status }
      deadlines(asOf: $asOf) { step dueOn calendarMissing latestDueOn overdue }
    }
    spotChecks(filter: { status: "rectification_overdue", asOf: $asOf }) { nodes { reportNo } }
  }`;
  const on = async (asOf: string) => {
    const { data, errors } = await api.query(QUERY, { asOf }, { authorization: `Bearer ${TOKEN}` });
    expect(errors).toBeUndefined();
    return {
      status: data.spotCheck.status.status,
      rectification: data.spotCheck.deadlines.find((d: { step: string }) => d.step === 'rectification'),
      overdueList: data.spotChecks.nodes.map((n: { reportNo: string }) => n.reportNo),
    };
  };

  it('stores the latest possible last day with the deadline', async () => {
    const { rows } = await db.sql.query(
      `SELECT due_on::text, latest_due_on::text, calendar_missing FROM case_deadline d JOIN spot_check sc ON sc.id = d.spot_check_id
        WHERE sc.report_no = 'NOCAL-1' AND d.step = 'rectification'`,
    );
    expect(rows).toEqual([{ due_on: null, latest_due_on: LATEST, calendar_missing: true }]);
  });

  it('is not overdue while a calendar could still move the last day that far', async () => {
    expect(await on(LATEST)).toEqual({
      status: 'rectification_due',
      rectification: { step: 'rectification', dueOn: null, calendarMissing: true, latestDueOn: LATEST, overdue: false },
      overdueList: [],
    });
  });

  it('is overdue 37 days past the naive date, in the deadline, the status and the list, with the calendar still missing', async () => {
    expect(await on(addDays(NAIVE, 37))).toEqual({
      status: 'rectification_overdue',
      rectification: { step: 'rectification', dueOn: null, calendarMissing: true, latestDueOn: LATEST, overdue: true },
      overdueList: ['NOCAL-1'],
    });
  });

  it('counts the day after the latest possible last day as a public change (the deadline lapses)', async () => {
    const lapses = async (day: string) => (await publicChangesOn(db.sql, day)).keys.filter((k) => k.what === 'deadline_lapses');
    expect(await lapses(addDays(LATEST, 1))).toMatchObject([{ number: 'NOCAL-1' }]);
    expect(await lapses(LATEST)).toEqual([]);
  });
});
