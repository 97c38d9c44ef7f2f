import { Migration } from '@mikro-orm/migrations';

export class Migration20261204033224_batch_notice extends Migration {
  override name = 'Migration20261204033224_batch_notice';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "batch" add "notice_url" varchar(2000) null, add "notice_no" varchar(100) null, add "reviewed_items" int null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "batch" drop column "notice_url", drop column "notice_no", drop column "reviewed_items";`);
  }
}
