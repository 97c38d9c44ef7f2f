import { Migration } from '@mikro-orm/migrations';

export class Migration20261122072250_case_state extends Migration {
  override name = 'Migration20261122072250_case_state';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "case_period" ("id" bigserial primary key, "spot_check_id" int not null, "valid_from" date not null, "valid_until" date null, "status" varchar(40) not null, "effective_conclusion" text null, "published" boolean not null, "counted" boolean not null, "identity_public" boolean not null, "identity_basis" varchar(40) null, "correction" boolean not null default false);`,
    );
    this.addSql(`create index "case_period_spot_check_id_valid_from_index" on "case_period" ("spot_check_id", "valid_from");`);
    this.addSql(`create index "case_period_status_valid_from_index" on "case_period" ("status", "valid_from");`);

    this.addSql(
      `create table "case_deadline" ("id" bigserial primary key, "spot_check_id" int not null, "step" varchar(40) not null, "article" varchar(40) not null, "starts_on" date not null, "days" int not null, "due_on" date null, "calendar_missing" boolean not null default false, "met_on" date null);`,
    );
    this.addSql(`create index "case_deadline_spot_check_id_index" on "case_deadline" ("spot_check_id");`);
    this.addSql(`create index "case_deadline_step_due_on_index" on "case_deadline" ("step", "due_on");`);

    this.addSql(
      `alter table "case_period" add constraint "case_period_spot_check_id_foreign" foreign key ("spot_check_id") references "spot_check" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "case_period" add constraint "case_period_effective_conclusion_check" check ("effective_conclusion" in ('pass', 'fail'));`,
    );

    this.addSql(
      `alter table "case_deadline" add constraint "case_deadline_spot_check_id_foreign" foreign key ("spot_check_id") references "spot_check" ("id") on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "case_period" cascade;`);
    this.addSql(`drop table if exists "case_deadline" cascade;`);
  }
}
