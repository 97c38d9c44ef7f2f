import { Migration } from '@mikro-orm/migrations';

export class Migration20261203081422_withdrawals extends Migration {
  override name = 'Migration20261203081422_withdrawals';

  override up(): void | Promise<void> {
    this.addSql(`alter table "batch" drop constraint "batch_kind_check";`);
    this.addSql(
      `alter table "batch" add constraint "batch_kind_check" check ("kind" in ('certifications', 'cultivation', 'evaluations', 'spot_checks', 'follow_ups', 'revocations', 'warnings', 'dynamic_management', 'withdrawals', 'sample'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "batch" drop constraint "batch_kind_check";`);
    this.addSql(
      `alter table "batch" add constraint "batch_kind_check" check ("kind" in ('certifications', 'cultivation', 'evaluations', 'spot_checks', 'follow_ups', 'revocations', 'warnings', 'dynamic_management', 'sample'));`,
    );
  }
}
