import { Migration } from '@mikro-orm/migrations';

export class Migration20261204031136_deadline_latest_due_on extends Migration {
  override name = 'Migration20261204031136_deadline_latest_due_on';

  override up(): void | Promise<void> {
    this.addSql(`alter table "case_deadline" add "latest_due_on" date null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "case_deadline" drop column "latest_due_on";`);
  }
}
