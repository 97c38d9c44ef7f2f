import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  column,
  columns,
  entities,
  Enterprise,
  maxLength,
  maxLengths,
  Revocation,
  SpotCheck,
  tableColumns,
  tableName,
  type EntityClass,
} from '@hub/db';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

describe('the column map read from the entities', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('names every column, its length and nullability as the migrated database has them', async () => {
    const { rows } = await db.sql.query<{
      table_name: string;
      column_name: string;
      character_maximum_length: number | null;
      is_nullable: 'YES' | 'NO';
    }>(
      `SELECT table_name, column_name, character_maximum_length, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    for (const entity of entities as unknown as EntityClass[]) {
      const table = tableName(entity);
      const fromEntity = tableColumns(entity).map((c) => ({ name: c.name, length: c.length, nullable: c.nullable }));
      const fromDatabase = rows
        .filter((r) => r.table_name === table)
        .map((r) => ({ name: r.column_name, length: r.character_maximum_length ?? undefined, nullable: r.is_nullable === 'YES' }));
      expect(sortByName(fromEntity), table).toEqual(sortByName(fromDatabase));
    }
  });

  it('gives relations their join column and refuses a length where there is none', () => {
    expect(columns(SpotCheck, ['reportNo', 'producer', 'city', 'reportDate'])).toMatchObject([
      { name: 'report_no', type: 'varchar(100)', length: 100, nullable: false },
      { name: 'producer_id', type: 'int', length: undefined },
      { name: 'city_code', length: 6, nullable: true },
      { name: 'report_date', type: 'date' },
    ]);
    expect(maxLengths(Enterprise, ['name', 'county'])).toEqual({ name: 200, county: 50 });
    expect(() => maxLength(SpotCheck, 'remarks')).toThrow('SpotCheck.remarks is text, without a length');
    expect(() => column(Revocation, 'items')).toThrow('Revocation.items is not a property with one column');
  });
});

const sortByName = <T extends { name: string }>(list: T[]) => [...list].sort((a, b) => (a.name < b.name ? -1 : 1));
