import { Migration } from '@mikro-orm/migrations';

/**
 * Spot-check text search for any query length (issue 13): one GIN index of every character and
 * every two-character window of the lower-cased search columns, in place of the four trigram
 * indexes (pg_trgm cannot serve a query of one or two characters, and 电视, 茶杯 are two). The
 * API tests `grams @> search_query_grams(q)` first and ILIKE after, so the rows found are exactly
 * those ILIKE finds (see spotCheckSearchGrams in db/src/entities/record-columns.ts).
 *
 * `lower()` is what ILIKE applies to both sides in a multibyte encoding (like.c), so a window of
 * `lower(q)` is a window of `lower(column)` whenever the column contains q. The functions are
 * immutable as `lower()` is: under the database's collation.
 */
export class Migration20261204193220_search_grams extends Migration {
  override name = 'Migration20261204193220_search_grams';

  override up(): void {
    // Characters and character pairs of every part, lower-cased; a null part adds none. The parts
    // are joined with U+001F, and the pairs taken at even and at odd offsets: a pair holding the
    // separator is split away, so no pair spans two parts. plpgsql for the one local variable
    // (a SQL function with subqueries costs five times as much a row).
    this.addSql(`create function search_grams(variadic parts text[]) returns text[]
  language plpgsql immutable parallel safe as $$
declare
  t text := '';
  part text;
begin
  foreach part in array parts loop
    t := t || E'\\x1f' || coalesce(lower(part), '');
  end loop;
  return array_remove(array_remove(string_to_array(t, null)
      || string_to_array(regexp_replace(t, '(..)', E'\\\\1\\x1f', 'g') || E'\\x1f'
        || regexp_replace(substr(t, 2), '(..)', E'\\\\1\\x1f', 'g'), E'\\x1f'), E'\\x1f'), '');
end $$;`);
    // What a row containing q must hold: q itself when one character, else pairs covering it (at
    // even offsets and the last one: fewer keys than every pair, for the same rows in practice and
    // a planner estimate less far off). A query holding the separator holds no key: every row.
    this.addSql(`create function search_query_grams(q text) returns text[]
  language sql immutable parallel safe
  return (select case when strpos(l.t, E'\\x1f') > 0 then '{}'::text[]
      when length(l.t) <= 1 then array[l.t]
      else array(select substr(l.t, i, 2) from generate_series(1, length(l.t) - 1, 2) as i)
        || case when length(l.t) % 2 = 1 then array[substr(l.t, length(l.t) - 1, 2)] else '{}'::text[] end end
    from (select lower(q) as t) l);`);
    // as SPOT_CHECK_SEARCH_INDEX declares it (written out: a migration keeps doing what it did)
    this.addSql(`create index "spot_check_search_grams" on "spot_check" using gin
  ((search_grams(product_name, product_category, trademark, model_spec, production_batch, task_name, producer_name)))
  where conclusion = 'fail';`);
    for (const column of ['product_name', 'trademark', 'model_spec', 'production_batch']) {
      this.addSql(`drop index if exists "spot_check_${column}_trgm";`);
    }
  }

  override down(): void {
    for (const column of ['product_name', 'trademark', 'model_spec', 'production_batch']) {
      this.addSql(`create index "spot_check_${column}_trgm" on "spot_check" using gin ("${column}" gin_trgm_ops);`);
    }
    this.addSql(`drop index "spot_check_search_grams";`);
    this.addSql(`drop function search_query_grams(text);`);
    this.addSql(`drop function search_grams(text[]);`);
  }
}
