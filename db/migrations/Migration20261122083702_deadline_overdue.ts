import { Migration } from '@mikro-orm/migrations';

export class Migration20261122083702_deadline_overdue extends Migration {
  override name = 'Migration20261122083702_deadline_overdue';

  override up(): void | Promise<void> {
    this.addSql(`alter table "case_deadline" add "can_be_overdue" boolean not null default true;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "case_deadline" drop column "can_be_overdue";`);
  }
}
