/**
 * 这个标识还有效吗, in plain Chinese (issue 15 §4): the words for the API's answer
 * (`LogoAuthorisation.validity`, api/src/rules/logo.ts). A stopped authorisation says since
 * when and by which decision, never the term it would have run to.
 */
import { LogoValidity } from '@hub/db/vocabulary';
import type { Logo } from './records/logo.ts';
import { dateLabel } from './format.ts';

export interface LogoAnswer {
  /** the API's code, or 'none' when no authorisation is on record */
  validity: string;
  tone: 'ok' | 'bad' | 'warn';
  /** e.g. 已停止使用 */
  label: string;
  /** e.g. （自2025年12月1日起，依据鄂精品委〔2025〕3号撤销决定）; '' when the label says it all */
  detail: string;
  /** label + detail */
  text: string;
}

const TONE: Record<string, LogoAnswer['tone']> = { valid: 'ok', stopped: 'bad', expired: 'warn', not_yet_valid: 'warn' };

export function logoAnswer(l: Logo | null): LogoAnswer {
  if (!l) return answer('none', 'warn', '本站没有标识使用授权记录', '');
  const label = LogoValidity.find(l.validity) ?? l.validity;
  const tone = TONE[l.validity] ?? 'warn';
  switch (l.validity) {
    case 'stopped':
      return answer(
        l.validity,
        tone,
        label,
        `（自${dateLabel(l.stoppedOn)}起${l.stoppedBy ? `，依据${l.stoppedBy.decisionNo}撤销决定` : ''}）`,
      );
    case 'expired':
      return answer(l.validity, tone, label, `（授权期限至${dateLabel(l.validUntil)}）`);
    case 'not_yet_valid':
      return answer(l.validity, tone, label, `（自${dateLabel(l.authorisedOn)}起）`);
    default:
      return answer(l.validity, tone, label, '');
  }
}

const answer = (validity: string, tone: LogoAnswer['tone'], label: string, detail: string): LogoAnswer => ({
  validity,
  tone,
  label,
  detail,
  text: label + detail,
});

/** The term of one authorisation as a history row shows it: a stopped one ends on its stop. */
export function logoTerm(l: Logo): string {
  if (l.validity === 'stopped') return `${dateLabel(l.authorisedOn)}起，${dateLabel(l.stoppedOn)}停止`;
  return `${dateLabel(l.authorisedOn)}起${l.validUntil ? `，至${dateLabel(l.validUntil)}` : '（未记录期限）'}`;
}
