import { Migration } from '@mikro-orm/migrations';
import { SEARCH_COLUMNS, trigramIndexes } from '../src/entities/record-columns.ts';

/**
 * pg_trgm for Chinese substring search (shipped with PostgreSQL's contrib: embedded and Debian
 * alike) and the trigram indexes the entities declare (trigramIndexes in record-columns.ts): the
 * migration generator does not emit expression indexes, so they are created here from the same
 * declarations.
 */
export class Migration20261122072925_trigram_extension extends Migration {
  override name = 'Migration20261122072925_trigram_extension';

  override up(): void {
    this.addSql(`create extension if not exists pg_trgm;`);
    for (const table of Object.keys(SEARCH_COLUMNS) as (keyof typeof SEARCH_COLUMNS)[]) {
      for (const index of trigramIndexes(table)) this.addSql(`${index.expression};`);
    }
  }

  override down(): void {
    this.addSql(`drop extension if exists pg_trgm;`);
  }
}
