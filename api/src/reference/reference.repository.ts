import type { City, Industry } from '@hub/schema';
import { single } from '../repository/loaders.ts';
import { Repository } from '../repository/repository.ts';

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

  city(code: string): Promise<City | null> {
    return this.cityLoader.load(code);
  }

  industry(code: string): Promise<Industry | null> {
    return this.industryLoader.load(code);
  }

  /** several at once, in one statement with the other lookups of this request */
  async industriesByCode(codes: readonly string[]): Promise<Industry[]> {
    return (await this.industryLoader.loadMany(codes)).flatMap((i) => (i && !(i instanceof Error) ? [i] : []));
  }
}
