import { Migration } from '@mikro-orm/migrations';

export class Migration20261204030536_data_generation extends Migration {
  override name = 'Migration20261204030536_data_generation';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "data_generation" ("id" smallint not null, "epoch" uuid not null default gen_random_uuid(), "n" bigint not null default 0, "changed_at" timestamptz not null default now(), primary key ("id"));`,
    );
    // the one row (api/src/live/changes.ts moves it on)
    this.addSql(`insert into "data_generation" ("id") values (1);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "data_generation" cascade;`);
  }
}
