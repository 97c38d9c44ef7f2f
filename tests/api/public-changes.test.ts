import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicChangesOn, refreshCaseState } from '@hub/api/case-state';
import { addDays } from '@hub/db/plain-date';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { Fixture } from '../support/fixtures.ts';

/** publicChangesOn: what the day-boundary job asks before rebuilding the site. */
describe('publicChangesOn', () => {
  let db: TestDatabase;
  let failure = 0;
  let logo = 0;
  let finalFrom = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    const f = new Fixture(db.sql);
    const b = await f.batch();
    const e = await f.enterprise(b, '日界电器有限公司');
    const item = await f.certifiedItem(b, e, '日界电热水壶', { certifiedOn: '2025-04-20', certificateNo: 'HBJP-DAY-1' });
    logo = (
      await db.sql.query(
        `INSERT INTO logo_authorisation (enterprise_id, certified_item_id, basis, authorised_on, valid_until, batch_id)
         VALUES ($1, $2, 'certified', '2025-05-06', '2028-05-05', $3) RETURNING id`,
        [e, item, b],
      )
    ).rows[0].id;
    failure = await f.spotCheck(b, e, { reportNo: 'DAY-1', reportDate: '2025-03-10', conclusion: 'fail' });
    await f.event(b, failure, 'delivered', '2025-03-12');
    await refreshCaseState(db.sql, undefined, '2025-03-12');
    finalFrom = (
      await db.sql.query<{ d: string }>(
        `SELECT to_char(valid_from, 'YYYY-MM-DD') AS d FROM case_period WHERE spot_check_id = $1 AND published ORDER BY valid_from LIMIT 1`,
        [failure],
      )
    ).rows[0].d;
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('says a result becomes listed on the day its objection window has closed, and not the day before or after', async () => {
    expect(await publicChangesOn(db.sql, finalFrom)).toEqual({
      changed: true,
      keys: [{ recordType: 'spot_check', recordId: failure, number: 'DAY-1', what: 'period_starts' }],
    });
    expect((await publicChangesOn(db.sql, addDays(finalFrom, -1))).changed).toBe(false);
    expect((await publicChangesOn(db.sql, addDays(finalFrom, 1))).changed).toBe(false);
  });

  it('names dated register facts: a certification on its day', async () => {
    const answer = await publicChangesOn(db.sql, '2025-04-20');
    expect(answer.changed).toBe(true);
    expect(answer.keys).toContainEqual(expect.objectContaining({ recordType: 'certified_item', number: 'HBJP-DAY-1', what: 'certified' }));
  });

  it('says a logo authorisation changes its answer on its first day and the day after its last (这个标识还有效吗)', async () => {
    const key = (what: string) => ({ recordType: 'logo_authorisation', recordId: logo, number: null, what });
    expect((await publicChangesOn(db.sql, '2025-05-06')).keys).toContainEqual(key('authorisation_starts'));
    expect((await publicChangesOn(db.sql, '2028-05-06')).keys).toContainEqual(key('authorisation_ends'));
    expect((await publicChangesOn(db.sql, '2028-05-05')).changed).toBe(false);
  });

  it('says the day after the self-report due date changes the overdue list (000 Art. 9–10)', async () => {
    expect((await publicChangesOn(db.sql, '2025-11-01')).keys).toContainEqual(expect.objectContaining({ what: 'self_report_due' }));
    expect((await publicChangesOn(db.sql, '2025-10-31')).changed).toBe(false);
  });

  it('refuses what is not a date', async () => {
    await expect(publicChangesOn(db.sql, '2025-13-01')).rejects.toThrow(/not a date/);
  });
});
