import { raw } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { LOGGED_LINK_TABLES, VERSIONED_TABLES } from '../src/entities/index.ts';
import { HUBEI_CITIES } from '../src/reference/cities.ts';
import { INDUSTRY_CLASSES } from '../src/reference/industries.ts';

/**
 * What the entities cannot say: the rules the database itself enforces, and reference data.
 *
 * - USCC validity (GB 32100-2015): the function behind the CHECK on enterprise.uscc.
 * - History. Every UPDATE or DELETE of a record must name its batch (`SET LOCAL hub.batch_id`,
 *   optionally `hub.change_reason`); the database raises the version, records the batch and keeps
 *   the replaced row in record_history. record_history itself is append-only.
 * - The 17 cities and the common GB/T 4754 classes.
 */
export class Migration20261122070545_history_and_reference extends Migration {
  override name = 'Migration20261122070545_history_and_reference';

  override async up(): Promise<void> {
    this.addSql(`
      create function hub_uscc_valid(code text) returns boolean
      language plpgsql immutable strict parallel safe as $$
      declare
        alphabet constant text := '0123456789ABCDEFGHJKLMNPQRTUWXY';
        weights constant int[] := array[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28];
        total int := 0;
        expected int;
      begin
        if code !~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$' then
          return false;
        end if;
        for i in 1..17 loop
          total := total + (strpos(alphabet, substr(code, i, 1)) - 1) * weights[i];
        end loop;
        expected := 31 - (total % 31);
        if expected = 31 then expected := 0; end if;
        return substr(alphabet, expected + 1, 1) = substr(code, 18, 1);
      end $$;`);

    this.addSql(`
      create function hub_change_batch() returns int language plpgsql stable as $$
      declare
        setting text := nullif(current_setting('hub.batch_id', true), '');
      begin
        if setting is null then
          raise exception 'a change to a published record must name its batch (SET LOCAL hub.batch_id = …)'
            using errcode = 'check_violation';
        end if;
        return setting::int;
      end $$;`);

    // BEFORE UPDATE: keep the replaced version, raise the version, record the changing batch.
    this.addSql(`
      create function hub_version_update() returns trigger language plpgsql as $$
      declare
        changing_batch int := hub_change_batch();
      begin
        insert into record_history (table_name, record_id, version, operation, batch_id, reason, data)
        values (tg_table_name, old.id::text, old.version, 'update', changing_batch,
                nullif(current_setting('hub.change_reason', true), ''), to_jsonb(old));
        new.batch_id := old.batch_id;
        new.version := old.version + 1;
        new.last_batch_id := changing_batch;
        new.updated_at := now();
        return new;
      end $$;`);

    // DELETE of a record or a link row: kept in history with the batch that removed it;
    // INSERT into a link table: logged, since link rows carry no batch of their own.
    this.addSql(`
      create function hub_log_change() returns trigger language plpgsql as $$
      declare
        row_data jsonb := case when tg_op = 'DELETE' then to_jsonb(old) else to_jsonb(new) end;
        changing_batch int := case when tg_op = 'DELETE' then hub_change_batch()
                                   else nullif(current_setting('hub.batch_id', true), '')::int end;
      begin
        insert into record_history (table_name, record_id, version, operation, batch_id, reason, data)
        values (tg_table_name,
                coalesce(row_data->>'id', (select string_agg(value, ':' order by key) from jsonb_each_text(row_data))),
                (row_data->>'version')::int, lower(tg_op), changing_batch,
                nullif(current_setting('hub.change_reason', true), ''), row_data);
        return null;
      end $$;`);

    this.addSql(`
      create function hub_history_is_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'record_history is append-only: % is not allowed', tg_op
          using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(`create trigger record_history_append_only before update or delete on record_history
                 for each row execute function hub_history_is_append_only();`);
    this.addSql(`create trigger record_history_no_truncate before truncate on record_history
                 for each statement execute function hub_history_is_append_only();`);

    for (const table of VERSIONED_TABLES) {
      this.addSql(`create trigger ${table}_version before update on "${table}"
                   for each row execute function hub_version_update();`);
      this.addSql(`create trigger ${table}_log_delete after delete on "${table}"
                   for each row execute function hub_log_change();`);
    }
    for (const table of LOGGED_LINK_TABLES) {
      this.addSql(`create trigger ${table}_log after insert or delete on "${table}"
                   for each row execute function hub_log_change();`);
    }

    for (const c of HUBEI_CITIES) {
      this.addSql(raw(`insert into city (code, name, short_name, kind) values (?, ?, ?, ?)`, [c.code, c.name, c.shortName, c.kind]));
    }
    for (const [code, name] of INDUSTRY_CLASSES) {
      this.addSql(raw(`insert into industry (code, name) values (?, ?)`, [code, name]));
    }
  }
}
