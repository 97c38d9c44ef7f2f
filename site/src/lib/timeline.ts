import { DeadlineStep } from '@hub/db/vocabulary';
import type { Failure } from './data.ts';
import { dateLabel } from './format.ts';
import { eventExplanation } from './explain.ts';

export interface TimelineEntry {
  date: string | null;
  kind: 'report' | 'event' | 'deadline';
  title: string;
  text: string;
  /** e.g. '003 Art. 7' */
  article: string;
  state?: 'met' | 'overdue' | 'open' | 'unknown';
}

/**
 * A result's case in plain language (003 Art. 5–27): the report, each recorded event and each
 * deadline the rules computed, in date order. Whether a deadline was met, is open, overdue or
 * cannot be computed is the API's answer (`metOn`, `overdue`, `calendarMissing`, `latestDueOn`, computed by
 * api/src/rules/case-timeline.ts); what a step is — the event that records it, or what its
 * window passing means when it is a right — is the shared vocabulary's (DeadlineStep).
 */
export function caseTimeline(
  f: Pick<Failure, 'reportNo' | 'reportDate' | 'testingAgency' | 'events' | 'deadlines'>,
  today: string,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    {
      date: f.reportDate,
      kind: 'report',
      title: '出具检验报告',
      text: `${f.testingAgency}出具检验报告（编号 ${f.reportNo}），检验结论为不合格。`,
      article: '003 Art. 5',
    },
  ];
  for (const e of f.events) {
    const plain = eventExplanation(e.kind, e.outcome);
    entries.push({ date: e.occurredOn, kind: 'event', title: e.label, text: plain.text, article: plain.article });
  }
  for (const d of f.deadlines) {
    const step = DeadlineStep.find(d.step);
    const rule = step ? step.rule(d.days) : `${d.days}日期限。`;
    const ended = !!d.dueOn && d.dueOn < today;
    let state: TimelineEntry['state'];
    let status: string;
    if (d.metOn) {
      state = 'met';
      status = `已于${dateLabel(d.metOn)}办理。`;
    } else if (d.calendarMissing && d.overdue) {
      // over under any calendar: past the nominal last day plus the longest holiday move on record
      state = 'overdue';
      status = `截止日所在年度的法定节假日安排尚未录入，确切截止日暂不计算；但无论如何顺延，截止日最迟为${dateLabel(d.latestDueOn)}，已逾期（《处理办法》第三十四条）。`;
    } else if (d.calendarMissing) {
      state = 'unknown';
      status = '截止日所在年度的法定节假日安排尚未录入，暂不计算截止日（《处理办法》第三十四条）。';
    } else if (step && step.recordedBy === null) {
      state = 'unknown';
      status = '该步骤由监管部门内部报送，不在公开记录中。';
    } else if (d.overdue) {
      state = 'overdue';
      status = `已逾期（截止日${dateLabel(d.dueOn)}）。`;
    } else if (step?.lapse) {
      // a right, not a duty: its window passing unused is never "overdue"
      state = ended ? 'met' : 'open';
      status = ended ? step.lapse : `${step.label}至${dateLabel(d.dueOn)}届满。`;
    } else if (ended && f.events.some((e) => e.occurredOn > d.startsOn)) {
      // past its last day and still not overdue: a later step is recorded, so this one took place
      state = 'met';
      status = '后续步骤已有记录，该步骤已办理（办理日期未记录）。';
    } else if (ended) {
      // no record of the step and nothing after it: unknown, never an accusation (未记录)
      state = 'unknown';
      status = '未记录：公开记录中没有该步骤的办理情况。';
    } else {
      state = 'open';
      status = `截止日为${dateLabel(d.dueOn)}。`;
    }
    entries.push({
      date: d.dueOn ?? d.startsOn,
      kind: 'deadline',
      title: `期限：${step?.label ?? d.step}`,
      text: `${rule}自${dateLabel(d.startsOn)}${d.estimated ? '（估算）' : ''}次日起算${d.days}日${d.dueOn ? `，截止${dateLabel(d.dueOn)}${d.estimated ? '（估算）' : ''}` : ''}。${status}${d.estimated ? '送达日期未记录，起算日按最长送达时间估算。' : ''}`,
      article: d.article,
      state,
    });
  }
  const rank = { report: 0, event: 1, deadline: 2 } as const;
  return entries.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || rank[a.kind] - rank[b.kind]);
}
