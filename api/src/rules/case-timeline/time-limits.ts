/** The time limits of 003 for what follows a spot-check result: the article and the days of each step. */
import { DeadlineStep } from '@hub/db/vocabulary';

/** The article of each step: the vocabulary's (db/src/vocabulary.ts DeadlineStep), where the site reads it too. */
export const DEADLINE_ARTICLE: Readonly<Record<DeadlineStep, string>> = Object.fromEntries(
  DeadlineStep.codes.map((step) => [step, DeadlineStep.entries[step].article]),
) as Record<DeadlineStep, string>;

export const DEADLINE_DAYS = {
  delivery: 7, // 003 Art. 5: 出具检验报告之日起7日内 送交
  objection: 15, // 003 Art. 7: 收到通知单之日起15日内 提出异议
  retest_sample_confirmation: 7, // 003 Art. 9: 收到异议申请结果通知书7日内 确认复检样品
  correction_order: 15, // 003 Art. 17: 收到移送处理通知书之日起15日内 下达责令改正通知书
  rectification: 60, // 003 Art. 17, 20: 接到改正通知书之日起60日内 完成整改、申请复查
  recheck: 15, // 003 Art. 21: 接到复查申请之日起15日内 组织整改复查
  outcome_report: 10, // 003 Art. 25: 整改复查后10日内 报送处理结果
} as const satisfies Record<DeadlineStep, number>;
