import type { City, Industry } from '@hub/schema';
import type { Queryable } from '@hub/db';
import { dataGeneration } from '../live/changes.ts';
import { single } from '../repository/loaders.ts';
import { Repository } from '../repository/repository.ts';

/**
 * The two small tables every list names (17 cities, a few hundred industry classes), kept per
 * database pool until the public data next changes (live/changes.ts): a page of results then
 * names its cities without a query of its own. A failed read is not kept.
 */
const kept = new WeakMap<Queryable, { generation: string; tables: Map<string, Promise<Map<string, City | Industry>>> }>();

function keptTable<T extends City | Industry>(db: Queryable, name: 'city' | 'industry', sql: string): Promise<Map<string, T>> {
  let entry = kept.get(db);
  if (!entry || entry.generation !== dataGeneration()) {
    entry = { generation: dataGeneration(), tables: new Map() };
    kept.set(db, entry);
  }
  let table = entry.tables.get(name);
  if (!table) {
    const tables = entry.tables;
    table = db.query<T>(sql).then((rows) => new Map<string, City | Industry>(rows.map((r) => [r.code, r])));
    table.catch(() => tables.delete(name));
    tables.set(name, table);
  }
  return table as Promise<Map<string, T>>;
}

/** Reference data: the cities of Hubei (GB/T 2260) and the GB/T 4754 industry classes on record. */
export class ReferenceRepository extends Repository {
  cities(): Promise<City[]> {
    return this.db.query<City>(`SELECT code, name, short_name AS "shortName" FROM city ORDER BY code`);
  }

  industries(): Promise<Industry[]> {
    return this.db.query<Industry>(`SELECT code, name FROM industry ORDER BY code`);
  }

  /** every industry class, for labels (no order) */
  industryNames(): Promise<Industry[]> {
    return this.db.query<Industry>('SELECT code, name FROM industry');
  }

  private readonly cityLoader = single<string, City>(
    (codes) => this.db.query(`SELECT code, name, short_name AS "shortName" FROM city WHERE code = ANY($1)`, [codes]),
    (r) => r.code,
  );

  private readonly industryLoader = single<string, Industry>(
    (codes) => this.db.query(`SELECT code, name FROM industry WHERE code = ANY($1)`, [codes]),
    (r) => r.code,
  );

  /** a bureau token may be looking at a draft's new rows: it reads the tables themselves */
  async city(code: string): Promise<City | null> {
    if (this.viewer.bureau) return this.cityLoader.load(code);
    const cities = await keptTable<City>(this.db, 'city', `SELECT code, name, short_name AS "shortName" FROM city`);
    return cities.get(code) ?? null;
  }

  async industry(code: string): Promise<Industry | null> {
    if (this.viewer.bureau) return this.industryLoader.load(code);
    return (await keptTable<Industry>(this.db, 'industry', 'SELECT code, name FROM industry')).get(code) ?? null;
  }

  /** several at once, in one statement with the other lookups of this request */
  async industriesByCode(codes: readonly string[]): Promise<Industry[]> {
    return (await Promise.all(codes.map((c) => this.industry(c)))).flatMap((i) => (i ? [i] : []));
  }
}
