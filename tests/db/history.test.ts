import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

/** The database itself keeps every version: application code cannot rewrite history. */
describe('record history', () => {
  let db: TestDatabase;
  let enterpriseId: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.sql.query(`INSERT INTO batch (id, kind, title, status) VALUES
      (1, 'certifications', '第一批', 'published'), (2, 'certifications', '更正批', 'draft')`);
    const { rows } = await db.sql.query(
      `INSERT INTO enterprise (uscc, name, batch_id) VALUES ('91420100MA4KXXXX0X', '武汉示例科技有限公司', 1) RETURNING id`.replace(
        '91420100MA4KXXXX0X',
        validUscc(),
      ),
    );
    enterpriseId = rows[0].id;
  });
  afterAll(() => db?.drop());

  it('refuses an update that does not name its batch', async () => {
    await expect(db.sql.query(`UPDATE enterprise SET name = '改名有限公司' WHERE id = $1`, [enterpriseId])).rejects.toThrow(
      /must name its batch/,
    );
  });

  it('keeps the replaced version with the batch and reason of the correction', async () => {
    await db.sql.query('BEGIN');
    await db.sql.query(`SET LOCAL hub.batch_id = '2'`);
    await db.sql.query(`SET LOCAL hub.change_reason = '名称更正'`);
    await db.sql.query(`UPDATE enterprise SET name = '武汉示例科技股份有限公司' WHERE id = $1`, [enterpriseId]);
    await db.sql.query('COMMIT');

    const {
      rows: [current],
    } = await db.sql.query('SELECT name, version, batch_id, last_batch_id FROM enterprise WHERE id = $1', [enterpriseId]);
    expect(current).toEqual({ name: '武汉示例科技股份有限公司', version: 2, batch_id: 1, last_batch_id: 2 });

    const { rows: history } = await db.sql.query(
      `SELECT version, operation, batch_id, reason, data->>'name' AS name FROM record_history
       WHERE table_name = 'enterprise' AND record_id = $1::text`,
      [enterpriseId],
    );
    expect(history).toEqual([{ version: 1, operation: 'update', batch_id: 2, reason: '名称更正', name: '武汉示例科技有限公司' }]);
  });

  it('keeps the introducing batch even when an update tries to change it', async () => {
    await db.sql.query('BEGIN');
    await db.sql.query(`SET LOCAL hub.batch_id = '2'`);
    await db.sql.query(`UPDATE enterprise SET batch_id = 2, address = '武汉市东湖新技术开发区' WHERE id = $1`, [enterpriseId]);
    await db.sql.query('COMMIT');
    const {
      rows: [row],
    } = await db.sql.query('SELECT batch_id, version FROM enterprise WHERE id = $1', [enterpriseId]);
    expect(row).toEqual({ batch_id: 1, version: 3 });
  });

  it.each([
    ['UPDATE', `UPDATE record_history SET reason = 'rewritten'`],
    ['DELETE', `DELETE FROM record_history`],
    ['TRUNCATE', `TRUNCATE record_history`],
  ])('cannot be rewritten through %s', async (_op, statement) => {
    await expect(db.sql.query(statement)).rejects.toThrow(/append-only/);
    const { rows } = await db.sql.query(`SELECT count(*)::int AS n FROM record_history WHERE reason = '名称更正'`);
    expect(rows[0].n).toBe(1);
  });

  it('keeps a deleted record, and refuses a delete that does not name its batch', async () => {
    const { rows } = await db.sql.query(`INSERT INTO trademark (enterprise_id, name, batch_id) VALUES ($1, '楚天', 1) RETURNING id`, [
      enterpriseId,
    ]);
    await expect(db.sql.query('DELETE FROM trademark WHERE id = $1', [rows[0].id])).rejects.toThrow(/must name its batch/);
    await db.sql.query('BEGIN');
    await db.sql.query(`SET LOCAL hub.batch_id = '2'`);
    await db.sql.query('DELETE FROM trademark WHERE id = $1', [rows[0].id]);
    await db.sql.query('COMMIT');
    const { rows: kept } = await db.sql.query(
      `SELECT operation, batch_id, data->>'name' AS name FROM record_history WHERE table_name = 'trademark'`,
    );
    expect(kept).toEqual([{ operation: 'delete', batch_id: 2, name: '楚天' }]);
  });
});

describe('USCC check in the database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.sql.query(`INSERT INTO batch (id, kind, title) VALUES (1, 'spot_checks', 't')`);
  });
  afterAll(() => db?.drop());

  it('rejects a code whose check character is wrong', async () => {
    const good = validUscc();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    await expect(db.sql.query(`INSERT INTO enterprise (uscc, name, batch_id) VALUES ($1, 'x', 1)`, [bad])).rejects.toThrow(
      /enterprise_uscc_valid/,
    );
  });

  it('agrees with the TypeScript rule on every sample', async () => {
    const { isValidUscc, usccCheckCharacter, USCC_ALPHABET } = await import('@hub/db');
    const codes: string[] = [];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 300; i++) {
      const body =
        '91' + String(420000 + (next() % 10000)).padStart(6, '0') + Array.from({ length: 9 }, () => USCC_ALPHABET[next() % 31]).join('');
      const right = body + usccCheckCharacter(body);
      codes.push(right, body + USCC_ALPHABET[(USCC_ALPHABET.indexOf(right[17]) + 1 + (next() % 30)) % 31]);
    }
    codes.push('91420100MA4K0000', '9142010OMA4K00000X', 'ABCDEFGHIJKLMNOPQR');
    const { rows } = await db.sql.query('SELECT c, coalesce(hub_uscc_valid(c), false) AS ok FROM unnest($1::text[]) AS c', [codes]);
    for (const row of rows) expect(row.ok, row.c).toBe(isValidUscc(row.c));
    expect(rows.filter((r) => r.ok).length).toBe(300);
  });
});

/** A valid Hubei USCC (武汉, 420100), computed with the rule under test elsewhere. */
function validUscc(): string {
  const body = '91420100MA4K8Q2L3';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const sum = [...body].reduce((s, ch, i) => s + alphabet.indexOf(ch) * weights[i], 0);
  const check = 31 - (sum % 31);
  return body + alphabet[check === 31 ? 0 : check];
}
