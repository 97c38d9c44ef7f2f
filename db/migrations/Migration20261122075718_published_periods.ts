import { Migration } from '@mikro-orm/migrations';

export class Migration20261122075718_published_periods extends Migration {
  override name = 'Migration20261122075718_published_periods';

  override up(): void | Promise<void> {
    this.addSql(
      `create index "case_period_published_index" on "case_period" ("spot_check_id", "valid_from", "valid_until") where "published" = true;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "case_period_published_index";`);
  }
}
