import { Migration } from '@mikro-orm/migrations';

/** The trigram indexes as this migration made them (spot_check's were replaced by the search_grams migration). */
const TRIGRAM_COLUMNS = {
  spot_check: ['product_name', 'trademark', 'model_spec', 'production_batch'],
  enterprise: ['name'],
  certified_item: ['name'],
};

/**
 * pg_trgm for Chinese substring search (shipped with PostgreSQL's contrib: embedded and Debian
 * alike) and the trigram indexes the entities declared (trigramIndexes in record-columns.ts): the
 * migration generator does not emit expression indexes, so they are created here. The list is
 * written out, not imported, so that this migration keeps doing what it did.
 */
export class Migration20261122072925_trigram_extension extends Migration {
  override name = 'Migration20261122072925_trigram_extension';

  override up(): void {
    this.addSql(`create extension if not exists pg_trgm;`);
    for (const [table, columns] of Object.entries(TRIGRAM_COLUMNS)) {
      for (const column of columns) {
        this.addSql(`create index "${table}_${column}_trgm" on "${table}" using gin ("${column}" gin_trgm_ops);`);
      }
    }
  }

  override down(): void {
    this.addSql(`drop extension if exists pg_trgm;`);
  }
}
