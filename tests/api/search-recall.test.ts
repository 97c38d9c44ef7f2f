import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshCaseState } from '@hub/api';
import { ANONYMOUS, type Viewer } from '../../api/src/access/access.service.ts';
import { spotCheckFrom, spotCheckWhere } from '../../api/src/spot-check/spot-check.repository.ts';
import { loadSample } from '../../db/src/sample/generate.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { random } from '../../bench/generate.ts';

/**
 * The text search against the query it replaced (issue 13), on the demo sample: for hundreds of
 * queries cut from the sample's own texts — one to six characters, Chinese, Latin and digits, in
 * either case, producer names withheld or public — the API's WHERE clause (the gram index first,
 * ILIKE after) finds exactly the rows the plain ILIKE over the seven columns found, for an
 * anonymous client and for the bureau, on two days on which different producers are public.
 */
const BUREAU: Viewer = { bureau: true };
const COLUMNS = ['product_name', 'product_category', 'trademark', 'model_spec', 'production_batch', 'task_name', 'producer_name'];
/** the days compared: the sample's own day and one a year before it, when other identities were public */
const DAYS = ['2026-11-20', '2025-11-20'];

/** The search as it was before the gram index (api/src/spot-check/spot-check.repository.ts at cebf765). */
function oldSearch(viewer: Viewer, text: string): { sql: string; params: unknown[] } {
  const pattern = `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const producer = viewer.bureau ? 'sc.producer_name' : `CASE WHEN now_.identity_public IS TRUE THEN sc.producer_name END`;
  const visible = viewer.bureau ? 'true' : 'now_.published IS TRUE';
  return {
    sql: `SELECT sc.id FROM ${spotCheckFrom('$1')} WHERE ${visible} AND (sc.product_name ILIKE $2 OR sc.product_category ILIKE $2
      OR sc.trademark ILIKE $2 OR sc.model_spec ILIKE $2 OR sc.production_batch ILIKE $2 OR sc.task_name ILIKE $2 OR ${producer} ILIKE $2)
      ORDER BY sc.id`,
    params: [pattern],
  };
}

describe('text search recall against plain ILIKE', () => {
  let db: TestDatabase;
  const queries = new Set<string>(['电视', '茶杯', '有限公司', '电', '壶', 'a', 'A', '1', '-', '%', '_', '\\', '湖北', 'mL', 'ml', 'GB']);

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadSample(db.url, { size: 'demo' });
    await refreshCaseState(db.sql);
    const next = random(13);
    const { rows } = await db.sql.query<Record<string, string | null>>(`SELECT ${COLUMNS.join(', ')} FROM spot_check ORDER BY id`);
    // texts of withheld producers too: a search by such a name must find nothing more than before
    const withheld = await db.sql.query<{ name: string }>(
      `SELECT DISTINCT sc.producer_name AS name FROM ${spotCheckFrom('$1')} WHERE now_.published AND NOT now_.identity_public LIMIT 40`,
      [DAYS[0]],
    );
    for (const { name } of withheld.rows) {
      queries.add(name);
      queries.add(name.slice(2, 5));
    }
    while (queries.size < 250) {
      const row = rows[Math.floor(next() * rows.length)];
      const value = row[COLUMNS[Math.floor(next() * COLUMNS.length)]];
      if (!value) continue;
      const chars = [...value];
      const length = 1 + Math.floor(next() * Math.min(6, chars.length));
      const start = Math.floor(next() * (chars.length - length + 1));
      const q = chars.slice(start, start + length).join('');
      if (!q.trim()) continue;
      // Latin letters in the other case: ILIKE ignores case, so must the index
      queries.add(next() < 0.3 ? (next() < 0.5 ? q.toLowerCase() : q.toUpperCase()) : q);
    }
  }, 180_000);
  afterAll(() => db?.drop());

  it('finds exactly the rows ILIKE found, for every query, viewer and day', async () => {
    const lengths = new Set<number>();
    let compared = 0;
    let found = 0;
    const differences: string[] = [];
    for (const day of DAYS) {
      for (const viewer of [ANONYMOUS, BUREAU]) {
        for (const q of queries) {
          const where = spotCheckWhere(viewer, day, { text: q });
          const now = await db.sql.query<{ id: number }>(`SELECT sc.id FROM ${spotCheckFrom('$1')} ${where} ORDER BY sc.id`, where.params);
          const old = oldSearch(viewer, q);
          const before = await db.sql.query<{ id: number }>(old.sql, [day, ...old.params]);
          const a = now.rows.map((r) => r.id).join(',');
          const b = before.rows.map((r) => r.id).join(',');
          if (a !== b)
            differences.push(`${day} ${viewer.bureau ? 'bureau' : 'anonymous'} "${q}": ${now.rowCount} rows, ILIKE ${before.rowCount}`);
          compared++;
          found += before.rowCount ?? 0;
          lengths.add([...q.trim()].length);
        }
      }
    }
    expect(differences).toEqual([]);
    expect(compared).toBe(DAYS.length * 2 * queries.size);
    expect(found).toBeGreaterThan(10_000);
    for (const n of [1, 2, 3, 4, 5, 6]) expect(lengths.has(n), `queries of ${n} characters`).toBe(true);
  }, 300_000);

  it('finds a producer by name only on the days its identity is public', async () => {
    // producers withheld on the earlier day and public on the later one (two consecutive failures, 003 Art. 27(4)5)
    const { rows } = await db.sql.query<{ name: string }>(
      `WITH named AS (
         SELECT d.day, sc.producer_name AS name, bool_or(now_.identity_public) AS public
           FROM unnest($1::date[]) AS d(day)
           JOIN case_period now_ ON now_.published AND now_.valid_from <= d.day AND (now_.valid_until IS NULL OR now_.valid_until > d.day)
           JOIN spot_check sc ON sc.id = now_.spot_check_id
          GROUP BY 1, 2)
       SELECT later.name FROM named later JOIN named earlier ON earlier.name = later.name AND earlier.day < later.day
        WHERE later.public AND NOT earlier.public ORDER BY 1`,
      [DAYS],
    );
    expect(rows.length).toBeGreaterThan(0);
    const [later, earlier] = DAYS;
    const count = async (viewer: Viewer, day: string, text: string) => {
      const where = spotCheckWhere(viewer, day, { text });
      return (await db.sql.query(`SELECT sc.id FROM ${spotCheckFrom('$1')} ${where}`, where.params)).rowCount;
    };
    for (const { name } of rows) {
      expect(await count(ANONYMOUS, earlier, name), `${name} on ${earlier}`).toBe(0);
      expect(await count(ANONYMOUS, later, name), `${name} on ${later}`).toBeGreaterThan(0);
      expect(await count(BUREAU, earlier, name), `${name} on ${earlier}, bureau`).toBeGreaterThan(0);
    }
  });

  it('answers from the gram index for queries of one, two and more characters', async () => {
    for (const q of ['壶', '水壶', '电热水壶', 'MX', '有限公司']) {
      const where = spotCheckWhere(ANONYMOUS, DAYS[0], { text: q });
      const { rows } = await db.sql.query(
        `EXPLAIN SELECT sc.id FROM ${spotCheckFrom('$1')} ${where} ORDER BY sc.report_date DESC, sc.id DESC LIMIT 21`,
        where.params,
      );
      expect(rows.map((r) => r['QUERY PLAN']).join('\n'), q).toContain('spot_check_search_grams');
    }
  });
});
