import type { CaseEventKind, DisclosureSituation, ObjectionGround, ObjectionOutcome } from '../vocabulary.ts';
import type { DayNumber } from '../plain-date.ts';
import type { Random } from './random.ts';

/**
 * What follows a failed result (003 Art. 5–27), as dated events: delivery within 7 days of the
 * report, an objection in about one case in ten (15-day window) with its decision and re-test, the
 * transfer to the local authority after the objection window, the correction order, the
 * rectification and re-check — most on time, some late, some never (overdue cases) — and the
 * situations that make the producer's name public (Art. 27(4)).
 */

export interface EventDraft {
  kind: CaseEventKind;
  day: DayNumber;
  outcome: string | null;
  note: string | null;
}

export interface Timeline {
  events: EventDraft[];
  /** the final result: a re-test can turn it into a pass, an upheld objection withdraws it */
  final: 'fail' | 'pass' | 'withdrawn';
}

export interface FollowUpContext {
  serious: boolean;
  /** the local authority the failure is transferred to (后处理单位) */
  authority: string;
  /** the producer is in Hubei and sells to consumers: it may recall */
  mayRecall: boolean;
  /** the previous final result of the same producer and product failed too (Art. 27(4)5) */
  previousFailed: boolean;
  /** fixed by a revocation scenario */
  forced?: { recall: boolean };
}

const GROUNDS: readonly (readonly [ObjectionGround, number])[] = [
  ['conclusion', 50],
  ['sampling', 14],
  ['method', 10],
  ['standard', 10],
  ['sample_authenticity', 10],
  ['other', 6],
];

const DELIVERY_NOTES = ['邮寄送达，已签收', '邮寄送达，已签收', '直接送达', '委托当地市场监督管理部门送达'];

export function followUp(r: Random, reportDay: DayNumber, ctx: FollowUpContext): Timeline {
  const events: EventDraft[] = [];
  const add = (kind: CaseEventKind, day: DayNumber, outcome: string | null = null, note: string | null = null) => {
    // one event of a kind a day (case_event unique key): a second one moves to the next day
    while (events.some((e) => e.kind === kind && e.day === day)) day++;
    events.push({ kind, day, outcome, note });
  };

  const delivered =
    reportDay +
    r.weighted([
      [1, 8],
      [2, 20],
      [3, 25],
      [4, 20],
      [5, 14],
      [6, 8],
      [7, 5],
    ]);
  add('delivered', delivered, null, r.pick(DELIVERY_NOTES));

  let transferFrom = delivered + 15; // Art. 7: no objection within 15 days = none
  const final: Timeline['final'] = 'fail';
  if (!ctx.forced && r.chance(0.1)) {
    const filed = delivered + r.int(3, 14);
    const ground = r.weighted(GROUNDS);
    add('objection_filed', filed, ground);
    const decided = filed + r.int(10, 30);
    const outcome: ObjectionOutcome =
      ground === 'conclusion'
        ? r.chance(0.6)
          ? 'retest'
          : 'rejected'
        : ground === 'sample_authenticity'
          ? r.chance(0.4)
            ? 'authenticity_upheld'
            : 'rejected'
          : ground === 'other'
            ? 'rejected'
            : r.chance(0.3)
              ? 'withdrawn'
              : 'rejected';
    add('objection_decided', decided, outcome, OBJECTION_NOTES[outcome]);
    transferFrom = decided;
    if (outcome === 'withdrawn') return { events, final: 'withdrawn' };
    if (outcome === 'retest') {
      if (r.chance(0.9)) {
        const confirmed = decided + r.int(1, 7); // Art. 9: within 7 days
        add('retest_sample_confirmed', confirmed);
        const result = confirmed + r.int(12, 30);
        const pass = r.chance(0.3);
        add('retest_result', result, pass ? 'pass' : 'fail', pass ? '复检合格，原检验结论不成立' : '复检结论与初检一致，维持原检验结论');
        if (pass) return { events, final: 'pass' };
        transferFrom = result;
      } else {
        transferFrom = decided + 8; // Art. 10(2): no confirmation within 7 days ends the re-test
      }
    }
  }

  const transferred = transferFrom + r.int(3, 12);
  add('transferred', transferred, null, `移交${ctx.authority}`);
  if (ctx.previousFailed)
    add('disclosure_situation', transferred + r.int(1, 10), 'consecutive_failures', '同一生产者同一产品连续两次监督抽查不合格');
  if (ctx.serious && !ctx.forced && r.chance(0.04)) {
    add(
      'disclosure_situation',
      delivered + r.int(20, 40),
      'bureau_decision' satisfies DisclosureSituation,
      '涉及公共安全，经省局决定公开生产者信息',
    );
  }

  const ordered = transferred + (r.chance(0.95) ? r.int(3, 14) : r.int(16, 25)); // Art. 17: within 15 days
  add('correction_ordered', ordered, null, '责令自收到通知书之日起60日内完成整改');

  const recall = ctx.forced ? ctx.forced.recall : ctx.serious && ctx.mayRecall && r.chance(0.3);
  if (recall) add('recalled', ordered + r.int(5, 30), null, `召回已售出产品 ${r.int(30, 2400)} 件`);
  else if (ctx.serious && ctx.mayRecall && r.chance(0.03)) {
    add('disclosure_situation', ordered + r.int(45, 70), 'not_recalled' satisfies DisclosureSituation, '存在严重质量问题的产品未依法召回');
  }

  const x = ctx.forced ? 0.5 : r.next();
  if (x < 0.03) {
    const refused = ordered + r.int(20, 50);
    add('refused_rectification', refused, null, '无正当理由拒绝整改');
    add('disclosure_situation', refused + r.int(5, 20), 'refused_rectification', '不合格且无正当理由拒绝整改');
    return { events, final };
  }
  if (x < 0.04) add('disclosure_situation', ordered + r.int(20, 50), 'sold_before_recheck', '整改复查合格前继续销售同一型号产品');
  if (x < 0.1) return { events, final }; // no application for a re-check: overdue after 60 days
  const applied = ordered + (x < 0.18 ? r.int(61, 90) : r.int(20, 60)); // Art. 20: within 60 days (some late)
  add('recheck_applied', applied, null, x < 0.18 ? '逾期提交整改报告及复查申请' : '提交整改报告及复查申请');
  const pass = r.chance(0.9);
  add('recheck_result', applied + r.int(8, 25), pass ? 'pass' : 'fail', pass ? '复查检验合格' : '复查检验仍不合格');
  return { events, final };
}

const OBJECTION_NOTES: Record<ObjectionOutcome, string> = {
  rejected: '异议理由不成立，维持原检验结论',
  withdrawn: '异议成立，撤回原检验结论',
  retest: '具备复检条件，组织复检',
  authenticity_upheld: '样品真实性异议成立，检验结论有效，不公开标称生产者信息',
};
