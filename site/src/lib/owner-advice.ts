/**
 * "如果您买了这个产品": what a failure's or a warning's page tells an owner, in plain words
 * (issue 15 §1) — the hazard, what to do, and whether a recall (召回) is on record. Built only
 * from what the record holds: the consumer warning's 风险提示 and 消费建议, the result's main
 * quality problem, nonconforming items and severity (003 Art. 18), and its case events. Where
 * nothing is recorded, it says so rather than guessing.
 */
import { CaseEventKind, DisclosureSituation, Severity } from '@hub/db/vocabulary';
import type { Failure, Warning } from './data.ts';
import { articleLabel, dateLabel } from './format.ts';

export interface OwnerAdvice {
  /** the hazard, each with where it comes from */
  hazards: { source: string; text: string }[];
  /** what the owner should do, in order */
  actions: string[];
  /** whether a recall is on record, in one sentence */
  recall: string;
  /** 'serious' when any source says 严重, else the recorded severity or null */
  severity: 'serious' | 'general' | null;
}

/** how to complain: the national 12315 line and platform of SAMR */
export const COMPLAINT = '与销售者协商不成的，可拨打 12315 或通过全国12315平台（www.12315.cn）投诉举报；请保留购物凭证、产品和包装。';
/** the seller's duty under the Product Quality Law (《中华人民共和国产品质量法》第四十条) */
const SELLER_DUTY = '产品不符合质量要求的，销售者应当负责修理、更换或者退货（《中华人民共和国产品质量法》第四十条）';

const NOTHING_RECORDED_HAZARD = '本站没有记录这个产品的具体危害；请以上面的不符合项和主要质量问题为准。';
const NO_RECALL = '本站没有这个产品的召回记录。';

function recallOf(failures: Failure[]): string {
  for (const f of failures) {
    const recalled = f.events.find((e) => e.kind === 'recalled');
    if (recalled) return `有召回记录：${dateLabel(recalled.occurredOn)}，${CaseEventKind.entries.recalled.explain()}`;
  }
  for (const f of failures)
    if (f.disclosure.identityBasis === 'not_recalled') return `没有召回：记录显示${DisclosureSituation.entries.not_recalled.longLabel}。`;
  return NO_RECALL;
}

function actionsFor(severity: OwnerAdvice['severity'], advice: string[], platforms: string[]): string[] {
  const stop =
    severity === 'serious'
      ? `立即停止使用：这是${Severity.find('serious')}质量问题（${articleLabel('003 Art. 18')}）。`
      : `${severity === 'general' ? '' : '本站没有记录问题的严重程度。'}核对您手中产品的商标、规格型号和生产日期/批号；与本页一致的，建议停止使用。`;
  const seller = platforms.length
    ? `联系销售者要求更换或退货：在${platforms.join('、')}购买的，可通过平台上的订单联系商家。${SELLER_DUTY}。`
    : `联系销售者（您购买的商店或网店）要求更换或退货。${SELLER_DUTY}。`;
  return [...advice.map((a) => `消费警示的建议：${a}`), stop, seller, COMPLAINT];
}

export function failureAdvice(f: Failure, warnings: Warning[]): OwnerAdvice {
  const hazards: OwnerAdvice['hazards'] = [];
  for (const w of warnings) hazards.push({ source: `消费警示“${w.title}”的风险提示`, text: w.risk });
  if (f.mainProblem) hazards.push({ source: '主要质量问题', text: f.mainProblem });
  else if (f.nonconformingItems.length) hazards.push({ source: '不符合项', text: f.nonconformingItems.map((n) => n.item).join('、') });
  if (hazards.length === 0) hazards.push({ source: '记录', text: NOTHING_RECORDED_HAZARD });
  const severity = f.severity === 'serious' ? 'serious' : f.severity === 'general' ? 'general' : null;
  return {
    hazards,
    actions: actionsFor(
      severity,
      warnings.map((w) => w.advice).filter((a): a is string => !!a),
      f.platform ? [f.platform] : [],
    ),
    recall: recallOf([f]),
    severity,
  };
}

export function warningAdvice(w: Warning, failures: Failure[]): OwnerAdvice {
  const severity = failures.some((f) => f.severity === 'serious')
    ? 'serious'
    : failures.some((f) => f.severity === 'general')
      ? 'general'
      : null;
  const platforms = [...new Set(failures.map((f) => f.platform).filter((p): p is string => !!p))];
  return {
    hazards: [{ source: '风险提示', text: w.risk || NOTHING_RECORDED_HAZARD }],
    // the warning's own 消费建议 is on its page already
    actions: actionsFor(severity, [], platforms),
    recall: recallOf(failures),
    severity,
  };
}
