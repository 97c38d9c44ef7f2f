import { Migration } from '@mikro-orm/migrations';

export class Migration20261202153249_correction_ledger extends Migration {
  override name = 'Migration20261202153249_correction_ledger';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "correction_notice" ("id" serial primary key, "record_type" varchar(63) not null, "record_id" int not null, "record_number" varchar(500) null, "kind" text not null, "published" jsonb not null, "changes" jsonb not null, "still_public" boolean not null, "batch_id" int not null, "reason" text null, "explanation" text not null, "effective_on" date not null, "recorded_on" date not null, "recorded_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "correction_notice_record_type_record_id_index" on "correction_notice" ("record_type", "record_id");`);
    this.addSql(`create index "correction_notice_recorded_on_index" on "correction_notice" ("recorded_on");`);
    this.addSql(`create index "correction_notice_record_number_index" on "correction_notice" ("record_number");`);

    this.addSql(`alter table "batch" add "final" boolean not null default false, add "reason" text null;`);

    this.addSql(
      `alter table "correction_notice" add constraint "correction_notice_batch_id_foreign" foreign key ("batch_id") references "batch" ("id");`,
    );
    this.addSql(
      `alter table "correction_notice" add constraint "correction_notice_kind_check" check ("kind" in ('withdrawn', 'overturned', 'reopened', 'corrected', 'removed'));`,
    );

    // written by hand: a correction notice is as permanent as the history (003 Art. 26)
    this.addSql(`create trigger correction_notice_append_only before update or delete on correction_notice
                 for each row execute function hub_history_is_append_only();`);
    this.addSql(`create trigger correction_notice_no_truncate before truncate on correction_notice
                 for each statement execute function hub_history_is_append_only();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "correction_notice" cascade;`);

    this.addSql(`alter table "batch" drop column "final", drop column "reason";`);
  }
}
