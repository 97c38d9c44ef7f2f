import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '@hub/api';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { Fixture, makeUscc } from '../support/fixtures.ts';

/** Identity by USCC (统一社会信用代码, GB 32100-2015) over HTTP: what a wrong code is told, and an applicant the hub has never seen. */
describe('identity by USCC', () => {
  let db: TestDatabase;
  let api: TestApi;
  let known = '';
  const TOKEN = 'hub_identity_token';
  const bureau = { authorization: `Bearer ${TOKEN}` };
  /** valid, but no enterprise of the hub has it */
  const unknown = makeUscc('420500', 987654);
  /** the same first 17 with another check character */
  const wrongCheck = unknown.slice(0, 17) + (unknown[17] === '0' ? '1' : '0');

  beforeAll(async () => {
    db = await createTestDatabase();
    const f = new Fixture(db.sql);
    const b = await f.batch('certifications');
    const e = await f.enterprise(b, '宜昌楚韵酒业有限公司', { division: '420500', city: '420500' });
    await f.certifiedItem(b, e, '楚韵浓香白酒', { seqNo: 1 });
    known = (await db.sql.query('SELECT uscc FROM enterprise WHERE id = $1', [e])).rows[0].uscc;
    await db.sql.query(`INSERT INTO api_token (name, token_hash) VALUES ('identity', $1)`, [hashToken(TOKEN)]);
    api = await startTestApi(db.url);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const enterprise = (u: string) => api.query(`query($u: String!) { enterprise(uscc: $u) { name } }`, { u });

  it('finds an enterprise by its USCC, forgiving spaces and lower case', async () => {
    expect((await enterprise(known)).data.enterprise).toEqual({ name: '宜昌楚韵酒业有限公司' });
    expect((await enterprise(` ${known.toLowerCase()} `)).data.enterprise).toEqual({ name: '宜昌楚韵酒业有限公司' });
  });

  it('answers null for a well-formed USCC the hub does not know', async () => {
    const answer = await enterprise(unknown);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.enterprise).toBeNull();
  });

  it('says which check character the first 17 characters give, in Chinese and English', async () => {
    const answer = await enterprise(wrongCheck);
    expect(answer.data.enterprise).toBeNull();
    const [error] = answer.errors;
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'uscc',
      problem: 'checksum',
      expectedCheckCharacter: unknown[17],
    });
    expect(error.message).toContain(`校验码应为 ${unknown[17]}`);
    expect(error.message).toContain(`the check character must be ${unknown[17]}`);
    expect(error.extensions.zh).toContain(`校验码应为 ${unknown[17]}`);
  });

  it('explains a code of the wrong length or with characters a USCC never has', async () => {
    const short = await enterprise(unknown.slice(0, 17));
    expect(short.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problem: 'length' });
    expect(short.errors[0].message).toContain('长度应为 18 位，实为 17 位');
    expect(short.errors[0].message).toContain('must be 18 characters long, has 17');
    const letterO = await enterprise(`${unknown.slice(0, 10)}O${unknown.slice(11)}`);
    expect(letterO.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problem: 'characters' });
    expect(letterO.errors[0].message).toContain('"O"');
  });

  it('answers eligibility for an applicant the hub has never seen, saying it judges only its records', async () => {
    const answer = await api.query(
      `query($u: String!) { eligibility(uscc: $u, asOf: "2026-09-01") { asOf enterpriseOnRecord eligibleOnRecords exclusions { rule } toConfirm basis } }`,
      { u: unknown },
      bureau,
    );
    expect(answer.errors).toBeUndefined();
    const e = answer.data.eligibility;
    expect(e).toMatchObject({ asOf: '2026-09-01', enterpriseOnRecord: false, eligibleOnRecords: true, exclusions: [] });
    expect(e.toConfirm).toHaveLength(5);
    expect(e.basis).toMatch(/no record of this enterprise/);
    expect(e.basis).toMatch(/judges only what is on its records/);
  });

  it('says an enterprise on record is on record, and refuses a malformed USCC rather than call it eligible', async () => {
    const onRecord = await api.query(
      `query($u: String!) { eligibility(uscc: $u) { enterpriseOnRecord eligibleOnRecords } }`,
      { u: known },
      bureau,
    );
    expect(onRecord.data.eligibility).toEqual({ enterpriseOnRecord: true, eligibleOnRecords: true });
    const wrong = await api.query(`query($u: String!) { eligibility(uscc: $u) { eligibleOnRecords } }`, { u: wrongCheck }, bureau);
    expect(wrong.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', expectedCheckCharacter: unknown[17] });
  });
});
