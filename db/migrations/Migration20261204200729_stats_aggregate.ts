import { Migration } from '@mikro-orm/migrations';

export class Migration20261204200729_stats_aggregate extends Migration {
  override name = 'Migration20261204200729_stats_aggregate';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "stats_aggregate" ("id" smallint not null, "as_of" date null, "valid_from" date null, "valid_until" date null, "generation" bigint null, "cells" int not null default 0, "built_at" timestamptz null, primary key ("id"));`,
    );

    this.addSql(
      `create table "stats_cell" ("id" bigserial primary key, "cube" smallint not null, "month" date not null, "check_type" varchar(40) null, "city_code" varchar(6) null, "product_category" varchar(100) null, "severity" varchar(20) null, "conclusion" varchar(10) null, "sampling_stage" varchar(20) null, "platform" varchar(100) null, "testing_agency" varchar(200) null, "industry_code" varchar(4) null, "enterprise_size" varchar(10) null, "status" varchar(40) null, "state" varchar(12) not null, "failed" boolean not null, "identity_public" boolean not null default false, "certified" boolean not null default false, "n" int not null);`,
    );
    this.addSql(`create index "stats_cell_cube_month_index" on "stats_cell" ("cube", "month");`);
    this.addSql(`create index "stats_cell_cube_city_code_month_index" on "stats_cell" ("cube", "city_code", "month");`);
    // the one row (api/src/stats/stats-aggregate.ts): stale until first built
    this.addSql(`insert into "stats_aggregate" ("id") values (1);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "stats_aggregate" cascade;`);
    this.addSql(`drop table if exists "stats_cell" cascade;`);
  }
}
