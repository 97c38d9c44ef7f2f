import { Migration } from '@mikro-orm/migrations';

export class Migration20261122070542_schema extends Migration {
  override name = 'Migration20261122070542_schema';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "api_token" ("id" serial primary key, "name" varchar(100) not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null default now(), "last_used_at" timestamptz null, "revoked_at" timestamptz null);`,
    );
    this.addSql(`alter table "api_token" add constraint "api_token_name_unique" unique ("name");`);
    this.addSql(`alter table "api_token" add constraint "api_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(
      `create table "batch" ("id" serial primary key, "kind" text not null, "title" varchar(500) not null, "source_file_name" varchar(500) null, "content_hash" varchar(64) null, "status" text not null default 'draft', "is_sample" boolean not null default false, "imported_at" timestamptz not null default now(), "published_at" timestamptz null, "row_count" int not null default 0, "summary" jsonb null, "note" text null);`,
    );
    this.addSql(`alter table "batch" add constraint "batch_content_hash_unique" unique ("content_hash");`);
    this.addSql(`create index "batch_status_published_at_index" on "batch" ("status", "published_at");`);

    this.addSql(
      `create table "batch_row" ("id" bigserial primary key, "batch_id" int not null, "row_number" int not null, "natural_key" varchar(500) not null, "action" text not null, "data" jsonb not null);`,
    );
    this.addSql(`alter table "batch_row" add constraint "batch_row_batch_id_row_number_unique" unique ("batch_id", "row_number");`);

    this.addSql(
      `create table "calendar_year" ("year" int not null, "source" varchar(300) not null, "loaded_at" timestamptz not null default now(), primary key ("year"));`,
    );

    this.addSql(
      `create table "calendar_day" ("date" date not null, "year" int not null, "kind" text not null, "name" varchar(50) not null, primary key ("date"));`,
    );
    this.addSql(`create index "calendar_day_year_index" on "calendar_day" ("year");`);

    this.addSql(
      `create table "city" ("code" varchar(6) not null, "name" varchar(50) not null, "short_name" varchar(20) not null, "kind" text not null, primary key ("code"));`,
    );
    this.addSql(`alter table "city" add constraint "city_name_unique" unique ("name");`);
    this.addSql(`alter table "city" add constraint "city_short_name_unique" unique ("short_name");`);

    this.addSql(
      `create table "consumer_warning" ("id" serial primary key, "title" varchar(300) not null, "published_on" date not null, "product_category" varchar(100) null, "risk" text not null, "advice" text null, "batch_id" int not null, "last_batch_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "consumer_warning_published_on_index" on "consumer_warning" ("published_on");`);
    this.addSql(`create index "consumer_warning_batch_id_index" on "consumer_warning" ("batch_id");`);
    this.addSql(
      `alter table "consumer_warning" add constraint "consumer_warning_title_published_on_unique" unique ("title", "published_on");`,
    );

    this.addSql(
      `create table "enterprise" ("id" serial primary key, "uscc" varchar(18) null, "name" varchar(200) not null, "address" varchar(500) null, "city_code" varchar(6) null, "county" varchar(50) null, "province_code" varchar(2) null, "size" text null, "batch_id" int not null, "last_batch_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`alter table "enterprise" add constraint "enterprise_uscc_unique" unique ("uscc");`);
    this.addSql(`create index "enterprise_city_code_index" on "enterprise" ("city_code");`);
    this.addSql(`create index "enterprise_batch_id_index" on "enterprise" ("batch_id");`);
    this.addSql(`create index "enterprise_name_index" on "enterprise" ("name");`);
    this.addSql(`create unique index "enterprise_name_without_uscc_unique" on "enterprise" ("name") where "uscc" is null;`);

    this.addSql(`create table "industry" ("code" varchar(4) not null, "name" varchar(100) not null, primary key ("code"));`);

    this.addSql(
      `create table "cultivation_entry" ("id" serial primary key, "year" int not null, "enterprise_id" int not null, "item_name" varchar(200) not null, "item_kind" text not null default 'product', "standard" varchar(300) null, "industry_code" varchar(4) null, "contact_name" varchar(50) null, "contact_phone" varchar(50) null, "batch_id" int not null, "last_batch_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "cultivation_entry_year_index" on "cultivation_entry" ("year");`);
    this.addSql(`create index "cultivation_entry_enterprise_id_index" on "cultivation_entry" ("enterprise_id");`);
    this.addSql(`create index "cultivation_entry_industry_code_index" on "cultivation_entry" ("industry_code");`);
    this.addSql(`create index "cultivation_entry_batch_id_index" on "cultivation_entry" ("batch_id");`);
    this.addSql(
      `alter table "cultivation_entry" add constraint "cultivation_entry_year_enterprise_id_item_name_unique" unique ("year", "enterprise_id", "item_name");`,
    );

    this.addSql(
      `create table "certified_item" ("id" serial primary key, "round" int not null, "enterprise_id" int not null, "name" varchar(200) not null, "kind" text not null default 'product', "trademark" varchar(100) null, "standard_no" varchar(100) null, "standard_name" varchar(300) null, "standard_level" text null, "industry_code" varchar(4) null, "certified_on" date null, "certificate_no" varchar(100) null, "seq_no" int null, "batch_id" int not null, "last_batch_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "certified_item_round_index" on "certified_item" ("round");`);
    this.addSql(`create index "certified_item_enterprise_id_index" on "certified_item" ("enterprise_id");`);
    this.addSql(`create index "certified_item_industry_code_index" on "certified_item" ("industry_code");`);
    this.addSql(`alter table "certified_item" add constraint "certified_item_certificate_no_unique" unique ("certificate_no");`);
    this.addSql(`create index "certified_item_batch_id_index" on "certified_item" ("batch_id");`);
    this.addSql(
      `alter table "certified_item" add constraint "certified_item_round_enterprise_id_name_unique" unique ("round", "enterprise_id", "name");`,
    );

    this.addSql(
      `create table "logo_authorisation" ("id" serial primary key, "enterprise_id" int not null, "certified_item_id" int null, "basis" text not null, "authorised_on" date not null, "valid_until" date null, "batch_id" int not null, "last_batch_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "logo_authorisation_enterprise_id_index" on "logo_authorisation" ("enterprise_id");`);
    this.addSql(`create index "logo_authorisation_certified_item_id_index" on "logo_authorisation" ("certified_item_id");`);
    this.addSql(`create index "logo_authorisation_batch_id_index" on "logo_authorisation" ("batch_id");`);
    this.addSql(
      `alter table "logo_authorisation" add constraint "logo_authorisation_enterprise_id_certified_item_id_basis_unique" unique ("enterprise_id", "certified_item_id", "basis");`,
    );

    this.addSql(
      `create table "record_history" ("id" bigserial primary key, "table_name" varchar(63) not null, "record_id" varchar(100) not null, "version" int null, "operation" text not null, "batch_id" int null, "reason" text null, "data" jsonb not null, "recorded_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "record_history_table_name_record_id_index" on "record_history" ("table_name", "record_id");`);
    this.addSql(`create index "record_history_batch_id_index" on "record_history" ("batch_id");`);

    this.addSql(
      `create table "rectification_notice" ("id" serial primary key, "notice_no" varchar(100) not null, "enterprise_id" int not null, "certified_item_id" int null, "problem" text not null, "issued_on" date not null, "due_on" date not null, "completed_on" date null, "result" text null, "batch_id" int not null, "last_batch_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`alter table "rectification_notice" add constraint "rectification_notice_notice_no_unique" unique ("notice_no");`);
    this.addSql(`create index "rectification_notice_enterprise_id_index" on "rectification_notice" ("enterprise_id");`);
    this.addSql(`create index "rectification_notice_certified_item_id_index" on "rectification_notice" ("certified_item_id");`);
    this.addSql(`create index "rectification_notice_batch_id_index" on "rectification_notice" ("batch_id");`);
    this.addSql(`create index "rectification_notice_due_on_index" on "rectification_notice" ("due_on");`);

    this.addSql(
      `create table "revocation" ("id" serial primary key, "decision_no" varchar(100) not null, "decided_on" date not null, "enterprise_id" int not null, "ground" text not null, "ground_text" text null, "facts" text null, "batch_id" int not null, "last_batch_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`alter table "revocation" add constraint "revocation_decision_no_unique" unique ("decision_no");`);
    this.addSql(`create index "revocation_decided_on_index" on "revocation" ("decided_on");`);
    this.addSql(`create index "revocation_enterprise_id_index" on "revocation" ("enterprise_id");`);
    this.addSql(`create index "revocation_batch_id_index" on "revocation" ("batch_id");`);

    this.addSql(
      `create table "revocation_item" ("revocation_id" int not null, "certified_item_id" int not null, primary key ("revocation_id", "certified_item_id"));`,
    );

    this.addSql(
      `create table "self_report" ("id" serial primary key, "enterprise_id" int not null, "year" int not null, "submitted_on" date not null, "review_opinion" text null, "batch_id" int not null, "last_batch_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "self_report_batch_id_index" on "self_report" ("batch_id");`);
    this.addSql(`create index "self_report_year_index" on "self_report" ("year");`);
    this.addSql(`alter table "self_report" add constraint "self_report_enterprise_id_year_unique" unique ("enterprise_id", "year");`);

    this.addSql(
      `create table "spot_check" ("id" serial primary key, "report_no" varchar(100) not null, "check_type" text not null, "task_name" varchar(300) null, "product_category" varchar(100) not null, "product_name" varchar(200) not null, "trademark" varchar(100) null, "model_spec" varchar(200) null, "production_batch" varchar(200) null, "production_date" date null, "producer_id" int not null, "producer_name" varchar(200) not null, "producer_address" varchar(500) null, "sampled_unit_id" int null, "sampled_unit_name" varchar(200) not null, "sampled_unit_address" varchar(500) null, "sampling_stage" text null, "platform" varchar(100) null, "sampled_on" date null, "sampling_agency" varchar(200) null, "testing_agency" varchar(200) not null, "report_date" date not null, "conclusion" text not null, "severity" text null, "main_problem" text null, "remarks" text null, "certified_item_id" int null, "city_code" varchar(6) null, "extra" jsonb null, "batch_id" int not null, "last_batch_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`alter table "spot_check" add constraint "spot_check_report_no_unique" unique ("report_no");`);
    this.addSql(`create index "spot_check_producer_id_index" on "spot_check" ("producer_id");`);
    this.addSql(`create index "spot_check_sampled_unit_id_index" on "spot_check" ("sampled_unit_id");`);
    this.addSql(`create index "spot_check_certified_item_id_index" on "spot_check" ("certified_item_id");`);
    this.addSql(`create index "spot_check_batch_id_index" on "spot_check" ("batch_id");`);
    this.addSql(`create index "spot_check_report_date_index" on "spot_check" ("report_date");`);
    this.addSql(`create index "spot_check_conclusion_report_date_index" on "spot_check" ("conclusion", "report_date");`);
    this.addSql(`create index "spot_check_city_code_report_date_index" on "spot_check" ("city_code", "report_date");`);
    this.addSql(`create index "spot_check_product_category_report_date_index" on "spot_check" ("product_category", "report_date");`);
    this.addSql(`create index "spot_check_check_type_report_date_index" on "spot_check" ("check_type", "report_date");`);

    this.addSql(
      `create table "nonconforming_item" ("id" serial primary key, "spot_check_id" int not null, "seq" int not null, "item" varchar(300) not null, "requirement" varchar(300) null, "measured" varchar(300) null, "batch_id" int not null, "last_batch_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "nonconforming_item_spot_check_id_index" on "nonconforming_item" ("spot_check_id");`);
    this.addSql(`create index "nonconforming_item_batch_id_index" on "nonconforming_item" ("batch_id");`);
    this.addSql(
      `alter table "nonconforming_item" add constraint "nonconforming_item_spot_check_id_seq_unique" unique ("spot_check_id", "seq");`,
    );

    this.addSql(
      `create table "case_event" ("id" serial primary key, "spot_check_id" int not null, "kind" text not null, "occurred_on" date not null, "outcome" varchar(50) null, "note" text null, "batch_id" int not null, "last_batch_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "case_event_batch_id_index" on "case_event" ("batch_id");`);
    this.addSql(`create index "case_event_kind_occurred_on_index" on "case_event" ("kind", "occurred_on");`);
    this.addSql(
      `alter table "case_event" add constraint "case_event_spot_check_id_kind_occurred_on_unique" unique ("spot_check_id", "kind", "occurred_on");`,
    );

    this.addSql(
      `create table "standard_evaluation" ("id" serial primary key, "year" int not null, "enterprise_id" int not null, "cultivation_entry_id" int null, "item_name" varchar(200) not null, "standard_no" varchar(100) not null, "standard_name" varchar(300) null, "standard_level" text null, "passed" boolean not null, "evaluated_on" date null, "batch_id" int not null, "last_batch_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "standard_evaluation_year_index" on "standard_evaluation" ("year");`);
    this.addSql(`create index "standard_evaluation_enterprise_id_index" on "standard_evaluation" ("enterprise_id");`);
    this.addSql(`create index "standard_evaluation_batch_id_index" on "standard_evaluation" ("batch_id");`);
    this.addSql(
      `alter table "standard_evaluation" add constraint "standard_evaluation_year_enterprise_id_item_name_unique" unique ("year", "enterprise_id", "item_name");`,
    );

    this.addSql(
      `create table "trademark" ("id" serial primary key, "enterprise_id" int not null, "name" varchar(100) not null, "batch_id" int not null, "last_batch_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "trademark_batch_id_index" on "trademark" ("batch_id");`);
    this.addSql(`alter table "trademark" add constraint "trademark_enterprise_id_name_unique" unique ("enterprise_id", "name");`);

    this.addSql(
      `create table "warning_spot_check" ("consumer_warning_id" int not null, "spot_check_id" int not null, primary key ("consumer_warning_id", "spot_check_id"));`,
    );

    this.addSql(
      `alter table "batch" add constraint "batch_kind_check" check ("kind" in ('certifications', 'cultivation', 'evaluations', 'spot_checks', 'follow_ups', 'revocations', 'warnings', 'dynamic_management', 'sample'));`,
    );
    this.addSql(`alter table "batch" add constraint "batch_status_check" check ("status" in ('draft', 'published', 'discarded'));`);

    this.addSql(
      `alter table "batch_row" add constraint "batch_row_batch_id_foreign" foreign key ("batch_id") references "batch" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "batch_row" add constraint "batch_row_action_check" check ("action" in ('new', 'corrected', 'unchanged', 'withdrawn'));`,
    );

    this.addSql(
      `alter table "calendar_day" add constraint "calendar_day_year_foreign" foreign key ("year") references "calendar_year" ("year") on delete cascade;`,
    );
    this.addSql(`alter table "calendar_day" add constraint "calendar_day_kind_check" check ("kind" in ('holiday', 'workday'));`);

    this.addSql(
      `alter table "city" add constraint "city_kind_check" check ("kind" in ('prefecture_city', 'autonomous_prefecture', 'direct_city', 'forestry_district'));`,
    );

    this.addSql(
      `alter table "consumer_warning" add constraint "consumer_warning_batch_id_foreign" foreign key ("batch_id") references "batch" ("id");`,
    );
    this.addSql(
      `alter table "consumer_warning" add constraint "consumer_warning_last_batch_id_foreign" foreign key ("last_batch_id") references "batch" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "enterprise" add constraint "enterprise_city_code_foreign" foreign key ("city_code") references "city" ("code") on delete set null;`,
    );
    this.addSql(
      `alter table "enterprise" add constraint "enterprise_batch_id_foreign" foreign key ("batch_id") references "batch" ("id");`,
    );
    this.addSql(
      `alter table "enterprise" add constraint "enterprise_last_batch_id_foreign" foreign key ("last_batch_id") references "batch" ("id") on delete set null;`,
    );
    this.addSql(`alter table "enterprise" add constraint "enterprise_size_check" check ("size" in ('large', 'medium', 'small', 'micro'));`);

    this.addSql(
      `alter table "cultivation_entry" add constraint "cultivation_entry_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id");`,
    );
    this.addSql(
      `alter table "cultivation_entry" add constraint "cultivation_entry_industry_code_foreign" foreign key ("industry_code") references "industry" ("code") on delete set null;`,
    );
    this.addSql(
      `alter table "cultivation_entry" add constraint "cultivation_entry_batch_id_foreign" foreign key ("batch_id") references "batch" ("id");`,
    );
    this.addSql(
      `alter table "cultivation_entry" add constraint "cultivation_entry_last_batch_id_foreign" foreign key ("last_batch_id") references "batch" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "cultivation_entry" add constraint "cultivation_entry_item_kind_check" check ("item_kind" in ('product', 'service', 'engineering'));`,
    );

    this.addSql(
      `alter table "certified_item" add constraint "certified_item_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id");`,
    );
    this.addSql(
      `alter table "certified_item" add constraint "certified_item_industry_code_foreign" foreign key ("industry_code") references "industry" ("code") on delete set null;`,
    );
    this.addSql(
      `alter table "certified_item" add constraint "certified_item_batch_id_foreign" foreign key ("batch_id") references "batch" ("id");`,
    );
    this.addSql(
      `alter table "certified_item" add constraint "certified_item_last_batch_id_foreign" foreign key ("last_batch_id") references "batch" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "certified_item" add constraint "certified_item_kind_check" check ("kind" in ('product', 'service', 'engineering'));`,
    );
    this.addSql(
      `alter table "certified_item" add constraint "certified_item_standard_level_check" check ("standard_level" in ('national', 'industry', 'local', 'group', 'enterprise'));`,
    );

    this.addSql(
      `alter table "logo_authorisation" add constraint "logo_authorisation_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id");`,
    );
    this.addSql(
      `alter table "logo_authorisation" add constraint "logo_authorisation_certified_item_id_foreign" foreign key ("certified_item_id") references "certified_item" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "logo_authorisation" add constraint "logo_authorisation_batch_id_foreign" foreign key ("batch_id") references "batch" ("id");`,
    );
    this.addSql(
      `alter table "logo_authorisation" add constraint "logo_authorisation_last_batch_id_foreign" foreign key ("last_batch_id") references "batch" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "logo_authorisation" add constraint "logo_authorisation_basis_check" check ("basis" in ('certified', 'yangtze_award'));`,
    );

    this.addSql(
      `alter table "record_history" add constraint "record_history_batch_id_foreign" foreign key ("batch_id") references "batch" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "record_history" add constraint "record_history_operation_check" check ("operation" in ('insert', 'update', 'delete'));`,
    );

    this.addSql(
      `alter table "rectification_notice" add constraint "rectification_notice_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id");`,
    );
    this.addSql(
      `alter table "rectification_notice" add constraint "rectification_notice_certified_item_id_foreign" foreign key ("certified_item_id") references "certified_item" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "rectification_notice" add constraint "rectification_notice_batch_id_foreign" foreign key ("batch_id") references "batch" ("id");`,
    );
    this.addSql(
      `alter table "rectification_notice" add constraint "rectification_notice_last_batch_id_foreign" foreign key ("last_batch_id") references "batch" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "rectification_notice" add constraint "rectification_notice_result_check" check ("result" in ('pass', 'fail'));`,
    );

    this.addSql(
      `alter table "revocation" add constraint "revocation_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id");`,
    );
    this.addSql(
      `alter table "revocation" add constraint "revocation_batch_id_foreign" foreign key ("batch_id") references "batch" ("id");`,
    );
    this.addSql(
      `alter table "revocation" add constraint "revocation_last_batch_id_foreign" foreign key ("last_batch_id") references "batch" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "revocation" add constraint "revocation_ground_check" check ("ground" in ('false_material', 'consecutive_failures', 'unrectified', 'serious_impact', 'other_violation'));`,
    );

    this.addSql(
      `alter table "revocation_item" add constraint "revocation_item_revocation_id_foreign" foreign key ("revocation_id") references "revocation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "revocation_item" add constraint "revocation_item_certified_item_id_foreign" foreign key ("certified_item_id") references "certified_item" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "self_report" add constraint "self_report_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id");`,
    );
    this.addSql(
      `alter table "self_report" add constraint "self_report_batch_id_foreign" foreign key ("batch_id") references "batch" ("id");`,
    );
    this.addSql(
      `alter table "self_report" add constraint "self_report_last_batch_id_foreign" foreign key ("last_batch_id") references "batch" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "spot_check" add constraint "spot_check_producer_id_foreign" foreign key ("producer_id") references "enterprise" ("id");`,
    );
    this.addSql(
      `alter table "spot_check" add constraint "spot_check_sampled_unit_id_foreign" foreign key ("sampled_unit_id") references "enterprise" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "spot_check" add constraint "spot_check_certified_item_id_foreign" foreign key ("certified_item_id") references "certified_item" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "spot_check" add constraint "spot_check_city_code_foreign" foreign key ("city_code") references "city" ("code") on delete set null;`,
    );
    this.addSql(
      `alter table "spot_check" add constraint "spot_check_batch_id_foreign" foreign key ("batch_id") references "batch" ("id");`,
    );
    this.addSql(
      `alter table "spot_check" add constraint "spot_check_last_batch_id_foreign" foreign key ("last_batch_id") references "batch" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "spot_check" add constraint "spot_check_check_type_check" check ("check_type" in ('national', 'provincial', 'city', 'dynamic', 'service_evaluation'));`,
    );
    this.addSql(
      `alter table "spot_check" add constraint "spot_check_sampling_stage_check" check ("sampling_stage" in ('production', 'circulation', 'ecommerce'));`,
    );
    this.addSql(`alter table "spot_check" add constraint "spot_check_conclusion_check" check ("conclusion" in ('pass', 'fail'));`);
    this.addSql(`alter table "spot_check" add constraint "spot_check_severity_check" check ("severity" in ('general', 'serious'));`);

    this.addSql(
      `alter table "nonconforming_item" add constraint "nonconforming_item_spot_check_id_foreign" foreign key ("spot_check_id") references "spot_check" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "nonconforming_item" add constraint "nonconforming_item_batch_id_foreign" foreign key ("batch_id") references "batch" ("id");`,
    );
    this.addSql(
      `alter table "nonconforming_item" add constraint "nonconforming_item_last_batch_id_foreign" foreign key ("last_batch_id") references "batch" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "case_event" add constraint "case_event_spot_check_id_foreign" foreign key ("spot_check_id") references "spot_check" ("id");`,
    );
    this.addSql(
      `alter table "case_event" add constraint "case_event_batch_id_foreign" foreign key ("batch_id") references "batch" ("id");`,
    );
    this.addSql(
      `alter table "case_event" add constraint "case_event_last_batch_id_foreign" foreign key ("last_batch_id") references "batch" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "case_event" add constraint "case_event_kind_check" check ("kind" in ('delivered', 'objection_filed', 'objection_decided', 'retest_sample_confirmed', 'retest_result', 'transferred', 'correction_ordered', 'recheck_applied', 'recheck_result', 'disclosure_situation', 'refused_rectification', 'recalled'));`,
    );

    this.addSql(
      `alter table "standard_evaluation" add constraint "standard_evaluation_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id");`,
    );
    this.addSql(
      `alter table "standard_evaluation" add constraint "standard_evaluation_cultivation_entry_id_foreign" foreign key ("cultivation_entry_id") references "cultivation_entry" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "standard_evaluation" add constraint "standard_evaluation_batch_id_foreign" foreign key ("batch_id") references "batch" ("id");`,
    );
    this.addSql(
      `alter table "standard_evaluation" add constraint "standard_evaluation_last_batch_id_foreign" foreign key ("last_batch_id") references "batch" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "standard_evaluation" add constraint "standard_evaluation_standard_level_check" check ("standard_level" in ('national', 'industry', 'local', 'group', 'enterprise'));`,
    );

    this.addSql(
      `alter table "trademark" add constraint "trademark_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id");`,
    );
    this.addSql(`alter table "trademark" add constraint "trademark_batch_id_foreign" foreign key ("batch_id") references "batch" ("id");`);
    this.addSql(
      `alter table "trademark" add constraint "trademark_last_batch_id_foreign" foreign key ("last_batch_id") references "batch" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "warning_spot_check" add constraint "warning_spot_check_consumer_warning_id_foreign" foreign key ("consumer_warning_id") references "consumer_warning" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "warning_spot_check" add constraint "warning_spot_check_spot_check_id_foreign" foreign key ("spot_check_id") references "spot_check" ("id") on update cascade on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "batch_row" drop constraint "batch_row_batch_id_foreign";`);
    this.addSql(`alter table "consumer_warning" drop constraint "consumer_warning_batch_id_foreign";`);
    this.addSql(`alter table "consumer_warning" drop constraint "consumer_warning_last_batch_id_foreign";`);
    this.addSql(`alter table "enterprise" drop constraint "enterprise_batch_id_foreign";`);
    this.addSql(`alter table "enterprise" drop constraint "enterprise_last_batch_id_foreign";`);
    this.addSql(`alter table "cultivation_entry" drop constraint "cultivation_entry_batch_id_foreign";`);
    this.addSql(`alter table "cultivation_entry" drop constraint "cultivation_entry_last_batch_id_foreign";`);
    this.addSql(`alter table "certified_item" drop constraint "certified_item_batch_id_foreign";`);
    this.addSql(`alter table "certified_item" drop constraint "certified_item_last_batch_id_foreign";`);
    this.addSql(`alter table "logo_authorisation" drop constraint "logo_authorisation_batch_id_foreign";`);
    this.addSql(`alter table "logo_authorisation" drop constraint "logo_authorisation_last_batch_id_foreign";`);
    this.addSql(`alter table "record_history" drop constraint "record_history_batch_id_foreign";`);
    this.addSql(`alter table "rectification_notice" drop constraint "rectification_notice_batch_id_foreign";`);
    this.addSql(`alter table "rectification_notice" drop constraint "rectification_notice_last_batch_id_foreign";`);
    this.addSql(`alter table "revocation" drop constraint "revocation_batch_id_foreign";`);
    this.addSql(`alter table "revocation" drop constraint "revocation_last_batch_id_foreign";`);
    this.addSql(`alter table "self_report" drop constraint "self_report_batch_id_foreign";`);
    this.addSql(`alter table "self_report" drop constraint "self_report_last_batch_id_foreign";`);
    this.addSql(`alter table "spot_check" drop constraint "spot_check_batch_id_foreign";`);
    this.addSql(`alter table "spot_check" drop constraint "spot_check_last_batch_id_foreign";`);
    this.addSql(`alter table "nonconforming_item" drop constraint "nonconforming_item_batch_id_foreign";`);
    this.addSql(`alter table "nonconforming_item" drop constraint "nonconforming_item_last_batch_id_foreign";`);
    this.addSql(`alter table "case_event" drop constraint "case_event_batch_id_foreign";`);
    this.addSql(`alter table "case_event" drop constraint "case_event_last_batch_id_foreign";`);
    this.addSql(`alter table "standard_evaluation" drop constraint "standard_evaluation_batch_id_foreign";`);
    this.addSql(`alter table "standard_evaluation" drop constraint "standard_evaluation_last_batch_id_foreign";`);
    this.addSql(`alter table "trademark" drop constraint "trademark_batch_id_foreign";`);
    this.addSql(`alter table "trademark" drop constraint "trademark_last_batch_id_foreign";`);
    this.addSql(`alter table "calendar_day" drop constraint "calendar_day_year_foreign";`);
    this.addSql(`alter table "enterprise" drop constraint "enterprise_city_code_foreign";`);
    this.addSql(`alter table "spot_check" drop constraint "spot_check_city_code_foreign";`);
    this.addSql(`alter table "warning_spot_check" drop constraint "warning_spot_check_consumer_warning_id_foreign";`);
    this.addSql(`alter table "cultivation_entry" drop constraint "cultivation_entry_enterprise_id_foreign";`);
    this.addSql(`alter table "certified_item" drop constraint "certified_item_enterprise_id_foreign";`);
    this.addSql(`alter table "logo_authorisation" drop constraint "logo_authorisation_enterprise_id_foreign";`);
    this.addSql(`alter table "rectification_notice" drop constraint "rectification_notice_enterprise_id_foreign";`);
    this.addSql(`alter table "revocation" drop constraint "revocation_enterprise_id_foreign";`);
    this.addSql(`alter table "self_report" drop constraint "self_report_enterprise_id_foreign";`);
    this.addSql(`alter table "spot_check" drop constraint "spot_check_producer_id_foreign";`);
    this.addSql(`alter table "spot_check" drop constraint "spot_check_sampled_unit_id_foreign";`);
    this.addSql(`alter table "standard_evaluation" drop constraint "standard_evaluation_enterprise_id_foreign";`);
    this.addSql(`alter table "trademark" drop constraint "trademark_enterprise_id_foreign";`);
    this.addSql(`alter table "cultivation_entry" drop constraint "cultivation_entry_industry_code_foreign";`);
    this.addSql(`alter table "certified_item" drop constraint "certified_item_industry_code_foreign";`);
    this.addSql(`alter table "standard_evaluation" drop constraint "standard_evaluation_cultivation_entry_id_foreign";`);
    this.addSql(`alter table "logo_authorisation" drop constraint "logo_authorisation_certified_item_id_foreign";`);
    this.addSql(`alter table "rectification_notice" drop constraint "rectification_notice_certified_item_id_foreign";`);
    this.addSql(`alter table "revocation_item" drop constraint "revocation_item_certified_item_id_foreign";`);
    this.addSql(`alter table "spot_check" drop constraint "spot_check_certified_item_id_foreign";`);
    this.addSql(`alter table "revocation_item" drop constraint "revocation_item_revocation_id_foreign";`);
    this.addSql(`alter table "nonconforming_item" drop constraint "nonconforming_item_spot_check_id_foreign";`);
    this.addSql(`alter table "case_event" drop constraint "case_event_spot_check_id_foreign";`);
    this.addSql(`alter table "warning_spot_check" drop constraint "warning_spot_check_spot_check_id_foreign";`);

    this.addSql(`drop table if exists "api_token" cascade;`);
    this.addSql(`drop table if exists "batch" cascade;`);
    this.addSql(`drop table if exists "batch_row" cascade;`);
    this.addSql(`drop table if exists "calendar_year" cascade;`);
    this.addSql(`drop table if exists "calendar_day" cascade;`);
    this.addSql(`drop table if exists "city" cascade;`);
    this.addSql(`drop table if exists "consumer_warning" cascade;`);
    this.addSql(`drop table if exists "enterprise" cascade;`);
    this.addSql(`drop table if exists "industry" cascade;`);
    this.addSql(`drop table if exists "cultivation_entry" cascade;`);
    this.addSql(`drop table if exists "certified_item" cascade;`);
    this.addSql(`drop table if exists "logo_authorisation" cascade;`);
    this.addSql(`drop table if exists "record_history" cascade;`);
    this.addSql(`drop table if exists "rectification_notice" cascade;`);
    this.addSql(`drop table if exists "revocation" cascade;`);
    this.addSql(`drop table if exists "revocation_item" cascade;`);
    this.addSql(`drop table if exists "self_report" cascade;`);
    this.addSql(`drop table if exists "spot_check" cascade;`);
    this.addSql(`drop table if exists "nonconforming_item" cascade;`);
    this.addSql(`drop table if exists "case_event" cascade;`);
    this.addSql(`drop table if exists "standard_evaluation" cascade;`);
    this.addSql(`drop table if exists "trademark" cascade;`);
    this.addSql(`drop table if exists "warning_spot_check" cascade;`);
  }
}
