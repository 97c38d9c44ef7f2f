import { Migration } from '@mikro-orm/migrations';

export class Migration20261122070632_uscc_check extends Migration {
  override name = 'Migration20261122070632_uscc_check';

  override up(): void | Promise<void> {
    this.addSql(`alter table "enterprise" add constraint "enterprise_uscc_valid" check (hub_uscc_valid(uscc));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "enterprise" drop constraint "enterprise_uscc_valid";`);
  }
}
