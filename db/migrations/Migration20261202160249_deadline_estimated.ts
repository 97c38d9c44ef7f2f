import { Migration } from '@mikro-orm/migrations';

export class Migration20261202160249_deadline_estimated extends Migration {
  override name = 'Migration20261202160249_deadline_estimated';

  override up(): void | Promise<void> {
    this.addSql(`alter table "case_deadline" add "starts_on_estimated" boolean not null default false;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "case_deadline" drop column "starts_on_estimated";`);
  }
}
