/**
 * Sentences in plain words for a result's page, built from the shared vocabulary's entries
 * (their words and the articles they follow).
 */
import { CaseEventKind, Conclusion, DisclosureSituation, ObjectionGround, ObjectionOutcome } from '@hub/db/vocabulary';
import { clauseLabel, RESULT_RULES_SHORT } from './format.ts';

/** An Art. 27(4)–(5) situation in the article's words, with its clause: '无正当理由拒绝接受监督抽查（第二十七条第（四）项第1目）' */
export function situationText(code: string | null | undefined): string | undefined {
  const situation = DisclosureSituation.find(code);
  return situation && `${situation.longLabel}（${clauseLabel(situation.article.replace(/^\d{3}\s+Art\.\s+/, ''))}）`;
}

/** Why the producer's and seller's identity is (not) shown, in plain words. */
export function identityExplanation(basis: string | null, identityPublic: boolean): string {
  const situation = situationText(basis);
  if (identityPublic && situation) return `依${RESULT_RULES_SHORT}公布生产者、销售者信息，情形：${situation}。`;
  if (basis === 'withheld_sample_authenticity') return `样品真实性异议成立，依${RESULT_RULES_SHORT}第十五条不公布标称生产者信息。`;
  return `未出现${RESULT_RULES_SHORT}第二十七条第（四）项规定的情形，依法不公布生产者、销售者信息。`;
}

/** The outcome of an event in words: the objection's ground, the conclusion, the situation. */
function outcomeWords(kind: string, outcome: string | null): string | null {
  switch (kind) {
    case 'objection_filed':
      return ObjectionGround.find(outcome) ?? null;
    case 'retest_result':
    case 'recheck_result':
      return Conclusion.find(outcome) ?? null;
    case 'disclosure_situation':
      return situationText(outcome) ?? null;
    default:
      return null;
  }
}

/** One case event (003 Art. 5–27) in plain words, with the article it follows. */
export function eventExplanation(kind: string, outcome: string | null): { text: string; article: string } {
  const event = CaseEventKind.find(kind);
  if (!event) return { text: '', article: '' };
  const decision = kind === 'objection_decided' ? ObjectionOutcome.find(outcome) : undefined;
  if (decision) return { text: decision.explanation, article: decision.article };
  return { text: event.explain(outcomeWords(kind, outcome)), article: event.article };
}
