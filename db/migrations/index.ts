// The migrations, in order. `pnpm db:migration:create` adds new ones here.
import { Migration20261122070542_schema } from './Migration20261122070542_schema.ts';
import { Migration20261122070545_history_and_reference } from './Migration20261122070545_history_and_reference.ts';
import { Migration20261122070632_uscc_check } from './Migration20261122070632_uscc_check.ts';
import { Migration20261122072250_case_state } from './Migration20261122072250_case_state.ts';
import { Migration20261122072925_trigram_extension } from './Migration20261122072925_trigram_extension.ts';
import { Migration20261122075718_published_periods } from './Migration20261122075718_published_periods.ts';
import { Migration20261122083702_deadline_overdue } from './Migration20261122083702_deadline_overdue.ts';
import { Migration20261202153249_correction_ledger } from './Migration20261202153249_correction_ledger.ts';
import { Migration20261202160249_deadline_estimated } from './Migration20261202160249_deadline_estimated.ts';
import { Migration20261202160821_token_expiry } from './Migration20261202160821_token_expiry.ts';
import { Migration20261203081422_withdrawals } from './Migration20261203081422_withdrawals.ts';
import { Migration20261204030536_data_generation } from './Migration20261204030536_data_generation.ts';
import { Migration20261204031136_deadline_latest_due_on } from './Migration20261204031136_deadline_latest_due_on.ts';
import { Migration20261204033224_batch_notice } from './Migration20261204033224_batch_notice.ts';
import { Migration20261204193220_search_grams } from './Migration20261204193220_search_grams.ts';
import { Migration20261204200729_stats_aggregate } from './Migration20261204200729_stats_aggregate.ts';

export const migrationsList = [
  { name: 'Migration20261122070542_schema', class: Migration20261122070542_schema },
  { name: 'Migration20261122070545_history_and_reference', class: Migration20261122070545_history_and_reference },
  { name: 'Migration20261122070632_uscc_check', class: Migration20261122070632_uscc_check },
  { name: 'Migration20261122072250_case_state', class: Migration20261122072250_case_state },
  { name: 'Migration20261122072925_trigram_extension', class: Migration20261122072925_trigram_extension },
  { name: 'Migration20261122075718_published_periods', class: Migration20261122075718_published_periods },
  { name: 'Migration20261122083702_deadline_overdue', class: Migration20261122083702_deadline_overdue },
  { name: 'Migration20261202153249_correction_ledger', class: Migration20261202153249_correction_ledger },
  { name: 'Migration20261202160249_deadline_estimated', class: Migration20261202160249_deadline_estimated },
  { name: 'Migration20261202160821_token_expiry', class: Migration20261202160821_token_expiry },
  { name: 'Migration20261203081422_withdrawals', class: Migration20261203081422_withdrawals },
  { name: 'Migration20261204030536_data_generation', class: Migration20261204030536_data_generation },
  { name: 'Migration20261204031136_deadline_latest_due_on', class: Migration20261204031136_deadline_latest_due_on },
  { name: 'Migration20261204033224_batch_notice', class: Migration20261204033224_batch_notice },
  { name: 'Migration20261204193220_search_grams', class: Migration20261204193220_search_grams },
  { name: 'Migration20261204200729_stats_aggregate', class: Migration20261204200729_stats_aggregate },
];
