import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { openOrm, migrate, HUBEI_CITIES } from '@hub/db';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

describe('migrations', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createTestDatabase();
    // an empty database: drop everything the template brought, then migrate from nothing
    await db.sql.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    orm = await openOrm(db.url);
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  it('apply to an empty database', async () => {
    const applied = await migrate(orm);
    expect(applied.length).toBeGreaterThanOrEqual(3);
    expect(await orm.migrator.getPending()).toEqual([]);
  });

  it('leave no difference between the entities and the database', async () => {
    const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(diff.replace(/set names 'utf8';/, '').trim()).toBe('');
  });

  it('load the 17 cities of Hubei', async () => {
    const { rows } = await db.sql.query('SELECT code, short_name FROM city ORDER BY code');
    expect(rows).toHaveLength(17);
    expect(rows.map((r) => r.code)).toEqual(HUBEI_CITIES.map((c) => c.code).sort());
  });

  it('are applied once: a second run applies nothing', async () => {
    expect(await migrate(orm)).toEqual([]);
  });
});
