import { Field, Int, ObjectType } from 'type-graphql';
import { CaseEventKindEnum, CheckTypeEnum, ConclusionEnum, LocalDate, Node, SamplingStageEnum, SeverityEnum } from './common.ts';

@ObjectType({ description: '不符合项: a failed test item (003 Art. 27: published for a final 不合格 result).' })
export class NonconformingItem {
  @Field(() => Int, { description: 'Order within the result, from 1.' }) seq!: number;
  @Field(() => String, { description: '不合格项目.' }) item!: string;
  @Field(() => String, { nullable: true, description: '标准值: the requirement.' }) requirement!: string | null;
  @Field(() => String, { nullable: true, description: '实测值: the measured value.' }) measured!: string | null;
}

@ObjectType({ description: '后处理事项: an event after a result (003 Art. 5–27); `occurredOn` is the day the document was received.' })
export class CaseEvent {
  @Field(() => CaseEventKindEnum) kind!: string;
  @Field(() => String, { description: 'The event’s Chinese name (送达, 异议申请 …).' }) label!: string;
  @Field(() => LocalDate) occurredOn!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Result code: an objection ground, an objection outcome, pass/fail, a disclosure situation.',
  })
  outcome!: string | null;
}

@ObjectType({
  description:
    'A deadline of the case, counted by 003 Art. 34 (start day not counted; a last day that is not a working day moves to the next working day).',
})
export class CaseDeadline {
  @Field(() => String, { description: 'Step code, e.g. objection, rectification.' }) step!: string;
  @Field(() => String, { description: 'The article it follows, e.g. 003 Art. 7.' }) article!: string;
  @Field(() => LocalDate, { description: 'The day the period starts from (not counted).' }) startsOn!: string;
  @Field(() => Boolean, {
    description:
      'true: startsOn (and so dueOn) is an estimate — the 送达 it counts from is not recorded, so the hub assumed the longest delivery time (003 Art. 5).',
  })
  estimated!: boolean;
  @Field(() => Int, { description: 'Length in calendar days.' }) days!: number;
  @Field(() => LocalDate, {
    nullable: true,
    description: 'The last day; null when the official calendar of that year is not loaded (see calendarMissing).',
  })
  dueOn!: string | null;
  @Field(() => Boolean, {
    description: 'true: the year’s State Council holiday calendar is not in the hub, so the deadline is not computed rather than guessed.',
  })
  calendarMissing!: boolean;
  @Field(() => LocalDate, {
    nullable: true,
    description:
      'With calendarMissing: the latest the last day can be under any calendar — the nominal last day plus the longest move the official calendar has made (003 Art. 34). A duty not done by then is overdue. Null when dueOn is known.',
  })
  latestDueOn!: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'When the step was done, if it was.' }) metOn!: string | null;
  @Field(() => Boolean, {
    description:
      'Not done and past due as of the query’s date (past latestDueOn when the calendar is missing). Never true for a step whose absence from the records means only that it is not recorded (the testing agency’s 送达).',
  })
  overdue!: boolean;
  @Field(() => Boolean, {
    description: 'true: the records carry no event for this step as of the query’s date (未记录) — not done, or done and not recorded.',
  })
  notRecorded!: boolean;
}

@ObjectType({ description: 'Where a case stands as of a date (003 Art. 5–25).' })
export class CaseStatus {
  @Field(() => String, {
    description:
      'Status code: passed, awaiting_delivery, objection_window, under_objection, retest_pending, final, withdrawn, transferred, rectification_due, rectification_overdue, recheck_pending, closed_recheck_passed, closed_recheck_failed.',
  })
  status!: string;
  @Field(() => String, { description: 'The status in plain Chinese.' }) label!: string;
  @Field(() => LocalDate, { description: 'The date this answer is for.' }) asOf!: string;
  @Field(() => LocalDate, { description: 'Since when the case has had this status.' }) since!: string;
  @Field(() => ConclusionEnum, {
    nullable: true,
    description: 'The conclusion in force: a re-test replaces the first (Art. 11); a withdrawal leaves none (Art. 13–14).',
  })
  effectiveConclusion!: string | null;
}

@ObjectType({ description: 'What the public may see of this result (003 Art. 15, 26, 27) and why.' })
export class Disclosure {
  @Field(() => Boolean, { description: 'Published to the public.' }) published!: boolean;
  @Field(() => Boolean, { description: 'The producer’s and seller’s identity is published.' }) identityPublic!: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      'Basis: an Art. 27(4) situation code, bureau_decision (27(5)), withheld_sample_authenticity (Art. 15), not_applicable, no_situation.',
  })
  identityBasis!: string | null;
  @Field(() => Boolean, { description: 'A published failure was withdrawn: a public correction applies.' }) correction!: boolean;
  @Field(() => LocalDate, {
    nullable: true,
    description:
      'The day (in China) this failure became public: its batch’s publication, or the day it became a final 不合格 when that was later (a result in its objection window is not published, 003 Art. 7, 16, 26). Null while not published.',
  })
  publishedOn!: string | null;
}

@ObjectType({
  implements: Node,
  description:
    '抽查结果: one tested sample and its conclusion. The producer’s and sampled unit’s identity fields are null unless the rules allow their publication (see `disclosure`).',
})
export class SpotCheck extends Node {
  @Field(() => String, { description: '报告编号 (unique).' }) reportNo!: string;
  @Field(() => CheckTypeEnum) checkType!: string;
  @Field(() => String, { nullable: true, description: '任务名称.' }) taskName!: string | null;
  @Field(() => String, { description: '产品种类.' }) productCategory!: string;
  @Field(() => String, { description: '产品名称.' }) productName!: string;
  @Field(() => String, { nullable: true, description: '商标.' }) trademark!: string | null;
  @Field(() => String, { nullable: true, description: '规格型号.' }) modelSpec!: string | null;
  @Field(() => String, { nullable: true, description: '生产日期/批号.' }) productionBatch!: string | null;
  @Field(() => LocalDate, { nullable: true }) productionDate!: string | null;
  @Field(() => String, { nullable: true, description: '标称生产者名称 — only where its publication is allowed.' }) producerName!:
    | string
    | null;
  @Field(() => String, { nullable: true, description: '标称生产者地址 — only where allowed.' }) producerAddress!: string | null;
  @Field(() => String, { nullable: true, description: '被抽样单位名称 — only where allowed.' }) sampledUnitName!: string | null;
  @Field(() => String, { nullable: true, description: '被抽样单位地址 — only where allowed.' }) sampledUnitAddress!: string | null;
  @Field(() => SamplingStageEnum, { nullable: true }) samplingStage!: string | null;
  @Field(() => String, { nullable: true, description: '电商平台.' }) platform!: string | null;
  @Field(() => LocalDate, { nullable: true }) sampledOn!: string | null;
  @Field(() => String, { nullable: true, description: '抽样机构.' }) samplingAgency!: string | null;
  @Field(() => String, { description: '承检机构.' }) testingAgency!: string;
  @Field(() => LocalDate, { description: '报告日期.' }) reportDate!: string;
  @Field(() => ConclusionEnum, { description: '检验结论 as first reported (see `status.effectiveConclusion` for the one in force).' })
  conclusion!: string;
  @Field(() => SeverityEnum, { nullable: true }) severity!: string | null;
  @Field(() => String, { nullable: true, description: '主要质量问题.' }) mainProblem!: string | null;
  @Field(() => Int, { description: 'Record version (1 = never corrected).' }) version!: number;
}
